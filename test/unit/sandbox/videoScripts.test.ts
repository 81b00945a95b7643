import assert from 'node:assert/strict';
import { api, call, sandboxSuite, scriptBody } from './support';

describe('sandbox video scripts', () => {
  const suite = sandboxSuite();

  const create = (body: unknown) => call(suite.sandbox, 'POST', api('/digital-human-video-scripts'), { body });

  it('creates, lists, shows, replaces and deletes a script', async () => {
    const body = { ...scriptBody('发布会 launch', suite.assets, ['第一段', '<speak>Second<break time="500ms"/></speak>']), priv_data: 'keep me' };
    const created = await create(body);
    assert.equal(created.status, 200);
    const id = created.json.script_id;
    assert.match(id, /^[0-9a-f]{32}$/);

    const list = await call(suite.sandbox, 'GET', api('/digital-human-video-scripts'), { query: { name: 'launch' } });
    assert.equal(list.json.count, 1);
    assert.equal(list.json.video_scripts[0].script_id, id);
    assert.equal(list.json.video_scripts[0].text, '第一段');

    const details = await call(suite.sandbox, 'GET', api(`/digital-human-video-scripts/${id}`));
    assert.equal(details.status, 200);
    assert.equal(details.json.script_name, '发布会 launch');
    assert.equal(details.json.priv_data, 'keep me');
    assert.equal(details.json.view_mode, 'LANDSCAPE', 'server default filled in');
    assert.deepEqual(details.json.voice_config, { speed: 100, pitch: 100, volume: 140, voice_asset_id: suite.assets.voiceId });
    assert.equal(details.json.video_config.is_subtitle_enable, true, 'the SDK\'s name (docs/decisions/field-spellings.md)');
    assert.equal(details.json.video_config.is_subtitle_able, undefined);
    assert.equal(details.json.shoot_scripts[1].shoot_script.script_type, 'TEXT');
    assert.match(details.json.shoot_scripts[0].preview_info.text_sha256, /^[0-9a-f]{64}$/);
    assert.ok(details.json.shoot_scripts[1].shoot_script.thumbnail_url);
    assert.ok(details.json.create_time && details.json.update_time && details.json.script_cover_url);

    const replacement = scriptBody('发布会 launch v2', suite.assets, ['只有一段']);
    const updated = await call(suite.sandbox, 'PUT', api(`/digital-human-video-scripts/${id}`), { body: replacement });
    assert.equal(updated.status, 200);
    assert.equal(updated.json.script_id, id);
    const after = await call(suite.sandbox, 'GET', api(`/digital-human-video-scripts/${id}`));
    assert.equal(after.json.script_name, '发布会 launch v2');
    assert.equal(after.json.priv_data, undefined, 'PUT replaced the whole object');
    assert.equal(after.json.shoot_scripts.length, 1);

    assert.equal((await call(suite.sandbox, 'DELETE', api(`/digital-human-video-scripts/${id}`))).status, 200);
    const gone = await call(suite.sandbox, 'GET', api(`/digital-human-video-scripts/${id}`));
    assert.equal(gone.status, 404);
    assert.equal(gone.json.error_code, 'MSS.00000002');
  });

  it('refuses a duplicate name with MSS.20010005, also on rename', async () => {
    assert.equal((await create(scriptBody('unique-1', suite.assets))).status, 200);
    const second = await create(scriptBody('unique-2', suite.assets));
    const duplicate = await create(scriptBody('unique-1', suite.assets));
    assert.equal(duplicate.status, 400);
    assert.deepEqual(duplicate.json, { error_code: 'MSS.20010005', error_msg: 'script name duplicate' });
    const rename = await call(suite.sandbox, 'PUT', api(`/digital-human-video-scripts/${second.json.script_id}`), { body: scriptBody('unique-1', suite.assets) });
    assert.equal(rename.json.error_code, 'MSS.20010005');
    const sameProjectOnly = await call(suite.sandbox, 'POST', api('/digital-human-video-scripts', 'other-project'), { body: scriptBody('unique-1', suite.assets) });
    assert.equal(sameProjectOnly.status, 200);
  });

  it('validates mandatory fields, types, enums, ranges and the documented cross-field rules', async () => {
    const cases: [string, (b: Record<string, unknown>) => void, RegExp][] = [
      ['wrong type', (b) => { b.script_name = 42; }, /script_name must be a string/],
      ['bad enum', (b) => { b.view_mode = 'PORTRAIT'; }, /view_mode must be one of LANDSCAPE, VERTICAL/],
      ['reference-only enum value', (b) => { b.model_asset_type = 'HUMAN_MODEL_3D'; }, /model_asset_type must be one of HUMAN_MODEL_2D/],
      ['speed out of range', (b) => { b.voice_config = { voice_asset_id: 'v', speed: 300 }; }, /voice_config.speed must be at most 200/],
      ['missing bitrate', (b) => { b.video_config = { width: 1920, height: 1080 }; }, /video_config.bitrate is mandatory/],
      ['frame rate', (b) => { b.video_config = { bitrate: 4000, width: 1920, height: 1080, frame_rate: '60' }; }, /frame_rate must be one of 24, 25, 30/],
      ['opacity', (b) => { b.video_config = { bitrate: 4000, width: 1920, height: 1080, subtitle_config: { opacity: 1.5 } }; }, /opacity must be at most 1/],
      ['resize size', (b) => { b.video_config = { codec: 'H264', bitrate: 4000, width: 1000, height: 1000 }; }, /1000x1000 is not a supported size/],
      ['missing text', (b) => { b.shoot_scripts = [{ shoot_script: { text_config: {} } }]; }, /shoot_scripts\[0\]\.shoot_script\.text_config\.text is mandatory/],
      ['image background without URL', (b) => {
        b.shoot_scripts = [{ shoot_script: { text_config: { text: 'x' }, background_config: [{ background_type: 'IMAGE' }] } }];
      }, /background_config is mandatory when background_type is IMAGE/],
      ['colour background without colour', (b) => {
        b.shoot_scripts = [{ shoot_script: { text_config: { text: 'x' }, background_config: [{ background_type: 'COLOR' }] } }];
      }, /background_color_config is mandatory when background_type is COLOR/],
    ];
    for (const [name, change, message] of cases) {
      const body = scriptBody(`invalid ${name}`, suite.assets);
      change(body);
      const result = await create(body);
      assert.equal(result.status, 400, name);
      assert.equal(result.json.error_code, 'MSS.20010070', name);
      assert.match(result.json.error_msg, message, name);
    }
    const notJson = await call(suite.sandbox, 'POST', api('/digital-human-video-scripts'), {
      headers: { 'X-Sdk-Content-Sha256': 'UNSIGNED-PAYLOAD' },
      tamper: (request) => { request.body = '{"script_name": '; },
    });
    assert.equal(notJson.status, 400);
    assert.match(notJson.json.error_msg, /not valid JSON/);
    const notObject = await create(['a list']);
    assert.match(notObject.json.error_msg, /the body must be an object/);
  });

  it('accepts unknown properties and keeps only the SDK\'s fields, and takes a body without name or scenes, as the SDK allows', async () => {
    const body = scriptBody('with extras', suite.assets) as { video_config: Record<string, unknown> };
    body.video_config.is_subtitle_enabled = true;
    const result = await create({ ...body, background_title: 'new field', scene_asset_id: 'reference only' });
    assert.equal(result.status, 200);
    const details = (await call(suite.sandbox, 'GET', api(`/digital-human-video-scripts/${result.json.script_id}`))).json;
    assert.equal(details.background_title, undefined);
    assert.equal(details.scene_asset_id, undefined);
    assert.equal(details.video_config.is_subtitle_enabled, undefined, 'a misprint of is_subtitle_enable is not the SDK\'s field');
    const bare = await create({ model_asset_id: suite.assets.modelId });
    assert.equal(bare.status, 200);
    const shown = (await call(suite.sandbox, 'GET', api(`/digital-human-video-scripts/${bare.json.script_id}`))).json;
    assert.equal(shown.shoot_scripts, undefined, 'no scenes filled in');
  });

  it('lists newest last by default, pages, and answers 404 for another project', async () => {
    const list = await call(suite.sandbox, 'GET', api('/digital-human-video-scripts'), { query: { limit: '2', offset: '1' } });
    assert.equal(list.json.video_scripts.length, 2);
    assert.ok(list.json.count >= 3);
    const id = list.json.video_scripts[0].script_id;
    assert.equal((await call(suite.sandbox, 'GET', api(`/digital-human-video-scripts/${id}`, 'other-project'))).status, 404);
  });
});
