import { fetch as undiciFetch } from 'undici';
import type { FetchLike } from '../../../src/core/cloud/transport';

/** A file fetch through undici (as the CLI does) that records every URL it is asked for. */
export function recordingFetch(seen: string[]): FetchLike {
  return async (url, init) => {
    seen.push(url);
    return undiciFetch(url, init);
  };
}
