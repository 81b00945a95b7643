/**
 * The sandbox answers as the official SDK's response models say (docs/decisions/sdk-wire-truth.md).
 * Requests are shaped as the SDK sends them: its method and path, its query names (serialized as
 * its query string: a list as repeated names), its headers (`X-Project-Id`, JSON content type, an
 * official signature) and bodies made of its request models' field names. Every answer is checked
 * against the SDK's response model of the operation (test/fixtures/sdk/responses.json): a field
 * the model does not have, a value of another type or outside the field's enum is a failure.
 */
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { FAIL_MARKER, QUEUE_MARKER } from '../../../src/sandbox';
import { richLiveBody, richVideoBody } from '../remote/support';
import { conformanceProblems, sdkWire, valuePaths, type OperationName } from '../../support/sdkWire';
import { call, FakeClock, PROJECT, sandboxSuite, type CallResult } from './support';

const STEP_MS = 1000;

/** The request parts of one SDK call: path parameters other than the project, query parameters, body. */
interface SdkRequest {
  readonly path?: Record<string, string>;
  readonly query?: Record<string, string | number | boolean | string[]>;
  readonly body?: Record<string, unknown>;
  /** The success status the reference prints (200 unless said). */
  readonly status?: number;
}

describe(`sandbox conformance to the SDK's models (${sdkWire.sdk})`, () => {
  const clock = new FakeClock();
  const suite = sandboxSuite({ now: clock.now, timings: { jobStepMs: STEP_MS, ttsDelayMs: STEP_MS, assetReviewMs: STEP_MS } }, () => clock.time);
  /** Which operations ran and how many response fields were checked, for the last test. */
  const checked = new Map<OperationName, Set<string>>();

  /** Sends the request as the SDK would, checks the answer against the operation's response model and returns it. */
  async function sdk(operation: OperationName, request: SdkRequest = {}): Promise<CallResult> {
    const model = sdkWire.operations[operation];
    const path = model.path.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = name === 'project_id' ? PROJECT : request.path?.[name];
      assert.ok(value, `${operation}: path parameter ${name}`);
      return encodeURIComponent(value);
    });
    const query: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(request.query ?? {})) {
      assert.ok(model.query[name], `${operation}: ${name} is not one of the SDK's query parameters`);
      query[name] = Array.isArray(value) ? value : String(value);
    }
    if (request.body !== undefined) {
      assert.ok(model.request, `${operation} takes no body`);
      assert.deepEqual(conformanceProblems(model.request, request.body), [], `${operation}: the request body uses the SDK's fields only`);
    }
    const result = await call(suite.sandbox, model.method, path, {
      query,
      body: request.body,
      headers: { 'Content-Type': 'application/json', 'X-Project-Id': PROJECT, 'User-Agent': 'huaweicloud-usdk-nodejs/3.0' },
      date: clock.time,
    });
    assert.equal(result.status, request.status ?? 200, `${operation}: ${result.text}`);
    assert.ok(result.headers.get('x-request-id'), `${operation}: X-Request-Id`);
    if (Object.keys(model.response).length === 0) {
      assert.equal(result.text, '', `${operation} answers no body`);
    } else {
      assert.deepEqual(conformanceProblems(model.response, result.json), [], `${operation}: the answer is the SDK's ${model.responseModel}`);
      const paths = checked.get(operation) ?? new Set<string>();
      for (const [p] of valuePaths(result.json)) paths.add(p);
      checked.set(operation, paths);
    }
    if (!checked.has(operation)) checked.set(operation, new Set());
    return result;
  }

  /** Where `answer` lacks a value of `sent`, or holds another one. */
  function notReturned(sent: unknown, answer: unknown, path = ''): string[] {
    if (sent !== null && typeof sent === 'object') {
      if (answer === null || typeof answer !== 'object') return [path];
      return Object.entries(sent).flatMap(([key, value]) => notReturned(value, (answer as Record<string, unknown>)[key], Array.isArray(sent) ? `${path}[${key}]` : path ? `${path}.${key}` : key));
    }
    return sent === answer ? [] : [path];
  }

  it('lists and shows assets: every seeded asset of every type, by the SDK\'s query names', async () => {
    const all = (await sdk('ListAssets', { query: { asset_source: 'ALL', limit: 1000, offset: 0, sort_key: 'create_time', sort_dir: 'asc' } })).json;
    assert.ok(all.count > 250 && all.assets.length === all.count);
    const voices = (await sdk('ListAssets', { query: { asset_source: 'SYSTEM', asset_type: 'VOICE_MODEL', is_realtime_voice: true, limit: 5 } })).json;
    assert.ok(voices.assets.length > 0 && voices.assets.every((a: { asset_extra_meta: { voice_model_meta: { is_realtime_voice: boolean } } }) => a.asset_extra_meta.voice_model_meta.is_realtime_voice));
    const byId = (await sdk('ListAssets', { query: { asset_source: 'ALL', asset_id: [all.assets[0].asset_id, all.assets[1].asset_id] } })).json;
    assert.equal(byId.count, 2, 'asset_id repeated, as the SDK sends a list');
    const firstOfType = new Map<string, string>();
    for (const asset of all.assets) if (!firstOfType.has(asset.asset_type)) firstOfType.set(asset.asset_type, asset.asset_id);
    assert.ok(firstOfType.size >= 10);
    for (const id of firstOfType.values()) {
      const details = (await sdk('ShowAsset', { path: { asset_id: id } })).json;
      assert.equal(details.asset_id, id);
      assert.equal(details.asset_extra_metadata, undefined);
    }
  });

  it('creates, shows, lists, updates and deletes a video script made of the SDK\'s fields, and returns every one', async () => {
    const body = richVideoBody('conformance script');
    const id = (await sdk('CreateVideoScripts', { body })).json.script_id;
    const details = (await sdk('ShowVideoScript', { path: { script_id: id } })).json;
    assert.deepEqual(notReturned(body, details), []);
    assert.equal(details.video_config.is_subtitle_enable, true);
    const list = (await sdk('ListVideoScripts', { query: { name: 'conformance', script_catalog: 'VIDEO_DRAFT', view_mode: 'LANDSCAPE', limit: 10, offset: 0 } })).json;
    assert.deepEqual(list.video_scripts.map((s: { script_id: string }) => s.script_id), [id]);
    assert.equal((await sdk('ListVideoScripts', { query: { script_catalog: 'SYSTEM_VIDEO_TEMPLET' } })).json.count, 0);
    const changed = { ...body, script_description: 'second version', action_config: { action_interval: 255 } };
    assert.equal((await sdk('UpdateVideoScript', { path: { script_id: id }, body: changed })).json.script_id, id);
    assert.deepEqual(notReturned(changed, (await sdk('ShowVideoScript', { path: { script_id: id } })).json), []);
    await sdk('DeleteVideoScript', { path: { script_id: id } });
  });

  it('makes 2D videos: create, details through every state, cancel, list, and the output asset', async () => {
    const { json: { assets: [avatar] } } = await sdk('ListAssets', { query: { asset_source: 'SYSTEM', asset_type: 'HUMAN_MODEL_2D', asset_state: 'ACTIVED', limit: 1 } });
    const { json: { assets: [voice] } } = await sdk('ListAssets', { query: { asset_source: 'SYSTEM', asset_type: 'VOICE_MODEL', asset_state: 'ACTIVED', limit: 1 } });
    const job = (text: string, name: string) => ({
      model_asset_id: avatar.asset_id,
      voice_config: { voice_asset_id: voice.asset_id, speed: 105 },
      video_config: { codec: 'H264', bitrate: 4000, width: 1920, height: 1080, frame_rate: '25', is_subtitle_enable: true, is_end_at_first_frame: true },
      shoot_scripts: [{ sequence_no: 0, shoot_script: { script_type: 'TEXT', text_config: { text } } }],
      output_asset_config: { asset_name: name },
      review_config: { no_need_review: true },
      callback_config: { callback_url: 'https://hooks.example.com/job', auth_type: 'NONE' },
      action_config: { action_interval: 4 },
    });
    const id = (await sdk('Create2DDigitalHumanVideo', { body: job('欢迎观看新品发布。', 'conformance video') })).json.job_id;
    const states = [];
    for (let i = 0; i < 3; i++) {
      states.push((await sdk('Show2DDigitalHumanVideo', { path: { job_id: id }, query: { show_script: true } })).json.state);
      clock.advance(STEP_MS);
    }
    assert.deepEqual(states, ['WAITING', 'PROCESSING', 'SUCCEED']);
    const done = (await sdk('Show2DDigitalHumanVideo', { path: { job_id: id } })).json;
    await sdk('ShowAsset', { path: { asset_id: done.output_asset_config.asset_id } });

    const failed = (await sdk('Create2DDigitalHumanVideo', { body: job(`失败 ${FAIL_MARKER}`, 'conformance failure') })).json.job_id;
    const queued = (await sdk('Create2DDigitalHumanVideo', { body: job(`排队 ${QUEUE_MARKER}`, 'conformance queue') })).json.job_id;
    await sdk('Cancel2DDigitalHumanVideo', { path: { job_id: queued } });
    clock.advance(2 * STEP_MS);
    assert.equal((await sdk('Show2DDigitalHumanVideo', { path: { job_id: failed } })).json.state, 'FAILED');
    assert.equal((await sdk('Show2DDigitalHumanVideo', { path: { job_id: queued } })).json.state, 'CANCELED');
    const list = (await sdk('ListDigitalHumanVideo', { query: { job_type: '2D_DIGITAL_HUMAN_VIDEO', sort_key: 'create_time', sort_dir: 'desc', limit: 10, offset: 0 } })).json;
    assert.deepEqual(list.jobs.slice(0, 3).map((j: { state: string }) => j.state).sort(), ['CANCELED', 'FAILED', 'SUCCEED']);
  });

  it('previews a voice: a TTS audition made of the SDK\'s fields, and its files', async () => {
    const { json: { assets: [voice] } } = await sdk('ListAssets', { query: { asset_source: 'SYSTEM', asset_type: 'VOICE_MODEL', asset_state: 'ACTIVED', limit: 1 } });
    const body = {
      text: '<speak>你好<break time="300ms"/>世界</speak>', emotion: voice.asset_id, speed: 120, pitch: 90, volume: 150,
      style: 'news', channels: 2, business_type: 'VIDEO', is_vocabulary_config_enable: false,
    };
    const id = (await sdk('CreateTtsAudition', { body })).json.job_id;
    assert.equal((await sdk('ShowTtsAuditionFile', { path: { job_id: id } })).json.is_file_complete, false);
    clock.advance(STEP_MS);
    const done = (await sdk('ShowTtsAuditionFile', { path: { job_id: id } })).json;
    assert.equal(done.is_file_complete, true);
    assert.ok(done.files.length > 0);
  });

  it('creates an asset, announces its file, takes the bytes at the upload URL, confirms, and deletes file and asset', async () => {
    const body = {
      asset_name: 'conformance image', asset_description: 'uploaded', asset_type: 'IMAGE', tags: ['conformance'],
      review_config: { no_need_review: true }, system_properties: [{ action: 'ADD', key: 'BACKGROUND_IMG', value: 'Yes' }],
      shared_config: { shared_type: 'PRIVATE' }, asset_order: 1, supported_service: ['VIDEO_2D'],
      auto_operation_config: [{ operation: 'DELETE', operation_time: '2030-01-01T00:00:00Z' }],
    };
    const assetId = (await sdk('CreateDigitalAsset', { body })).json.asset_id;
    assert.equal((await sdk('ShowAsset', { path: { asset_id: assetId } })).json.asset_state, 'CREATING');
    const bytes = randomBytes(4096);
    const md5 = createHash('md5').update(bytes).digest('base64');
    const file = (await sdk('CreateFile', { body: { file_name: 'bg.png', file_md5: md5, file_size: bytes.length, file_type: 'png', asset_id: assetId, asset_file_category: 'MAIN' } })).json;
    const put = await fetch(file.upload_url, { method: 'PUT', headers: { 'Content-MD5': md5 }, body: bytes });
    assert.equal(put.status, 200);
    await sdk('ConfirmFileUpload', { path: { file_id: file.file_id }, body: { state: 'CREATED' } });
    clock.advance(STEP_MS);
    const details = (await sdk('ShowAsset', { path: { asset_id: assetId } })).json;
    assert.equal(details.asset_state, 'ACTIVED');
    assert.equal(details.files[0].file_md5, md5);
    await sdk('DeleteFile', { path: { file_id: file.file_id } });
    await sdk('DeleteAsset', { path: { asset_id: assetId }, query: { mode: 'force' } });
  });

  it('answers a video script with audio-driven scenes with the upload URL of each scene\'s audio', async () => {
    const body = { ...richVideoBody('conformance audio script'), shoot_scripts: [
      { sequence_no: 0, shoot_script: { script_type: 'AUDIO' } },
      { sequence_no: 1, shoot_script: { script_type: 'TEXT', text_config: { text: '你好' } } },
    ] };
    const created = (await sdk('CreateVideoScripts', { body })).json;
    assert.deepEqual(created.audio_files.audio_file_url.map((item: { sequence_no: number }) => item.sequence_no), [0]);
    const put = await fetch(created.audio_files.audio_file_url[0].audio_file_upload_url, { method: 'PUT', body: Buffer.from('RIFF\0\0\0\0WAVEfmt ') });
    assert.equal(put.status, 200);
    const details = (await sdk('ShowVideoScript', { path: { script_id: created.script_id } })).json;
    assert.equal(details.audio_files.audio_file_url[0].sequence_no, 0);
    assert.match(details.audio_files.audio_file_url[0].audio_file_download_url, /^http:\/\/127\.0\.0\.1:/);
    assert.ok((await sdk('UpdateVideoScript', { path: { script_id: created.script_id }, body })).json.audio_files);
    await sdk('DeleteVideoScript', { path: { script_id: created.script_id } });
  });

  it('creates, shows, lists and updates a live room made of the SDK\'s fields, and returns every one', async () => {
    const body = richLiveBody('conformance room');
    const id = (await sdk('CreateSmartLiveRoom', { body })).json.room_id;
    const details = (await sdk('ShowSmartLiveRoom', { path: { room_id: id } })).json;
    assert.deepEqual(notReturned(body, details), []);
    const list = (await sdk('ListSmartLiveRooms', { query: { room_name: 'conformance', room_type: 'TEMP', live_state: 'NULL', limit: 10, offset: 0 } })).json;
    assert.deepEqual(list.smart_live_rooms.map((r: { room_id: string }) => r.room_id), [id]);
    const changed = { ...body, room_description: 'second version', play_policy: { play_mode: 'TEXT', live_exit_config: { auto_stop_mode: 'FORCE_EXIT' } } };
    const updated = (await sdk('UpdateSmartLiveRoom', { path: { room_id: id }, body: changed })).json;
    assert.deepEqual(notReturned(changed, updated), []);
  });

  it('runs a livestream made of the SDK\'s fields: start, details, list, every emulated command, a viewer event, stop, and the rule libraries', async () => {
    const room = richLiveBody('conformance live room');
    const roomId = (await sdk('CreateSmartLiveRoom', { body: room })).json.room_id;
    const start = {
      video_config: { codec: 'H264', bitrate: 4000, width: 1080, height: 1920, frame_rate: '25', is_subtitle_enable: true },
      play_policy: { repeat_count: -1, auto_play_script: true, play_mode: 'TEXT', random_play_mode: 'NONE', live_exit_config: { max_live_duration: 2, auto_stop_mode: 'FORCE_EXIT' } },
      output_urls: ['rtmp://live.example.com/app'], stream_keys: ['key-1'],
      interaction_callback_url: 'https://hooks.example.com/interaction',
      live_event_callback_config: { live_event_type_callback_url: 'https://hooks.example.com/live', auth_type: 'NONE', callback_event_type: ['SHOOT_SCRIPT_SWITCH'] },
      rtc_callback_config: { rtc_callback_event_type: ['LIVE_PROGRESS'] },
      view_mode: 'VERTICAL',
      co_streamer_config: { voice_config: { voice_asset_id: 'v' }, streamer_action: 'SILENCE' },
      job_run_config: { allow_resource_type: 'ONDEMAND', single_job_in_room: true },
    };
    const started = (await sdk('StartSmartLive', { path: { room_id: roomId }, body: start, status: 202 })).json;
    const job = { room_id: roomId, job_id: started.job_id };
    assert.equal((await sdk('ShowSmartLive', { path: job })).json.state, 'WAITING');
    clock.advance(STEP_MS);
    assert.equal((await sdk('ShowSmartLive', { path: job })).json.state, 'PROCESSING');
    const command = async (name: string, params?: unknown) =>
      (await sdk('ExecuteSmartLiveCommand', { path: job, body: { command: name, ...(params === undefined ? {} : { params }), review_config: { no_need_review: true } } })).json;
    await command('INSERT_PLAY_SCRIPT', { text_config: { text: '感谢关注！' }, play_type: 'APPEND', rule_index: '1' });
    await command('REWRITE_PLAY_SCRIPT', { scene_scripts: room.scene_scripts });
    await command('REWRITE_INTERACTION_RULES', { interaction_rules: room.interaction_rules });
    await command('REFRESH_OUTPUT_URL', { output_urls: ['rtmp://live.example.com/other'], stream_keys: ['key-2'] });
    const playing = await command('GET_CURRENT_PLAYING_SCRIPTS');
    assert.equal(JSON.parse(playing.result).scene_scripts[0].script_name, 'Opening');
    assert.equal(JSON.parse((await command('GET_LIVE_JOB_CONFIG_INFO')).result).room_id, roomId);
    await command('CLEAN_UP_INSERT_COMMAND');
    const event = { timestamp: clock.time, type: 1, content: JSON.stringify({ user: { userId: 'u1', name: 'viewer', level: 1, badge: '', badgeLevel: 0 }, question: '多少钱？' }) };
    await sdk('LiveEventReport', { path: job, body: { total: 1, events: [event], review_config: { no_need_review: true } } });
    await sdk('ListSmartLive', { path: { room_id: roomId }, query: { offset: 0, limit: 10, state: 'PROCESSING', sort_key: 'create_time', sort_dir: 'desc', create_since: '2020-01-01T00:00:00Z' } });
    const all = (await sdk('ListSmartLiveJobs', { query: { offset: 0, limit: 10, room_name: 'conformance live', sort_key: 'create_time', sort_dir: 'desc' } })).json;
    assert.deepEqual(all.smart_live_jobs.map((j: { job_id: string }) => j.job_id), [started.job_id]);
    await sdk('StopSmartLive', { path: job });
    assert.equal((await sdk('ShowSmartLive', { path: job })).json.state, 'SUCCEED');
    await sdk('DeleteSmartLiveRoom', { path: { room_id: roomId } });

    const { group_id: _g, group_name: _n, enabled_scenes: _s, ...rule } = (room.interaction_rules as Record<string, unknown>[])[0];
    const library = { group_name: 'conformance rules', interaction_rules: [rule] };
    const groupId = (await sdk('CreateInteractionRuleGroup', { body: library })).json.group_id;
    assert.deepEqual(notReturned(library, (await sdk('ShowInteractionRuleGroup', { path: { group_id: groupId } })).json), []);
    const groups = (await sdk('ListInteractionRuleGroups', { query: { group_name: 'conformance', offset: 0, limit: 5, create_since: '2020-01-01T00:00:00Z' } })).json;
    assert.deepEqual(groups.interaction_rule_groups.map((g: { group_id: string }) => g.group_id), [groupId]);
    const changed = { ...library, group_name: 'conformance rules 2' };
    assert.deepEqual(notReturned(changed, (await sdk('UpdateInteractionRuleGroup', { path: { group_id: groupId }, body: changed })).json), []);
    await sdk('DeleteInteractionRuleGroup', { path: { group_id: groupId } });
  });

  it('covered every operation of the issue, and checked their answers field by field', () => {
    const operations: OperationName[] = [
      'ListAssets', 'ShowAsset', 'CreateDigitalAsset', 'DeleteAsset',
      'CreateFile', 'ConfirmFileUpload', 'DeleteFile',
      'CreateVideoScripts', 'ShowVideoScript', 'ListVideoScripts', 'UpdateVideoScript', 'DeleteVideoScript',
      'Create2DDigitalHumanVideo', 'Show2DDigitalHumanVideo', 'Cancel2DDigitalHumanVideo', 'ListDigitalHumanVideo',
      'CreateTtsAudition', 'ShowTtsAuditionFile',
      'CreateSmartLiveRoom', 'ShowSmartLiveRoom', 'ListSmartLiveRooms', 'UpdateSmartLiveRoom', 'DeleteSmartLiveRoom',
      'CreateInteractionRuleGroup', 'ListInteractionRuleGroups', 'ShowInteractionRuleGroup', 'UpdateInteractionRuleGroup', 'DeleteInteractionRuleGroup',
      'StartSmartLive', 'ListSmartLive', 'ShowSmartLive', 'StopSmartLive', 'ExecuteSmartLiveCommand', 'ListSmartLiveJobs', 'LiveEventReport',
    ];
    assert.deepEqual(operations.filter((o) => !checked.has(o)), []);
    const fields = [...checked.values()].reduce((n, paths) => n + paths.size, 0);
    assert.ok(fields > 300, `${fields} distinct response fields checked`);
  });

  it('notices an answer that is not the SDK\'s', () => {
    const table = sdkWire.operations.Show2DDigitalHumanVideo.response;
    assert.deepEqual(conformanceProblems(table, { job_id: 'j', state: 'SUCCESS', progress: 50, duration: '3' }), [
      'state: "SUCCESS" is not one of WAITING, PROCESSING, SUCCEED, FAILED, CANCELED, BLOCK',
      'progress: not a field of the SDK\'s model',
      'duration: string, the SDK says number',
    ]);
    assert.deepEqual(conformanceProblems(sdkWire.operations.ShowAsset.response, { asset_id: 'a', asset_extra_metadata: {} }), [
      'asset_extra_metadata: not a field of the SDK\'s model',
    ]);
  });
});
