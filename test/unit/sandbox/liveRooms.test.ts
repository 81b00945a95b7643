import assert from 'node:assert/strict';
import { api, call, sandboxSuite } from './support';

describe('sandbox live rooms', () => {
  const suite = sandboxSuite();

  const roomBody = (name: string) => ({
    room_name: name,
    room_type: 'NORMAL',
    scene_scripts: [{
      script_name: '开场 Opening',
      model_asset_id: suite.assets.modelId,
      voice_config: { voice_asset_id: suite.assets.voiceId },
      shoot_scripts: [{ sequence_no: 0, title: '欢迎', text_config: { text: '欢迎来到直播间！' } }],
    }],
    video_config: { codec: 'H264', bitrate: 4000, width: 1080, height: 1920 },
    backup_mode_l_asset_ids: [suite.assets.modelId],
    priv_data: 'p',
  });

  it('creates, lists, shows and replaces a room', async () => {
    const created = await call(suite.sandbox, 'POST', api('/smart-live-rooms'), { body: roomBody('直播间 A') });
    assert.equal(created.status, 200);
    const id = created.json.room_id;

    const list = (await call(suite.sandbox, 'GET', api('/smart-live-rooms'), { query: { room_name: '直播间' } })).json;
    assert.equal(list.count, 1);
    const base = list.smart_live_rooms[0];
    assert.equal(base.room_id, id);
    assert.equal(base.room_state, 'ENABLE');
    assert.equal(base.model_infos[0].model_asset_id, suite.assets.modelId);
    assert.ok(base.model_infos[0].asset_name);

    const details = (await call(suite.sandbox, 'GET', api(`/smart-live-rooms/${id}`))).json;
    assert.deepEqual(details.backup_model_asset_ids, [suite.assets.modelId], 'create spelling mapped to backup_model_asset_ids');
    assert.equal(details.backup_mode_l_asset_ids, undefined);
    assert.equal(details.view_mode, 'VERTICAL', 'room default');
    assert.equal(details.video_config.is_subtitle_enable, false, 'the SDK\'s name, default filled in');
    assert.match(details.script_version, /^\d+$/);
    assert.equal(details.scene_scripts[0].shoot_scripts[0].text_config.text, '欢迎来到直播间！');

    const { priv_data: _dropped, ...replacement } = roomBody('直播间 A');
    const updated = await call(suite.sandbox, 'PUT', api(`/smart-live-rooms/${id}`), { body: { ...replacement, room_description: 'new' } });
    assert.equal(updated.status, 200);
    assert.equal(updated.json.room_id, id, 'update answers the full room');
    assert.equal(updated.json.room_description, 'new');
    assert.equal(updated.json.priv_data, undefined, 'PUT replaced the whole object');
  });

  it('refuses a duplicate room name with MSS.20010031', async () => {
    assert.equal((await call(suite.sandbox, 'POST', api('/smart-live-rooms'), { body: roomBody('dup room') })).status, 200);
    const duplicate = await call(suite.sandbox, 'POST', api('/smart-live-rooms'), { body: roomBody('dup room') });
    assert.equal(duplicate.status, 400);
    assert.deepEqual(duplicate.json, { error_code: 'MSS.20010031', error_msg: 'room name duplicate' });
  });

  it('validates the body, with room_name mandatory on update too', async () => {
    const noScriptName = roomBody('bad 1');
    delete (noScriptName.scene_scripts[0] as Partial<(typeof noScriptName.scene_scripts)[0]>).script_name;
    const cases: [unknown, RegExp][] = [
      [{ ...roomBody('x'), room_name: undefined }, /room_name is mandatory/],
      [{ ...roomBody('bad 2'), view_mode: 'SIDEWAYS' }, /view_mode must be one of/],
      [{ ...roomBody('bad 3'), room_type: 'PARTY' }, /room_type must be one of/],
      [noScriptName, /scene_scripts\[0\]\.script_name is mandatory/],
      [{ ...roomBody('bad 4'), interaction_rules: [{ event_type: 101 }] }, /event_type must be at most 100/],
      [{ ...roomBody('bad 5'), interaction_rules: [{ trigger: { reply_mode: 'ECHO' } }] }, /reply_mode must be one of/],
    ];
    for (const [body, message] of cases) {
      const result = await call(suite.sandbox, 'POST', api('/smart-live-rooms'), { body });
      assert.equal(result.status, 400);
      assert.equal(result.json.error_code, 'MSS.20010070');
      assert.match(result.json.error_msg, message);
    }
    const id = (await call(suite.sandbox, 'POST', api('/smart-live-rooms'), { body: roomBody('to update') })).json.room_id;
    const update = await call(suite.sandbox, 'PUT', api(`/smart-live-rooms/${id}`), { body: { room_description: 'no name' } });
    assert.equal(update.status, 400);
    assert.match(update.json.error_msg, /room_name is mandatory/);
  });

  it('accepts auth_type and relation in either case (docs/decisions/case-insensitive-enums.md), and the values only the SDK lists', async () => {
    const body = {
      ...roomBody('case room'),
      live_event_callback_config: { auth_type: 'None' },
      interaction_rules: [{ event_type: 1, hit_condition: { relation: 'And' }, trigger: { reply_mode: 'SYSTEM_REPLY_AND_CALLBACK', play_type: 'PLAY_NOW' } }],
    };
    assert.equal((await call(suite.sandbox, 'POST', api('/smart-live-rooms'), { body })).status, 200);
  });

  it('answers 404 for an unknown room', async () => {
    const result = await call(suite.sandbox, 'GET', api('/smart-live-rooms/missing'));
    assert.equal(result.status, 404);
    assert.equal(result.json.error_code, 'MSS.00000002');
  });
});
