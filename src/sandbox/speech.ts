/**
 * How long the sandbox takes to say a text: SSML tags are removed and what is left is spoken at
 * five characters a second, at least one second a text (an AUDIO shot's uploaded audio plays at
 * 128 kbit/s). Video jobs take their length from it and
 * live jobs play each shot for as long. The live service has no such model; this one is simple on
 * purpose, so that a test can work out when a shot ends.
 */

import { withoutTags } from '../core/ssml/spokenText';

const SECONDS_PER_CHARACTER = 0.2;

/** The text without its SSML tags, trimmed (in one pass: a text of "<" is no reason to wait). */
export const spokenText = (text: string): string => withoutTags(text).trim();

/** Uploaded audio is taken to play at 128 kbit/s. */
const AUDIO_BYTES_PER_SECOND = 16_000;

/** Seconds, to a tenth, for one text or several said one after another. */
export function speakingSeconds(...texts: readonly string[]): number {
  return shotsSeconds(texts);
}

/** Seconds, to a tenth, of shots one after another: a text as it is said, an uploaded audio by its size. */
export function shotsSeconds(shots: readonly (string | { readonly audioBytes: number })[]): number {
  const seconds = shots
    .map((shot) => typeof shot === 'string' ? spokenText(shot).length * SECONDS_PER_CHARACTER : shot.audioBytes / AUDIO_BYTES_PER_SECOND)
    .reduce((a, b) => a + b, 0);
  return Math.max(1, Math.round(seconds * 10) / 10);
}
