/**
 * What the players say in words, for screen readers and the eye alike: times ("1 minute 5 seconds"),
 * the seek slider's value, a preview's short name. Pure functions of the localized strings, so the
 * unit tests run them in plain Node.
 */
import type { MediaStrings } from '../../src/webviews/page';

/** The template with `{0}`, `{1}`… replaced by the values. */
export function fill(template: string, ...values: readonly (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (whole, index: string) => (Number(index) < values.length ? String(values[Number(index)]) : whole));
}

type TimeStrings = Pick<MediaStrings, 'second' | 'seconds' | 'minute' | 'minutes'>;

/** Whole seconds in words: "0 seconds", "1 second", "2 minutes 5 seconds" (a minute or more without "0 seconds"). */
export function durationWords(seconds: number, strings: TimeStrings): string {
  const total = Number.isFinite(seconds) ? Math.max(0, Math.floor(seconds)) : 0;
  const minutes = Math.floor(total / 60);
  const rest = total % 60;
  const secondsText = fill(rest === 1 ? strings.second : strings.seconds, rest);
  if (minutes === 0) return secondsText;
  const minutesText = fill(minutes === 1 ? strings.minute : strings.minutes, minutes);
  return rest === 0 ? minutesText : `${minutesText} ${secondsText}`;
}

/** The seek slider's `aria-valuetext`: "2 seconds of 10 seconds". */
export function positionWords(current: number, duration: number, strings: TimeStrings & Pick<MediaStrings, 'positionOf'>): string {
  return fill(strings.positionOf, durationWords(current, strings), durationWords(duration, strings));
}

/** A time as a clock shows it: "1:05". */
export function clock(seconds: number): string {
  const s = Number.isFinite(seconds) ? Math.max(0, Math.floor(seconds)) : 0;
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** Where a key moves the seek slider, in seconds (undefined: not a key the slider handles). */
export function seekTarget(key: string, current: number, duration: number): number | undefined {
  const step: Record<string, number> = { ArrowRight: 1, ArrowUp: 1, ArrowLeft: -1, ArrowDown: -1, PageUp: 10, PageDown: -10 };
  const end = Number.isFinite(duration) ? Math.max(0, duration) : 0;
  if (key === 'Home') return 0;
  if (key === 'End') return end;
  if (!(key in step)) return undefined;
  // From 2.6 s, one step on is 3 s and one step back 2 s: the slider moves in whole seconds.
  const from = step[key] > 0 ? Math.floor(current) : Math.ceil(current);
  return Math.min(end, Math.max(0, from + step[key]));
}

/** The start of a text on one line, cut at a word where it can be, with "…" when cut. */
export function excerpt(text: string, max = 60): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= max) return line;
  const cut = line.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}
