/** Near-miss suggestions: which known name or value the author probably meant. */

/** Levenshtein distance (insertions, deletions, substitutions), stopping early once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      rowMin = Math.min(rowMin, current[j]);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length];
}

/**
 * The known name `name` is a near miss of (DECISIONS 8): edit distance ≤ 2 and less than half of
 * `name`'s length; the closest wins, the first listed on a tie.
 */
export function nearMiss(name: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = editDistance(name, candidate, 2);
    if (d <= 2 && d < name.length / 2 && d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** The allowed value closest to `value`: equal ignoring case first, then by edit distance (numbers: by difference). */
export function closestValue(value: unknown, allowed: readonly unknown[]): unknown {
  const text = String(value).toLowerCase();
  const sameCase = allowed.find((v) => String(v).toLowerCase() === text);
  if (sameCase !== undefined) return sameCase;
  const distance = typeof value === 'number'
    ? (v: unknown) => (typeof v === 'number' ? Math.abs(v - value) : Infinity)
    : (v: unknown) => editDistance(text, String(v).toLowerCase());
  let best = allowed[0];
  for (const v of allowed) if (distance(v) < distance(best)) best = v;
  return best;
}
