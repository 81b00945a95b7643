/**
 * Audio-driven scenes: the local `$audio_file` key (never sent, kept by a pull), the checks made
 * before any request, the upload after a push's create or update, and what a failure leaves.
 * Client and sandbox share a virtual clock, so the job rendering the script ends when the test says.
 */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectionKey } from '../../../src/core/links/links';
import { LinkStore } from '../../../src/core/links/linkStore';
import { linkOf, pulledText, pushFile, type LinkPlace } from '../../../src/core/remote/linkedFiles';
import { sceneAudioOf } from '../../../src/core/remote/sceneAudio';
import { bodyOfText, ScriptFileError, textOfBody } from '../../../src/core/remote/scriptBody';
import { validateScript } from '../../../src/core/scripts/validate';
import { downloadToMemory } from '../../../src/core/download/memory';
import { wavTone } from '../../../src/sandbox/media';
import { startSandboxClient, type SandboxClient } from '../../support/sandboxClient';
import { FakeClock } from '../cloud/support';
import { fileText, videoBody } from './support';

const STEP_MS = 1000;

/** A video script whose second scene is driven by `audio` (the `$audio_file` key left out when undefined). */
function audioScript(name: string, audio: unknown, sequenceNo: number | undefined = 1): Record<string, unknown> {
  const body = videoBody(name);
  const scene = { script_type: 'AUDIO', ...(audio === undefined ? {} : { $audio_file: audio }) };
  body.shoot_scripts = [(body.shoot_scripts as unknown[])[0], { ...(sequenceNo === undefined ? {} : { sequence_no: sequenceNo }), shoot_script: scene }];
  return body;
}

describe('remote/sceneAudio', () => {
  const clock = new FakeClock();
  let cloud: SandboxClient;
  let root: string;
  let place: LinkPlace;
  const audio = wavTone(1500, 330, 0.3);
  const sentTo = (prefix: string) => cloud.sandbox.requests.filter((r) => r.path.startsWith(prefix)).length;
  const push = (file: string, text: string) => pushFile(place, file, text, { client: cloud.client(), confirmRecreate: async () => false });

  /** Renders the script and answers the job's end state and error. */
  async function render(scriptId: string): Promise<{ state: string; error?: string }> {
    const { job_id: jobId } = await cloud.client().createVideoJob({ script_id: scriptId });
    clock.advance(2 * STEP_MS);
    const job = await cloud.client().getVideoJob(jobId);
    return { state: job.state, ...(job.error_info?.error_msg ? { error: job.error_info.error_msg } : {}) };
  }

  before(async () => {
    cloud = await startSandboxClient({ clock, timings: { jobStepMs: STEP_MS } });
    root = await mkdtemp(join(tmpdir(), 'scene-audio-'));
    await mkdir(join(root, 'scripts', 'voice'), { recursive: true });
    await writeFile(join(root, 'scripts', 'voice', 'intro.wav'), audio);
    place = { store: new LinkStore(root), connection: connectionKey(cloud.sandbox.url, cloud.projectId) };
  });
  after(async () => {
    await cloud.close();
    await rm(root, { recursive: true, force: true });
  });
  afterEach(() => cloud.sandbox.clearFaults());

  it('keeps $audio_file out of the body, and in the file across a pull', () => {
    const text = fileText(audioScript('local key', 'voice/intro.wav'));
    const body = bodyOfText(text);
    assert.deepEqual((body.shoot_scripts as { shoot_script: unknown }[])[1].shoot_script, { script_type: 'AUDIO' });
    assert.equal(textOfBody(body, text), text, 'a pull over the file keeps the key in its scene');
    assert.equal(textOfBody(body), fileText(audioScript('local key', undefined)));
  });

  it('lints $audio_file as a string the schema knows, and warns of one in a text scene', () => {
    assert.deepEqual(validateScript(fileText(audioScript('linted', 'voice/intro.wav')), 'video').map((d) => d.code), []);
    const text = fileText(audioScript('linted', 'voice/intro.wav')).replace('"AUDIO"', '"TEXT"');
    assert.deepEqual(validateScript(text, 'video').map((d) => `${d.code} ${d.severity}`), ['script/setting-ignored warning']);
    assert.ok(validateScript(fileText(audioScript('linted', 7)), 'video').some((d) => d.severity === 'error'));
  });

  it('uploads the audio a scene names after the create; the job renders; an update uploads it again', async () => {
    const file = join(root, 'scripts', 'audio.video.json');
    const text = fileText(audioScript('audio scene', 'voice/intro.wav'));
    const uploads = sentTo('/_sandbox/uploads/');
    const pushed = await push(file, text);
    assert.equal(pushed.created, true);
    assert.deepEqual(pushed.differences, [], 'the service-filled audio URLs are no difference');
    assert.equal(sentTo('/_sandbox/uploads/') - uploads, 1);
    const details = await cloud.client().getVideoScript(pushed.id);
    const download = details.audio_files?.audio_file_url?.[0].audio_file_download_url;
    assert.ok((await downloadToMemory(download!, { fetch: cloud.transport.fetch })).data.equals(audio), 'the service has the audio file');
    assert.deepEqual(await render(pushed.id), { state: 'SUCCEED' });

    const again = await push(file, text);
    assert.equal(again.created, false);
    assert.equal(sentTo('/_sandbox/uploads/') - uploads, 2);
    assert.equal(await pulledText(cloud.client(), 'video', pushed.id, text), text, 'a pull keeps the local key');
  });

  it('matches a scene without sequence_no by its position', async () => {
    const pushed = await push(join(root, 'scripts', 'position.video.json'), fileText(audioScript('by position', 'voice/intro.wav', undefined)));
    assert.deepEqual(await render(pushed.id), { state: 'SUCCEED' });
  });

  it('without $audio_file, pushes the script as it is, and the job fails for the missing audio', async () => {
    const uploads = sentTo('/_sandbox/uploads/');
    const pushed = await push(join(root, 'scripts', 'no-audio.video.json'), fileText(audioScript('no local audio', undefined)));
    assert.equal(sentTo('/_sandbox/uploads/'), uploads);
    const job = await render(pushed.id);
    assert.equal(job.state, 'FAILED');
    assert.match(job.error!, /audio file not found/);
  });

  it('checks the audio files before any request', async () => {
    const huge = join(root, 'scripts', 'voice', 'huge.mp3');
    const handle = await open(huge, 'w');
    await handle.truncate(100 * 1024 * 1024 + 1);
    await handle.close();
    await writeFile(join(root, 'scripts', 'voice', 'empty.wav'), '');
    await writeFile(join(root, 'scripts', 'voice', 'notes.txt'), 'text');
    const outside = await mkdtemp(join(tmpdir(), 'outside-'));
    await writeFile(join(outside, 'elsewhere.wav'), audio);
    const sent = cloud.sandbox.requests.length;
    const file = join(root, 'scripts', 'checked.video.json');
    const refused = async (value: unknown, pattern: RegExp) => assert.rejects(push(file, fileText(audioScript('checked', value))),
      (err: unknown) => err instanceof ScriptFileError && pattern.test(err.message), String(value));
    await refused('voice/missing.wav', /scene 2: the audio file voice\/missing\.wav does not exist/);
    await refused('voice/notes.txt', /is not audio MetaStudio takes for a scene \(mp3, wav, m4a\)/);
    await refused('voice/empty.wav', /is empty/);
    await refused('voice/huge.mp3', /larger than 100 MB/);
    await refused(join(outside, 'elsewhere.wav'), /is outside/);
    await refused('../../../etc/passwd.wav', /does not exist|is outside/);
    await refused(42, /must be the path of an audio file/);
    assert.equal(cloud.sandbox.requests.length, sent, 'no request was sent');
    assert.equal(await linkOf(place, file), undefined);
    await rm(outside, { recursive: true, force: true });
    await rm(huge);
  });

  it('leaves nothing behind when the upload fails after a create: the new script is deleted, no link is written', async () => {
    const name = 'audio fails';
    const file = join(root, 'scripts', 'fails.video.json');
    cloud.sandbox.injectFault({ method: 'PUT', pathPattern: '^/_sandbox/uploads/', kind: '500' });
    await assert.rejects(push(file, fileText(audioScript(name, 'voice/intro.wav'))), /HTTP 500/);
    const left = (await cloud.client().listVideoScripts({ name, limit: 10 })).video_scripts.filter((s) => s.script_name === name);
    assert.deepEqual(left, []);
    assert.equal(await linkOf(place, file), undefined);
  });

  it('keeps the link of an updated script as it was when its upload fails, so the next push tries again', async () => {
    const file = join(root, 'scripts', 'update-fails.video.json');
    const first = fileText(audioScript('update fails', 'voice/intro.wav'));
    const pushed = await push(file, first);
    const link = await linkOf(place, file);
    cloud.sandbox.injectFault({ method: 'PUT', pathPattern: '^/_sandbox/uploads/', kind: 'bad-digest' });
    const changed = first.replace('"sequence_no": 0', '"sequence_no": 5');
    await assert.rejects(push(file, changed), /BadDigest/);
    assert.deepEqual(await linkOf(place, file), link, 'the link still holds the last pushed text');
    assert.equal((await cloud.client().getVideoScript(pushed.id)).script_id, pushed.id, 'the script stays');
  });

  it('finds the audio scenes of a script with their sequence numbers', async () => {
    const file = join(root, 'scripts', 'x.video.json');
    const value = { shoot_scripts: [
      { sequence_no: 3, shoot_script: { script_type: 'AUDIO', $audio_file: 'voice/intro.wav' } },
      { shoot_script: { script_type: 'TEXT', $audio_file: 'voice/intro.wav' } },
      { shoot_script: { script_type: 'AUDIO', $audio_file: './voice/../voice/intro.wav' } },
    ] };
    const found = await sceneAudioOf(value, file, root);
    assert.deepEqual(found.map((a) => [a.index, a.sequenceNo]), [[0, 3], [2, 2]], 'a text scene\'s key is ignored (the linter warns of it)');
    assert.deepEqual(await sceneAudioOf({ shoot_scripts: 'none' }, file, root), []);
  });
});
