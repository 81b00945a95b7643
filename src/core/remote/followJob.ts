/**
 * Following a 2D video job until it ends (docs/decisions/video-jobs.md), or a live job until it is
 * on air or over: polled no faster than every 5 s, more slowly the longer the job has run, with an
 * injectable clock, an AbortSignal and an optional overall timeout.
 */
import * as l10n from '@vscode/l10n';
import type { MetaStudioClient } from '../cloud/client';
import { systemClock, type Clock } from '../cloud/clock';
import { MetaStudioApiError, MetaStudioError, MetaStudioRedirectError } from '../cloud/errors';
import { isJobTerminal } from '../cloud/jobState';
import type { VideoJobDetails } from '../cloud/types';
import { WaitTimeoutError } from '../errors';

export const MIN_POLL_MS = 5_000;
export const MAX_POLL_MS = 60_000;
/** Polls in a row that may fail (each already retried by the client) before following gives up. */
export const MAX_FAILED_POLLS = 3;

/** The wait before the next poll of a job that has run for `elapsedMs`: a tenth of it, within 5–60 s. */
export function pollInterval(elapsedMs: number): number {
  return Math.min(MAX_POLL_MS, Math.max(MIN_POLL_MS, Math.round(elapsedMs / 10)));
}

/** How long the job has existed, from its `create_time`, else since `fallbackStart`. */
function jobAge(job: Followed | undefined, now: number, fallbackStart: number): number {
  const created = job?.create_time ? Date.parse(job.create_time) : Number.NaN;
  return Math.max(0, now - (Number.isNaN(created) ? fallbackStart : Math.min(created, fallbackStart)));
}

export class JobWaitTimeoutError extends WaitTimeoutError {
  override readonly name = 'JobWaitTimeoutError';
  constructor(readonly jobId: string, readonly lastState: string | undefined, timeoutMs: number, kind: 'video' | 'live' = 'video') {
    super(kind === 'video'
      ? l10n.t('Video job {0} is still {1} after {2} s of waiting.', jobId, lastState ?? '?', Math.round(timeoutMs / 1000))
      : l10n.t('Live job {0} is still {1} after {2} s of waiting.', jobId, lastState ?? '?', Math.round(timeoutMs / 1000)));
  }
}

export interface FollowOptions<T = VideoJobDetails> {
  readonly clock?: Clock;
  readonly signal?: AbortSignal;
  /** Stop waiting (JobWaitTimeoutError) after this long; no limit when absent. */
  readonly timeoutMs?: number;
  /** Every poll's answer, terminal or not. */
  readonly onUpdate?: (job: T) => void;
  /** A poll that failed and will be tried again. */
  readonly onPollError?: (error: Error) => void;
}

/** What a followed job needs: a state, and its creation time for the poll interval. */
export interface Followed {
  readonly state: string;
  readonly create_time?: string;
}

/** How to follow a job: what to poll, when to stop, and which kind its timeout names. */
export interface FollowSpec<T extends Followed> {
  readonly jobId: string;
  readonly poll: (signal: AbortSignal | undefined) => Promise<T>;
  readonly done: (job: T) => boolean;
  readonly kind: 'video' | 'live';
}

/** Worth another poll: no answer, or a server-side or throttling error (a 404, a 401 or a redirect will not go away). */
function isTransient(err: unknown): err is MetaStudioError {
  if (err instanceof MetaStudioApiError) return err.status >= 500 || err.status === 429;
  if (err instanceof MetaStudioRedirectError) return false;
  return err instanceof MetaStudioError;
}

/** Polls the job until a terminal state and returns its last details. */
export function followJob(client: MetaStudioClient, jobId: string, options: FollowOptions = {}): Promise<VideoJobDetails> {
  return follow({ jobId, poll: (signal) => client.getVideoJob(jobId, { signal }), done: (job) => isJobTerminal(job.state), kind: 'video' }, options);
}

/** Polls as `spec` says until `spec.done` holds, and returns the last answer. */
export async function follow<T extends Followed>(spec: FollowSpec<T>, options: FollowOptions<T> = {}): Promise<T> {
  const clock = options.clock ?? systemClock;
  const started = clock.now();
  const deadline = options.timeoutMs === undefined ? Number.POSITIVE_INFINITY : started + options.timeoutMs;
  let last: T | undefined;
  let failures = 0;
  for (;;) {
    try {
      last = await spec.poll(options.signal);
      failures = 0;
      options.onUpdate?.(last);
      if (spec.done(last)) return last;
    } catch (err) {
      if (!isTransient(err) || ++failures >= MAX_FAILED_POLLS) throw err;
      options.onPollError?.(err);
    }
    const now = clock.now();
    const wait = pollInterval(jobAge(last, now, started));
    if (now + wait > deadline) {
      await clock.sleep(Math.max(0, deadline - now), options.signal);
      throw new JobWaitTimeoutError(spec.jobId, last?.state, options.timeoutMs ?? 0, spec.kind);
    }
    await clock.sleep(wait, options.signal);
  }
}
