import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CoreDiagnostic, TextEdit } from '../../../src/core/diagnostics';
import { lintSsml, ssmlCodes, type SsmlContext, type VoiceCapability } from '../../../src/core/ssml';

const fixtures = join(__dirname, '../../fixtures/ssml');

interface Case {
  name: string;
  text: string;
  where?: 'video' | 'live';
  voice?: VoiceCapability;
  voiceLabel?: string;
  polyphones?: 'hint' | 'info';
  /** [code, start, end, the text in that range] */
  expect: [string, number, number, string][];
}

const cases = JSON.parse(readFileSync(join(fixtures, 'invalid.json'), 'utf8')) as Case[];
const contextOf = (c: Case): SsmlContext => ({ where: c.where ?? 'live', voice: c.voice, voiceLabel: c.voiceLabel, polyphones: c.polyphones });

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return [...edits].sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);
}

describe('SSML corpus', () => {
  describe('valid texts have no diagnostics', () => {
    for (const file of readdirSync(join(fixtures, 'valid'))) {
      it(file, () => {
        const text = readFileSync(join(fixtures, 'valid', file), 'utf8');
        const where = file.startsWith('video-') ? 'video' : 'live';
        assert.deepEqual(lintSsml(text, { where }).map((d) => `${d.code} ${text.slice(d.start, d.end)}`), []);
      });
    }
  });

  describe('invalid texts have exactly the expected codes and ranges', () => {
    for (const c of cases) {
      it(c.name, () => {
        const actual = lintSsml(c.text, contextOf(c)).map((d) => [d.code, d.start, d.end, c.text.slice(d.start, d.end)]);
        assert.deepEqual(actual, c.expect);
      });
    }
  });

  it('covers every code', () => {
    const seen = new Set(cases.flatMap((c) => c.expect.map((e) => e[0])));
    const missing = Object.keys(ssmlCodes).filter((code) => !seen.has(code) && code !== 'ssml/lint-failed');
    assert.deepEqual(missing, []);
  });

  it('gives every diagnostic the severity of its code and a message', () => {
    for (const c of cases) {
      for (const d of lintSsml(c.text, contextOf(c))) {
        assert.equal(d.severity, ssmlCodes[d.code as keyof typeof ssmlCodes].severity, d.code);
        assert.ok(d.message.length > 10, d.code);
      }
    }
  });

  describe('a preferred fix removes its diagnostic', () => {
    for (const c of cases) {
      const context = contextOf(c);
      const diagnostics = lintSsml(c.text, context);
      diagnostics.forEach((d: CoreDiagnostic, i) => {
        const fix = d.fixes?.find((f) => f.preferred);
        if (!fix) return;
        it(`${c.name}: ${d.code} #${i} (${fix.title})`, () => {
          assert.equal(d.fixes!.filter((f) => f.preferred).length, 1, 'one preferred fix at most');
          const fixed = applyEdits(c.text, fix.edits);
          const count = (ds: CoreDiagnostic[]) => ds.filter((x) => x.code === d.code).length;
          assert.ok(count(lintSsml(fixed, context)) < count(diagnostics), `still ${d.code} in ${fixed}`);
        });
      });
    }
  });

  it('offers the closest enum value first', () => {
    const text = '<speak><emotion type="happy">x</emotion></speak>';
    const [d] = lintSsml(text, { where: 'live' });
    assert.deepEqual(d.fixes!.map((f) => f.edits[0].newText), ['HAPPY', 'SAD', 'CALM', 'ANGER']);
    assert.equal(d.fixes![0].preferred, true);
  });

  it('renames both tags of a misspelled root in one fix', () => {
    const text = '<speake>a</speake>';
    const [first] = lintSsml(text, { where: 'live' });
    assert.equal(applyEdits(text, first.fixes![0].edits), '<speak>a</speak>');
  });

  it('reports a misspelt root once, with a rename to speak', () => {
    for (const text of ['<speake>a</speake>', '<speak>a</speake>', '<speek>a</speek>']) {
      const diagnostics = lintSsml(text, { where: 'standalone' });
      assert.equal(diagnostics.length, 1, `${text}: ${diagnostics.map((d) => d.code).join(', ')}`);
      assert.match(diagnostics[0].message, /did you mean <speak>\?/);
      assert.equal(applyEdits(text, diagnostics[0].fixes![0].edits), '<speak>a</speak>');
    }
  });

  it('removes a tag without effect in video but keeps its text', () => {
    const text = '<speak><say-as interpret-as="money">15</say-as> yuan</speak>';
    const [d] = lintSsml(text, { where: 'video' });
    assert.equal(d.code, 'ssml/no-effect-in-video');
    assert.equal(applyEdits(text, d.fixes![0].edits), '<speak>15 yuan</speak>');
  });

  it('wraps tagged text in speak, after an XML declaration', () => {
    const text = '<?xml version="1.0"?>a<break time="1s"/>b';
    const d = lintSsml(text, { where: 'live' }).find((x) => x.code === 'ssml/missing-speak-root')!;
    assert.equal(applyEdits(text, d.fixes![0].edits), '<?xml version="1.0"?><speak>a<break time="1s"/>b</speak>');
  });

  it('clamps, adds units and escapes', () => {
    const text = '<speak><break time="20s"/><break time="300"/><prosody rate="20">a & b</prosody></speak>';
    const fixed = lintSsml(text, { where: 'live' }).map((d) => applyEdits(text, d.fixes![0].edits));
    assert.ok(fixed.includes('<speak><break time="10s"/><break time="300"/><prosody rate="20">a & b</prosody></speak>'));
    assert.ok(fixed.includes('<speak><break time="20s"/><break time="300ms"/><prosody rate="20">a & b</prosody></speak>'));
    assert.ok(fixed.includes('<speak><break time="20s"/><break time="300"/><prosody rate="50">a & b</prosody></speak>'));
    assert.ok(fixed.includes('<speak><break time="20s"/><break time="300"/><prosody rate="20">a &amp; b</prosody></speak>'));
  });

  it('leaves plain text alone and says nothing without a voice', () => {
    assert.deepEqual(lintSsml('Fish & chips &nbsp; 50% off', { where: 'video' }), []);
    assert.deepEqual(lintSsml('<speak><prosody rate="80">x</prosody></speak>', { where: 'live' }), []);
  });
});
