/** The Jobs view's model against the sandbox: list plus jobs started here, newest first, followed to the end. */
import assert from 'node:assert/strict';
import { isJobTerminal } from '../../../src/core/cloud/jobState';
import type { VideoScriptRequest } from '../../../src/core/cloud/types';
import { MIN_POLL_MS } from '../../../src/core/remote/followJob';
import { JobTracker, type TrackedJob } from '../../../src/core/remote/jobTracker';
import { FAIL_MARKER } from '../../../src/sandbox';
import { FakeClock } from '../cloud/support';
import { startSandboxClient, type SandboxClient } from '../../support/sandboxClient';
import { videoBody } from './support';

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('remote/JobTracker against the sandbox', () => {
  const clock = new FakeClock();
  let cloud: SandboxClient;
  let counter = 0;
  before(async () => { cloud = await startSandboxClient({ clock, timings: { jobStepMs: 20_000 } }); });
  after(async () => { await cloud.close(); });
  afterEach(() => cloud.sandbox.clearFaults());

  async function startJob(text?: string): Promise<string> {
    const client = cloud.client();
    const { script_id } = await client.createVideoScript(videoBody(`tracked ${++counter}`, text) as unknown as VideoScriptRequest);
    const { job_id } = await client.createVideoJob({ script_id, output_asset_config: { asset_name: `tracked video ${counter}` } });
    clock.time += 1000; // distinct creation seconds, so "newest first" is observable
    return job_id;
  }

  it('lists newest first, follows unfinished jobs to their end and announces only those', async () => {
    const old = await startJob();
    clock.time += 60_000; // `old` has finished by now
    const ok = await startJob();
    const failing = await startJob(`开始。${FAIL_MARKER}`);
    const tracker = new JobTracker(async () => cloud.client(), { clock });
    const finished: TrackedJob[] = [];
    tracker.onDidFinish((j) => finished.push(j));
    clock.sleeps.length = 0;
    await tracker.refresh();
    assert.equal(tracker.status, 'loaded');
    assert.deepEqual(tracker.jobs().slice(0, 3).map((j) => j.job.job_id), [failing, ok, old]);
    assert.equal(tracker.get(old)?.job.state, 'SUCCEED');
    await until(() => tracker.jobs().every((j) => isJobTerminal(j.job.state)), 'every job to finish');
    assert.equal(tracker.get(ok)?.job.state, 'SUCCEED');
    assert.equal(tracker.get(failing)?.job.state, 'FAILED');
    assert.equal(tracker.get(failing)?.job.error_info?.error_code, 'MSS.42000007');
    assert.deepEqual(finished.map((j) => j.job.job_id).sort(), [ok, failing].sort());
    assert.ok(clock.sleeps.length > 0 && clock.sleeps.every((s) => s >= MIN_POLL_MS), 'never faster than every 5 s');
    tracker.dispose();
  });

  it('shows a job started here at once, with its origin, and follows it', async () => {
    const tracker = new JobTracker(async () => cloud.client(), { clock });
    await tracker.refresh();
    const finished: TrackedJob[] = [];
    tracker.onDidFinish((j) => finished.push(j));
    const id = await startJob();
    tracker.add(cloud.client(), { job_id: id, state: 'WAITING', output_asset_config: { asset_name: 'here' } }, 'file:///w/a.video.json');
    assert.equal(tracker.jobs()[0].job.job_id, id);
    await until(() => finished.length === 1, 'the job to finish');
    assert.equal(finished[0].origin, 'file:///w/a.video.json');
    assert.equal(finished[0].job.state, 'SUCCEED');
    tracker.dispose();
  });

  it('says signed out without a client, failed when the list fails, and stops following on reset', async () => {
    const signedOut = new JobTracker(async () => undefined, { clock });
    await signedOut.refresh();
    assert.equal(signedOut.status, 'signed-out');
    assert.deepEqual(signedOut.jobs(), []);

    cloud.sandbox.injectFault({ kind: '500', method: 'GET', pathPattern: 'digital-human-videos$' });
    const failing = new JobTracker(async () => cloud.client(), { clock });
    await failing.refresh();
    assert.equal(failing.status, 'failed');
    assert.match(failing.error?.message ?? '', /MSS\.00000004/);

    const id = await startJob();
    const tracker = new JobTracker(async () => cloud.client(), { clock });
    tracker.add(cloud.client(), { job_id: id, state: 'WAITING' });
    tracker.reset();
    const before = cloud.sandbox.requests.length;
    await new Promise((r) => setTimeout(r, 100));
    assert.ok(cloud.sandbox.requests.length - before <= 1, 'at most the poll in flight');
    assert.deepEqual(tracker.jobs(), []);
    tracker.dispose();
  });
});
