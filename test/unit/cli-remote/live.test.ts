/** `metastudio live …` in-process against the sandbox: output, exit codes and what reaches the job (docs/decisions/cli-contract.md). */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commands } from '../../../src/cli/commands';
import { streamOutput } from '../../../src/cli/commands/live';
import { runCli } from '../../../src/cli/main';
import { SK, startSandboxClient, type SandboxClient } from '../../support/sandboxClient';
import { recordingIo } from '../../support/cliIo';
import { fileText, liveBody } from '../remote/support';

interface Run {
  code: number;
  out: string;
  err: string;
}

describe('CLI live against the sandbox', function () {
  this.timeout(30_000);
  let cloud: SandboxClient;
  let root: string;
  before(async () => {
    cloud = await startSandboxClient({ timings: { jobStepMs: 200 } });
    root = await mkdtemp(join(tmpdir(), 'cli-live-'));
    await mkdir(join(root, '.metastudio'));
  });
  after(async () => {
    await cloud.close();
    await rm(root, { recursive: true, force: true });
  });

  async function cli(args: string[]): Promise<Run> {
    const io = recordingIo({ env: cloud.env, cwd: root });
    const code = await runCli(args, io, commands);
    assert.ok(!io.out.includes(SK) && !io.err.includes(SK), 'no secret in the output');
    return { code, out: io.out, err: io.err };
  }
  const json = async (args: string[]) => {
    const run = await cli([...args, '--format', 'json']);
    assert.equal(run.code, 0, run.err);
    return JSON.parse(run.out);
  };

  it('goes live from a file, waits until on air, says a line, shows it, rewrites, stops', async () => {
    await writeFile(join(root, 'shop.live.json'), fileText(liveBody('cli live shop')));
    const start = await cli(['live', 'start', 'shop.live.json', '--wait', '--output-url', 'rtmp://live.example.com/app', '--stream-key', 'stream-secret', '--format', 'json']);
    assert.equal(start.code, 0, start.err);
    assert.match(start.err, /warning: a stream key on the command line can be read by every user of this machine .*; set METASTUDIO_STREAM_KEY instead/);
    assert.ok(!start.err.includes('stream-secret'));
    const started = JSON.parse(start.out);
    assert.deepEqual(Object.keys(started), ['job_id', 'room_id', 'state']);
    assert.equal(started.state, 'PROCESSING');
    const job = started.job_id as string;

    const said = await json(['live', 'say', job, '<speak>谢谢大家！<break time="300ms"/></speak>']);
    assert.deepEqual(said, { job_id: job, room_id: started.room_id, command: 'INSERT_PLAY_SCRIPT', play_type: 'INSERT' });
    const status = await json(['live', 'status', `${started.room_id}/${job}`]);
    assert.equal(status.state, 'PROCESSING');
    const texts = status.now_playing.flatMap((s: { shoot_scripts: { text: string }[] }) => s.shoot_scripts.map((shot) => shot.text));
    assert.ok(texts.includes('<speak>谢谢大家！<break time="300ms"/></speak>'), JSON.stringify(texts));
    const text = await cli(['live', 'status', job]);
    assert.match(text.out, /^live job \w+ of room "cli live shop" \(\w+\): PROCESSING\nnow  Scene 1/);

    const changed = { ...liveBody('cli live shop'), scene_scripts: [{ script_name: 'Scene 1', shoot_scripts: [{ sequence_no: 0, text_config: { text: 'one' } }, { sequence_no: 1, text_config: { text: 'two' } }] }] };
    await writeFile(join(root, 'changed.live.json'), fileText(changed));
    assert.equal((await json(['live', 'rewrite', job, 'changed.live.json'])).scenes, 1);
    const after = await json(['live', 'status', job]);
    assert.equal(after.now_playing.at(-1).shoot_scripts.at(-1).text, 'two');

    assert.deepEqual((await json(['live', 'status'])).map((j: { job_id: string }) => j.job_id), [job]);
    const stopped = await json(['live', 'stop', job]);
    assert.equal(stopped.state, 'SUCCEED');
    assert.deepEqual(await json(['live', 'status']), []);
    const listed = await json(['live', 'list']);
    assert.equal(listed[0].job_id, job);

    const late = await cli(['live', 'say', job, 'too late']);
    assert.equal(late.code, 1);
    assert.match(late.err, /^metastudio live: Live job \w+ is SUCCEED, not running: nothing was sent to it\.\n$/);
    const again = await cli(['live', 'stop', job]);
    assert.equal(again.code, 1);
    assert.match(again.err, /MSS\.20010074.*request id/);

    const second = await json(['live', 'start', 'shop.live.json']);
    assert.equal(second.room_id, started.room_id, 'the unchanged file is not pushed again');
    assert.equal(second.state, 'WAITING');
    await json(['live', 'stop', second.job_id]);
  });

  it('pushes, pulls and lints an interaction rule library (*.rules.json) like a script', async () => {
    const library = {
      group_name: 'cli rules',
      interaction_rules: [{ rule_name: 'price', event_type: 1, hit_condition: { relation: 'OR', tags: [{ tag: 'content', match: 'REGEX', value: 'price' }] }, trigger: { reply_texts: ['See the cart.'] } }],
    };
    await writeFile(join(root, 'shop.rules.json'), fileText(library));
    const pushed = await json(['push', 'shop.rules.json']);
    assert.equal(pushed.kind, 'rule-group');
    assert.equal((await cloud.client().getRuleGroup(pushed.id)).group_name, 'cli rules');
    const pulled = await cli(['pull', pushed.id, '-o', 'pulled.rules.json']);
    assert.equal(pulled.code, 0, pulled.err);
    const again = await json(['push', 'pulled.rules.json']);
    assert.deepEqual([again.id, again.created], [pushed.id, false], 'the pulled file is linked to the same library');

    await writeFile(join(root, 'bad.rules.json'), fileText({ interaction_rules: [{ event_type: 'comment', trigger: { reply_mode: 'SHOUT' } }] }));
    const lint = await cli(['lint', 'bad.rules.json', '--format', 'json']);
    assert.equal(lint.code, 1);
    const codes = JSON.parse(lint.out)[0].diagnostics.map((d: { code: string; message: string }) => `${d.code} ${d.message}`);
    assert.ok(codes.some((c: string) => /group_name/.test(c)), codes.join('\n'));
    assert.ok(codes.some((c: string) => /SHOUT|reply_mode/.test(c)), codes.join('\n'));
  });

  it('takes the stream key from METASTUDIO_STREAM_KEY, out of the process list, and sends it only with --output-url', () => {
    const env = { METASTUDIO_STREAM_KEY: 'from-env' };
    assert.deepEqual(streamOutput({ 'output-url': 'rtmp://a/b' }, env), { output_urls: ['rtmp://a/b'], stream_keys: ['from-env'] });
    assert.deepEqual(streamOutput({ 'output-url': 'rtmp://a/b', 'stream-key': 'flag' }, env), { output_urls: ['rtmp://a/b'], stream_keys: ['flag'] });
    assert.deepEqual(streamOutput({ 'output-url': 'rtmp://a/b' }, { METASTUDIO_STREAM_KEY: '' }), { output_urls: ['rtmp://a/b'] });
    assert.deepEqual(streamOutput({}, env), {}, 'the room\'s own outputs keep their own keys');
  });

  it('checks its input before anything is sent', async () => {
    const before = cloud.sandbox.requests.length;
    const usage = async (args: string[], message: RegExp) => {
      const run = await cli(args);
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.err}`);
      assert.match(run.err, message);
    };
    await usage(['live'], /expected: live start\|status\|say\|rewrite\|stop\|list/);
    await usage(['live', 'start'], /give one live script file or --room-id ID/);
    await usage(['live', 'start', '--room-id', 'r', '--stream-key', 'k'], /--stream-key goes with --output-url/);
    await usage(['live', 'say', 'job'], /give the job and one TEXT or @FILE/);
    await usage(['live', 'say', 'r/j', 'hi', '--play-type', 'LATER'], /--play-type takes INSERT, APPEND, PLAY_NOW/);
    await usage(['live', 'say', 'r/j', '@missing.txt'], /cannot read missing\.txt/);
    await writeFile(join(root, 'clip.video.json'), fileText({ script_name: 'v' }));
    await usage(['live', 'rewrite', 'r/j', 'clip.video.json'], /only a live script/);
    const badSsml = await cli(['live', 'say', 'r/j', '<speak><break time="99s"/></speak>']);
    assert.equal(badSsml.code, 1);
    assert.match(badSsml.err, /^text:1:\d+: error ssml\/.*\nmetastudio live: the text has SSML errors/);
    assert.equal(cloud.sandbox.requests.length, before, 'nothing was sent');
    const unknown = await cli(['live', 'stop', 'no-such-job']);
    assert.equal(unknown.code, 1);
    assert.match(unknown.err, /No live job no-such-job/);
  });
});
