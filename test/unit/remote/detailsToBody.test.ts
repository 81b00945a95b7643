/** The one details-to-body conversion (docs/decisions/details-to-body.md): by hand, and as a lossless round trip through the sandbox. */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectionKey } from '../../../src/core/links/links';
import { LinkStore } from '../../../src/core/links/linkStore';
import { bodyDifferences, detailsToBody } from '../../../src/core/remote/detailsToBody';
import { fetchRemoteBody, unchangedLinkId, linkOf, pulledText, pushFile, type LinkPlace } from '../../../src/core/remote/linkedFiles';
import responseOnlyFields from '../../../src/core/remote/responseOnlyFields.json';
import { bodyOfText, fileNameFor, textOfBody } from '../../../src/core/remote/scriptBody';
import { validateScript } from '../../../src/core/scripts/validate';
import { sdkWire, type FieldTable } from '../../support/sdkWire';
import { startSandboxClient, type SandboxClient } from '../../support/sandboxClient';
import { fileText, liveBody, richLiveBody, richVideoBody, videoBody } from './support';

describe('remote/detailsToBody', () => {
  it('drops response-only fields and server defaults the local body lacks, keeps the rest', () => {
    const details = {
      script_id: 'id', create_time: 't', update_time: 't', script_cover_url: 'u',
      script_name: 'n', view_mode: 'LANDSCAPE',
      voice_config: { voice_asset_id: 'v', speed: 100, pitch: 120, volume: 140 },
      video_config: { clip_mode: 'RESIZE', codec: 'H264', bitrate: 4000, width: 1920, height: 1080, is_subtitle_able: false },
      audio_files: { audio_file_url: [{ sequence_no: 0, audio_id: 3 }] },
      shoot_scripts: [{
        sequence_no: 0,
        shoot_script: { script_type: 'TEXT', thumbnail_url: 'u', text_config: { text: 'hi' } },
        preview_info: { text_sha256: 'h' },
        audio_config: { audio_id: 1 },
      }],
    };
    assert.deepEqual(detailsToBody('video', details), {
      script_name: 'n',
      voice_config: { voice_asset_id: 'v', pitch: 120 },
      video_config: { codec: 'H264', bitrate: 4000, width: 1920, height: 1080 },
      shoot_scripts: [{ sequence_no: 0, shoot_script: { text_config: { text: 'hi' } } }],
    });
    const local = { script_name: 'n', view_mode: 'LANDSCAPE', voice_config: { speed: 100, voice_asset_id: 'v' }, video_config: { is_subtitle_enable: false }, audio_files: {} };
    const kept = detailsToBody('video', details, local);
    assert.equal(kept.view_mode, 'LANDSCAPE', 'a default written locally stays');
    assert.deepEqual(kept.audio_files, details.audio_files, 'the audio URLs the service fills in, kept where the local body has them');
    assert.deepEqual(Object.keys(kept.voice_config as object), ['speed', 'voice_asset_id', 'pitch'], 'local key order first');
    assert.equal((kept.video_config as Record<string, unknown>).is_subtitle_enable, false, 'the printed variant is read as the SDK\'s name');
  });

  it('reads is_subtitle_enable as such, and the reference\'s misprints as it', () => {
    const video = (config: Record<string, unknown>) => detailsToBody('video', { video_config: { bitrate: 4000, width: 1920, height: 1080, ...config } }).video_config;
    assert.deepEqual(video({ is_subtitle_enable: true }), { bitrate: 4000, width: 1920, height: 1080, is_subtitle_enable: true });
    assert.deepEqual(video({ is_subtitle_enabled: true }), { bitrate: 4000, width: 1920, height: 1080, is_subtitle_enable: true });
    assert.deepEqual(video({ is_subtitle_able: true }), { bitrate: 4000, width: 1920, height: 1080, is_subtitle_enable: true });
    assert.deepEqual(detailsToBody('live', { room_name: 'r', video_config: { is_subtitle_enabled: true } }).video_config, { is_subtitle_enable: true });
  });

  it(`drops exactly the fields only the SDK's details responses have (${sdkWire.sdk})`, () => {
    const only = (details: FieldTable, request: FieldTable) => {
      const paths = Object.keys(details).filter((p) => !(p in request));
      return paths.filter((p) => !paths.some((q) => p.startsWith(`${q}.`) || p.startsWith(`${q}[]`)));
    };
    const { operations } = sdkWire;
    assert.deepEqual(responseOnlyFields.video, only(operations.ShowVideoScript.response, operations.CreateVideoScripts.request!));
    assert.deepEqual(responseOnlyFields.live, only(operations.ShowSmartLiveRoom.response, operations.CreateSmartLiveRoom.request!));
    for (const path of ['shoot_scripts[].preview_info', 'script_id', 'create_time']) assert.ok(responseOnlyFields.video.includes(path), path);
    for (const path of ['confirm_state', 'script_version', 'room_state', 'error_info']) assert.ok(responseOnlyFields.live.includes(path), path);
  });

  it('maps the live room variants, keeping the right spelling when both come', () => {
    assert.deepEqual(detailsToBody('live', { room_name: 'r', backup_mode_l_asset_ids: ['a'], room_state: 'ENABLE', view_mode: 'VERTICAL' }), {
      room_name: 'r', backup_model_asset_ids: ['a'],
    });
    assert.deepEqual(detailsToBody('live', { room_name: 'r', backup_mode_l_asset_ids: ['old'], backup_model_asset_ids: ['new'] }).backup_model_asset_ids, ['new']);
    assert.deepEqual(detailsToBody('live', { scene_scripts: [{ voice_config: { voice_asset_id: 'v', speed: 100, pitch: 90 } }] }), {
      scene_scripts: [{ voice_config: { voice_asset_id: 'v', pitch: 90 } }],
    });
  });

  it('names the paths where two bodies differ', () => {
    assert.deepEqual(bodyDifferences({ a: 1, b: [1, { c: 2 }] }, { a: 1, b: [1, { c: 3 }], d: 4 }), ['b[1].c', 'd']);
    assert.deepEqual(bodyDifferences({ a: [1] }, { a: [1, 2] }), ['a']);
    assert.deepEqual(bodyDifferences({ a: 1 }, { a: 1 }), []);
  });

  it('keeps $schema out of the body and in the file', () => {
    const text = fileText({ script_name: 'n' }, '../schemas/video-script.schema.json');
    assert.deepEqual(bodyOfText(text), { script_name: 'n' });
    assert.equal(textOfBody({ script_name: 'm' }, text), fileText({ script_name: 'm' }, '../schemas/video-script.schema.json'));
    assert.throws(() => bodyOfText('[1]'), /one JSON object/);
    assert.throws(() => bodyOfText('{'), /not valid JSON/);
    assert.throws(() => bodyOfText('{"script_name": "n", "video_config": {"__proto__": {"codec": "H264"}}}'), /The key "__proto__" in "video_config" is refused/);
    assert.equal(fileNameFor('video', 'a/b: c?'), 'a-b- c.video.json');
    assert.equal(fileNameFor('live', '..'), 'live.live.json');
  });
});

describe('remote pull and compare round trip against the sandbox', () => {
  let cloud: SandboxClient;
  let root: string;
  let place: LinkPlace;
  before(async () => {
    cloud = await startSandboxClient();
    root = await mkdtemp(join(tmpdir(), 'roundtrip-'));
    place = { store: new LinkStore(root), connection: connectionKey(cloud.sandbox.url, 'remote-test-project') };
  });
  after(async () => {
    await cloud.close();
    await rm(root, { recursive: true, force: true });
  });

  for (const kind of ['video', 'live'] as const) {
    it(`pushes, pulls into a new file and compares a ${kind} script without a difference`, async () => {
      const body = kind === 'video' ? videoBody(`round trip ${kind}`) : liveBody(`round trip ${kind}`);
      const file = join(root, `original.${kind}.json`);
      const pushed = await pushFile(place, file, fileText(body), { client: cloud.client(), confirmRecreate: async () => false });
      assert.equal((await linkOf(place, file))?.id, pushed.id);

      const pulled = await pulledText(cloud.client(), kind, pushed.id);
      const expected = structuredClone(body) as ReturnType<typeof videoBody>;
      // A default written out in the file (script_type TEXT) is unknown to a pull into a new file.
      if (kind === 'video') delete (expected.shoot_scripts as { shoot_script: Record<string, unknown> }[])[1].shoot_script.script_type;
      assert.deepEqual(bodyOfText(pulled), expected, 'no response-only field, no filled-in default');
      assert.equal(await pulledText(cloud.client(), kind, pushed.id, fileText(body)), fileText(body), 'a pull over the file changes nothing');

      const nameKey = kind === 'video' ? 'script_name' : 'room_name';
      const copy = join(root, `copy.${kind}.json`);
      const again = await pushFile(place, copy, textOfBody({ ...bodyOfText(pulled), [nameKey]: `copy of ${kind}` }), { client: cloud.client(), confirmRecreate: async () => false });
      assert.equal(again.created, true, 'an unlinked copy is its own object');
      assert.deepEqual(again.differences, []);

      assert.deepEqual(bodyDifferences(body, await fetchRemoteBody(cloud.client(), kind, pushed.id, fileText(body))), []);
      assert.equal(await unchangedLinkId(place, file, fileText(body)), pushed.id);
      assert.equal(await unchangedLinkId(place, file, fileText({ ...body, priv_data: 'x' })), undefined);
    });

    it(`gives back a ${kind} script using the SDK's newer fields unchanged, with no response-only field`, async () => {
      const body = kind === 'video' ? richVideoBody(`newer fields ${kind}`) : richLiveBody(`newer fields ${kind}`);
      const file = join(root, `newer.${kind}.json`);
      const pushed = await pushFile(place, file, fileText(body), { client: cloud.client(), confirmRecreate: async () => false });
      assert.deepEqual(pushed.differences, []);
      const details = kind === 'video' ? await cloud.client().getVideoScript(pushed.id) : await cloud.client().getLiveRoom(pushed.id);
      const answered = Object.keys(details);
      const only = responseOnlyFields[kind].filter((path) => !path.includes('.') && !path.includes('['));
      assert.ok(only.filter((field) => answered.includes(field)).length >= 4, 'the details carry response-only fields');
      // Into a new file, a pull leaves out the audio URLs the service fills in (they expire).
      const { audio_files: _serviceFilled, ...fresh } = body;
      const pulled = await pulledText(cloud.client(), kind, pushed.id);
      assert.deepEqual(bodyOfText(pulled), fresh, 'a pull into a new file gives back the body');
      const problems = (text: string) => validateScript(text, kind).map((d) => `${d.code}: ${d.message}`);
      assert.deepEqual(problems(pulled), problems(fileText(body)), 'the pull adds no warning to what the pushed file had');
      assert.deepEqual(bodyDifferences(body, await fetchRemoteBody(cloud.client(), kind, pushed.id, fileText(body))), [], 'Compare shows no difference');
    });
  }
});
