import assert from 'node:assert/strict';
import { formatSeconds, previewRequestOf, scriptDuration, shotLabel } from '../../../src/core/scripts/durations';
import { analyzeScript, validateScript } from '../../../src/core/scripts/validate';
import { estimateSeconds } from '../../../src/core/ssml/duration';
import { analyzeSsml } from '../../../src/core/ssml/lint';

const video = JSON.stringify({
  script_name: 'durations',
  model_asset_id: 'm',
  voice_config: { voice_asset_id: 'v1', speed: 200, pitch: 110 },
  video_config: { codec: 'H264', bitrate: 4000, width: 1920, height: 1080, frame_rate: '25' },
  shoot_scripts: [
    { sequence_no: 0, shoot_script: { script_type: 'TEXT', text_config: { text: '<speak>一二三四五六七八九<break time="1s"/></speak>' } } },
    { sequence_no: 1, shoot_script: { script_type: 'TEXT', text_config: { text: 'Plain "quoted" words\n here' } } },
  ],
}, null, 2);

const live = JSON.stringify({
  room_name: 'r',
  video_config: { codec: 'H264', bitrate: 4000, width: 1080, height: 1920 },
  scene_scripts: [
    { script_name: 's', model_asset_id: 'm', voice_config: { voice_asset_id: 'v2' }, shoot_scripts: [{ sequence_no: 0, text_config: { text: '<speak><prosody rate="50">一二三</prosody></speak>' } }] },
    { script_name: 't', model_asset_id: 'm', shoot_scripts: [{ sequence_no: 0, text_config: { text: '你好' } }] },
  ],
});

describe('script durations (docs/duration.md)', () => {
  it('counts every shot text in the lint pass, with the diagnostics of validateScript', () => {
    for (const [text, kind] of [[video, 'video'], [live, 'live'], ['{ broken', 'video']] as const) {
      const analysis = analyzeScript(text, kind, { polyphones: 'hint' });
      assert.deepEqual(analysis.diagnostics, validateScript(text, kind, { polyphones: 'hint' }));
      for (const shot of analysis.shots) assert.deepEqual(shot.speech, analyzeSsml(shot.text.value, { where: kind }).speech);
    }
    assert.deepEqual(analyzeScript(video, 'video').shots.map((s) => s.text.value), ['<speak>一二三四五六七八九<break time="1s"/></speak>', 'Plain "quoted" words\n here']);
    assert.deepEqual(analyzeScript('{ broken', 'video').shots, []);
  });

  it('estimates each shot at its voice\'s speed and adds them up; a measured preview replaces an estimate', () => {
    const shots = analyzeScript(video, 'video').shots;
    const estimated = scriptDuration(shots);
    assert.deepEqual(estimated.shots.map((s) => s.estimatedSeconds), [1 + 1, (4 / 2.75) / 2]);
    assert.deepEqual([estimated.seconds, estimated.measured, estimated.characters], [2 + 2 / 2.75, 0, 9 + 'Plain "quoted" words\n here'.length]);
    const measured = scriptDuration(shots, new Map([[1, 3.25]]));
    assert.deepEqual(measured.shots.map((s) => [s.seconds, s.measuredSeconds]), [[2, undefined], [3.25, 3.25]]);
    assert.deepEqual([measured.seconds, measured.measured], [5.25, 1]);
    const liveShots = scriptDuration(analyzeScript(live, 'live').shots);
    assert.deepEqual(liveShots.shots.map((s) => s.seconds), [estimateSeconds(analyzeSsml('<speak><prosody rate="50">一二三</prosody></speak>', { where: 'live' }).speech), 2 / 4.5]);
  });

  it('names each shot, and knows the preview request of a shot with a voice', () => {
    const [first] = analyzeScript(video, 'video').shots;
    assert.equal(shotLabel(first.text), 'shoot_scripts[0]');
    assert.deepEqual(previewRequestOf(first.text), { text: first.text.value, voiceAssetId: 'v1', speed: 200, pitch: 110, volume: undefined });
    const [scene, voiceless] = analyzeScript(live, 'live').shots;
    assert.equal(shotLabel(scene.text), 'scene_scripts[0].shoot_scripts[0]');
    assert.equal(previewRequestOf(voiceless.text), undefined);
  });

  it('formats durations for people', () => {
    assert.deepEqual([0, 12.46, 59.94, 59.96, 192.4, 3725].map(formatSeconds), ['0.0 s', '12.5 s', '59.9 s', '1 min 0 s', '3 min 12 s', '1 h 2 min']);
  });
});
