import { fetch as undiciFetch } from 'undici';
import type { DownloadFetch } from '../../../src/core/download/request';

/** A file fetch through undici (as the CLI does) that records every URL it is asked for. */
export function recordingFetch(seen: string[]): DownloadFetch {
  return async (url, init) => {
    seen.push(url);
    return (await undiciFetch(url, init)) as unknown as Awaited<ReturnType<DownloadFetch>>;
  };
}
