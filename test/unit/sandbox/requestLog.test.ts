import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { Sandbox } from '../../../src/sandbox';
import { api, call, withSandbox } from './support';

describe('sandbox request logs', () => {
  let sandbox: Sandbox;
  const lines: string[] = [];
  before(async () => {
    sandbox = await withSandbox({ log: (line) => lines.push(line) });
  });
  after(() => sandbox.close());

  it('leave a pre-signed download\'s Signature out of /_sandbox/requests and the text log alike', async () => {
    const { json } = await call(sandbox, 'GET', api('/digital-assets'), { query: { asset_type: 'IMAGE', limit: '1' } });
    const url = new URL(json.assets[0].files[0].download_url as string);
    const signature = url.searchParams.get('Signature');
    assert.ok(signature);
    assert.equal((await fetch(url)).status, 200);
    url.searchParams.set('Signature', `${signature}forged`);
    assert.equal((await fetch(url)).status, 403);

    const log = (await (await fetch(`${sandbox.url}/_sandbox/requests`)).json()) as { path: string; query: string; status: number }[];
    const downloads = log.filter((r) => r.path === url.pathname);
    assert.deepEqual(downloads.map((r) => [r.query, r.status]), [['', 200], ['', 403]]);
    assert.equal(log.at(0)?.query, 'asset_type=IMAGE&limit=1', 'an API call\'s query is kept');
    for (const text of [JSON.stringify(log), JSON.stringify(sandbox.requests), ...lines]) assert.ok(!text.includes(signature), text);
    assert.equal(lines.filter((line) => line.includes(url.pathname)).length, 2);
  });

  it('leave an upload URL\'s Signature out of both logs as well', async () => {
    const bytes = Buffer.from('a small png stand-in');
    const md5 = createHash('md5').update(bytes).digest('base64');
    const assetId = (await call(sandbox, 'POST', api('/digital-assets'), { body: { asset_name: 'logged upload', asset_type: 'IMAGE' } })).json.asset_id;
    const { json } = await call(sandbox, 'POST', api('/files'), {
      body: { file_name: 'x.png', file_md5: md5, file_size: bytes.length, file_type: 'png', asset_id: assetId, asset_file_category: 'MAIN' },
    });
    const url = new URL(json.upload_url as string);
    const signature = url.searchParams.get('Signature');
    assert.ok(signature);
    const answer = await fetch(url, { method: 'PUT', body: bytes, headers: { 'Content-MD5': md5 } });
    assert.equal(answer.status, 200);

    const log = (await (await fetch(`${sandbox.url}/_sandbox/requests`)).json()) as { path: string; query: string; status: number }[];
    assert.deepEqual(log.filter((r) => r.path === url.pathname).map((r) => [r.query, r.status]), [['', 200]]);
    for (const text of [JSON.stringify(log), JSON.stringify(sandbox.requests), ...lines]) assert.ok(!text.includes(signature), text);
    assert.equal(lines.filter((line) => line.includes(url.pathname)).length, 1);
  });
});
