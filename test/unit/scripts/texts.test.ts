import assert from 'node:assert/strict';
import { DiagnosticCollector } from '../../../src/core/lint/collector';
import type { Report } from '../../../src/core/ssml/codes';
import type { SsmlContext } from '../../../src/core/ssml/types';
import { collectTexts, findScriptTextAt, lintTexts, scriptTexts } from '../../../src/core/scripts/texts';
import { parseTree } from 'jsonc-parser';

const video = JSON.stringify({
  script_name: 'v',
  voice_config: { voice_asset_id: 'voice-a', speed: 120, pitch: 90, volume: 150 },
  shoot_scripts: [
    { shoot_script: { text_config: { text: 'first "quoted"\nline' } } },
    { shoot_script: { script_type: 'AUDIO' } },
    { shoot_script: { text_config: { text: '<speak>second</speak>' } } },
  ],
}, null, 2);

const live = JSON.stringify({
  room_name: 'r',
  scene_scripts: [
    { script_name: 's1', voice_config: { voice_asset_id: 'voice-1' }, shoot_scripts: [{ text_config: { text: 'one' } }, { text_config: { text: 'two' } }] },
    { script_name: 's2', shoot_scripts: [{ text_config: { text: 'three' } }] },
  ],
}, null, 2);

describe('script texts', () => {
  it('lists every video shot text with its literal range and the script voice', () => {
    const texts = scriptTexts(video, 'video');
    assert.deepEqual(texts.map((t) => t.value), ['first "quoted"\nline', '<speak>second</speak>']);
    assert.equal(video.slice(texts[0].start, texts[0].end), String.raw`"first \"quoted\"\nline"`);
    assert.deepEqual(texts[1].path, ['shoot_scripts', 2, 'shoot_script', 'text_config', 'text']);
    assert.deepEqual(texts[0].voice, { voiceAssetId: 'voice-a', speed: 120, pitch: 90, volume: 150 });
  });

  it('gives each live text its own scene\'s voice, and none where the scene has none', () => {
    const texts = scriptTexts(live, 'live');
    assert.deepEqual(texts.map((t) => [t.value, t.voice?.voiceAssetId]), [['one', 'voice-1'], ['two', 'voice-1'], ['three', undefined]]);
    assert.deepEqual(texts[2].path, ['scene_scripts', 1, 'shoot_scripts', 0, 'text_config', 'text']);
  });

  it('finds the text under an offset with the decoded offset and its voice', () => {
    const offset = video.indexOf('quoted') + 2;
    const at = findScriptTextAt(video, 'video', offset);
    assert.ok(at);
    assert.equal(at.decodedOffset, at.value.indexOf('quoted') + 2);
    assert.equal(at.map.toDocument(at.decodedOffset), offset);
    assert.equal(at.voice?.voiceAssetId, 'voice-a');
    assert.equal(findScriptTextAt(video, 'video', video.indexOf('script_name')), undefined);
    // On the quotes themselves: outside.
    const text = scriptTexts(video, 'video')[0];
    assert.equal(findScriptTextAt(video, 'video', text.start), undefined);
    assert.ok(findScriptTextAt(video, 'video', text.end - 1));
  });

  it('works while the document is being typed (unterminated string)', () => {
    const typing = '{"shoot_scripts": [{"shoot_script": {"text_config": {"text": "<speak>Hel';
    const at = findScriptTextAt(typing, 'video', typing.length);
    assert.ok(at);
    assert.equal(at.value, '<speak>Hel');
    assert.equal(at.decodedOffset, at.value.length);
  });

  it('moves SSML diagnostics and their fixes onto the document, through escapes', () => {
    const doc = '{"shoot_scripts": [{"shoot_script": {"text_config": {"text": "a\\"<bad x=\\"1\\">\\n"}}}]}';
    const texts = collectTexts(parseTree(doc), 'video');
    const value = texts[0].value;
    assert.equal(value, 'a"<bad x="1">\n');
    const contexts: SsmlContext[] = [];
    const fake = (text: string, context: SsmlContext, report: Report): void => {
      contexts.push(context);
      const start = text.indexOf('<bad');
      const end = text.indexOf('>') + 1;
      report('ssml/unknown-element', start, end, () => ({ message: 'm', fixes: [{ title: 't', edits: [{ start, end, newText: '<b a="2">\n' }] }] }));
    };
    const collector = new DiagnosticCollector();
    lintTexts(doc, texts, 'video', {}, collector, fake);
    const [d] = collector.result();
    assert.equal(doc.slice(d.start, d.end), '<bad x=\\"1\\">');
    const edit = d.fixes?.[0].edits[0];
    assert.ok(edit);
    assert.equal(edit.newText, '<b a=\\"2\\">\\n');
    const fixed = doc.slice(0, edit.start) + edit.newText + doc.slice(edit.end);
    assert.equal(JSON.parse(fixed).shoot_scripts[0].shoot_script.text_config.text, 'a"<b a="2">\n\n');
    assert.deepEqual(contexts, [{ where: 'video' }]);
  });

  it('asks for the capability of the nearest voice and passes it to the SSML linter', () => {
    const contexts: SsmlContext[] = [];
    const capabilities: Record<string, { is_support_prosody: boolean }> = { 'voice-1': { is_support_prosody: false } };
    lintTexts(live, collectTexts(parseTree(live), 'live'), 'live', { voiceCapability: (id) => capabilities[id] }, new DiagnosticCollector(), (_t, c) => { contexts.push(c); });
    assert.deepEqual(contexts, [
      { where: 'live', voice: { is_support_prosody: false }, voiceLabel: 'voice-1' },
      { where: 'live', voice: { is_support_prosody: false }, voiceLabel: 'voice-1' },
      { where: 'live' },
    ]);
  });
});
