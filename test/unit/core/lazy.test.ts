import assert from 'node:assert/strict';
import { lazy, madeSoFar } from '../../../src/core/lazy';

describe('lazy', () => {
  it('makes its value on the first call only, and names it among those made', () => {
    let calls = 0;
    const value = lazy('lazy-test-value', () => ({ made: ++calls }));
    assert.ok(!madeSoFar().includes('lazy-test-value'));
    assert.equal(value(), value());
    assert.equal(calls, 1);
    assert.ok(madeSoFar().includes('lazy-test-value'));
  });

  it('makes it again on the next call when making it threw', () => {
    let calls = 0;
    const value = lazy('lazy-test-failing', () => {
      if (++calls === 1) throw new Error('not yet');
      return calls;
    });
    assert.throws(value, /not yet/);
    assert.ok(!madeSoFar().includes('lazy-test-failing'));
    assert.equal(value(), 2);
  });
});
