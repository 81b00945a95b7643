/** Closeness of names, for "did you mean" fixes and for ordering enum replacements. */

/** Inputs longer than this are compared by nothing: no one mistypes a 65-character enum value. */
const maxCompared = 64;

/** Case-insensitive optimal-string-alignment distance (a swap of two neighbours counts 1). */
export function editDistance(a: string, b: string): number {
  a = a.toLowerCase();
  b = b.toLowerCase();
  if (a === b) return 0;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        d = Math.min(d, prev2[j - 2] + 1);
      }
      row.push(d);
    }
    prev2 = prev;
    prev = row;
  }
  return prev[b.length];
}

/** The candidates, closest to `input` first (ties keep their order). */
export function byCloseness(input: string, candidates: readonly string[]): string[] {
  if (input.length > maxCompared) return [...candidates];
  return candidates
    .map((c, i) => ({ c, i, d: editDistance(input, c) }))
    .sort((x, y) => x.d - y.d || x.i - y.i)
    .map((x) => x.c);
}

/**
 * The candidates `input` is a near miss of: a case-only difference, or an edit distance of at
 * most 2 and less than half the input's length (the rule of DECISIONS.md 8).
 */
export function nearMisses(input: string, candidates: readonly string[]): string[] {
  if (input.length > maxCompared) return [];
  return byCloseness(input, candidates).filter((c) => {
    const d = editDistance(input, c);
    return d <= 2 && d < input.length / 2;
  });
}
