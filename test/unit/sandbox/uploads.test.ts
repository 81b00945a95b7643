/**
 * The sandbox's asset files and upload endpoint, spoken to directly (requests signed by the
 * official signer, bytes PUT with plain fetch): what it checks of an upload, the review, the
 * uploaded bytes served back and kept across a restart, and the audio of audio-driven scenes.
 */
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { wavTone } from '../../../src/sandbox/media';
import { api, call, FakeClock, scriptBody, usableAssets, withSandbox, type UsableAssets } from './support';

const REVIEW_MS = 1000;
const md5 = (bytes: Buffer) => createHash('md5').update(bytes).digest('base64');
/** A PUT of bytes, or of a stream of them, with plain fetch. */
const put = (url: string, body: Uint8Array | AsyncIterable<Uint8Array>, init: { headers?: Record<string, string>; signal?: AbortSignal } = {}) =>
  fetch(url, { method: 'PUT', body, duplex: 'half', ...init } as unknown as RequestInit);

describe('sandbox uploads', () => {
  const clock = new FakeClock();
  let dataDir: string;
  let sandbox: Awaited<ReturnType<typeof withSandbox>>;
  let assets: UsableAssets;
  const options = () => ({ dataDir, now: clock.now, timings: { jobStepMs: 1000, assetReviewMs: REVIEW_MS } });
  const at = (method: string, path: string, body?: unknown, query?: Record<string, string>) => call(sandbox, method, api(path), { body, query, date: clock.time });

  /** A CREATING asset of `type` and a file announced for `bytes`. */
  async function announce(bytes: Buffer, type = 'IMAGE', category = 'MAIN'): Promise<{ assetId: string; fileId: string; url: string }> {
    const assetId = (await at('POST', '/digital-assets', { asset_name: `upload ${randomBytes(3).toString('hex')}`, asset_type: type })).json.asset_id;
    const file = await at('POST', '/files', { file_name: 'x.png', file_md5: md5(bytes), file_size: bytes.length, file_type: 'png', asset_id: assetId, asset_file_category: category });
    assert.equal(file.status, 200, file.text);
    return { assetId, fileId: file.json.file_id, url: file.json.upload_url };
  }

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'sandbox-uploads-'));
    sandbox = await withSandbox(options());
    assets = await usableAssets(sandbox, clock.time);
  });
  after(async () => {
    await sandbox.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('takes bytes whose Content-MD5 and size match the announced file, answers their MD5 as ETag, and serves them back once confirmed', async () => {
    const bytes = randomBytes(70_000);
    const { assetId, fileId, url } = await announce(bytes);
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/_sandbox\/uploads\/[0-9a-f]{32}\?Expires=\d+&Signature=/);
    const answer = await put(url, bytes, { headers: { 'Content-MD5': md5(bytes) } });
    assert.equal(answer.status, 200);
    assert.equal(answer.headers.get('etag'), `"${createHash('md5').update(bytes).digest('hex')}"`);
    assert.equal((await at('GET', `/digital-assets/${assetId}`)).json.files.length, 0, 'not part of the asset before it is confirmed');
    assert.equal((await at('POST', `/files/${fileId}/complete`, { state: 'CREATED' })).status, 200);
    const details = (await at('GET', `/digital-assets/${assetId}`)).json;
    assert.equal(details.asset_state, 'CREATING', 'under review');
    const back = await fetch(details.files[0].download_url);
    assert.ok(Buffer.from(await back.arrayBuffer()).equals(bytes));
    clock.advance(REVIEW_MS);
    assert.equal((await at('GET', `/digital-assets/${assetId}`)).json.asset_state, 'ACTIVED');
  });

  it('refuses a Content-MD5 other than announced, bytes that do not match it, the wrong size, and a tampered or expired URL', async () => {
    const bytes = randomBytes(10_000);
    const { url } = await announce(bytes);
    const outcome = async (target: string, body: Buffer, headers: Record<string, string> = { 'Content-MD5': md5(bytes) }) => {
      const response = await put(target, body, { headers });
      return `${response.status} ${/<Code>(\w+)<\/Code>/.exec(await response.text())?.[1]}`;
    };
    assert.equal(await outcome(url, bytes, {}), '403 SignatureDoesNotMatch');
    assert.equal(await outcome(url, bytes, { 'Content-MD5': md5(Buffer.from('other')) }), '403 SignatureDoesNotMatch');
    const damaged = Buffer.from(bytes);
    damaged[5] ^= 1;
    assert.equal(await outcome(url, damaged), '400 BadDigest');
    assert.equal(await outcome(url, bytes.subarray(0, 9_000)), '400 IncompleteBody');
    assert.equal(await outcome(url, Buffer.concat([bytes, bytes])), '400 EntityTooLarge');
    assert.equal(await outcome(url.replace(/Signature=[^&]+/, 'Signature=forged'), bytes), '403 SignatureDoesNotMatch');
    assert.equal(await outcome(url.replace(/Expires=\d+/, 'Expires=1'), bytes), '403 SignatureDoesNotMatch');
    clock.advance(25 * 3600_000);
    assert.equal(await outcome(url, bytes), '403 AccessDenied');
    clock.advance(-25 * 3600_000);
    assert.equal((await fetch(url, { method: 'POST', body: bytes })).status, 405);
    assert.equal(await outcome(url, bytes), '200 undefined');
  });

  it('refuses to confirm a file not uploaded, a second MAIN file, a category the type lacks, and another project\'s asset', async () => {
    const bytes = randomBytes(100);
    const { assetId, fileId } = await announce(bytes);
    assert.match((await at('POST', `/files/${fileId}/complete`, { state: 'CREATED' })).json.error_msg, /has not been uploaded/);
    const second = await at('POST', '/files', { file_name: 'y.png', file_md5: md5(bytes), file_size: 100, file_type: 'png', asset_id: assetId, asset_file_category: 'MAIN' });
    assert.match(second.json.error_msg, /has a MAIN file already/);
    const cover = await at('POST', '/files', { file_name: 'y.png', file_md5: md5(bytes), file_size: 100, file_type: 'png', asset_id: assetId, asset_file_category: 'COVER' });
    assert.match(cover.json.error_msg, /IMAGE asset takes files of category MAIN/);
    const badMd5 = await at('POST', '/files', { file_name: 'y.png', file_md5: 'not-md5', file_size: 100, file_type: 'png', asset_id: assetId, asset_file_category: 'MAIN' });
    assert.match(badMd5.json.error_msg, /Base64 of an MD5/);
    const other = await call(sandbox, 'POST', api('/files', 'another-project'), { date: clock.time, body: { file_name: 'y.png', file_md5: md5(bytes), file_size: 100, file_type: 'png', asset_id: assetId, asset_file_category: 'MAIN' } });
    assert.equal(other.status, 404);
    assert.equal((await at('POST', `/files/${fileId}/complete`, { state: 'CANCELLED' })).status, 200);
    assert.equal((await at('POST', `/files/${fileId}/complete`, { state: 'CREATED' })).status, 404, 'a cancelled file is gone');
  });

  it('keeps uploaded bytes and announced files across a restart (with a data folder)', async () => {
    const bytes = randomBytes(5_000);
    const { assetId, fileId, url } = await announce(bytes);
    assert.equal((await put(url, bytes, { headers: { 'Content-MD5': md5(bytes) } })).status, 200);
    await sandbox.close();
    sandbox = await withSandbox(options());
    const kept = await readdir(join(dataDir, 'uploads'));
    assert.ok(kept.includes(fileId) && !kept.some((name) => name.endsWith('.part')), 'the bytes, and no partial upload');
    assert.equal((await at('POST', `/files/${fileId}/complete`, { state: 'CREATED' })).status, 200);
    const details = (await at('GET', `/digital-assets/${assetId}`)).json;
    assert.ok(Buffer.from(await (await fetch(details.files[0].download_url)).arrayBuffer()).equals(bytes));
  });

  it('drops an upload cut off midway: nothing kept, the file can be uploaded again', async () => {
    const bytes = randomBytes(4 * 1024 * 1024);
    const { fileId, url } = await announce(bytes);
    const controller = new AbortController();
    const body = (async function* () {
      yield bytes.subarray(0, 1024 * 1024);
      controller.abort();
    })();
    await assert.rejects(put(url, body, { headers: { 'Content-MD5': md5(bytes) }, signal: controller.signal }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.match((await at('POST', `/files/${fileId}/complete`, { state: 'CREATED' })).json.error_msg, /has not been uploaded/);
    assert.equal((await put(url, bytes, { headers: { 'Content-MD5': md5(bytes) } })).status, 200);
  });

  it('gives audio-driven scenes upload URLs, and fails a job whose audio is missing', async () => {
    const body = scriptBody('audio scenes', assets, ['开场白。', '']);
    (body.shoot_scripts as { shoot_script: Record<string, unknown> }[])[1].shoot_script = { script_type: 'AUDIO' };
    const created = (await at('POST', '/digital-human-video-scripts', body)).json;
    assert.deepEqual(created.audio_files.audio_file_url.map((item: { sequence_no: number }) => item.sequence_no), [1]);
    const missing = (await at('POST', '/2d-digital-human-videos', { script_id: created.script_id })).json.job_id;
    clock.advance(2000);
    const failed = (await at('GET', `/2d-digital-human-videos/${missing}`)).json;
    assert.equal(failed.state, 'FAILED');
    assert.match(failed.error_info.error_msg, /audio file not found.*shot 2/);

    const audio = wavTone(2000, 440, 0.3);
    const url = created.audio_files.audio_file_url[0].audio_file_upload_url;
    assert.equal((await put(url, audio, { headers: { 'Content-MD5': md5(audio) } })).status, 200);
    const rendered = (await at('POST', '/2d-digital-human-videos', { script_id: created.script_id })).json.job_id;
    clock.advance(2000);
    assert.equal((await at('GET', `/2d-digital-human-videos/${rendered}`)).json.state, 'SUCCEED');

    const details = (await at('GET', `/digital-human-video-scripts/${created.script_id}`)).json;
    const download = await fetch(details.audio_files.audio_file_url[0].audio_file_download_url);
    assert.equal(download.headers.get('content-type'), 'audio/wav');
    assert.ok(Buffer.from(await download.arrayBuffer()).equals(audio));

    const updated = (await at('PUT', `/digital-human-video-scripts/${created.script_id}`, body)).json;
    assert.equal(updated.audio_files.audio_file_url[0].audio_file_upload_url.split('?')[0], url.split('?')[0], 'the scene keeps its audio across an update');
    const again = (await at('POST', '/2d-digital-human-videos', { script_id: created.script_id })).json.job_id;
    clock.advance(2000);
    assert.equal((await at('GET', `/2d-digital-human-videos/${again}`)).json.state, 'SUCCEED');
  });

  it('takes at most 100 MB of a scene\'s audio, and fails a job whose audio is not MP3, WAV or M4A', async () => {
    const body = scriptBody('not audio', assets, ['']);
    (body.shoot_scripts as { shoot_script: Record<string, unknown> }[])[0].shoot_script = { script_type: 'AUDIO' };
    const created = (await at('POST', '/digital-human-video-scripts', body)).json;
    const url = created.audio_files.audio_file_url[0].audio_file_upload_url;
    const tooLarge = await put(url, (async function* () { yield Buffer.alloc(1); })(), { headers: { 'Content-Length': String(100 * 1024 * 1024 + 1) } }).catch(() => undefined);
    assert.ok(tooLarge === undefined || tooLarge.status === 400);
    assert.equal((await put(url, Buffer.from('plain text, not audio'))).status, 200);
    const job = (await at('POST', '/2d-digital-human-videos', { script_id: created.script_id })).json.job_id;
    clock.advance(2000);
    assert.match((await at('GET', `/2d-digital-human-videos/${job}`)).json.error_info.error_msg, /not MP3, WAV or M4A/);
  });
});
