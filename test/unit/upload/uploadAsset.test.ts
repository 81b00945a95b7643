/**
 * Uploading assets against the sandbox over loopback, with real signing: the whole flow, the
 * checks made before any request, and every failure path, each of which leaves no half-made asset.
 * Client and sandbox share a virtual clock, so a review ends when the test's wait says so.
 */
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MetaStudioClient } from '../../../src/core/cloud/client';
import { MetaStudioApiError } from '../../../src/core/cloud/errors';
import type { FetchLike } from '../../../src/core/cloud/transport';
import { downloadToMemory } from '../../../src/core/download/memory';
import { UploadCleanupError, UploadRefusedError, UploadTransferError } from '../../../src/core/upload/errors';
import { typesForFile } from '../../../src/core/upload/media';
import { prepareUpload, uploadAsset, type UploadProgress } from '../../../src/core/upload/uploadAsset';
import { BLOCK_MARKER } from '../../../src/sandbox';
import { startSandboxClient, type SandboxClient } from '../../support/sandboxClient';
import { conformanceProblems, sdkWire, type OperationName } from '../../support/sdkWire';
import { FakeClock, RecordingLogger } from '../cloud/support';

const REVIEW_MS = 1000;

describe('upload/uploadAsset against the sandbox', () => {
  const clock = new FakeClock();
  const logger = new RecordingLogger();
  let cloud: SandboxClient;
  let client: MetaStudioClient;
  let folder: string;
  /** Every request the client's transport sent: URL, method, headers and a JSON body's text. */
  let sent: { url: string; method: string; headers: Record<string, string>; body?: string }[];

  const file = async (name: string, content: Buffer | string): Promise<string> => {
    const path = join(folder, name);
    await writeFile(path, content);
    return path;
  };
  const apiCalls = () => cloud.sandbox.requests.filter((r) => r.path.startsWith('/v1/')).map((r) => `${r.method} ${r.path.replace(/^\/v1\/[^/]+/, '')}`);
  /** The project's own assets, whatever their state. */
  const ownAssets = async () => (await client.listAssets({ asset_source: 'CUSTOMIZATION', asset_state: ['CREATING', 'ACTIVED', 'BLOCK', 'FAILED', 'DELETED'], limit: 1000 })).assets;

  before(async () => {
    cloud = await startSandboxClient({ clock, timings: { jobStepMs: 1000, assetReviewMs: REVIEW_MS } });
    const recording: FetchLike = (url, init) => {
      sent.push({ url, method: init.method, headers: init.headers, ...(typeof init.body === 'string' ? { body: init.body } : {}) });
      return cloud.transport.fetch(url, init);
    };
    client = cloud.client({ fetch: recording, logger });
    folder = await mkdtemp(join(tmpdir(), 'upload-'));
  });
  after(async () => {
    await cloud.close();
    await rm(folder, { recursive: true, force: true });
  });
  beforeEach(() => {
    sent = [];
    cloud.sandbox.clearFaults();
  });

  it('maps extensions to asset types', () => {
    assert.deepEqual(typesForFile('a/b/Photo.JPG'), ['IMAGE']);
    assert.deepEqual(typesForFile('bg.png'), ['IMAGE']);
    assert.deepEqual(typesForFile('clip.mp4'), ['VIDEO']);
    assert.deepEqual(typesForFile('song.mp3'), ['MUSIC', 'AUDIO']);
    assert.deepEqual(typesForFile('voice.wav'), ['MUSIC', 'AUDIO']);
    assert.deepEqual(typesForFile('notes.txt'), []);
    assert.deepEqual(typesForFile('README'), []);
  });

  it('uploads an image: asset, file, bytes with Content-MD5, confirmation, review to ACTIVED, and the bytes served back', async () => {
    const content = randomBytes(300_000);
    const path = await file('beach background.png', content);
    const progress: UploadProgress[] = [];
    const created: string[] = [];
    const asset = await uploadAsset(client, path, { description: 'for the intro', tags: ['beach', ' '] }, {
      clock, wait: true, onProgress: (p) => progress.push(p), onCreated: (a) => created.push(`${a.assetId} ${a.state}`),
    });
    assert.equal(asset.type, 'IMAGE');
    assert.equal(asset.name, 'beach background');
    assert.equal(asset.state, 'ACTIVED');
    assert.equal(asset.timedOut, false);
    assert.deepEqual(created, [`${asset.assetId} CREATING`]);
    assert.deepEqual(asset.details.tags, ['beach']);
    assert.equal(asset.details.asset_description, 'for the intro');

    const [main] = asset.details.files ?? [];
    assert.equal(main.asset_file_category, 'MAIN');
    assert.equal(main.file_md5, createHash('md5').update(content).digest('base64'));
    assert.equal(main.file_size, content.length);
    const back = await downloadToMemory(main.download_url!, { fetch: cloud.transport.fetch });
    assert.ok(back.data.equals(content), 'the MAIN file is the uploaded bytes');
    assert.equal(back.contentType, 'image/png');

    const put = sent.find((r) => r.method === 'PUT')!;
    assert.equal(put.headers['Content-MD5'], main.file_md5);
    assert.deepEqual(Object.keys(put.headers).sort(), ['Content-Length', 'Content-MD5'], 'no credential goes to the upload URL');
    assert.ok(logger.lines.every((line) => !line.includes('Signature=') && !line.includes('/_sandbox/uploads/')), 'the upload URL is never logged');

    const phases = [...new Set(progress.map((p) => p.phase))];
    assert.deepEqual(phases, ['hashing', 'creating', 'uploading', 'confirming', 'waiting']);
    const uploading = progress.filter((p) => p.phase === 'uploading').map((p) => p.bytes);
    assert.deepEqual(uploading, [...uploading].sort((a, b) => a - b), 'bytes sent only grow');
    assert.equal(uploading.at(-1), content.length);
    assert.ok(progress.every((p) => p.totalBytes === content.length));
  });

  it('uploads a video with its cover (cover first, so that confirming the main file completes the asset), or has the library make one', async () => {
    const video = await file('launch.mp4', randomBytes(50_000));
    const cover = await file('launch-cover.jpg', randomBytes(2_000));
    const withCover = await uploadAsset(client, video, { cover }, { clock, wait: true });
    assert.deepEqual(withCover.details.files?.map((f) => `${f.asset_file_category} ${f.file_name}`), ['COVER launch-cover.jpg', 'MAIN launch.mp4']);
    const made = await uploadAsset(client, video, { name: 'launch without cover' }, { clock, wait: true });
    assert.deepEqual(made.details.files?.map((f) => f.asset_file_category), ['MAIN', 'COVER']);
  });

  it('speaks the SDK\'s request models: every field of the asset, file and confirmation bodies, and the delete\'s query', async () => {
    const video = await file('sdk fields.mp4', randomBytes(20_000));
    const cover = await file('sdk fields cover.png', randomBytes(1_000));
    await uploadAsset(client, video, { cover, description: 'wire check', tags: ['sdk'] }, { clock });
    cloud.sandbox.injectFault({ method: 'PUT', pathPattern: '^/_sandbox/uploads/', kind: '500' });
    await assert.rejects(uploadAsset(client, video, { name: 'sdk fields, failed' }, { clock }), UploadTransferError);
    const operations: Record<string, OperationName> = {
      'POST /digital-assets': 'CreateDigitalAsset', 'POST /files': 'CreateFile', 'POST /files/{id}/complete': 'ConfirmFileUpload',
      'DELETE /files/{id}': 'DeleteFile', 'DELETE /digital-assets/{id}': 'DeleteAsset',
    };
    const seen = new Set<OperationName>();
    for (const request of sent.filter((r) => r.method !== 'GET' && r.method !== 'PUT')) {
      const url = new URL(request.url);
      const operation = operations[`${request.method} ${url.pathname.replace(/^\/v1\/[^/]+/, '').replace(/\/[0-9a-f]{32}/, '/{id}')}`];
      assert.ok(operation, `${request.method} ${url.pathname} is one of the upload's operations`);
      seen.add(operation);
      const model = sdkWire.operations[operation];
      for (const name of url.searchParams.keys()) assert.ok(model.query[name], `${operation}: ${name} is one of the SDK's query parameters`);
      if (request.body === undefined) continue;
      assert.ok(model.request, `${operation} takes a body`);
      assert.deepEqual(conformanceProblems(model.request, JSON.parse(request.body)), [], `${operation}: the SDK's fields only`);
    }
    assert.deepEqual([...seen].sort(), Object.values(operations).sort());
  });

  it('uploads as the type asked for, when the extension fits it', async () => {
    const path = await file('narration.mp3', randomBytes(10_000));
    assert.equal((await uploadAsset(client, path, {}, { clock })).type, 'MUSIC');
    const audio = await uploadAsset(client, path, { type: 'AUDIO', name: 'narration (voice)' }, { clock });
    assert.equal(audio.details.asset_type, 'AUDIO');
    assert.equal(audio.state, 'CREATING', 'without a wait, the asset is still under review');
  });

  it('checks everything before any request, with a clear message', async () => {
    const text = await file('notes.txt', 'hello');
    const empty = await file('empty.png', '');
    const png = await file('fine.png', randomBytes(100));
    const before = cloud.sandbox.requests.length;
    const refused = async (promise: Promise<unknown>, pattern: RegExp) => assert.rejects(promise, (err: unknown) => err instanceof UploadRefusedError && pattern.test(err.message));
    await refused(prepareUpload(text), /txt files cannot be uploaded; MetaStudio takes jpg, jpeg, png, mp4, mp3, wav/);
    await refused(prepareUpload(join(folder, 'missing.png')), /does not exist/);
    await refused(prepareUpload(folder, { type: 'IMAGE' }), /cannot be uploaded as IMAGE|is not a file/);
    await refused(prepareUpload(empty), /is empty/);
    await refused(prepareUpload(png, { type: 'VIDEO' }), /cannot be uploaded as VIDEO: VIDEO assets are mp4 files/);
    await refused(prepareUpload(png, { cover: png }), /only VIDEO assets take a cover/);
    await refused(prepareUpload(await file('v.mp4', 'x'), { cover: text }), /a cover is a jpg, jpeg, png image/);
    await refused(prepareUpload(png, { name: '  ' }), /needs a name/);
    await refused(uploadAsset(client, text), /cannot be uploaded/);
    assert.equal(cloud.sandbox.requests.length, before, 'no request was sent');
  });

  it('refuses a file larger than 5 GiB before any request (a sparse file, nothing written)', async () => {
    const path = join(folder, 'huge.mp4');
    const { open } = await import('node:fs/promises');
    const handle = await open(path, 'w');
    await handle.truncate(5_368_709_121);
    await handle.close();
    await assert.rejects(prepareUpload(path), /larger than 5 GiB/);
    await rm(path);
  });

  it('cleans up after an upload that fails with HTTP 500: no file, no asset left', async () => {
    const path = await file('fails.png', randomBytes(20_000));
    cloud.sandbox.injectFault({ method: 'PUT', pathPattern: '^/_sandbox/uploads/', kind: '500' });
    const count = (await ownAssets()).length;
    await assert.rejects(uploadAsset(client, path, {}, { clock }), (err: unknown) => err instanceof UploadTransferError && err.status === 500);
    assert.deepEqual(apiCalls().slice(-2).map((c) => c.replace(/[0-9a-f]{32}/, 'ID')), ['DELETE /files/ID', 'DELETE /digital-assets/ID']);
    assert.equal((await ownAssets()).length, count, 'the asset was deleted for good');
  });

  it('cleans up after bytes that arrive damaged (BadDigest)', async () => {
    const path = await file('damaged.png', randomBytes(20_000));
    cloud.sandbox.injectFault({ method: 'PUT', pathPattern: '^/_sandbox/uploads/', kind: 'bad-digest' });
    const count = (await ownAssets()).length;
    await assert.rejects(uploadAsset(client, path, {}, { clock }), /BadDigest/);
    assert.equal((await ownAssets()).length, count);
  });

  it('cleans up after a cancel in the middle of the bytes', async () => {
    const content = randomBytes(16 * 1024 * 1024);
    const path = await file('big.mp4', content);
    const controller = new AbortController();
    let sentWhenCancelled = 0;
    const count = (await ownAssets()).length;
    await assert.rejects(uploadAsset(client, path, {}, {
      clock,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase === 'uploading' && p.bytes > 2 * 1024 * 1024 && !controller.signal.aborted) {
          sentWhenCancelled = p.bytes;
          controller.abort();
        }
      },
    }), { name: 'AbortError' });
    assert.ok(sentWhenCancelled > 0 && sentWhenCancelled < content.length, 'cancelled mid-upload');
    assert.equal((await ownAssets()).length, count, 'the half-made asset is gone');
    assert.deepEqual(apiCalls().slice(-3, -1).map((c) => c.replace(/[0-9a-f]{32}/, 'ID')), ['DELETE /files/ID', 'DELETE /digital-assets/ID']);
  });

  it('cleans up after a file that changed between its MD5 and its upload', async () => {
    const path = await file('changing.png', randomBytes(50_000));
    const count = (await ownAssets()).length;
    await assert.rejects(uploadAsset(client, path, {}, {
      clock, onProgress: (p) => { if (p.phase === 'creating') void writeFile(path, randomBytes(50_000)); },
    }), /changed while it was being read/);
    assert.equal((await ownAssets()).length, count);
  });

  it('says what it left behind when the cleanup fails too', async () => {
    const path = await file('stuck.png', randomBytes(1_000));
    cloud.sandbox.injectFault({ method: 'PUT', pathPattern: '^/_sandbox/uploads/', kind: '500' });
    cloud.sandbox.injectFault({ method: 'DELETE', pathPattern: '/digital-assets/', kind: '500' });
    const err = await uploadAsset(client, path, {}, { clock }).then(() => assert.fail('resolved'), (e: unknown) => e);
    assert.ok(err instanceof UploadCleanupError);
    assert.match(err.message, /HTTP 500.*half-made asset [0-9a-f]{32} could not be deleted.*metastudio assets delete [0-9a-f]{32} --force/);
    assert.equal((await client.getAsset(err.assetId)).asset_state, 'CREATING');
    await client.deleteAsset(err.assetId, { force: true });
  });

  it('refuses an upload URL that is not https or loopback, sends nothing there and cleans up', async () => {
    const path = await file('elsewhere.png', randomBytes(1_000));
    const redirected = Object.create(client) as MetaStudioClient;
    redirected.createFile = async (body, options) => ({ ...(await client.createFile(body, options)), upload_url: 'http://obs.example.com/bucket/x.png?Signature=SECRET' });
    const count = (await ownAssets()).length;
    await assert.rejects(uploadAsset(redirected, path, {}, { clock }), (err: unknown) => err instanceof UploadTransferError && /http:\/\/obs\.example\.com/.test(err.message) && !/SECRET/.test(err.message));
    assert.ok(!sent.some((r) => r.url.includes('example.com')));
    assert.equal((await ownAssets()).length, count);
  });

  it('waits for the review: BLOCK with its reason, or stops waiting in time', async () => {
    const path = await file('blocked.png', randomBytes(1_000));
    const blocked = await uploadAsset(client, path, { name: `ad ${BLOCK_MARKER}` }, { clock, wait: true });
    assert.equal(blocked.state, 'BLOCK');
    assert.match(blocked.details.reason ?? '', /review/);
    const pending = await uploadAsset(client, path, { name: 'slow review' }, { clock, wait: { timeoutMs: REVIEW_MS / 2 } });
    assert.equal(pending.state, 'CREATING');
    assert.equal(pending.timedOut, true);
  });

  it('deletes an asset to the recycle bin, or for good', async () => {
    const path = await file('temporary.png', randomBytes(1_000));
    const first = await uploadAsset(client, path, {}, { clock });
    await client.deleteAsset(first.assetId);
    assert.equal((await client.getAsset(first.assetId)).asset_state, 'DELETED');
    const listed = (await client.listAssets({ asset_source: 'CUSTOMIZATION', limit: 1000 })).assets.map((a) => a.asset_id);
    assert.ok(!listed.includes(first.assetId), 'the recycle bin is not listed');
    await client.deleteAsset(first.assetId, { force: true });
    await assert.rejects(client.getAsset(first.assetId), (err: unknown) => err instanceof MetaStudioApiError && err.status === 404);
  });
});
