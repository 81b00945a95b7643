import * as assert from 'node:assert/strict';
import { byCloseness, editDistance, isNearMiss, nearMisses } from '../../../src/core/text/nearest';

const exact = { ignoreCase: false, swaps: false };

describe('text/nearest', () => {
  it('measures closeness case-insensitively by default, swaps counting one', () => {
    assert.equal(editDistance('break', 'BREAK'), 0);
    assert.equal(editDistance('braek', 'break'), 1);
    assert.equal(editDistance('brk', 'break'), 2);
    assert.equal(editDistance('', 'abc'), 3);
  });

  it('measures plain case-sensitive Levenshtein distance when asked', () => {
    assert.equal(editDistance('break', 'BREAK', exact), 5);
    assert.equal(editDistance('braek', 'break', exact), 2);
    assert.equal(editDistance('kitten', 'sitting', exact), 3);
  });

  it('stops at the limit with limit + 1, whatever the metric', () => {
    assert.equal(editDistance('abcdef', 'uvwxyz', exact, 2), 3);
    assert.equal(editDistance('a', 'abcdef', {}, 2), 3);
    assert.equal(editDistance('bitrat', 'bitrate', exact, 2), 1);
    assert.equal(editDistance('abdc', 'abcd', {}, 1), 1);
  });

  it('applies the near-miss rule (docs/decisions/unknown-properties.md)', () => {
    assert.equal(isNearMiss('bitrat', 2), true);
    assert.equal(isNearMiss('bitrat', 3), false);
    assert.equal(isNearMiss('dz', 1), false, 'half of 2 is 1');
    assert.equal(isNearMiss('abc', 1), true);
  });

  it('lists near misses closest first, the first listed on a tie', () => {
    assert.deepEqual(nearMisses('brake', ['speak', 'break', 'phoneme']), ['break']);
    assert.deepEqual(nearMisses('ab', ['speak', 'break']), []);
    assert.deepEqual(nearMisses('x'.repeat(100), ['break']), []);
    assert.deepEqual(nearMisses('widht', ['height', 'width', 'widths']), ['width', 'widths']);
    assert.deepEqual(nearMisses('cat', ['cot', 'bat']), ['cot', 'bat'], 'a tie keeps the listed order');
    assert.deepEqual(nearMisses('dz', ['dx', 'dy'], exact), []);
    assert.deepEqual(nearMisses('bitrat', ['frame_rate', 'bitrates', 'bitrate'], exact), ['bitrate', 'bitrates']);
    assert.deepEqual(nearMisses('Width', ['width'], exact), ['width']);
  });

  it('orders candidates by closeness, keeping the order of ties and of over-long inputs', () => {
    assert.deepEqual(byCloseness('strng', ['number', 'string', 'strong']), ['string', 'strong', 'number']);
    assert.deepEqual(byCloseness('y'.repeat(100), ['b', 'a']), ['b', 'a']);
  });
});
