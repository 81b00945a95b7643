/**
 * An upload streams: a 200 MB file (sparse, so that making it writes nothing) goes to the sandbox
 * from a process of its own, whose peak resident memory stays under 150 MB above its level before
 * the upload. The sandbox runs here, so the child's memory is the uploader's alone.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { AK, PROJECT, SK, startSandboxClient, type SandboxClient } from '../../support/sandboxClient';

const SIZE = 200 * 1024 * 1024;
const MAX_GROWTH = 150 * 1024 * 1024;
const MB = 1024 * 1024;

describe('upload memory', function () {
  this.timeout(180_000);
  let cloud: SandboxClient;
  let folder: string;
  before(async () => {
    cloud = await startSandboxClient();
    folder = await mkdtemp(join(tmpdir(), 'upload-memory-'));
  });
  after(async () => {
    await cloud.close();
    await rm(folder, { recursive: true, force: true });
  });

  it(`uploads ${SIZE / MB} MB with the uploader's memory under ${MAX_GROWTH / MB} MB above idle`, async () => {
    const file = join(folder, 'long take.mp4');
    const handle = await open(file, 'w');
    await handle.truncate(SIZE);
    await handle.close();
    const { stdout } = await promisify(execFile)(process.execPath, ['--require', require.resolve('tsx/cjs'), join(__dirname, 'memoryChild.ts')], {
      env: { ...process.env, SANDBOX_URL: cloud.sandbox.url, PROJECT, AK, SK, FILE: file },
    });
    const result = JSON.parse(stdout) as { assetId: string; idleRss: number; maxRss: number; totalMs: number; uploadMs: number };
    const growth = result.maxRss - result.idleRss;
    console.log(`      idle RSS ${(result.idleRss / MB).toFixed(0)} MB, peak ${(result.maxRss / MB).toFixed(0)} MB (+${(growth / MB).toFixed(0)} MB); `
      + `${SIZE / MB} MB in ${(result.totalMs / 1000).toFixed(1)} s with the MD5, the PUT at ${(SIZE / MB / (result.uploadMs / 1000)).toFixed(0)} MB/s`);
    assert.ok(growth < MAX_GROWTH, `the upload grew the process by ${(growth / MB).toFixed(0)} MB`);
    const asset = await cloud.client().getAsset(result.assetId);
    assert.equal(asset.files?.[0].file_size, SIZE, 'the sandbox got every byte');
  });
});
