/**
 * When and how long to wait before trying a call again. Idempotent calls (reads, and PUTs that
 * replace a whole object) are retried on 429, 502, 503, 504 and network failures; calls that
 * create or change state are retried only when the connection was refused, i.e. when the server
 * cannot have seen them, so a flaky network never creates anything twice.
 */
export const MAX_ATTEMPTS = 3;
const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 8_000;
/** A longer `Retry-After` is not waited for: the error goes to the user instead. */
export const MAX_RETRY_AFTER_MS = 30_000;

const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);

export type RetryMode = 'idempotent' | 'unsafe';

export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUS.has(status);
}

/** `Retry-After` as delay-seconds or an HTTP date, in ms from `now`; undefined if absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value == null || value.trim() === '') return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * Exponential backoff with jitter (between half and all of the step) for the given retry (1 = first
 * retry), never shorter than what the server asked for.
 */
export function retryDelay(retry: number, retryAfterMs: number | undefined, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (retry - 1));
  const backoff = Math.round(ceiling / 2 + random() * (ceiling / 2));
  return Math.max(backoff, retryAfterMs ?? 0);
}
