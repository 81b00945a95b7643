import * as assert from 'node:assert/strict';
import { ssmlCompletions, ssmlHover, type CompletionEntry, type SsmlContext } from '../../../src/core/ssml';

/** Completes at the `|` of `marked`. */
function complete(marked: string, context: SsmlContext = { where: 'live' }): { text: string; entries: CompletionEntry[] } {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  return { text, entries: ssmlCompletions(text, offset, context) };
}

const labels = (entries: CompletionEntry[]) => entries.map((e) => e.label);

describe('SSML completion', () => {
  it('proposes the root and tag snippets in empty text', () => {
    const { entries } = complete('|');
    assert.deepEqual(labels(entries), ['<speak>', '<break>', '<phoneme>', '<say-as>', '<sub>', '<prosody>', '<emotion>', '<insert-action>']);
    assert.ok(entries.every((e) => e.kind === 'snippet' && e.isSnippet && e.documentation));
  });

  it('proposes no snippets in prose when a typed character asked, and attributes after a space in a tag', () => {
    assert.deepEqual(ssmlCompletions('<speak>Hello ', 13, { where: 'live' }, ' '), []);
    assert.deepEqual(ssmlCompletions('<speak>say "', 12, { where: 'live' }, '"'), []);
    assert.ok(ssmlCompletions('<speak>Hello ', 13, { where: 'live' }).length > 0, 'asked for, the snippets come');
    assert.deepEqual(labels(ssmlCompletions('<speak><break ', 14, { where: 'live' }, ' ')), ['time', 'strength'], 'a tag being typed');
    assert.deepEqual(labels(ssmlCompletions('<speak><break  </speak>', 15, { where: 'live' }, ' ')), ['time', 'strength']);
    assert.ok(labels(ssmlCompletions('<speak><', 8, { where: 'live' }, '<')).includes('break'));
  });

  it('proposes only the tags that take effect in video, and never a second root', () => {
    assert.deepEqual(labels(complete('<speak>|</speak>', { where: 'video' }).entries), ['<break>', '<phoneme>']);
  });

  it('completes a tag name being typed with the whole tag', () => {
    const { entries } = complete('<speak><br|');
    const br = entries.find((e) => e.label === 'break')!;
    assert.equal(br.kind, 'tag');
    assert.equal(br.insertText, 'break time="${1:500ms}"/>');
    assert.deepEqual([br.start, br.end], [8, 10]);
  });

  it('completes after a lone <', () => {
    const { entries } = complete('<speak><| </speak>');
    assert.ok(labels(entries).includes('phoneme'));
    assert.ok(entries.every((e) => e.start === 8 && e.end === 8));
  });

  it('proposes nothing inside a text-only tag', () => {
    assert.deepEqual(complete('<speak><sub alias="a">x|</sub></speak>').entries, []);
  });

  it('proposes the attributes not yet written', () => {
    const { entries } = complete('<speak><break time="1s" |/></speak>');
    assert.deepEqual(labels(entries), ['strength']);
    assert.equal(entries[0].insertText, 'strength="${1|none,x-weak,weak,medium,strong,x-strong|}"');
  });

  it('renames an attribute without touching its value', () => {
    const { entries } = complete('<speak><break ti|me="1s"/></speak>');
    const time = entries.find((e) => e.label === 'time')!;
    assert.equal(time.insertText, 'time');
    assert.deepEqual([time.start, time.end], [14, 18]);
  });

  it('proposes enum values with documentation, replacing the whole value', () => {
    const { entries } = complete('<speak><say-as interpret-as="mo|n">1</say-as></speak>');
    assert.deepEqual(labels(entries), ['money', 'date', 'figure', 'phone', 'english', 'spell']);
    assert.ok(entries.every((e) => e.kind === 'value' && e.start === 29 && e.end === 32 && e.documentation));
  });

  it('proposes the pinyin of the phoneme text, in context first, with tone 5 and v', () => {
    const bank = complete('<speak><phoneme ph="|">银行</phoneme></speak>').entries;
    assert.equal(bank[0].label, 'yin2 hang2');
    assert.equal(bank[0].preselect, true);
    assert.ok(labels(bank).includes('yin2 xing2'));
    assert.ok(bank.every((e) => e.kind === 'pinyin'));
    assert.ok(labels(complete('<speak><phoneme ph="|">了</phoneme></speak>').entries).includes('le5'));
    assert.ok(labels(complete('<speak><phoneme ph="|">绿</phoneme></speak>').entries).includes('lv4'));
    assert.deepEqual(complete('<speak><phoneme ph="|">weather</phoneme></speak>').entries, []);
  });

  it('closes the innermost open element', () => {
    const { entries } = complete('<speak><emotion type="SAD">x</|');
    assert.deepEqual(entries.map((e) => e.insertText), ['emotion>']);
  });
});

describe('SSML hover', () => {
  const text = '<speak><break time="1.5s" strength="weak"/><sub alias="x">y</sub><voice/></speak>';

  it('documents elements, attributes and values', () => {
    assert.match(ssmlHover(text, text.indexOf('break'))!.markdown, /silent pause/);
    assert.deepEqual(ssmlHover(text, text.indexOf('time')), { markdown: ssmlHover(text, text.indexOf('time'))!.markdown, start: 14, end: 18 });
    assert.match(ssmlHover(text, text.indexOf('time'))!.markdown, /200ms/);
    assert.equal(ssmlHover(text, text.indexOf('1.5s'))!.markdown, '1.5s = 1500 ms');
    assert.match(ssmlHover(text, text.indexOf('weak'))!.markdown, /Short rhythm/);
    assert.match(ssmlHover(text, text.indexOf('alias'))!.markdown, /mandatory/);
    assert.match(ssmlHover(text, text.lastIndexOf('speak'))!.markdown, /root/);
  });

  it('says nothing about text or unknown elements', () => {
    assert.equal(ssmlHover(text, text.indexOf('y<')), undefined);
    assert.equal(ssmlHover(text, text.indexOf('voice')), undefined);
  });
});
