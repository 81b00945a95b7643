/**
 * Hostile input lints in linear time. Each input is a megabyte or so: a pass
 * that went over the rest of the text from each character would take minutes on it (and did, before
 * the fix), a linear one takes well under a second. The timeouts are generous on purpose: they tell
 * the two apart on any machine, however loaded.
 */
import assert from 'node:assert/strict';
import { mulberry32 } from '../../../src/core/prng';
import { lintFile } from '../../../src/core/lint/lintFile';
import { layoutOf, plainText } from '../../../src/core/layout/model';
import { frameSvg } from '../../../src/core/layout/svg';
import { fileNameFor } from '../../../src/core/remote/scriptBody';
import { shotOfError } from '../../../src/core/remote/jobOutcome';
import { withoutTags } from '../../../src/core/ssml/spokenText';
import { tokenize } from '../../../src/core/ssml/tokenizer';

const MiB = 1024 * 1024;
const generous = 60_000;

function fill(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

function videoScript(text: string): string {
  return JSON.stringify({ script_name: 'x', shoot_scripts: [{ sequence_no: 0, shoot_script: { script_type: 'TEXT', text_config: { text } } }] });
}

function countByCode(diagnostics: readonly { code: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const d of diagnostics) counts[d.code] = (counts[d.code] ?? 0) + 1;
  return counts;
}

describe('hostile input', function () {
  this.timeout(generous);

  it('lints a shot text of 130,000 "<": the first 1,000 problems and a count of the rest, no internal error', () => {
    const diagnostics = lintFile('a.video.json', videoScript('<'.repeat(130_000)));
    assert.deepEqual(countByCode(diagnostics), {
      'script/scene-text-too-long': 1, 'script/total-text-too-long': 1, 'ssml/stray-less-than': 1000, 'lint/more-problems': 1,
    });
    const summary = diagnostics.find((d) => d.code === 'lint/more-problems')!;
    assert.match(summary.message, /^129000 more ssml\/stray-less-than problems/);
  });

  it('lints half a megabyte of each kind of hostile SSML, listing at most 1,000 diagnostics of a code', () => {
    const size = MiB / 2;
    const inputs: Record<string, string> = {
      'all <': fill('<', size),
      '<a <a': fill('<a ', size),
      'unclosed <a>': `<speak>${fill('<a>', size)}`,
      'deep nesting': `<speak>${fill('<emotion type="SAD">x', size)}`,
      'unterminated values': `<speak>${fill('<b a="', size)}`,
      'unterminated comment': `<speak><!--${fill('<a x="', size)}`,
      '&&&': `<speak>${fill('&', size)}`,
      'NUL': `<speak>${fill('\u0000', size)}`,
    };
    for (const [name, text] of Object.entries(inputs)) {
      for (const [file, content] of [['a.ssml', text], ['a.video.json', videoScript(text)]]) {
        const counts = countByCode(lintFile(file, content));
        assert.ok(Object.keys(counts).length > 0, `${name} in ${file}`);
        for (const [code, count] of Object.entries(counts)) assert.ok(count <= 1000, `${name} in ${file}: ${count} ${code}`);
      }
    }
  });

  it('lints a script object of 100,000 unknown properties, and 50,000 shots with errors on one line (text of the wrong type, or none)', () => {
    const wide = `{"script_name":"x","shoot_scripts":[],${Array.from({ length: 100_000 }, (_, i) => `"p${i}":1`).join(',')}}`;
    assert.deepEqual(countByCode(lintFile('a.video.json', wide)), { 'script/unknown-property': 1000, 'lint/more-problems': 1 });
    const shots = `{"script_name":"x","shoot_scripts":[${'{"shoot_script":{"text_config":{"text":1}}},{"shoot_script":{"text_config":{}}},'.repeat(25_000)}{}]}`;
    const counts = countByCode(lintFile('a.video.json', shots));
    assert.equal(counts['script/wrong-type'], 1000);
    // Each with a fix that inserts the property in the object's own layout: found without reading back the whole line.
    assert.equal(counts['script/missing-property'], 1000);
  });

  it('keeps the first of a megabyte of repeated attributes, and reports the repeats', () => {
    const duplicates: number[] = [];
    const tokens = tokenize(`<speak><break${fill(' a', MiB)} time="1s">`, (code, start) => {
      if (code === 'ssml/duplicate-attribute') duplicates.push(start);
    });
    const tag = tokens.find((t) => t.kind === 'start' && t.name === 'break');
    assert.ok(tag?.kind === 'start');
    assert.deepEqual(tag.attributes.map((a) => [a.name, a.nameStart]), [['a', 14], ['time', 14 + MiB]]);
    assert.equal(duplicates.length, MiB / 2 - 1);
    assert.equal(duplicates[0], 16);
  });

  it('reports a script nested 100,000 deep as a JSON error, not an internal one', () => {
    for (const text of ['['.repeat(100_000), `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`]) {
      const diagnostics = lintFile('a.video.json', text);
      assert.deepEqual(diagnostics.map((d) => [d.code, d.start]), [['script/json-syntax', text[0] === '[' ? 1000 : 5000]]);
      assert.match(diagnostics[0].message, /^Nested more than 1000 levels deep/);
    }
  });

  it('strips tags as the regular expression did, in one pass', () => {
    const rnd = mulberry32(13);
    const pieces = ['<', '>', 'a', '<b>', ' ', '<<', '>>'];
    for (let run = 0; run < 2000; run++) {
      let text = '';
      for (let n = Math.floor(rnd() * 12); n > 0; n--) text += pieces[Math.floor(rnd() * pieces.length)];
      assert.equal(withoutTags(text), text.replace(/<[^>]*>/g, ''), JSON.stringify(text));
      assert.equal(withoutTags(text, ' '), text.replace(/<[^>]*>/g, ' '), JSON.stringify(text));
    }
    assert.equal(withoutTags(fill('<', MiB)).length, MiB);
    assert.equal(withoutTags(`${fill('<', MiB)}>x`), 'x');
  });

  it('lays out a shot text of a megabyte of "<", and draws a background URL of a megabyte of "?"', () => {
    assert.equal(plainText(fill('<', MiB)).length, MiB);
    const script = JSON.stringify({ script_name: 'x', shoot_scripts: [{ sequence_no: 0, shoot_script: {
      text_config: { text: 'x' }, background_config: [{ background_type: 'IMAGE', background_config: `https://x/bg.jpg${fill('?', MiB)}\n` }],
    } }] });
    const layout = layoutOf(script, 'video');
    assert.match(frameSvg(layout, layout.frames[0]), /bg\.jpg/);
  });

  it('makes a file name of a name that is a megabyte of spaces and dots', () => {
    assert.equal(fileNameFor('video', `a${fill(' .', MiB)}b`), `a${fill(' .', MiB)}b.video.json`);
    assert.equal(fileNameFor('video', `${fill(' .-', MiB)}x`), 'x.video.json');
    assert.equal(fileNameFor('live', fill(' .-', MiB)), 'live.live.json');
  });

  it('reads the shot of a job error of a megabyte of spaces', () => {
    assert.equal(shotOfError(`shot${fill(' ', MiB)}x`), undefined);
    assert.deepEqual(shotOfError(`failed: shot${fill(' ', MiB)}# 3`), { index: 2, sequenceNo: undefined });
    assert.deepEqual(shotOfError('scene #12 is empty'), { index: 11, sequenceNo: undefined });
  });
});
