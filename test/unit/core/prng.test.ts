import * as assert from 'node:assert/strict';
import { mulberry32 } from '../../../src/core/prng';

describe('core/prng', () => {
  it('gives the same sequence in [0, 1) for the same seed, another for another seed', () => {
    const take = (seed: number) => { const next = mulberry32(seed); return Array.from({ length: 1000 }, next); };
    const a = take(20240301);
    assert.deepEqual(take(20240301), a);
    assert.notDeepEqual(take(7), a);
    assert.ok(a.every((x) => x >= 0 && x < 1));
    assert.ok(new Set(a).size > 990, 'values spread out');
  });

  it('is mulberry32 (the sandbox library depends on its exact values)', () => {
    assert.equal(mulberry32(1)().toFixed(10), '0.6270739406');
  });
});
