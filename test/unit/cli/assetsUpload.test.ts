/** `metastudio assets upload` and `assets delete` against the sandbox: JSON output and exit codes (docs/decisions/cli-contract.md). */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commands } from '../../../src/cli/commands';
import { runCli } from '../../../src/cli/main';
import { BLOCK_MARKER } from '../../../src/sandbox';
import { recordingIo } from '../../support/cliIo';
import { startSandboxClient, type SandboxClient } from '../../support/sandboxClient';

interface Line {
  file: string;
  asset_id: string | null;
  asset_type?: string;
  asset_name?: string;
  state?: string;
  error?: string;
}

describe('metastudio assets upload and delete (against the sandbox)', () => {
  let cloud: SandboxClient;
  /** A sandbox whose reviews take a minute, for the wait's timeout. */
  let slowReview: SandboxClient;
  let folder: string;

  before(async () => {
    cloud = await startSandboxClient({ timings: { jobStepMs: 300, assetReviewMs: 50 } });
    slowReview = await startSandboxClient({ timings: { jobStepMs: 300, assetReviewMs: 60_000 } });
    folder = await mkdtemp(join(tmpdir(), 'cli-upload-'));
    await writeFile(join(folder, 'background.png'), randomBytes(2_000));
    await writeFile(join(folder, 'theme.mp3'), randomBytes(3_000));
    await writeFile(join(folder, 'notes.txt'), 'not media');
  });
  beforeEach(() => cloud.sandbox.clearFaults());
  after(async () => {
    await cloud.close();
    await slowReview.close();
    await rm(folder, { recursive: true, force: true });
  });

  async function run(args: string[], env = cloud.env) {
    const io = recordingIo({ env, cwd: folder });
    const code = await runCli(['assets', ...args], io, commands);
    return { code, out: io.out, err: io.err };
  }
  const ownCount = async () => (await cloud.client().listAssets({ asset_source: 'CUSTOMIZATION', limit: 1000 })).count;

  it('uploads several files and prints one JSON array of the created assets', async () => {
    const { code, out, err } = await run(['upload', 'background.png', 'theme.mp3', '--tag', 'cli', '--format', 'json']);
    assert.equal(code, 0, err);
    const lines = JSON.parse(out) as Line[];
    assert.deepEqual(lines.map((l) => [l.file, l.asset_type, l.asset_name]), [['background.png', 'IMAGE', 'background'], ['theme.mp3', 'MUSIC', 'theme']]);
    assert.ok(lines.every((l) => /^[0-9a-f]{32}$/.test(l.asset_id!) && (l.state === 'CREATING' || l.state === 'ACTIVED')));
    for (const line of lines) assert.deepEqual((await cloud.client().getAsset(line.asset_id!)).tags, ['cli']);
    assert.match(err, /upload background\.png: uploading 100% of 2000 bytes/);
  });

  it('waits for the review with --wait: 0 when ACTIVED, 1 when BLOCK, 4 when the wait runs out', async () => {
    const active = await run(['upload', 'theme.mp3', '--type', 'audio', '--name', 'theme voice', '--wait', '--format', 'json']);
    assert.equal(active.code, 0, active.err);
    assert.deepEqual((JSON.parse(active.out) as Line[]).map((l) => [l.asset_type, l.state]), [['AUDIO', 'ACTIVED']]);

    const blocked = await run(['upload', 'background.png', '--name', `poster ${BLOCK_MARKER}`, '--wait', '--format', 'json']);
    assert.equal(blocked.code, 1);
    assert.equal((JSON.parse(blocked.out) as Line[])[0].state, 'BLOCK');
    assert.match(blocked.err, /is BLOCK: The content review blocked the asset/);

    const waiting = await run(['upload', 'background.png', '--wait', '--timeout', '0.2', '--format', 'json'], slowReview.env);
    assert.equal(waiting.code, 4);
    assert.equal((JSON.parse(waiting.out) as Line[])[0].state, 'CREATING');
    assert.match(waiting.err, /still CREATING after 0.2 s of waiting/);
  });

  it('exits 2 before sending anything for a file it cannot upload, a missing file or bad usage', async () => {
    const sent = cloud.sandbox.requests.length;
    const text = await run(['upload', 'background.png', 'notes.txt']);
    assert.equal(text.code, 2);
    assert.match(text.err, /notes\.txt: txt files cannot be uploaded; MetaStudio takes jpg, jpeg, png, mp4, mp3, wav\. Nothing was uploaded\./);
    assert.equal((await run(['upload', 'missing.png'])).code, 2);
    assert.equal((await run(['upload', 'background.png', '--type', 'VIDEO'])).code, 2);
    assert.equal((await run(['upload', 'background.png', '--type', 'PPT'])).code, 2);
    assert.equal((await run(['upload', 'background.png', 'theme.mp3', '--name', 'one'])).code, 2);
    assert.equal((await run(['upload'])).code, 2);
    assert.equal((await run(['rename', 'x'])).code, 2);
    assert.equal(cloud.sandbox.requests.length, sent, 'nothing was sent');
  });

  it('exits 1 when an upload fails, stops there, names the file and leaves no asset behind', async () => {
    const before = await ownCount();
    cloud.sandbox.injectFault({ method: 'PUT', pathPattern: '^/_sandbox/uploads/', kind: '500' });
    const { code, out, err } = await run(['upload', 'background.png', 'theme.mp3', '--format', 'json']);
    assert.equal(code, 1);
    const lines = JSON.parse(out) as Line[];
    assert.equal(lines.length, 1, 'the second file was not tried');
    assert.equal(lines[0].asset_id, null);
    assert.match(lines[0].error!, /HTTP 500/);
    assert.match(err, /^metastudio assets: background\.png: The upload to 127\.0\.0\.1:\d+ failed with HTTP 500/m);
    assert.doesNotMatch(`${out}${err}`, /Signature=/);
    assert.equal(await ownCount(), before);
  });

  it('deletes an asset to the recycle bin or, with --force, for good; an unknown ID is an API error', async () => {
    const [uploaded] = JSON.parse((await run(['upload', 'background.png', '--format', 'json'])).out) as Line[];
    const id = uploaded.asset_id!;
    const binned = await run(['delete', id, '--format', 'json']);
    assert.equal(binned.code, 0, binned.err);
    assert.deepEqual(JSON.parse(binned.out), { asset_id: id, permanent: false });
    assert.equal((await cloud.client().getAsset(id)).asset_state, 'DELETED');
    const gone = await run(['delete', id, '--force']);
    assert.equal(gone.code, 0);
    assert.equal(gone.out, `deleted asset ${id} for good\n`);
    const unknown = await run(['delete', id]);
    assert.equal(unknown.code, 1);
    assert.match(unknown.err, /MSS\.10001001: Asset not found \(HTTP 404, request id /);
    assert.equal((await run(['delete'])).code, 2);
  });
});
