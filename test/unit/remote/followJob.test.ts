/** Following video jobs against the sandbox on a virtual clock shared by client and sandbox. */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MetaStudioClient } from '../../../src/core/cloud/client';
import { MetaStudioApiError } from '../../../src/core/cloud/errors';
import type { VideoScriptRequest } from '../../../src/core/cloud/types';
import { createUndiciTransport, type UndiciTransport } from '../../../src/core/cloud/undiciTransport';
import { downloadToFile } from '../../../src/core/download/disk';
import { DownloadError } from '../../../src/core/download/request';
import { FAIL_MARKER } from '../../../src/sandbox';
import { followJob, JobWaitTimeoutError, MAX_POLL_MS, MIN_POLL_MS, pollInterval } from '../../../src/core/remote/followJob';
import { describeShot, jobDisplayName, jobErrorText, jobErrorWithShot, jobRunMs, outputVideo, scriptNameOfJob, shotLocation, shotOfError, videoFileName } from '../../../src/core/remote/jobOutcome';
import { FakeClock, json, startLocalServer, type LocalServer } from '../cloud/support';
import { startSandboxClient, UNTHROTTLED, type SandboxClient } from '../../support/sandboxClient';
import { videoBody } from './support';

describe('remote/followJob', () => {
  it('never polls faster than every 5 s and slows down as a job runs long', () => {
    const waits = [0, 10_000, 49_000, 60_000, 120_000, 600_000, 3_600_000].map(pollInterval);
    assert.ok(waits.every((w) => w >= MIN_POLL_MS && w <= MAX_POLL_MS));
    assert.deepEqual(waits, [...waits].sort((a, b) => a - b));
    assert.equal(waits[0], 5_000);
    assert.equal(waits[4], 12_000);
    assert.equal(waits.at(-1), MAX_POLL_MS);
  });

  it('finds the shot an error names', () => {
    assert.deepEqual(shotOfError('Infer Error: shot 2 (sequence_no 7) cannot be rendered'), { index: 1, sequenceNo: 7 });
    assert.deepEqual(shotOfError('bad value at shoot_scripts[3].shoot_script'), { index: 3, sequenceNo: undefined });
    assert.deepEqual(shotOfError('sequence_no: 4 has no text'), { index: undefined, sequenceNo: 4 });
    assert.equal(shotOfError('TTSC task failed'), undefined);
    assert.equal(shotOfError(undefined), undefined);
    assert.equal(describeShot({ index: 1, sequenceNo: 7 }), 'shot 2 (sequence_no 7)');
  });

  it('names the shot of a job error once', () => {
    const job = (error_msg: string) => ({ job_id: 'j', state: 'FAILED', error_info: { error_code: 'MSS.1', error_msg } });
    assert.equal(jobErrorWithShot(job('bad value at shoot_scripts[3].shoot_script')), 'MSS.1: bad value at shoot_scripts[3].shoot_script (shot 4)');
    assert.equal(jobErrorWithShot(job('Infer Error: shot 2 (sequence_no 7) cannot be rendered')), 'MSS.1: Infer Error: shot 2 (sequence_no 7) cannot be rendered');
    assert.equal(jobErrorWithShot({ job_id: 'j', state: 'SUCCEED' }), undefined);
  });
});

describe('remote/jobOutcome output video link', () => {
  let server: LocalServer;
  let transport: UndiciTransport;
  before(async () => {
    server = await startLocalServer();
    transport = createUndiciTransport({});
  });
  after(async () => {
    await transport.close();
    await server.close();
  });

  it('refuses a MAIN file link that is not https (or http to this computer), before anything opens it', async () => {
    let link = '';
    server.handle((_req, res) => json(res, 200, {
      asset_id: 'out', asset_name: 'video', asset_type: 'VIDEO', asset_state: 'ACTIVED',
      files: [{ file_id: 'f', file_name: 'video.mp4', file_type: 'mp4', asset_file_category: 'MAIN', download_url: link }],
    }));
    const client = new MetaStudioClient({
      endpoint: server.url, projectId: 'p', credentials: { kind: 'token', token: 't' }, fetch: transport.fetch, rateLimits: UNTHROTTLED,
    });
    const job = { job_id: 'j', state: 'SUCCEED', output_asset_config: { asset_id: 'out' } };
    for (link of ['file:///etc/passwd', 'vscode://some.extension/run', 'javascript:alert(1)', 'http://files.example.com/v.mp4?Signature=s']) {
      await assert.rejects(outputVideo(client, job), (err: unknown) => err instanceof DownloadError && /^Refused to download/.test(err.message) && !err.message.includes('Signature'), link);
    }
    for (link of ['https://bucket.obs.example.com/v.mp4?Signature=s', `${server.url}/v.mp4`]) assert.equal((await outputVideo(client, job)).url, link);
  });
});

describe('remote/followJob against the sandbox', () => {
  const clock = new FakeClock();
  let cloud: SandboxClient;
  let slowCloud: SandboxClient;
  let folder: string;
  let counter = 0;
  before(async () => {
    cloud = await startSandboxClient({ clock, timings: { jobStepMs: 3_000 } });
    slowCloud = await startSandboxClient({ clock, timings: { jobStepMs: 10 * 60_000 } });
    folder = await mkdtemp(join(tmpdir(), 'jobs-'));
  });
  after(async () => {
    await cloud.close();
    await slowCloud.close();
    await rm(folder, { recursive: true, force: true });
  });
  beforeEach(() => { clock.sleeps.length = 0; });
  afterEach(() => cloud.sandbox.clearFaults());

  async function startJob(target: SandboxClient, text?: string): Promise<string> {
    const client = target.client();
    const { script_id } = await client.createVideoScript(videoBody(`job script ${++counter}`, text) as unknown as VideoScriptRequest);
    return (await client.createVideoJob({ script_id, output_asset_config: { asset_name: `video ${counter}` } })).job_id;
  }

  it('follows a job to SUCCEED and downloads the video from the output asset MAIN file', async () => {
    const jobId = await startJob(cloud);
    const states: string[] = [];
    const job = await followJob(cloud.client(), jobId, { clock, onUpdate: (j) => states.push(j.state) });
    assert.equal(job.state, 'SUCCEED');
    assert.deepEqual(states, ['WAITING', 'PROCESSING', 'SUCCEED']);
    assert.deepEqual(clock.sleeps, [5_000, 5_000]);
    const video = await outputVideo(cloud.client(), job);
    assert.equal(video.assetId, job.output_asset_config?.asset_id);
    assert.match(video.url, /^http:\/\/127\.0\.0\.1:\d+\/_sandbox\/files\//);
    // Saved under its script's name, not the job's ID the sandbox names the MAIN file by.
    assert.equal(videoFileName(video, await scriptNameOfJob(cloud.client(), jobId)), `job script ${counter}.mp4`);
    assert.equal(videoFileName(video, 'a/b: c?'), 'a-b- c.mp4');
    assert.equal(videoFileName(video, undefined), `video ${counter}.mp4`);
    const path = join(folder, 'video.mp4');
    const progress: number[] = [];
    const result = await downloadToFile(video.url, path, { onProgress: (n) => progress.push(n) });
    const bytes = await readFile(path);
    assert.equal(bytes.length, result.bytes);
    assert.equal(bytes.subarray(4, 8).toString('latin1'), 'ftyp', 'an MP4 file');
    assert.equal(progress.at(-1), bytes.length);
  });

  it('reports a FAILED job with its error and the shot it names', async () => {
    const jobId = await startJob(cloud, `第一句。${FAIL_MARKER}`);
    const job = await followJob(cloud.client(), jobId, { clock });
    assert.equal(job.state, 'FAILED');
    assert.match(jobErrorText(job) ?? '', /^MSS\.42000007: /);
    assert.deepEqual(shotOfError(job.error_info?.error_msg), { index: 0, sequenceNo: 0 });
    await assert.rejects(outputVideo(cloud.client(), job), /has not succeeded/);
  });

  it('ends with CANCELED for a waiting job that was cancelled', async () => {
    const jobId = await startJob(cloud);
    await cloud.client().cancelVideoJob(jobId);
    assert.equal((await followJob(cloud.client(), jobId, { clock })).state, 'CANCELED');
  });

  it('polls a long job less and less often, and times out waiting', async () => {
    const jobId = await startJob(slowCloud);
    const job = await followJob(slowCloud.client(), jobId, { clock });
    assert.equal(job.state, 'SUCCEED');
    assert.ok(clock.sleeps.every((s) => s >= MIN_POLL_MS && s <= MAX_POLL_MS));
    assert.deepEqual(clock.sleeps, [...clock.sleeps].sort((a, b) => a - b));
    assert.equal(clock.sleeps.at(-1), MAX_POLL_MS);
    assert.ok(clock.sleeps.length < 50, `${clock.sleeps.length} polls for 20 minutes (240 at a steady 5 s)`);

    clock.sleeps.length = 0;
    const slow = await startJob(slowCloud);
    const err = await followJob(slowCloud.client(), slow, { clock, timeoutMs: 60_000 }).then(() => assert.fail('expected a timeout'), (e: unknown) => e);
    assert.ok(err instanceof JobWaitTimeoutError);
    assert.equal(err.lastState, 'WAITING');
    assert.equal(clock.sleeps.reduce((a, b) => a + b, 0), 60_000);
  });

  it('keeps following through a failed poll, but not through a 404', async () => {
    const jobId = await startJob(cloud);
    cloud.sandbox.injectFault({ kind: '503', method: 'GET', pathPattern: '2d-digital-human-videos/', count: 3 });
    const failures: Error[] = [];
    const job = await followJob(cloud.client(), jobId, { clock, onPollError: (e) => failures.push(e) });
    assert.equal(job.state, 'SUCCEED');
    assert.equal(failures.length, 1);
    const before = cloud.sandbox.requests.length;
    await assert.rejects(followJob(cloud.client(), 'no-such-job', { clock }), (e: unknown) => e instanceof MetaStudioApiError && e.status === 404);
    assert.equal(cloud.sandbox.requests.length - before, 1);
  });

  it('stops when its signal aborts', async () => {
    const jobId = await startJob(cloud);
    const controller = new AbortController();
    await assert.rejects(
      followJob(cloud.client(), jobId, { clock, signal: controller.signal, onUpdate: () => controller.abort() }),
      (e: unknown) => e instanceof Error && e.name === 'AbortError',
    );
  });
});

describe('remote/jobOutcome helpers', () => {
  it('measures the run time from start to end, or to now while running', () => {
    assert.equal(jobRunMs({ start_time: '2026-01-01T00:00:00Z', end_time: '2026-01-01T00:01:05Z' }, 0), 65_000);
    assert.equal(jobRunMs({ start_time: '2026-01-01T00:00:00Z' }, Date.parse('2026-01-01T00:00:07Z')), 7_000);
    assert.equal(jobRunMs({}, 0), undefined);
  });

  it('calls a job by its output asset name, else by its ID', () => {
    assert.equal(jobDisplayName({ job_id: 'j1', output_asset_config: { asset_name: ' Launch video ' } }), 'Launch video');
    assert.equal(jobDisplayName({ job_id: 'j1', output_asset_config: { asset_name: '  ' } }), 'j1');
    assert.equal(jobDisplayName({ job_id: 'j1' }), 'j1');
  });

  it('locates the shot an error names in the script text', () => {
    const text = JSON.stringify(videoBody('x'), null, 2);
    const second = shotLocation(text, { index: 1 });
    assert.ok(second && text.slice(second.start, second.end).includes('"sequence_no": 1'));
    const bySequence = shotLocation(text, { sequenceNo: 0 });
    assert.ok(bySequence && text.slice(bySequence.start, bySequence.end).startsWith('{') && text.slice(bySequence.start, bySequence.end).includes('"sequence_no": 0'));
    assert.equal(shotLocation(text, { index: 5 }), undefined);
    assert.equal(shotLocation('not json', { index: 0 }), undefined);
  });
});
