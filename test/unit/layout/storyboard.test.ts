import * as assert from 'node:assert/strict';
import { layoutOf } from '../../../src/core/layout/model';
import { durationInWords, durationText, frameCountText, frameDurations, problemCounts, storyboardItemName, storyboardSheets } from '../../../src/core/layout/storyboard';
import { scriptDuration } from '../../../src/core/scripts/durations';
import { analyzeScript } from '../../../src/core/scripts/validate';
import { videoScript } from './support';

const live = JSON.stringify({
  room_name: 'r',
  scene_scripts: [
    { script_name: 'a', shoot_scripts: [{ sequence_no: 0, text_config: { text: '欢迎来到直播间' } }, { sequence_no: 1, text_config: { text: '今天有优惠' } }] },
    { script_name: 'b' },
  ],
  interaction_rules: [{ rule_name: 'hi', trigger: { reply_texts: ['你好，欢迎'] } }],
}, null, 2);

describe('storyboard: durations and names of frames', () => {
  it('gives each video shot the duration of its text, as the duration lens estimates it', () => {
    const text = videoScript([{ text_config: { text: 'One two three four.' } }, {}, { text_config: { text: '<speak>大家好<break time="2s"/>再见</speak>' } }]);
    const { shots } = analyzeScript(text, 'video');
    const expected = scriptDuration(shots).shots;
    const durations = frameDurations(layoutOf(text, 'video'), expected);
    assert.deepEqual(durations, [
      { seconds: expected[0].seconds, measured: false },
      undefined,
      { seconds: expected[1].seconds, measured: false },
    ]);
    assert.ok(durations[2]!.seconds > 2, 'the break counts');
  });

  it('adds up the shots of a live scene; a reply, outside every scene, counts for none', () => {
    const { shots } = analyzeScript(live, 'live');
    const all = scriptDuration(shots).shots;
    assert.equal(all.length, 2);
    const reply = { ...all[0], text: { ...all[0].text, start: live.indexOf('你好') - 1 } };
    const durations = frameDurations(layoutOf(live, 'live'), [...all, reply]);
    assert.equal(durations.length, 2);
    assert.equal(durations[0]!.seconds, all[0].seconds + all[1].seconds);
    assert.equal(durations[1], undefined);
  });

  it('is measured only when every text of the frame is', () => {
    const { shots } = analyzeScript(live, 'live');
    const layout = layoutOf(live, 'live');
    assert.deepEqual(frameDurations(layout, scriptDuration(shots, new Map([[0, 3]])).shots)[0]!.measured, false);
    const both = frameDurations(layout, scriptDuration(shots, new Map([[0, 3], [1, 4.5]])).shots)[0]!;
    assert.deepEqual(both, { seconds: 7.5, measured: true });
  });

  it('writes a duration as the lens does, and in words for a screen reader', () => {
    assert.equal(durationText({ seconds: 8.04, measured: false }), '≈ 8.0 s');
    assert.equal(durationText({ seconds: 65, measured: true }), '1 min 5 s (measured)');
    assert.equal(durationInWords({ seconds: 8.4, measured: false }), 'about 8 seconds');
    assert.equal(durationInWords({ seconds: 0.3, measured: false }), 'about 1 second');
    assert.equal(durationInWords({ seconds: 60.2, measured: false }), 'about 1 minute');
    assert.equal(durationInWords({ seconds: 125, measured: true }), '2 minutes 5 seconds, measured');
  });

  it('counts frames with their noun', () => {
    assert.equal(frameCountText(layoutOf(videoScript([{}]), 'video')), '1 shot');
    assert.equal(frameCountText(layoutOf(videoScript([{}, {}]), 'video')), '2 shots');
    assert.equal(frameCountText(layoutOf(live, 'live')), '2 scenes');
  });

  it('names an item in words: number of all, first words, duration, problems', () => {
    const layout = layoutOf(videoScript([{}, {}, {}]), 'video');
    assert.equal(storyboardItemName(layout, layout.frames[2], { excerpt: 'Welcome to…', duration: { seconds: 8, measured: false }, errors: 1, warnings: 0 }),
      'Shot 3 of 3: "Welcome to…", about 8 seconds, 1 error');
    assert.equal(storyboardItemName(layout, layout.frames[0], { excerpt: '', duration: undefined, errors: 0, warnings: 2 }), 'Shot 1 of 3: 2 warnings');
    const scenes = layoutOf(live, 'live');
    assert.equal(storyboardItemName(scenes, scenes.frames[1], { excerpt: '', duration: undefined, errors: 0, warnings: 0 }), 'Scene 2 of 2: no problems');
  });

  it('counts the problems inside each frame, and the sheets carry them with the durations', () => {
    const text = videoScript([
      { text_config: { text: 'Hello' }, layer_config: [{ layer_type: 'IMAGE', position: { dx: 5000, dy: 0, layer_index: 1 }, size: { width: 10, height: 10 } }] },
      { text_config: { text: 'Fine.' } },
    ]);
    const { diagnostics, shots } = analyzeScript(text, 'video');
    const layout = layoutOf(text, 'video');
    assert.deepEqual(problemCounts(layout, diagnostics), { errors: [1, 0], warnings: [0, 0] });
    const sheets = storyboardSheets(layout, diagnostics, scriptDuration(shots).shots);
    assert.deepEqual(sheets.map((s) => [s.errors, s.duration?.measured, s.duration!.seconds > 0]), [[1, false, true], [0, false, true]]);
  });
});
