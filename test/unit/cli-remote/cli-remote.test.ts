/** `metastudio push`, `pull` and `render` in-process against the sandbox: output, links and exit codes (docs/decisions/cli-contract.md). */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commands } from '../../../src/cli/commands';
import { runCli } from '../../../src/cli/main';
import { FAIL_MARKER } from '../../../src/sandbox';
import { wavTone } from '../../../src/sandbox/media';
import { PROJECT, SK, startSandboxClient, type SandboxClient } from '../../support/sandboxClient';
import { fileText, liveBody, videoBody } from '../remote/support';
import { recordingIo } from '../../support/cliIo';

interface Run {
  code: number;
  out: string;
  err: string;
}

describe('CLI push, pull and render against the sandbox', function () {
  this.timeout(30_000);
  let cloud: SandboxClient;
  let root: string;
  before(async () => {
    cloud = await startSandboxClient({ timings: { jobStepMs: 200 } });
    root = await mkdtemp(join(tmpdir(), 'cli-remote-'));
    await mkdir(join(root, '.metastudio'));
    await mkdir(join(root, 'scripts'));
  });
  after(async () => {
    await cloud.close();
    await rm(root, { recursive: true, force: true });
  });

  async function cli(args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string; signal?: AbortSignal } = {}): Promise<Run> {
    const io = recordingIo({ env: cloud.env, cwd: root, ...options });
    const code = await runCli(args, io, commands);
    assert.ok(!io.out.includes(SK) && !io.err.includes(SK), 'no secret in the output');
    return { code, out: io.out, err: io.err };
  }

  async function links(): Promise<Record<string, Record<string, { kind: string; id: string }>>> {
    return JSON.parse(await readFile(join(root, '.metastudio/links.json'), 'utf8')).links;
  }

  it('push creates, then updates the same script, and keeps the link by endpoint and project', async () => {
    await writeFile(join(root, 'scripts/intro.video.json'), fileText(videoBody('cli intro')));
    const first = await cli(['push', 'scripts/intro.video.json', '--format', 'json']);
    assert.equal(first.code, 0, first.err);
    const created = JSON.parse(first.out);
    assert.deepEqual(Object.keys(created), ['file', 'kind', 'id', 'created']);
    assert.deepEqual({ ...created, id: '' }, { file: 'scripts/intro.video.json', kind: 'video-script', id: '', created: true });
    const key = `${cloud.sandbox.url}|${PROJECT}`;
    assert.equal((await links())[key]['scripts/intro.video.json'].id, created.id);

    await writeFile(join(root, 'scripts/intro.video.json'), fileText(videoBody('cli intro', '改过的文字。')));
    const second = await cli(['push', join(root, 'scripts/intro.video.json'), '--format', 'json'], { cwd: join(root, 'scripts') });
    assert.equal(second.code, 0, second.err);
    assert.deepEqual(JSON.parse(second.out), { ...created, file: join(root, 'scripts/intro.video.json'), created: false });
    assert.equal((await cloud.client().listVideoScripts({ name: 'cli intro' })).count, 1);
  });

  it('push creates a live room from a *.live.json', async () => {
    await writeFile(join(root, 'room.live.json'), fileText(liveBody('cli room')));
    const run = await cli(['push', 'room.live.json']);
    assert.equal(run.code, 0, run.err);
    assert.match(run.out, /^created live room \w+ from room\.live\.json\n$/);
  });

  it('push uploads the audio an AUDIO scene names, and exits 1 with the reason when it cannot', async () => {
    const body = videoBody('cli audio scene');
    (body.shoot_scripts as unknown[])[1] = { sequence_no: 1, shoot_script: { script_type: 'AUDIO', $audio_file: 'narration.wav' } };
    await writeFile(join(root, 'scripts/audio.video.json'), fileText(body));
    const missing = await cli(['push', 'scripts/audio.video.json']);
    assert.equal(missing.code, 1);
    assert.match(missing.err, /^metastudio push: scene 2: the audio file narration\.wav does not exist\.$/m);
    await writeFile(join(root, 'scripts/narration.wav'), wavTone(500, 220, 0.2));
    const pushed = await cli(['push', 'scripts/audio.video.json', '--format', 'json']);
    assert.equal(pushed.code, 0, pushed.err);
    const details = await cloud.client().getVideoScript(JSON.parse(pushed.out).id);
    assert.equal(details.audio_files?.audio_file_url?.[0].sequence_no, 1, 'the service has the scene\'s audio');
  });

  it('push refuses a file with lint errors unless --force, and says why', async () => {
    const broken = { ...videoBody('cli broken'), video_config: { codec: 'H264', bitrate: 4000, width: 1000, height: 1000 } };
    await writeFile(join(root, 'broken.video.json'), fileText(broken));
    const before = cloud.sandbox.requests.length;
    const refused = await cli(['push', 'broken.video.json']);
    assert.equal(refused.code, 1);
    assert.match(refused.err, /broken\.video\.json:\d+:\d+: error /);
    assert.equal(cloud.sandbox.requests.length, before, 'nothing was sent');
    const forced = await cli(['push', 'broken.video.json', '--force']);
    assert.equal(forced.code, 1, 'the sandbox refuses the size too');
    assert.match(forced.err, /MSS\.\d+: .*request id [0-9a-f-]+/);
  });

  it('pull writes a file that pushes back unchanged, and links it', async () => {
    const { script_id } = await cloud.client().createVideoScript(videoBody('cli pulled') as never);
    const run = await cli(['pull', script_id, '-o', 'pulled/p.video.json', '--format', 'json']);
    assert.equal(run.code, 0, run.err);
    assert.deepEqual(JSON.parse(run.out), { file: 'pulled/p.video.json', kind: 'video-script', id: script_id });
    const text = await readFile(join(root, 'pulled/p.video.json'), 'utf8');
    assert.equal(JSON.parse(text).script_name, 'cli pulled');
    assert.ok(!('script_id' in JSON.parse(text)));
    assert.equal((await links())[`${cloud.sandbox.url}|${PROJECT}`]['pulled/p.video.json'].id, script_id);
    const push = await cli(['push', 'pulled/p.video.json', '--format', 'json']);
    assert.equal(JSON.parse(push.out).created, false);
    assert.doesNotMatch(push.err, /differs/);
  });

  it('render --wait --download follows the job to SUCCEED and writes the video', async () => {
    await writeFile(join(root, 'render.video.json'), fileText(videoBody('cli render')));
    const run = await cli(['render', 'render.video.json', '--download', 'out/video.mp4', '--format', 'json']);
    assert.equal(run.code, 0, run.err);
    const result = JSON.parse(run.out);
    assert.deepEqual(Object.keys(result), ['job_id', 'state', 'asset_id']);
    assert.equal(result.state, 'SUCCEED');
    assert.ok(result.asset_id);
    assert.match(run.err, /created video script \w+ from render\.video\.json/);
    assert.match(run.err, /: WAITING \(\d+ s\)\n/);
    assert.match(run.err, /: SUCCEED \(\d+ s\)\n/);
    assert.match(run.err, /download: 100% of \d+ bytes/);
    const video = await readFile(join(root, 'out/video.mp4'));
    assert.equal(video.subarray(4, 8).toString('latin1'), 'ftyp');
    const jobs = (await cloud.client().listVideoJobs({ job_id: result.job_id })).jobs;
    assert.equal(jobs[0].output_asset_config?.asset_name, 'render', 'the name defaults to the file name');
  });

  it('render --download keeps an existing file unless --force, exit 2 before a job starts', async () => {
    await writeFile(join(root, 'keep.video.json'), fileText(videoBody('cli keep')));
    await mkdir(join(root, 'kept'), { recursive: true });
    await writeFile(join(root, 'kept/video.mp4'), 'mine');
    const jobsStarted = () => cloud.sandbox.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/2d-digital-human-videos')).length;
    const before = jobsStarted();
    const refused = await cli(['render', 'keep.video.json', '--download', 'kept/video.mp4']);
    assert.equal(refused.code, 2);
    assert.match(refused.err, /^metastudio render: kept\/video\.mp4 already exists; nothing was started \(--force replaces it\)\n$/);
    assert.equal(jobsStarted(), before, 'no job was started');
    assert.equal(await readFile(join(root, 'kept/video.mp4'), 'utf8'), 'mine');

    const forced = await cli(['render', 'keep.video.json', '--download', 'kept/video.mp4', '--force']);
    assert.equal(forced.code, 0, forced.err);
    assert.equal((await readFile(join(root, 'kept/video.mp4'))).subarray(4, 8).toString('latin1'), 'ftyp');
  });

  it('render --download to a folder writes NAME.mp4 into it and says so first', async () => {
    await writeFile(join(root, 'foldered.video.json'), fileText(videoBody('cli foldered')));
    await mkdir(join(root, 'videos'), { recursive: true });
    const run = await cli(['render', 'foldered.video.json', '--download', 'videos', '--name', 'launch/v2']);
    assert.equal(run.code, 0, run.err);
    assert.match(run.err, /^download: the video will be written to videos\/launch-v2\.mp4\n/m);
    assert.ok(run.err.indexOf('will be written to') < run.err.indexOf('started video job'), 'named before the job starts');
    assert.equal((await readFile(join(root, 'videos/launch-v2.mp4'))).subarray(4, 8).toString('latin1'), 'ftyp');

    const again = await cli(['render', 'foldered.video.json', '--download', 'videos/', '--name', 'launch/v2']);
    assert.equal(again.code, 2, 'a path ending in a slash is the folder too, and the file it would write into exists now');
    assert.match(again.err, /videos\/launch-v2\.mp4 already exists/);
  });

  it('render exits 1 for a job that fails, naming the error and the shot', async () => {
    const { script_id } = await cloud.client().createVideoScript(videoBody('cli fails', `开始。${FAIL_MARKER}`) as never);
    const run = await cli(['render', '--script-id', script_id, '--name', 'failing', '--wait']);
    assert.equal(run.code, 1);
    assert.match(run.out, /^job \w+ FAILED: MSS\.42000007: .*shot 1 \(sequence_no 0\)[^()]*\n$/, 'the shot named once');
  });

  it('render without --wait prints the new job, exit 0; with a timeout, exit 4', async () => {
    const { script_id } = await cloud.client().createVideoScript(videoBody('cli no wait') as never);
    const started = await cli(['render', '--script-id', script_id, '--name', 'nowait', '--format', 'json']);
    assert.equal(started.code, 0, started.err);
    assert.equal(JSON.parse(started.out).state, 'WAITING');
    const timedOut = await cli(['render', '--script-id', script_id, '--name', 'timeout', '--wait', '--timeout', '0.5', '--format', 'json']);
    assert.equal(timedOut.code, 4);
    assert.deepEqual({ ...JSON.parse(timedOut.out), job_id: '' }, { job_id: '', state: 'WAITING', asset_id: null });
  });

  it('push of a file whose script was deleted remotely refuses without --recreate, creates with it', async () => {
    await writeFile(join(root, 'gone.video.json'), fileText(videoBody('cli gone')));
    const first = JSON.parse((await cli(['push', 'gone.video.json', '--format', 'json'])).out);
    await cloud.client().deleteVideoScript(first.id);
    const refused = await cli(['push', 'gone.video.json']);
    assert.equal(refused.code, 1);
    assert.match(refused.err, /no longer exists; nothing was pushed\. Run again with --recreate/);
    assert.equal((await cloud.client().listVideoScripts({ name: 'cli gone' })).count, 0);
    const again = await cli(['push', 'gone.video.json', '--recreate', '--format', 'json']);
    assert.equal(again.code, 0, again.err);
    assert.equal(JSON.parse(again.out).created, true);
    assert.notEqual(JSON.parse(again.out).id, first.id);
  });

  it('render of a file unchanged since its push does not push it again', async () => {
    await writeFile(join(root, 'same.video.json'), fileText(videoBody('cli same')));
    assert.equal((await cli(['push', 'same.video.json'])).code, 0);
    const writes = () => cloud.sandbox.requests.filter((r) => r.path.includes('/digital-human-video-scripts') && r.method !== 'GET').length;
    const before = writes();
    const run = await cli(['render', 'same.video.json', '--format', 'json']);
    assert.equal(run.code, 0, run.err);
    assert.equal(writes(), before);
    assert.doesNotMatch(run.err, /video script \w+ from/);
  });

  it('exits 2 for bad usage and 3 without credentials', async () => {
    assert.equal((await cli(['push'])).code, 2);
    assert.equal((await cli(['push', 'missing.video.json'])).code, 2);
    const notScript = await cli(['push', 'notes.json']);
    assert.equal(notScript.code, 2);
    assert.match(notScript.err, /notes\.json is not a script file \(\*\.video\.json, \*\.live\.json, \*\.rules\.json\)\./);
    const notVideo = await cli(['render', 'room.live.json']);
    assert.equal(notVideo.code, 2);
    assert.match(notVideo.err, /only a video script \(\*\.video\.json\) can be rendered/);
    assert.equal((await cli(['pull', 'id'])).code, 2);
    assert.equal((await cli(['pull', 'id', '-o', 'x.json'])).code, 2);
    assert.equal((await cli(['render', '--script-id', 'x'])).code, 2, 'no --name');
    assert.equal((await cli(['render', 'a.video.json', '--script-id', 'x'])).code, 2);
    const noCredentials = await cli(['push', 'room.live.json'], { env: { METASTUDIO_ENDPOINT: cloud.sandbox.url } });
    assert.equal(noCredentials.code, 3);
    assert.ok(!existsSync(join(root, 'x.json')));
  });
});
