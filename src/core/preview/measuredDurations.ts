/**
 * The real durations of cached previews: the audio of every file of an entry, added up. A preview's
 * files never change under its key (the key is its text, voice, settings and place), so each entry
 * is read once and remembered.
 */
import { readFile } from 'node:fs/promises';
import { audioSeconds } from './audioDuration';
import { previewKey, type PreviewPlace, type PreviewRequest } from './previewKey';
import type { CachedPreview, PreviewCache } from './previewCache';

export class MeasuredDurations {
  /** Seconds by cache key; null when a file's format has no duration we can read. */
  private readonly known = new Map<string, number | null>();

  constructor(private readonly cache: PreviewCache) {}

  /** The seconds of each request's cached preview, by index into `requests`; a request without one is left out. */
  async of(requests: readonly (PreviewRequest | undefined)[], place: PreviewPlace): Promise<Map<number, number>> {
    const keys = requests.map((r) => r && previewKey(r, place));
    const cached = await this.cache.peek(keys.filter((k): k is string => k !== undefined));
    const seconds = new Map<number, number>();
    for (const [i, key] of keys.entries()) {
      const entry = key === undefined ? undefined : cached.get(key);
      const value = entry && await this.measure(entry);
      if (value !== undefined && value !== null) seconds.set(i, value);
    }
    return seconds;
  }

  private async measure(entry: CachedPreview): Promise<number | null> {
    let value = this.known.get(entry.key);
    if (value === undefined) {
      value = 0;
      for (const file of entry.files) {
        const data = await readFile(file).catch(() => undefined);
        // Not remembered: a file evicted meanwhile comes back with the next preview.
        if (!data) return null;
        const seconds = audioSeconds(data);
        if (seconds === undefined) {
          value = null;
          break;
        }
        value += seconds;
      }
      this.known.set(entry.key, value);
    }
    return value;
  }
}
