import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Severity } from '../../../src/core/diagnostics';
import { assetCodes } from '../../../src/core/assets/codes';
import { lintCodes } from '../../../src/core/lint/codes';
import { scriptCodes } from '../../../src/core/scripts/codes';
import { ssmlCodes } from '../../../src/core/ssml/codes';

type Registry = Record<string, { severity: Severity; rule: string }>;

/**
 * Every code registry of the core, by the file a section of docs/diagnostics.md names as its
 * `Source:` (docs/decisions/diagnostic-codes.md: all codes are documented with their severity and rule).
 */
const registries: Record<string, Registry> = {
  'src/core/scripts/codes.ts': scriptCodes,
  'src/core/ssml/codes.ts': ssmlCodes,
  'src/core/assets/codes.ts': assetCodes,
  'src/core/lint/codes.ts': lintCodes,
};

interface Row {
  readonly code: string;
  readonly severity: string;
  readonly rule: string;
}

interface Section {
  readonly heading: string;
  readonly source?: string;
  readonly rows: readonly Row[];
}

const root = join(__dirname, '../../..');

/** The doc's `## ` sections, each with its `Source:` file and its table rows (`\|` in a cell is a `|`). */
function sections(doc: string): Section[] {
  return doc.split(/^## /m).map((text) => ({
    heading: text.slice(0, text.indexOf('\n')),
    source: /^Source: `([^`]+)`/m.exec(text)?.[1],
    rows: [...text.matchAll(/^\| `([^`]+)` \| ([^|]*) \| (.*) \|$/gm)]
      .map((m) => ({ code: m[1], severity: m[2].trim(), rule: m[3].trim().replace(/\\\|/g, '|') })),
  }));
}

describe('docs/diagnostics.md', () => {
  const documented = sections(readFileSync(join(root, 'docs/diagnostics.md'), 'utf8'));
  const sectionOf = (source: string) => documented.filter((s) => s.source === source);

  it('has one section per code registry, and every registry of the core is known here', () => {
    const files = readdirSync(join(root, 'src/core'))
      .map((dir) => `src/core/${dir}/codes.ts`)
      .filter((file) => existsSync(join(root, file)));
    assert.deepEqual([
      ...files.filter((file) => !(file in registries)).map((file) => `${file}: not in this test's registries`),
      ...Object.keys(registries).filter((file) => sectionOf(file).length !== 1)
        .map((file) => `${file}: named as Source by ${sectionOf(file).length} sections, not 1`),
      ...documented.filter((s) => s.rows.length > 0 && !(s.source && s.source in registries))
        .map((s) => `section "${s.heading}" lists codes, but its Source ${s.source ?? '(none)'} is no registry`),
    ], []);
  });

  it('lists in each section exactly the codes of its registry', () => {
    const wrong = Object.entries(registries).flatMap(([file, codes]) => {
      const rows = sectionOf(file)[0]?.rows ?? [];
      const listed = rows.map((r) => r.code);
      return [
        ...Object.keys(codes).filter((code) => !listed.includes(code)).map((code) => `${code}: registered in ${file}, not listed in its section`),
        ...listed.filter((code) => !Object.hasOwn(codes, code)).map((code) => `${code}: listed in the section of ${file}, not registered there`),
        ...listed.filter((code, i) => listed.indexOf(code) !== i).map((code) => `${code}: listed twice`),
      ];
    });
    assert.deepEqual(wrong, []);
  });

  it('gives every code its registered severity and rule', () => {
    const wrong = Object.entries(registries).flatMap(([file, codes]) => (sectionOf(file)[0]?.rows ?? [])
      .filter((row) => Object.hasOwn(codes, row.code))
      .flatMap(({ code, severity, rule }) => [
        ...(severity === codes[code].severity ? [] : [`${code}: severity registered "${codes[code].severity}", documented "${severity}"`]),
        ...(rule === codes[code].rule ? [] : [`${code}: rule registered "${codes[code].rule}", documented "${rule}"`]),
      ]));
    assert.deepEqual(wrong, []);
  });

  it('no code is registered twice', () => {
    const all = Object.values(registries).flatMap((codes) => Object.keys(codes));
    assert.equal(new Set(all).size, all.length);
  });
});
