import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { shotTextAt, shotTextAtPath, shotTexts, shotTextStartingAt, toPointer } from '../../../src/core/scripts/shotTexts';
import { pointerSegments } from '../../../src/core/scripts/tree';

const example = (name: string) => readFileSync(join(__dirname, '../../../examples', name), 'utf8');

describe('shotTexts: the texts a shot editor opens', () => {
  it('names the shots of a video script by number, with the script\'s voice', () => {
    const text = example('product-launch.video.json');
    const texts = shotTexts(text, 'video');
    assert.ok(texts.length >= 2);
    assert.deepEqual(texts.map((t) => t.names), texts.map((_, i) => [`Shot ${i + 1}`]));
    assert.deepEqual(texts[1].path, ['shoot_scripts', 1, 'shoot_script', 'text_config', 'text']);
    assert.equal(texts[0].value, JSON.parse(text).shoot_scripts[0].shoot_script.text_config.text);
    assert.equal(texts[0].voice?.voiceAssetId, JSON.parse(text).voice_config.voice_asset_id);
  });

  it('names live shots by scene and title, and replies by rule, each with the voice that speaks it', () => {
    const doc = JSON.stringify({
      scene_scripts: [
        { script_name: 'Opening', voice_config: { voice_asset_id: 'v1' }, shoot_scripts: [{ title: 'Greeting', text_config: { text: 'hi' } }, { text_config: { text: 'second' } }] },
        { voice_config: { voice_asset_id: 'v1' }, shoot_scripts: [{ title: '  ', text_config: { text: 'third' } }] },
      ],
      co_streamer_config: { voice_config: { voice_asset_id: 'v2' } },
      interaction_rules: [
        { rule_name: 'Welcome', trigger: { reply_texts: ['欢迎！', 7, 'Welcome!'] } },
        { trigger: { reply_role: 'CO_STREAMER', reply_texts: ['我来答'] } },
      ],
    }, null, 2);
    const texts = shotTexts(doc, 'live');
    assert.deepEqual(texts.map((t) => [t.value, t.names, t.voice?.voiceAssetId]), [
      ['hi', ['Opening', 'Greeting'], 'v1'],
      ['second', ['Opening', 'Shot 2'], 'v1'],
      ['third', ['Scene 2', 'Shot 1'], 'v1'],
      ['欢迎！', ['Welcome', 'Reply 1'], 'v1'],
      ['Welcome!', ['Welcome', 'Reply 3'], 'v1'],
      ['我来答', ['Rule 2', 'Reply 1'], 'v2'],
    ]);
    const reply = texts[4];
    assert.deepEqual(reply.path, ['interaction_rules', 0, 'trigger', 'reply_texts', 2]);
    assert.deepEqual(shotTextStartingAt(doc, 'live', reply.start), reply);
    assert.equal(shotTextAt(doc, 'live', reply.start + 3)?.value, 'Welcome!');
    assert.equal(shotTextAtPath(doc, 'live', reply.path)?.value, 'Welcome!');
    assert.equal(shotTextStartingAt(doc, 'live', reply.start + 1), undefined);
  });

  it('knows the streamer\'s voice for replies only when every scene speaks with it', () => {
    const doc = JSON.stringify({
      scene_scripts: [{ voice_config: { voice_asset_id: 'v1' } }, { voice_config: { voice_asset_id: 'v3' } }],
      interaction_rules: [{ trigger: { reply_texts: ['hello'] } }],
    });
    assert.equal(shotTexts(doc, 'live')[0].voice, undefined);
  });

  it('never throws on broken JSON, and writes paths as JSON Pointers both ways', () => {
    assert.deepEqual(shotTexts('{"shoot_scripts": [ {"shoot_script": {"text_config": {"text": "a', 'video').map((t) => t.value), ['a']);
    assert.deepEqual(shotTexts('', 'live'), []);
    const path = ['interaction_rules', 0, 'a/b~c', 'reply_texts', 10];
    assert.equal(toPointer(path), '/interaction_rules/0/a~1b~0c/reply_texts/10');
    assert.deepEqual(pointerSegments(toPointer(path)), path);
  });
});
