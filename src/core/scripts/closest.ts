/** Which allowed value an author probably meant, for the enum quick fix. */
import { editDistance, type Closeness } from '../text/nearest';

/** Scripts compare names and values letter for letter, by plain Levenshtein distance. */
export const scriptCloseness: Closeness = { ignoreCase: false, swaps: false };

/** The allowed value closest to `value`: equal ignoring case first, then by edit distance (numbers: by difference). */
export function closestValue(value: unknown, allowed: readonly unknown[]): unknown {
  const text = String(value).toLowerCase();
  const sameCase = allowed.find((v) => String(v).toLowerCase() === text);
  if (sameCase !== undefined) return sameCase;
  const distance = typeof value === 'number'
    ? (v: unknown) => (typeof v === 'number' ? Math.abs(v - value) : Infinity)
    : (v: unknown) => editDistance(text, String(v).toLowerCase(), scriptCloseness);
  let best = allowed[0];
  for (const v of allowed) if (distance(v) < distance(best)) best = v;
  return best;
}
