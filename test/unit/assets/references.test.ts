import assert from 'node:assert/strict';
import { assetFieldAt, assetReferences } from '../../../src/core/assets/references';

/** The offset of the n-th `|` marker, and the text without markers. */
function at(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf('|');
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}

const video = JSON.stringify({
  script_name: 's',
  model_asset_id: 'avatar1',
  voice_config: { voice_asset_id: 'voice1' },
  background_music_config: { music_asset_id: 'music1' },
  shoot_scripts: [{
    shoot_script: {
      text_config: { text: '<speak><insert-action id="anim1" name="wave"/>Hi \\"there\\"<insert-action id="anim2"/></speak>' },
      background_config: [
        { background_type: 'IMAGE_2D', background_asset_id: 'img1' },
        { background_type: 'VIDEO', background_asset_id: 'vid1' },
        { background_asset_id: 'any1' },
      ],
      layer_config: [
        { layer_type: 'HUMAN', asset_id: 'human1' },
        { layer_type: 'IMAGE', asset_id: 'img2' },
        { layer_type: 'TEXT', asset_id: 'ignored' },
      ],
    },
  }],
}, null, 2);

describe('assets/references', () => {
  it('finds every asset-ID field of a video script with the type it expects, at the ID\'s characters', () => {
    const refs = assetReferences(video, 'video');
    const summary = refs.map((r) => `${r.id}:${r.expectation.field}:${r.expectation.types.join('|')}`);
    assert.deepEqual(summary, [
      'avatar1:model_asset_id:HUMAN_MODEL_2D',
      'voice1:voice_asset_id:VOICE_MODEL',
      'music1:music_asset_id:MUSIC',
      'anim1:insert-action id:ANIMATION',
      'anim2:insert-action id:ANIMATION',
      'img1:background_asset_id:IMAGE',
      'vid1:background_asset_id:VIDEO',
      'any1:background_asset_id:IMAGE|VIDEO',
      'human1:asset_id:HUMAN_MODEL_2D',
      'img2:asset_id:IMAGE',
    ]);
    for (const r of refs) assert.equal(video.slice(r.start, r.end), r.id, `range of ${r.id}`);
    assert.ok(refs.every((r) => !r.expectation.realtimeVoice), 'video voices need not be real-time');
  });

  it('maps insert-action IDs through JSON escapes', () => {
    const text = JSON.stringify({ shoot_scripts: [{ shoot_script: { text_config: { text: 'a\n"b"<insert-action id="x\\y"/>' } } }] });
    const [ref] = assetReferences(text, 'video');
    assert.equal(ref.id, 'x\\y');
    assert.equal(text.slice(ref.start, ref.end), 'x\\\\y', 'the range covers the escaped characters in the document');
  });

  it('asks live voices to be real-time, including the co-streamer, and knows live audio and 3D models', () => {
    const live = JSON.stringify({
      scene_scripts: [{ voice_config: { voice_asset_id: 'v1' }, shoot_scripts: [{ audio_config: { asset_id: 'a1' } }] }],
      co_streamer_config: { voice_config: { voice_asset_id: 'v2' } },
      interaction_rules: [{ trigger: { layer_config: { layer_type: 'VIDEO', asset_id: 'vid' } } }],
    });
    const refs = assetReferences(live, 'live');
    assert.deepEqual(refs.map((r) => [r.id, r.expectation.types.join('|'), r.expectation.realtimeVoice]), [
      ['v1', 'VOICE_MODEL', true], ['a1', 'AUDIO', false], ['v2', 'VOICE_MODEL', true], ['vid', 'VIDEO', false],
    ]);
    const threeD = assetReferences(JSON.stringify({ model_asset_type: 'HUMAN_MODEL_3D', model_asset_id: 'm' }), 'video');
    assert.deepEqual(threeD[0].expectation.types, ['HUMAN_MODEL']);
  });

  it('skips empty IDs, non-string values, unrelated asset_id fields, and survives broken JSON', () => {
    const text = '{"voice_config": {"voice_asset_id": ""}, "model_asset_id": 5, "other": {"asset_id": "x"}, "music_asset_id": "m"';
    assert.deepEqual(assetReferences(text, 'video').map((r) => r.id), ['m']);
    assert.deepEqual(assetReferences('', 'video'), []);
    assert.deepEqual(assetReferences('[1,2', 'live'), []);
  });

  describe('assetFieldAt', () => {
    it('is the string the cursor is in, quotes excluded', () => {
      const { text, offset } = at('{"voice_config": {"voice_asset_id": "ab|c"}}');
      const field = assetFieldAt(text, 'video', offset)!;
      assert.equal(field.expectation.field, 'voice_asset_id');
      assert.equal(field.id, 'abc');
      assert.equal(text.slice(field.start, field.end), 'abc');
      assert.equal(field.needsQuotes, false);
    });

    it('is an empty string and a missing value (then with quotes)', () => {
      const empty = at('{"model_asset_id": "|"}');
      const field = assetFieldAt(empty.text, 'video', empty.offset)!;
      assert.deepEqual([field.start, field.end, field.id, field.needsQuotes], [empty.offset, empty.offset, undefined, false]);
      const missing = at('{"background_music_config": {"music_asset_id": |\n}}');
      const m = assetFieldAt(missing.text, 'video', missing.offset)!;
      assert.deepEqual([m.expectation.types, m.start, m.needsQuotes], [['MUSIC'], missing.offset, true]);
    });

    it('is an unterminated string at the end of the document', () => {
      const { text, offset } = at('{"voice_config": {"voice_asset_id": "ab|');
      assert.equal(assetFieldAt(text, 'video', offset)?.id, 'ab');
    });

    it('is nothing on a key, outside the quotes, before an existing value, or in another field', () => {
      for (const marked of ['{"voice_config": {"voice_as|set_id": "a"}}', '{"model_asset_id": "a"|}', '{"model_asset_id": |"a"}',
        '{"script_name": "a|"}', '{"voice_config": {"speed": 1|}}', '{"other": {"asset_id": "|"}}']) {
        const { text, offset } = at(marked);
        assert.equal(assetFieldAt(text, 'video', offset), undefined, marked);
      }
    });

    it('is an insert-action id inside SSML text, in document offsets', () => {
      const { text, offset } = at('{"shoot_scripts": [{"shoot_script": {"text_config": {"text": "<speak>\\n<insert-action id=\\"ab|\\"/></speak>"}}}]}');
      const field = assetFieldAt(text, 'video', offset)!;
      assert.equal(field.expectation.field, 'insert-action id');
      assert.deepEqual(field.expectation.types, ['ANIMATION']);
      assert.equal(text.slice(field.start, field.end), 'ab');
      assert.equal(assetFieldAt(text, 'video', text.indexOf('speak>') + 2), undefined, 'elsewhere in the text');
    });

    it('knows the background type and layer type around the cursor', () => {
      const bg = at('{"shoot_scripts": [{"shoot_script": {"background_config": [{"background_type": "VIDEO", "background_asset_id": "|"}]}}]}');
      assert.deepEqual(assetFieldAt(bg.text, 'video', bg.offset)?.expectation.types, ['VIDEO']);
      const layer = at('{"scene_scripts": [{"layer_config": [{"layer_type": "HUMAN", "asset_id": "|"}]}]}');
      assert.deepEqual(assetFieldAt(layer.text, 'live', layer.offset)?.expectation.types, ['HUMAN_MODEL_2D']);
    });
  });
});
