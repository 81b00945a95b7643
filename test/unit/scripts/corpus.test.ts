/**
 * The fixture corpus: every valid script lints clean; every invalid one gives exactly the diagnostics
 * of its sidecar `<file>.expected.json` (code, 0-based range "line:char-line:char", the text there, message).
 * After a deliberate change, regenerate the sidecars with UPDATE_EXPECTED=1 and review the diff.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineIndex } from '../../../src/core/diagnostics';
import { scriptCodes } from '../../../src/core/scripts/codes';
import { validateScript } from '../../../src/core/scripts/validate';

const root = join(__dirname, '../../fixtures/scripts');
const kindOf = (file: string) => (file.endsWith('.video.json') ? 'video' : 'live');
const scripts = (folder: string) => readdirSync(join(root, folder)).filter((f) => /\.(video|live)\.json$/.test(f)).sort();

interface Expected {
  readonly code: string;
  readonly range: string;
  readonly text: string;
  readonly message: string;
}

function actual(file: string): Expected[] {
  const text = readFileSync(file, 'utf8');
  const lines = new LineIndex(text);
  return validateScript(text, kindOf(file)).map((d) => {
    const { start, end } = lines.rangeOf(d.start, d.end);
    const shown = text.slice(d.start, d.end);
    return { code: d.code, range: `${start.line}:${start.character}-${end.line}:${end.character}`, text: shown.length > 80 ? `${shown.slice(0, 77)}...` : shown, message: d.message };
  });
}

describe('script corpus', () => {
  describe('valid', () => {
    for (const name of scripts('valid')) {
      it(name, () => assert.deepEqual(validateScript(readFileSync(join(root, 'valid', name), 'utf8'), kindOf(name)), []));
    }
  });

  const covered = new Set<string>();
  describe('invalid', () => {
    for (const name of scripts('invalid')) {
      it(name, () => {
        const file = join(root, 'invalid', name);
        const sidecar = `${file}.expected.json`;
        const found = actual(file);
        if (process.env.UPDATE_EXPECTED) writeFileSync(sidecar, JSON.stringify(found, null, 2) + '\n');
        assert.ok(existsSync(sidecar), `${name} has no .expected.json`);
        const expected = JSON.parse(readFileSync(sidecar, 'utf8')) as Expected[];
        assert.ok(expected.length > 0, `${name} expects no diagnostic: move it to valid/`);
        assert.deepEqual(found, expected);
        for (const e of expected) covered.add(e.code);
      });
    }
  });

  // A suite of its own: mocha runs a suite's tests before its child suites.
  describe('coverage', () => {
    it('covers every script rule', () => {
      const untested = Object.keys(scriptCodes).filter((code) => code !== 'script/internal-error' && !covered.has(code));
      assert.deepEqual(untested, []);
    });
  });
});
