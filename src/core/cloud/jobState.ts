/** Video job states, with the reference's two spellings of two of them taken as one (docs/decisions/video-jobs.md). */
import type { JobState } from './types';

export type CanonicalJobState = 'WAITING' | 'PROCESSING' | 'SUCCEED' | 'FAILED' | 'CANCELED' | 'BLOCK';

/** `SUCCESS` -> `SUCCEED`, `BLOCKED` -> `BLOCK`; other values unchanged. */
export function normalizeJobState(state: JobState | string): CanonicalJobState | string {
  if (state === 'SUCCESS') return 'SUCCEED';
  if (state === 'BLOCKED') return 'BLOCK';
  return state;
}

export function isJobSucceeded(state: JobState | string): boolean {
  return normalizeJobState(state) === 'SUCCEED';
}

/** True once the job will not change any more: succeeded, failed, canceled or blocked. */
export function isJobTerminal(state: JobState | string): boolean {
  const s = normalizeJobState(state);
  return s === 'SUCCEED' || s === 'FAILED' || s === 'CANCELED' || s === 'BLOCK';
}
