/**
 * The preview flow against the sandbox emulator over loopback. Client, sandbox and flow share a
 * virtual clock, so polling count and spacing are exact, and every request is counted on the
 * sandbox.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MetaStudioClient } from '../../../src/core/cloud/client';
import { MetaStudioApiError } from '../../../src/core/cloud/errors';
import { rateLimitsFor, type RateLimits } from '../../../src/core/cloud/throttle';
import type { DigitalAssetInfo } from '../../../src/core/cloud/types';
import { createUndiciTransport, type UndiciTransport } from '../../../src/core/cloud/undiciTransport';
import { DownloadError } from '../../../src/core/download/request';
import { startSandbox, type Sandbox } from '../../../src/sandbox';
import { PreviewCache } from '../../../src/core/preview/previewCache';
import { Previewer, PreviewTimeoutError, TtsJobFailedError, type PreviewerOptions, type TtsApi } from '../../../src/core/preview/previewer';
import { FakeClock } from '../cloud/support';
import { recordingFetch } from '../download/support';

const AK = 'PREVIEWTESTAK0000001';
const SK = 'preview-test-sk-0123456789';
const PROJECT = 'preview-project-0001';
const TTS_DELAY_MS = 12_000;
const UNTHROTTLED = Object.fromEntries(Object.keys(rateLimitsFor(undefined)).map((api) => [api, 1000])) as RateLimits;

describe('preview/previewer against the sandbox', () => {
  const clock = new FakeClock();
  let sandbox: Sandbox;
  let transport: UndiciTransport;
  let client: MetaStudioClient;
  let folder: string;
  let voices: DigitalAssetInfo[];
  let voiceId: string;
  let fileRequests: string[];
  let counter = 0;

  const place = () => ({ endpoint: sandbox.url, projectId: PROJECT });
  const requests = () => sandbox.requests.length;
  const count = (method: string, pattern: RegExp) => sandbox.requests.filter((r) => r.method === method && pattern.test(r.path)).length;
  const uniqueText = (extra = '') => `<speak>第${++counter}次预览。${extra}</speak>`;

  function previewer(options: Partial<PreviewerOptions> = {}): Previewer {
    return new Previewer({ cache: new PreviewCache(folder, { limitBytes: 10 * 1024 * 1024, clock }), fetchFile: recordingFetch(fileRequests), clock, ...options });
  }

  before(async () => {
    sandbox = await startSandbox({ ak: AK, sk: SK, now: () => clock.now(), timings: { jobStepMs: 1000, ttsDelayMs: TTS_DELAY_MS } });
    transport = createUndiciTransport({});
    client = new MetaStudioClient({ endpoint: sandbox.url, projectId: PROJECT, credentials: { kind: 'aksk', ak: AK, sk: SK }, fetch: transport.fetch, clock, rateLimits: UNTHROTTLED });
    voices = (await client.listAssets({ asset_source: 'ALL', asset_type: 'VOICE_MODEL', asset_state: 'ACTIVED', limit: 100 })).assets;
    voiceId = voices.find((v) => !v.asset_extra_meta?.voice_model_meta?.external_voice_meta)!.asset_id;
  });
  after(async () => {
    await transport.close();
    await sandbox.close();
  });
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'preview-flow-'));
    fileRequests = [];
    clock.sleeps.splice(0);
    sandbox.clearFaults();
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('creates the audition, checks soon then every 5 s, downloads every file and caches it', async () => {
    const before = requests();
    const postsBefore = count('POST', /\/ttsc\/audition$/);
    const text = `<speak>${'欢迎使用元宇宙工作室。'.repeat(40)}</speak>`; // 440 spoken characters: 3 files
    const progress: string[] = [];
    const result = await previewer().preview(client, place(), { text, voiceAssetId: voiceId, speed: 120 }, { onProgress: (p) => progress.push(p.kind) });
    assert.equal(result.fromCache, false);
    assert.ok(result.jobId);
    assert.equal(count('POST', /\/ttsc\/audition$/) - postsBefore, 1);
    // Ready 12 s after the create: checks at 1, 6, 11 and 16 s.
    assert.deepEqual(clock.sleeps, [1000, 5000, 5000, 5000]);
    assert.equal(sandbox.requests.slice(before).filter((r) => r.path.includes('/ttsc/audition-file/')).length, 4);
    assert.equal(fileRequests.length, 3);
    assert.equal(result.files.length, 3);
    for (const file of result.files) {
      assert.match(file, /-\d\.wav$/);
      assert.equal(readFileSync(file).subarray(0, 4).toString('latin1'), 'RIFF');
    }
    assert.deepEqual(progress, ['creating', 'waiting', 'waiting', 'waiting', 'downloading', 'downloading', 'downloading']);
  });

  it('plays a repeated preview from the cache with no request at all', async () => {
    const p = previewer();
    const text = uniqueText();
    const first = await p.preview(client, place(), { text, voiceAssetId: voiceId }, { describe: () => ({ voiceName: 'The Voice' }) });
    const before = requests();
    let asked = 0;
    const again = await p.preview(client, place(), { text: `\r\n${text.replace('。', '。')}  `, voiceAssetId: voiceId, speed: 100, pitch: 100, volume: 140 }, { beforeSynthesis: async () => { asked++; } });
    assert.equal(requests(), before, 'the sandbox saw no request');
    assert.equal(again.fromCache, true);
    assert.equal(asked, 0, 'a cache hit is not a billed synthesis');
    assert.deepEqual(again.files, first.files);
    assert.equal(again.label.voiceName, 'The Voice', 'the cache remembers what the caller described');
  });

  it('synthesizes identical previews started together once', async () => {
    const p = previewer();
    const before = count('POST', /\/ttsc\/audition$/);
    const request = { text: uniqueText(), voiceAssetId: voiceId };
    const [a, b] = await Promise.all([p.preview(client, place(), request), p.preview(client, place(), request)]);
    assert.equal(count('POST', /\/ttsc\/audition$/) - before, 1);
    assert.deepEqual(a.files, b.files);
    assert.equal([a.fromCache, b.fromCache].filter(Boolean).length, 1);
  });

  it('stops polling at once when cancelled while waiting, and caches nothing', async () => {
    const p = previewer();
    const abort = new AbortController();
    let checksAtAbort = 0;
    await assert.rejects(p.preview(client, place(), { text: uniqueText(), voiceAssetId: voiceId }, {
      signal: abort.signal,
      onProgress: (e) => {
        if (e.kind === 'waiting' && e.checks === 2) {
          checksAtAbort = count('GET', /\/ttsc\/audition-file\//);
          abort.abort();
        }
      },
    }), { name: 'AbortError' });
    assert.equal(count('GET', /\/ttsc\/audition-file\//), checksAtAbort, 'no check after the cancel');
    assert.deepEqual(await p.cache.keys(), []);
  });

  it('stops before downloading when cancelled as the files are ready', async () => {
    const p = previewer();
    const abort = new AbortController();
    await assert.rejects(p.preview(client, place(), { text: uniqueText(), voiceAssetId: voiceId }, {
      signal: abort.signal,
      onProgress: (e) => { if (e.kind === 'downloading') abort.abort(); },
    }), { name: 'AbortError' });
    assert.equal(fileRequests.length, 0);
    assert.deepEqual(await p.cache.keys(), []);
  });

  it('reports a failed audition with code, message and request id, and caches nothing', async () => {
    const p = previewer();
    const err = await p.preview(client, place(), { text: uniqueText(), voiceAssetId: 'no-such-voice' }).then(() => undefined, (e: unknown) => e);
    assert.ok(err instanceof MetaStudioApiError);
    assert.equal(err.code, 'MSS.20050005');
    assert.ok(err.requestId, 'the request id is kept');
    assert.match(err.message, /MSS\.20050005: .*request id/);

    sandbox.injectFault({ method: 'POST', pathPattern: 'ttsc/audition$', kind: '500' });
    const before = count('POST', /\/ttsc\/audition$/);
    await assert.rejects(p.preview(client, place(), { text: uniqueText(), voiceAssetId: voiceId }), (e: unknown) => e instanceof MetaStudioApiError && e.status === 500);
    assert.equal(count('POST', /\/ttsc\/audition$/) - before, 1, 'a create that may have been billed is not retried');
    assert.deepEqual(await p.cache.keys(), []);
  });

  it('reports a finished audition without files as a failed job', async () => {
    const api: TtsApi = {
      createTtsAudition: async () => ({ job_id: 'job-1' }),
      getTtsAuditionFile: async () => ({ is_file_complete: true, message: 'TTS task failed', files: [] }),
    };
    await assert.rejects(previewer().preview(api, place(), { text: 'x', voiceAssetId: 'v' }), (e: unknown) => e instanceof TtsJobFailedError && /job-1.*TTS task failed/.test(e.message));
  });

  it('gives up after its timeout', async () => {
    const before = count('GET', /\/ttsc\/audition-file\//);
    await assert.rejects(previewer({ timeoutMs: 8000 }).preview(client, place(), { text: uniqueText(), voiceAssetId: voiceId }), PreviewTimeoutError);
    assert.equal(count('GET', /\/ttsc\/audition-file\//) - before, 2, 'checks at 1 and 6 s, none at 11 s');
  });

  it('asks for fresh links when the one-hour links ran out before a download', async () => {
    const p = previewer();
    const checks = () => count('GET', /\/ttsc\/audition-file\//);
    let checksAtDownload = 0;
    const result = await p.preview(client, place(), { text: uniqueText(), voiceAssetId: voiceId }, {
      onProgress: (e) => {
        if (e.kind !== 'downloading') return;
        checksAtDownload = checks();
        clock.time += 3600_000; // the links age an hour before they are used
      },
    });
    assert.equal(checks() - checksAtDownload, 1, 'the links were asked for again');
    assert.equal(fileRequests.length, 1);
    assert.equal(result.files.length, 1);
  });

  it('refuses a file over the size cap and caches nothing', async () => {
    const p = previewer({ maxFileBytes: 1000 });
    await assert.rejects(p.preview(client, place(), { text: uniqueText(), voiceAssetId: voiceId }), (e: unknown) => e instanceof DownloadError && /larger than/.test(e.message));
    assert.deepEqual(await p.cache.keys(), []);
  });

  it('refuses a link that is not https without requesting it', async () => {
    const api: TtsApi = {
      createTtsAudition: async () => ({ job_id: 'job-2' }),
      getTtsAuditionFile: async () => ({ is_file_complete: true, files: [{ download_url: 'http://obs.example.com/a.wav?Signature=secret' }] }),
    };
    const err = await previewer().preview(api, place(), { text: 'x', voiceAssetId: 'v' }).then(() => undefined, (e: unknown) => e);
    assert.ok(err instanceof DownloadError);
    assert.match(err.message, /only https/);
    assert.doesNotMatch(err.message, /secret/);
    assert.equal(fileRequests.length, 0);
  });

  it('plays a voice\'s own SAMPLE file, cached, and says when there is none', async () => {
    const p = previewer();
    const withSample = voices.find((v) => v.files?.some((f) => f.asset_file_category === 'SAMPLE'))!;
    const without = voices.find((v) => !v.files?.some((f) => f.asset_file_category === 'SAMPLE'))!;
    const getAsset = (id: string) => (signal?: AbortSignal) => client.getAsset(id, { signal });
    const sample = await p.sample(place(), withSample.asset_id, getAsset(withSample.asset_id));
    assert.equal(sample?.files.length, 1);
    assert.match(sample!.files[0], /\.wav$/);
    const before = requests();
    assert.equal((await p.sample(place(), withSample.asset_id, getAsset(withSample.asset_id)))?.fromCache, true);
    assert.equal(requests(), before);
    assert.equal(await p.sample(place(), without.asset_id, getAsset(without.asset_id)), undefined);
  });
});
