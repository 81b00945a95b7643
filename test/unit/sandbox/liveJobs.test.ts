import assert from 'node:assert/strict';
import { FAIL_MARKER } from '../../../src/sandbox';
import { api, call, FakeClock, sandboxSuite, type CallOptions } from './support';

const STEP_MS = 1000;
/** Shot texts whose lengths make whole seconds at the sandbox's five characters a second. */
const FIVE = '一二三四五'; // 1 s
const TEN = '一二三四五六七八九十'; // 2 s

describe('sandbox live jobs (injected clock)', () => {
  const clock = new FakeClock();
  const suite = sandboxSuite({ now: clock.now, timings: { jobStepMs: STEP_MS } }, clock.now);
  const at = (method: string, path: string, options: CallOptions = {}) => call(suite.sandbox, method, path, { ...options, date: clock.time });
  let rooms = 0;

  /** A room with the scenes given as lists of shot texts; answers its ID. */
  async function room(scenes: string[][], extra: Record<string, unknown> = {}): Promise<string> {
    const body = {
      room_name: `live room ${++rooms}`,
      scene_scripts: scenes.map((texts, s) => ({
        script_name: `scene ${s + 1}`,
        model_asset_id: suite.assets.modelId,
        voice_config: { voice_asset_id: suite.assets.voiceId },
        shoot_scripts: texts.map((text, i) => ({ sequence_no: i, title: `shot ${s + 1}.${i + 1}`, text_config: { text } })),
      })),
      ...extra,
    };
    const created = await at('POST', api('/smart-live-rooms'), { body });
    assert.equal(created.status, 200, created.text);
    return created.json.room_id;
  }

  async function start(roomId: string, body: Record<string, unknown> = {}) {
    const started = await at('POST', api(`/smart-live-rooms/${roomId}/smart-live-jobs`), { body });
    assert.equal(started.status, 202, started.text);
    const jobPath = `/smart-live-rooms/${roomId}/smart-live-jobs/${started.json.job_id}`;
    return {
      id: started.json.job_id as string,
      details: async () => (await at('GET', api(jobPath))).json,
      command: (command: string, params?: unknown) => at('POST', api(`${jobPath}/command`), { body: { command, params } }),
      event: (events: unknown[]) => at('POST', api(`${jobPath}/live-event-report`), { body: { total: events.length, events } }),
      stop: () => at('POST', api(`${jobPath}/stop`)),
      /** The texts GET_CURRENT_PLAYING_SCRIPTS lists, the one playing now first. */
      playing: async (): Promise<string[]> => {
        const answer = await at('POST', api(`${jobPath}/command`), { body: { command: 'GET_CURRENT_PLAYING_SCRIPTS' } });
        assert.equal(answer.status, 200, answer.text);
        const result = JSON.parse(answer.json.result) as { scene_scripts: { shoot_scripts: { text: string }[] }[] };
        return result.scene_scripts.flatMap((scene) => scene.shoot_scripts.map((shot) => shot.text));
      },
    };
  }

  it('waits one step, then plays the scenes in order, each shot as long as its text, and ends SUCCEED after its rounds', async () => {
    const id = await room([[FIVE, TEN], [FIVE]], { play_policy: { repeat_count: 1 } });
    const job = await start(id);
    assert.equal((await job.details()).state, 'WAITING');
    assert.equal((await job.command('GET_CURRENT_PLAYING_SCRIPTS')).json.error_code, 'MSS.20010099', 'no command before it runs');
    clock.advance(STEP_MS);
    const running = await job.details();
    assert.equal(running.state, 'PROCESSING');
    assert.ok(running.start_time && !running.end_time);
    assert.deepEqual(await job.playing(), [FIVE, TEN, FIVE]);
    clock.advance(1000);
    assert.deepEqual(await job.playing(), [TEN, FIVE], 'the first shot took one second');
    clock.advance(1999);
    assert.deepEqual(await job.playing(), [TEN, FIVE], 'the second shot takes two');
    clock.advance(1);
    assert.deepEqual(await job.playing(), [FIVE]);
    clock.advance(1000);
    assert.deepEqual(await job.playing(), [FIVE, TEN, FIVE], 'the second round (repeat_count 1)');
    clock.advance(4000);
    const done = await job.details();
    assert.equal(done.state, 'SUCCEED');
    assert.equal(done.duration, 8, 'two rounds of four seconds');
    assert.equal(Date.parse(done.end_time) - Date.parse(done.start_time), 8000);
    const late = await job.command('GET_CURRENT_PLAYING_SCRIPTS');
    assert.equal(late.status, 500);
    assert.equal(late.json.error_code, 'MSS.20010099');
    assert.match(late.json.error_msg, /not running state.*state is SUCCEED/);
  });

  it('inserts a line after the current shot, at the end of the scene, or now, as play_type says', async () => {
    const id = await room([[FIVE, FIVE, FIVE], [TEN]], { interaction_config: { play_type: 'INSERT' } });
    const job = await start(id);
    clock.advance(STEP_MS);
    assert.equal((await job.command('INSERT_PLAY_SCRIPT', { text_config: { text: 'inserted one' } })).status, 200);
    await job.command('INSERT_PLAY_SCRIPT', { text_config: { text: 'inserted two' }, play_type: 'INSERT' });
    await job.command('INSERT_PLAY_SCRIPT', { text_config: { text: 'appended' }, play_type: 'APPEND' });
    assert.deepEqual(await job.playing(), [FIVE, 'inserted one', 'inserted two', FIVE, FIVE, 'appended', TEN]);
    clock.advance(500);
    await job.command('INSERT_PLAY_SCRIPT', { text_config: { text: 'now' }, play_type: 'PLAY_NOW' });
    assert.deepEqual((await job.playing()).slice(0, 2), ['now', 'inserted one'], 'the shot playing was cut');
    const bad = await job.command('INSERT_PLAY_SCRIPT', { text_config: {} });
    assert.equal(bad.status, 400);
    assert.match(bad.json.error_msg, /params\.text_config\.text is mandatory/);
    await job.command('CLEAN_UP_INSERT_COMMAND');
    assert.deepEqual(await job.playing(), ['now', FIVE, FIVE, TEN], 'inserted lines not yet playing are dropped');
    await job.stop();
  });

  it('rewrites what has not been played: the rest of this round and the next rounds', async () => {
    const id = await room([[FIVE, FIVE], [FIVE]], { play_policy: { repeat_count: -1 } });
    const job = await start(id);
    clock.advance(STEP_MS);
    await job.command('INSERT_PLAY_SCRIPT', { text_config: { text: 'kept' } });
    const scenes = [
      { script_name: 'scene 1', shoot_scripts: [{ sequence_no: 0, text_config: { text: 'A0' } }, { sequence_no: 1, text_config: { text: 'A1' } }] },
      { script_name: 'new scene', shoot_scripts: [{ sequence_no: 0, text_config: { text: 'B0' } }] },
    ];
    assert.equal((await job.command('REWRITE_PLAY_SCRIPT', { scene_scripts: scenes })).status, 200);
    assert.deepEqual(await job.playing(), [FIVE, 'kept', 'A1', 'B0'], 'the current shot and the inserted line stay; the next shot is the new one');
    clock.advance(1000 + 1000 + 1000 + 1000);
    assert.deepEqual(await job.playing(), ['A0', 'A1', 'B0'], 'the next round plays the new scenes');
    assert.equal((await job.command('REWRITE_PLAY_SCRIPT', {})).status, 400, 'scene_scripts is mandatory');
    await job.stop();
  });

  it('answers viewer events the way the rules say, and REWRITE_INTERACTION_RULES changes them', async () => {
    const rules = [
      {
        rule_name: 'price', event_type: 1, hit_condition: { relation: 'OR', priority: 10, tags: [{ tag: 'content', match: 'REGEX', value: '价格|多少钱' }] },
        trigger: { reply_mode: 'SYSTEM_REPLY', reply_texts: ['价格在购物车里。', '看看购物车。'], time_window: 10 },
      },
      { rule_name: 'thanks', event_type: 4, hit_condition: { tags: [{ tag: 'gift.giftNum', match: 'MATH_GE', value: '10' }] }, trigger: { reply_texts: ['谢谢大礼！'], play_type: 'PLAY_NOW' } },
      { rule_name: 'fallback', event_type: 1, hit_condition: { relation: 'RESERVED' }, trigger: { reply_texts: ['欢迎提问。'] } },
      { rule_name: 'off', enabled: false, event_type: 1, hit_condition: { tags: [] }, trigger: { reply_texts: ['never'] } },
    ];
    const id = await room([[TEN, TEN]], { interaction_rules: rules });
    const job = await start(id);
    clock.advance(STEP_MS);
    const comment = (text: string) => ({ timestamp: clock.time, type: 1, content: JSON.stringify({ user: { userId: 'u', name: 'n' }, content: text }) });
    const gift = (n: number) => ({ timestamp: clock.time, type: 4, content: JSON.stringify({ gift: { giftName: 'Star', giftNum: n }, user: { userId: 'u' } }) });

    const answer = await job.event([comment('这个多少钱？')]);
    assert.equal(answer.status, 200);
    assert.match(answer.json.live_event_report_url, /\/live-event-report$/);
    assert.deepEqual(await job.playing(), [TEN, '价格在购物车里。', TEN], 'the reply plays next');
    await job.event([comment('价格呢')]);
    assert.deepEqual(await job.playing(), [TEN, '价格在购物车里。', '欢迎提问。', TEN], 'within time_window the rule is silent; the RESERVED one answers');
    await job.event([gift(3), comment('hello'), gift(12)]);
    const now = await job.playing();
    assert.equal(now[0], '谢谢大礼！', 'a gift of 12 plays now; one of 3 hits no rule');
    assert.ok(now.filter((t) => t === '欢迎提问。').length === 2);
    await job.event([{ timestamp: clock.time, type: 1, content: '{not json' }]);
    clock.advance(10_000);
    await job.event([comment('多少钱')]);
    assert.ok((await job.playing()).includes('看看购物车。'), 'after the time window, the next reply in turn');

    assert.equal((await job.command('REWRITE_INTERACTION_RULES', { interaction_rules: [{ event_type: 1, hit_condition: { tags: [{ tag: 'content', match: 'EQUAL', value: 'hi' }] }, trigger: { reply_texts: ['new rule'] } }] })).status, 200);
    await job.event([comment('hi')]);
    assert.ok((await job.playing()).includes('new rule'));
    await job.stop();
    const refused = await job.event([comment('hi')]);
    assert.equal(refused.status, 500);
    assert.equal(refused.json.error_code, 'MSS.20010099');
  });

  it('fails the job when a shot with the failure marker starts to play', async () => {
    const id = await room([[FIVE, `broken ${FAIL_MARKER}`]]);
    const job = await start(id);
    clock.advance(STEP_MS + 999);
    assert.equal((await job.details()).state, 'PROCESSING');
    clock.advance(1);
    const failed = await job.details();
    assert.equal(failed.state, 'FAILED');
    assert.equal(failed.error_info.error_code, 'MSS.42000007');
    assert.match(failed.error_info.error_msg, /scene "scene 1" shot 1/);
    assert.equal(failed.duration, 1);
  });

  it('stops: SUCCEED at once, a second stop refused; one job per room; a live room cannot be deleted', async () => {
    const id = await room([[FIVE]]);
    const job = await start(id);
    const second = await at('POST', api(`/smart-live-rooms/${id}/smart-live-jobs`), { body: {} });
    assert.equal(second.json.error_code, 'MSS.20010036');
    const busy = await at('DELETE', api(`/smart-live-rooms/${id}`));
    assert.equal(busy.json.error_code, 'MSS.20010036');
    assert.equal((await job.stop()).status, 200);
    const stopped = await job.details();
    assert.equal(stopped.state, 'SUCCEED');
    assert.equal(stopped.start_time, undefined, 'stopped while WAITING: it never started');
    const again = await job.stop();
    assert.equal(again.status, 400);
    assert.equal(again.json.error_code, 'MSS.20010074');

    const listed = (await at('GET', api(`/smart-live-rooms/${id}/smart-live-jobs`), { query: { state: 'SUCCEED' } })).json;
    assert.deepEqual(listed.smart_live_jobs.map((j: { job_id: string }) => j.job_id), [job.id]);
    const rooms = (await at('GET', api('/smart-live-rooms'), { query: { live_state: 'SUCCEED' } })).json;
    assert.ok(rooms.smart_live_rooms.some((r: { room_id: string; last_job_statuses: string }) => r.room_id === id && r.last_job_statuses === 'SUCCEED'));
    assert.equal((await at('DELETE', api(`/smart-live-rooms/${id}`))).status, 200);
    assert.equal((await at('GET', api(`/smart-live-rooms/${id}`))).status, 404);
    assert.equal((await job.details()).error_code, 'MSS.00000002', 'its jobs went with it');
  });

  it('refuses a room without shots, and takes a year of repeating rounds in its stride', async () => {
    const empty = await room([[]]);
    const refused = await at('POST', api(`/smart-live-rooms/${empty}/smart-live-jobs`), { body: {} });
    assert.equal(refused.json.error_code, 'MSS.20010027');
    const id = await room([[FIVE, TEN]]);
    const job = await start(id);
    clock.advance(STEP_MS + 365 * 24 * 3600_000 + 1500);
    const started = Date.now();
    assert.deepEqual(await job.playing(), [TEN], 'a year of three-second rounds, then half-way into the second shot');
    assert.ok(Date.now() - started < 1000);
    await job.stop();

    const counted = await start(await room([[FIVE]], { play_policy: { repeat_count: 1_000_000_000 } }));
    clock.advance(STEP_MS + 400 * 24 * 3600_000);
    const before = Date.now();
    const done = await counted.details();
    assert.ok(Date.now() - before < 1000, 'a billion one-second rounds are not played one by one');
    assert.equal(done.state, 'PROCESSING', 'a billion seconds is more than 400 days');
    await counted.stop();
  });
});
