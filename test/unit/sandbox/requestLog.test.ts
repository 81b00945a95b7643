import assert from 'node:assert/strict';
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
});
