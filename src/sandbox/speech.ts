/**
 * How long the sandbox takes to say a text: SSML tags are removed and what is left is spoken at
 * five characters a second, at least one second a text. Video jobs take their length from it and
 * live jobs play each shot for as long. The live service has no such model; this one is simple on
 * purpose, so that a test can work out when a shot ends.
 */

const SECONDS_PER_CHARACTER = 0.2;

/** The text without its SSML tags, trimmed. */
export const spokenText = (text: string): string => text.replace(/<[^>]*>/g, '').trim();

/** Seconds, to a tenth, for one text or several said one after another. */
export function speakingSeconds(...texts: readonly string[]): number {
  const characters = texts.map((text) => spokenText(text).length).reduce((a, b) => a + b, 0);
  return Math.max(1, Math.round(characters * SECONDS_PER_CHARACTER * 10) / 10);
}
