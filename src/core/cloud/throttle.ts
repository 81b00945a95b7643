/**
 * Client-side throttling under the per-tenant limits of reference Table 1-2, one token bucket per
 * API. A bucket holding half a second's worth of calls and refilling at half the limit never lets
 * more than the limit through in any one-second window, however the calls are timed; the
 * sustained half rate leaves headroom for network jitter and for a second client of the same
 * tenant (the CLI next to the extension).
 */
import type { Clock } from './clock';
import type { Region } from './endpoint';

/** The APIs the client calls, named after Table 1-2's rows. */
export type ApiName =
  | 'assets.create' | 'assets.list' | 'assets.details' | 'assets.delete'
  | 'files.create' | 'files.confirm' | 'files.delete'
  | 'videoScripts.create' | 'videoScripts.list' | 'videoScripts.details' | 'videoScripts.update' | 'videoScripts.delete'
  | 'videoJobs.create' | 'videoJobs.details' | 'videoJobs.cancel' | 'videoJobs.list'
  | 'liveRooms.create' | 'liveRooms.list' | 'liveRooms.details' | 'liveRooms.update' | 'liveRooms.delete'
  | 'ruleGroups.create' | 'ruleGroups.list' | 'ruleGroups.details' | 'ruleGroups.update' | 'ruleGroups.delete'
  | 'liveJobs.start' | 'liveJobs.list' | 'liveJobs.details' | 'liveJobs.stop' | 'liveJobs.command' | 'liveJobs.event'
  | 'tts.create' | 'tts.file';

/** Requests per second: [CN North-Beijing4, CN East-Shanghai1 and AP-Singapore]. */
const TABLE_1_2: Record<ApiName, readonly [number, number]> = {
  'assets.create': [10, 5],
  'assets.list': [20, 10],
  'assets.details': [20, 10],
  'assets.delete': [10, 5],
  'files.create': [10, 5],
  'files.confirm': [10, 5],
  'files.delete': [10, 5],
  'videoScripts.create': [10, 5],
  'videoScripts.list': [20, 10],
  'videoScripts.details': [20, 10],
  'videoScripts.update': [10, 5],
  'videoScripts.delete': [10, 5],
  'videoJobs.create': [5, 3],
  'videoJobs.details': [20, 10],
  'videoJobs.cancel': [5, 3],
  'videoJobs.list': [20, 10],
  'liveRooms.create': [5, 3],
  'liveRooms.list': [20, 10],
  'liveRooms.details': [20, 10],
  'liveRooms.update': [5, 3],
  'liveRooms.delete': [4, 3],
  'ruleGroups.create': [4, 3],
  'ruleGroups.list': [20, 10],
  // Not in the table: a read, limited as the list is.
  'ruleGroups.details': [20, 10],
  'ruleGroups.update': [4, 3],
  'ruleGroups.delete': [4, 3],
  'liveJobs.start': [4, 3],
  // One row for a room's jobs and the tenant's.
  'liveJobs.list': [20, 10],
  'liveJobs.details': [20, 10],
  'liveJobs.stop': [4, 3],
  'liveJobs.command': [4, 3],
  'liveJobs.event': [4, 3],
  'tts.create': [5, 3],
  'tts.file': [20, 10],
};

export type RateLimits = Readonly<Record<ApiName, number>>;

/** The limits of a region; any other endpoint gets the strictest column (Shanghai1 and Singapore). */
export function rateLimitsFor(region: Region | undefined): RateLimits {
  const column = region === 'cn-north-4' ? 0 : 1;
  return Object.fromEntries(Object.entries(TABLE_1_2).map(([api, limits]) => [api, limits[column]])) as Record<ApiName, number>;
}

export class TokenBucket {
  private tokens: number;
  private updatedAt: number;
  private readonly capacity: number;
  private readonly perMs: number;
  /** Callers wait in line, so a burst is served in order. */
  private queue: Promise<void> = Promise.resolve();

  constructor(limitPerSecond: number, private readonly clock: Clock) {
    this.capacity = Math.max(1, limitPerSecond / 2);
    this.perMs = limitPerSecond / 2 / 1000;
    this.tokens = this.capacity;
    this.updatedAt = clock.now();
  }

  /** Resolves when the caller may send one request. */
  take(signal?: AbortSignal): Promise<void> {
    const turn = this.queue.then(() => this.takeNow(signal));
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async takeNow(signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    this.refill();
    if (this.tokens < 1) {
      await this.clock.sleep(Math.ceil((1 - this.tokens) / this.perMs), signal);
      this.refill();
    }
    this.tokens = Math.max(0, this.tokens - 1);
  }

  private refill(): void {
    const now = this.clock.now();
    this.tokens = Math.min(this.capacity, this.tokens + (now - this.updatedAt) * this.perMs);
    this.updatedAt = now;
  }
}

/** One bucket per API. */
export class Throttle {
  private readonly buckets = new Map<ApiName, TokenBucket>();

  constructor(private readonly limits: RateLimits, private readonly clock: Clock) {}

  take(api: ApiName, signal?: AbortSignal): Promise<void> {
    let bucket = this.buckets.get(api);
    if (!bucket) {
      bucket = new TokenBucket(this.limits[api], this.clock);
      this.buckets.set(api, bucket);
    }
    return bucket.take(signal);
  }
}
