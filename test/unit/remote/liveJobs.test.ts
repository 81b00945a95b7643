/** The client's live calls and the steering commands, against the sandbox on a virtual clock shared by both. */
import assert from 'node:assert/strict';
import { MetaStudioClient } from '../../../src/core/cloud/client';
import { MetaStudioApiError } from '../../../src/core/cloud/errors';
import type { LiveRoomRequest } from '../../../src/core/cloud/types';
import {
  findLiveJob, followLiveJob, lineErrors, LiveJobNotFoundError, LiveJobNotRunningError, nowPlaying, playingScripts, requireRunning,
  rewriteRules, rewriteUpcoming, sayNow, sendTestEvent, testEvent, type LiveJobRef,
} from '../../../src/core/live/liveJobs';
import { JobWaitTimeoutError } from '../../../src/core/remote/followJob';
import { FakeClock } from '../cloud/support';
import { startSandboxClient, type SandboxClient } from '../../support/sandboxClient';
import { liveBody } from './support';

const STEP_MS = 3_000;

describe('live jobs through the client', () => {
  const clock = new FakeClock();
  let cloud: SandboxClient;
  let client: MetaStudioClient;
  before(async () => {
    cloud = await startSandboxClient({ clock, timings: { jobStepMs: STEP_MS } });
    client = cloud.client();
  });
  after(() => cloud.close());

  async function goLive(name: string, extra: Partial<LiveRoomRequest> = {}): Promise<LiveJobRef> {
    const { room_id: roomId } = await client.createLiveRoom({ ...(liveBody(name) as unknown as LiveRoomRequest), ...extra });
    const { job_id: jobId } = await client.startLiveJob(roomId, { output_urls: ['rtmp://live.example.com/app'], stream_keys: ['k'] });
    return { roomId, jobId };
  }
  const texts = async (ref: LiveJobRef) => (await nowPlaying(client, ref)).flatMap((s) => (s.shoot_scripts ?? []).map((shot) => shot.text));

  it('starts, follows until on air, says a line, shows it in Now Playing, rewrites, stops', async () => {
    const ref = await goLive('client room 1');
    await assert.rejects(sayNow(client, ref, 'too early'), (err: unknown) => err instanceof LiveJobNotRunningError && /WAITING/.test(err.message));
    const sleeps = clock.sleeps.length;
    const onAir = await followLiveJob(client, ref, 'running', { clock });
    assert.equal(onAir.state, 'PROCESSING');
    assert.ok(clock.sleeps.slice(sleeps).every((ms) => ms >= 5_000), 'polled no faster than every 5 s');

    await sayNow(client, ref, '<speak>感谢大家的关注！</speak>');
    assert.deepEqual(await texts(ref), ['Welcome to the live room!', '<speak>感谢大家的关注！</speak>']);
    await rewriteUpcoming(client, ref, [{ script_name: 'Scene 1', shoot_scripts: [{ sequence_no: 0, text_config: { text: 'A' } }, { sequence_no: 1, text_config: { text: 'B' } }] }]);
    assert.deepEqual(await texts(ref), ['Welcome to the live room!', '<speak>感谢大家的关注！</speak>', 'B']);

    const found = await findLiveJob(client, ref.jobId);
    assert.equal(found.room_id, ref.roomId);
    const listed = await client.listLiveJobs(ref.roomId);
    assert.deepEqual(listed.smart_live_jobs.map((j) => j.job_id), [ref.jobId]);

    await client.stopLiveJob(ref.roomId, ref.jobId);
    const ended = await followLiveJob(client, ref, 'ended', { clock });
    assert.equal(ended.state, 'SUCCEED');
    await assert.rejects(nowPlaying(client, ref), LiveJobNotRunningError, 'no command goes to a job that is not running');
    await assert.rejects(client.stopLiveJob(ref.roomId, ref.jobId), (err: unknown) =>
      err instanceof MetaStudioApiError && err.code === 'MSS.20010074' && err.requestId !== undefined && err.message.includes('MSS.20010074'));
  });

  it('rehearses the room\'s rules: a test comment, gift and viewer count, and rewritten rules', async () => {
    const ref = await goLive('client room 2', {
      interaction_rules: [
        { rule_name: 'price', event_type: 1, hit_condition: { relation: 'OR', tags: [{ tag: 'content', match: 'REGEX', value: '多少钱' }] }, trigger: { reply_texts: ['价格在购物车里。'] } },
        { rule_name: 'gift', event_type: 4, hit_condition: { tags: [{ tag: 'gift.giftName', match: 'EQUAL', value: '小星星' }] }, trigger: { reply_texts: ['谢谢小星星！'] } },
        { rule_name: 'crowd', event_type: 6, hit_condition: { tags: [{ tag: 'numberOfViewers', match: 'MATH_GT', value: '1000' }] }, trigger: { reply_texts: ['人好多！'] } },
      ],
    });
    clock.advance(STEP_MS);
    await requireRunning(client, ref);
    await sendTestEvent(client, ref, testEvent('comment', '这个多少钱', clock.now()));
    await sendTestEvent(client, ref, testEvent('gift', '小星星', clock.now(), 3));
    await sendTestEvent(client, ref, testEvent('viewers', '999', clock.now()));
    await sendTestEvent(client, ref, testEvent('viewers', '5000', clock.now()));
    assert.deepEqual((await texts(ref)).slice(1), ['价格在购物车里。', '谢谢小星星！', '人好多！']);
    await rewriteRules(client, ref, []);
    await sendTestEvent(client, ref, testEvent('comment', '多少钱', clock.now()));
    assert.equal((await texts(ref)).length, 4, 'no rule answers any more');
    await client.stopLiveJob(ref.roomId, ref.jobId);
  });

  it('times out waiting as the CLI says, and knows an unknown job', async () => {
    const ref = await goLive('client room 3');
    await assert.rejects(followLiveJob(client, ref, 'ended', { clock, timeoutMs: 20_000 }), (err: unknown) =>
      err instanceof JobWaitTimeoutError && /Live job .* is still PROCESSING after 20 s/.test(err.message));
    await client.stopLiveJob(ref.roomId, ref.jobId);
    await assert.rejects(findLiveJob(client, 'no-such-job'), LiveJobNotFoundError);
  });

  it('manages rule libraries and deletes a room', async () => {
    const { group_id: id } = await client.createRuleGroup({ group_name: 'lib', interaction_rules: [{ rule_name: 'r', event_type: 1 }] });
    const details = await client.getRuleGroup(id);
    assert.equal(details.interaction_rules?.length, 1);
    assert.ok(typeof details.interaction_rules?.[0].rule_id === 'string');
    assert.equal((await client.listRuleGroups({ group_name: 'lib' })).count, 1);
    assert.equal((await client.updateRuleGroup(id, { group_name: 'lib 2', interaction_rules: [] })).group_name, 'lib 2');
    await client.deleteRuleGroup(id);
    await assert.rejects(client.getRuleGroup(id), (err: unknown) => err instanceof MetaStudioApiError && err.status === 404);

    const { room_id: roomId } = await client.createLiveRoom(liveBody('client room 4') as unknown as LiveRoomRequest);
    await client.deleteLiveRoom(roomId);
    await assert.rejects(client.getLiveRoom(roomId), (err: unknown) => err instanceof MetaStudioApiError && err.status === 404);
  });

  it('lints a line as live SSML, and reads a hostile Now Playing answer as nothing', () => {
    assert.deepEqual(lineErrors('plain text'), []);
    assert.deepEqual(lineErrors('<speak><emotion type="HAPPY">好</emotion></speak>'), [], 'emotion takes effect live');
    assert.ok(lineErrors('<speak><break time="50s"/></speak>').length > 0);
    assert.deepEqual(playingScripts('{"scene_scripts":[{"script_name":1,"shoot_scripts":[{"text":"x","title":[]},7]}]}'), [{ shoot_scripts: [{ text: 'x' }] }]);
    assert.deepEqual(playingScripts('not json'), []);
    assert.deepEqual(playingScripts('{"__proto__":{"x":1}}'), []);
    assert.deepEqual(playingScripts(undefined), []);
  });
});
