import assert from 'node:assert/strict';
import { commands } from '../../../src/cli/commands';
import { runCli } from '../../../src/cli/main';
import { SK, startSandboxClient, type SandboxClient } from '../../support/sandboxClient';
import { recordingIo } from '../../support/cliIo';

describe('metastudio assets list (against the sandbox)', () => {
  let cloud: SandboxClient;

  before(async () => {
    cloud = await startSandboxClient();
  });
  beforeEach(() => cloud.sandbox.clearFaults());
  after(() => cloud.close());

  async function run(args: string[], e = cloud.env) {
    const io = recordingIo({ env: e });
    const code = await runCli(['assets', ...args], io, commands);
    return { code, out: io.out, err: io.err };
  }

  it('prints the API asset objects as one JSON array, following pages up to --limit', async () => {
    const { code, out, err } = await run(['list', '--source', 'ALL', '--limit', '250', '--format', 'json']);
    assert.equal(code, 0, err);
    const assets = JSON.parse(out) as { asset_id: string; asset_type: string }[];
    assert.equal(assets.length, 250);
    assert.equal(new Set(assets.map((a) => a.asset_id)).size, 250);
    assert.deepEqual(cloud.sandbox.requests.filter((r) => r.path.endsWith('/digital-assets')).slice(-3).map((r) => r.query),
      ['offset=0&limit=100&asset_source=ALL', 'offset=100&limit=100&asset_source=ALL', 'offset=200&limit=50&asset_source=ALL']);
  });

  it('lists everything up to the default 1000, filtered by --type and --name', async () => {
    const all = await run(['list', '--source', 'all', '--format', 'json']);
    assert.ok((JSON.parse(all.out) as unknown[]).length > 250);
    const voices = await run(['list', '--source', 'SYSTEM', '--type', 'VOICE_MODEL', '--format', 'json']);
    const parsed = JSON.parse(voices.out) as { asset_type: string; asset_name: string }[];
    assert.ok(parsed.length > 1 && parsed.every((a) => a.asset_type === 'VOICE_MODEL'));
    const name = parsed[0].asset_name;
    const named = JSON.parse((await run(['list', '--source', 'SYSTEM', '--name', name, '--format', 'json'])).out) as { asset_name: string }[];
    assert.ok(named.length >= 1 && named.every((a) => a.asset_name.includes(name)));
  });

  it('prints an aligned table as text', async () => {
    const { code, out, err } = await run(['list', '--source', 'SYSTEM', '--type', 'VOICE_MODEL', '--limit', '5']);
    assert.equal(code, 0);
    const lines = out.trimEnd().split('\n');
    assert.equal(lines.length, 6);
    assert.match(lines[0], /^ASSET ID +TYPE +STATE +NAME$/);
    const nameColumn = lines[0].indexOf('NAME');
    for (const line of lines.slice(1)) assert.match(line.slice(0, nameColumn), /^[0-9a-f]{32} +VOICE_MODEL +ACTIVED +$/);
    assert.equal(err, '5 assets\n');
  });

  it('exits 3 without credentials', async () => {
    const { code, err } = await run(['list'], { METASTUDIO_ENDPOINT: cloud.sandbox.url, HUAWEICLOUD_SDK_PROJECT_ID: 'p' });
    assert.equal(code, 3);
    assert.match(err, /^metastudio assets: no credentials/);
  });

  it('exits 1 with one line on stderr for an API error (wrong SK), and no secret', async () => {
    const { code, out, err } = await run(['list', '--sk', 'wrong-secret-value']);
    assert.equal(code, 1);
    assert.equal(out, '');
    assert.equal(err.split('\n').filter(Boolean).length, 1);
    assert.match(err, /^metastudio assets: \S+: .+ \(HTTP 401, request id .+\)\n$/);
    assert.ok(!err.includes('wrong-secret-value') && !err.includes(SK));
  });

  it('reports retries on stderr and still succeeds', async () => {
    cloud.sandbox.injectFault({ kind: '503', method: 'GET' });
    const { code, err } = await run(['list', '--limit', '3', '--format', 'json']);
    assert.equal(code, 0);
    assert.match(err, /HTTP 503; retrying in/);
  });

  it('exits 2 on usage errors', async () => {
    assert.equal((await run(['list', '--source', 'MINE'])).code, 2);
    assert.equal((await run(['list', '--limit', '0'])).code, 2);
    assert.equal((await run(['show'])).code, 2);
    assert.equal((await run(['list', '--endpoint', 'http://example.com'])).code, 2);
    assert.equal((await run(['list', '--format', 'xml'])).code, 2);
  });
});
