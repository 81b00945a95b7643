import assert from 'node:assert/strict';
import { isRetryableStatus, parseRetryAfter, retryDelay } from '../../../src/core/cloud/retry';
import { rateLimitsFor, TokenBucket } from '../../../src/core/cloud/throttle';
import { isJobSucceeded, isJobTerminal, normalizeJobState } from '../../../src/core/cloud/jobState';
import { collectPages } from '../../../src/core/cloud/paging';
import { queryString } from '../../../src/core/cloud/query';
import { FakeClock } from './support';

describe('cloud/retry', () => {
  it('retries 429, 502, 503, 504 only', () => {
    assert.deepEqual([400, 401, 404, 408, 429, 500, 501, 502, 503, 504].filter(isRetryableStatus), [429, 502, 503, 504]);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.UTC(2026, 0, 1, 12, 0, 0);
    assert.equal(parseRetryAfter('3', now), 3000);
    assert.equal(parseRetryAfter(' 0 ', now), 0);
    assert.equal(parseRetryAfter('Thu, 01 Jan 2026 12:00:10 GMT', now), 10_000);
    assert.equal(parseRetryAfter('Thu, 01 Jan 2026 11:00:00 GMT', now), 0);
    assert.equal(parseRetryAfter('soon', now), undefined);
    assert.equal(parseRetryAfter(null, now), undefined);
  });

  it('backs off exponentially with jitter, capped, never under Retry-After', () => {
    assert.equal(retryDelay(1, undefined, () => 0), 250);
    assert.equal(retryDelay(1, undefined, () => 1), 500);
    assert.equal(retryDelay(2, undefined, () => 0.5), 750);
    assert.equal(retryDelay(3, undefined, () => 1), 2000);
    assert.equal(retryDelay(10, undefined, () => 1), 8000);
    assert.equal(retryDelay(1, 5000, () => 1), 5000);
  });
});

describe('cloud/throttle', () => {
  it('takes the limits of Table 1-2 for the region, the strictest elsewhere', () => {
    assert.equal(rateLimitsFor('cn-north-4')['videoJobs.create'], 5);
    assert.equal(rateLimitsFor('cn-north-4')['assets.list'], 20);
    assert.equal(rateLimitsFor('cn-east-3')['videoJobs.create'], 3);
    assert.equal(rateLimitsFor(undefined)['liveRooms.update'], 3);
    assert.equal(rateLimitsFor('cn-east-3')['videoScripts.create'], 5);
  });

  it('never lets more than the limit through in any one-second window', async () => {
    const clock = new FakeClock(0);
    const bucket = new TokenBucket(20, clock);
    const times: number[] = [];
    await Promise.all(Array.from({ length: 60 }, async () => {
      await bucket.take();
      times.push(clock.now());
    }));
    times.sort((a, b) => a - b);
    for (const t of times) assert.ok(times.filter((u) => u >= t && u < t + 1000).length <= 20, `window at ${t}`);
    assert.ok(times.filter((t) => t === 0).length >= 10, 'a burst of half the limit goes at once');
  });

  it('gives up waiting when the signal aborts', async () => {
    const clock = new FakeClock(0);
    const bucket = new TokenBucket(2, clock);
    await bucket.take();
    await assert.rejects(bucket.take(AbortSignal.abort()), { name: 'AbortError' });
  });
});

describe('cloud/jobState', () => {
  it('takes SUCCEED/SUCCESS and BLOCK/BLOCKED alike', () => {
    assert.equal(normalizeJobState('SUCCESS'), 'SUCCEED');
    assert.equal(normalizeJobState('BLOCKED'), 'BLOCK');
    assert.ok(isJobSucceeded('SUCCESS') && isJobSucceeded('SUCCEED') && !isJobSucceeded('FAILED'));
    assert.deepEqual(['WAITING', 'PROCESSING', 'SUCCEED', 'SUCCESS', 'FAILED', 'CANCELED', 'BLOCK', 'BLOCKED'].filter(isJobTerminal),
      ['SUCCEED', 'SUCCESS', 'FAILED', 'CANCELED', 'BLOCK', 'BLOCKED']);
  });
});

describe('cloud/paging', () => {
  const all = Array.from({ length: 257 }, (_, i) => i);
  const pages: [number, number][] = [];
  const fetchPage = async (offset: number, limit: number) => {
    pages.push([offset, limit]);
    return { count: all.length, items: all.slice(offset, offset + limit) };
  };

  it('follows pages up to the maximum', async () => {
    pages.length = 0;
    assert.deepEqual(await collectPages(fetchPage, 150), all.slice(0, 150));
    assert.deepEqual(pages, [[0, 100], [100, 50]]);
  });

  it('stops at the total count', async () => {
    pages.length = 0;
    assert.equal((await collectPages(fetchPage, 1000)).length, 257);
    assert.deepEqual(pages, [[0, 100], [100, 100], [200, 100]]);
  });

  it('stops at a short page even when count says more', async () => {
    const items = await collectPages(async (offset) => ({ count: 999, items: offset === 0 ? [1, 2, 3] : [] }), 1000, 10);
    assert.deepEqual(items, [1, 2, 3]);
  });
});

describe('cloud/query', () => {
  it('encodes per RFC 3986, joins lists, repeats the listed keys, drops undefined', () => {
    assert.equal(queryString({ a: 'x y', b: ['1', '2'], c: undefined, d: true, e: 0, id: ['p', 'q'] }, ['id']), '?a=x%20y&b=1%2C2&d=true&e=0&id=p&id=q');
    assert.equal(queryString({}), '');
  });
});
