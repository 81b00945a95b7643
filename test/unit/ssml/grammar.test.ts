import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ssmlCodes } from '../../../src/core/ssml';
import { speakTypos, ssmlElements } from '../../../src/core/ssml/dialect';

/** The alternatives of the first `(?:a|b|c)` group of a grammar rule. */
function alternatives(match: string): string[] {
  return /\(\?:([^)]*)\)/.exec(match)![1].split('|').sort();
}

describe('SSML grammar and codes agree with the dialect table', () => {
  const grammar = JSON.parse(readFileSync(join(__dirname, '../../../syntaxes/metastudio-ssml.tmLanguage.json'), 'utf8'));
  const repo = grammar.repository;

  it('highlights exactly the known elements and the root typos', () => {
    assert.deepEqual(alternatives(repo['element-name'].patterns[0].match), ssmlElements.map((e) => e.name).sort());
    assert.deepEqual(alternatives(repo['element-name'].patterns[1].match), [...speakTypos].sort());
  });

  it('highlights exactly the known attributes', () => {
    const names = [...new Set(ssmlElements.flatMap((e) => e.attributes.map((a) => a.name)))].sort();
    assert.deepEqual(alternatives(repo['attribute-name'].match), names);
  });

  it('has stable kebab-case codes, each used by the linter', () => {
    const sources = ['lint.ts', 'tokenizer.ts', 'values.ts', 'polyphones.ts'].map((f) => readFileSync(join(__dirname, '../../../src/core/ssml', f), 'utf8')).join('\n');
    for (const [code, { severity, rule }] of Object.entries(ssmlCodes)) {
      assert.match(code, /^ssml\/[a-z]+(-[a-z]+)*$/);
      assert.ok(['error', 'warning', 'info', 'hint'].includes(severity));
      assert.ok(rule.length > 10);
      assert.ok(sources.includes(`'${code}'`), `${code} is never reported`);
    }
  });
});
