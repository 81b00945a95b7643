import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Severity } from '../../../src/core/diagnostics';
import { assetCodes } from '../../../src/core/assets/codes';
import { lintCodes } from '../../../src/core/lint/codes';
import { scriptCodes } from '../../../src/core/scripts/codes';
import { ssmlCodes } from '../../../src/core/ssml/codes';

/** Every code registry of the core (DECISIONS 16: all codes are documented). */
const registries: Record<string, { severity: Severity; rule: string }>[] = [scriptCodes, ssmlCodes, assetCodes, lintCodes];

describe('docs/diagnostics.md', () => {
  const doc = readFileSync(join(__dirname, '../../../docs/diagnostics.md'), 'utf8');
  const rows = new Map([...doc.matchAll(/^\| `([a-z]+\/[a-z0-9-]+)` \| (error|warning|info) \|/gm)].map((m) => [m[1], m[2]]));

  it('lists every registered code with its one severity', () => {
    const wrong = registries.flatMap((codes) => Object.entries(codes)
      .filter(([code, { severity }]) => rows.get(code) !== severity)
      .map(([code, { severity }]) => `${code}: documented ${rows.get(code) ?? 'nowhere'}, registered ${severity}`));
    assert.deepEqual(wrong, []);
  });

  it('lists no code that does not exist', () => {
    const registered = new Set(registries.flatMap((codes) => Object.keys(codes)));
    assert.deepEqual([...rows.keys()].filter((code) => !registered.has(code)), []);
    assert.ok(rows.size > 0);
  });

  it('no code is registered twice', () => {
    const all = registries.flatMap((codes) => Object.keys(codes));
    assert.equal(new Set(all).size, all.length);
  });
});
