import assert from 'node:assert/strict';
import { commands } from '../../../src/cli/commands';
import { runCli } from '../../../src/cli/main';
import { assetGroups } from '../../../src/core/assets/groups';
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
    const { code, out, err } = await run(['list', '--source', 'ALL', '--limit', '230', '--format', 'json']);
    assert.equal(code, 0, err);
    const assets = JSON.parse(out) as { asset_id: string; asset_type: string }[];
    assert.equal(assets.length, 230);
    assert.equal(new Set(assets.map((a) => a.asset_id)).size, 230);
    const pages = cloud.sandbox.requests.filter((r) => r.path.endsWith('/digital-assets')).slice(-3).map((r) => new URLSearchParams(r.query));
    assert.deepEqual(pages.map((q) => [q.get('offset'), q.get('limit'), q.get('asset_source')]), [['0', '100', 'ALL'], ['100', '100', 'ALL'], ['200', '30', 'ALL']]);
  });

  it('lists everything up to the default 1000, filtered by --type and --name', async () => {
    const all = await run(['list', '--source', 'all', '--format', 'json']);
    assert.ok((JSON.parse(all.out) as unknown[]).length > 230);
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

  it('lists what the Assets view lists by default: every type it groups, from all sources', async () => {
    const { code, out, err } = await run(['list', '--limit', '1000', '--format', 'json']);
    assert.equal(code, 0, err);
    const types = new Set((JSON.parse(out) as { asset_type: string }[]).map((a) => a.asset_type));
    assert.ok(types.has('VOICE_MODEL') && types.has('HUMAN_MODEL_2D'), [...types].join(', '));
    const query = new URLSearchParams(cloud.sandbox.requests.filter((r) => r.path.endsWith('/digital-assets')).at(-1)!.query);
    assert.equal(query.get('asset_source'), 'ALL');
    assert.deepEqual(query.get('asset_type')?.split(','), assetGroups.flatMap((g) => g.types));
  });

  it('takes --type case-insensitively and refuses an unknown one, naming the valid ones in one line', async () => {
    const voices = await run(['list', '--type', 'voice_model', '--format', 'json']);
    assert.equal(voices.code, 0, voices.err);
    const listed = JSON.parse(voices.out) as { asset_type: string }[];
    assert.ok(listed.length > 0 && listed.every((a) => a.asset_type === 'VOICE_MODEL'));
    for (const [option, value] of [['--type', 'voice'], ['--type', 'VOICE_MODEL,avatar'], ['--source', 'MINE']]) {
      const { code, out, err } = await run(['list', option, value]);
      assert.equal(code, 2, `${option} ${value}`);
      assert.equal(out, '');
      assert.equal(err.split('\n').filter(Boolean).length, 2, err);
      assert.match(err, option === '--type' ? /^metastudio assets: --type takes VOICE_MODEL, HUMAN_MODEL_2D, .*, not "(voice|avatar)"\n/ : /^metastudio assets: --source takes SYSTEM, CUSTOMIZATION, ALL, not "MINE"\n/);
      assert.match(err, /\nRun "metastudio assets --help" for its usage\.\n$/);
    }
  });

  it('exits 2 on usage errors', async () => {
    assert.equal((await run(['list', '--source', 'MINE'])).code, 2);
    assert.equal((await run(['list', '--limit', '0'])).code, 2);
    assert.equal((await run(['show'])).code, 2);
    assert.equal((await run(['list', '--endpoint', 'http://example.com'])).code, 2);
    assert.equal((await run(['list', '--format', 'xml'])).code, 2);
  });
});
