import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CoreDiagnostic } from '../../../src/core/diagnostics';
import { mulberry32 } from '../../../src/core/prng';
import { lintSsml, ssmlCodes, ssmlCompletions, ssmlHover, type SsmlContext } from '../../../src/core/ssml';

const fixtures = join(__dirname, '../../fixtures/ssml');
const seeds: string[] = [
  ...readdirSync(join(fixtures, 'valid')).map((f) => readFileSync(join(fixtures, 'valid', f), 'utf8')),
  ...(JSON.parse(readFileSync(join(fixtures, 'invalid.json'), 'utf8')) as { text: string }[]).map((c) => c.text),
];
/** Pieces that make parsers stumble: markup fragments, quotes, entities, surrogates, CJK. */
const pieces = ['<', '>', '/', '</', '/>', '<!--', '-->', '<?', '?>', '<![CDATA[', ']]>', '"', "'", '=', '&', ';', '&amp;', '&#', '&#x',
  'speak', 'break', 'phoneme', 'say-as', 'sub', 'prosody', 'emotion', 'insert-action', 'speake', ' time="', ' ph="', ' rate="', 'ms', 's',
  '中', '国', 'zhong4', 'lü4', 'EH1', ' ', '\n', '\t', '\ud83d', '\ude00', '😀', '\u0000', '\u3000', '0', '999999999999'];
const contexts: SsmlContext[] = [
  { where: 'live' },
  { where: 'video' },
  { where: 'preview', voice: { is_support_break_time: false, is_support_break_strength: false, is_support_phoneme: false, is_support_phoneme_en: false, is_support_prosody: false, is_support_ssml_say_as: false, is_support_ssml_sub: false }, voiceLabel: 'v' },
];

function randomText(rnd: () => number): string {
  let s = '';
  const n = Math.floor(rnd() * 40);
  for (let i = 0; i < n; i++) s += rnd() < 0.8 ? pieces[Math.floor(rnd() * pieces.length)] : String.fromCharCode(Math.floor(rnd() * 0x3000));
  return s;
}

function mutate(text: string, rnd: () => number): string {
  let s = text;
  const edits = 1 + Math.floor(rnd() * 4);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(rnd() * (s.length + 1));
    const kind = rnd();
    if (kind < 0.35) s = s.slice(0, at) + s.slice(at + 1 + Math.floor(rnd() * 5));
    else if (kind < 0.7) s = s.slice(0, at) + pieces[Math.floor(rnd() * pieces.length)] + s.slice(at);
    else s = s.slice(0, at) + s.slice(Math.floor(rnd() * s.length));
  }
  return s;
}

function checkDiagnostics(text: string, diagnostics: CoreDiagnostic[], label: string): void {
  for (const d of diagnostics) {
    assert.ok(d.code in ssmlCodes && d.code !== 'ssml/lint-failed', `${label}: ${d.code} ${d.message}`);
    assert.ok(d.start >= 0 && d.start <= d.end && d.end <= text.length, `${label}: range ${d.start}-${d.end} of ${text.length}`);
    for (const fix of d.fixes ?? []) {
      for (const e of fix.edits) assert.ok(e.start >= 0 && e.start <= e.end && e.end <= text.length, `${label}: edit ${e.start}-${e.end}`);
      const sorted = [...fix.edits].sort((a, b) => a.start - b.start);
      for (let i = 1; i < sorted.length; i++) assert.ok(sorted[i - 1].end <= sorted[i].start, `${label}: overlapping edits in ${fix.title}`);
    }
  }
}

describe('SSML property: any input', () => {
  const runs = 3000;

  it(`lints ${runs} random and ${runs} mutated texts without throwing, ranges and edits inside the text`, () => {
    const rnd = mulberry32(20260705);
    for (let i = 0; i < runs; i++) {
      const random = randomText(rnd);
      const mutated = mutate(seeds[i % seeds.length], rnd);
      for (const text of [random, mutated]) {
        const context = contexts[i % contexts.length];
        checkDiagnostics(text, lintSsml(text, context), `run ${i} ${JSON.stringify(text)}`);
      }
    }
  });

  it('completes and hovers at every offset of mutated texts without throwing, ranges inside the text', () => {
    const rnd = mulberry32(7);
    for (let i = 0; i < 300; i++) {
      const text = mutate(seeds[i % seeds.length], rnd);
      for (let offset = 0; offset <= text.length; offset++) {
        for (const entry of ssmlCompletions(text, offset, contexts[i % 2])) {
          assert.ok(entry.start >= 0 && entry.start <= offset && offset <= entry.end && entry.end <= text.length,
            `${JSON.stringify(text)} @${offset}: ${entry.label} ${entry.start}-${entry.end}`);
        }
        const hover = ssmlHover(text, offset);
        if (hover) assert.ok(hover.start >= 0 && hover.start <= hover.end && hover.end <= text.length);
      }
    }
  });

  it('survives inputs that are not strings or offsets out of range', () => {
    assert.deepEqual(lintSsml(undefined as unknown as string, { where: 'live' }), []);
    assert.deepEqual(ssmlCompletions('<speak>', -1, { where: 'live' }), []);
    assert.deepEqual(ssmlCompletions('<speak>', 99, { where: 'live' }), []);
    assert.equal(ssmlHover('<speak>', NaN), undefined);
  });
});
