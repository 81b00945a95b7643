/** Closeness of names and values: "did you mean" suggestions (docs/decisions/unknown-properties.md) and ordering replacements. */

/** How two strings are compared. */
export interface Closeness {
  /** Letters compare ignoring case (default true). */
  readonly ignoreCase?: boolean;
  /** A swap of two neighbours counts as one edit (default true); false is plain Levenshtein. */
  readonly swaps?: boolean;
}

/** Inputs longer than this are compared by nothing: no one mistypes a 65-character name. */
const maxCompared = 64;

/**
 * Edit distance (insertions, deletions, substitutions and, with `swaps`, neighbour swaps), stopping
 * early with `limit + 1` once it exceeds `limit`.
 */
export function editDistance(a: string, b: string, { ignoreCase = true, swaps = true }: Closeness = {}, limit = Infinity): number {
  if (ignoreCase) {
    a = a.toLowerCase();
    b = b.toLowerCase();
  }
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (swaps && i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        d = Math.min(d, prev2[j - 2] + 1);
      }
      row.push(d);
      rowMin = Math.min(rowMin, d);
    }
    // No row's minimum is below the previous row's, with or without swaps.
    if (rowMin > limit) return limit + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length];
}

/** A near miss is at most 2 edits away, and less than half the input's length (docs/decisions/unknown-properties.md). */
export function isNearMiss(input: string, distance: number): boolean {
  return distance <= 2 && distance < input.length / 2;
}

/** The candidates, closest to `input` first (ties keep their order). */
export function byCloseness(input: string, candidates: readonly string[], closeness: Closeness = {}): string[] {
  if (input.length > maxCompared) return [...candidates];
  return ranked(input, candidates, closeness, Infinity).map((x) => x.c);
}

/** The candidates `input` is a near miss of (with `ignoreCase`, a case-only difference is one), closest first. */
export function nearMisses(input: string, candidates: readonly string[], closeness: Closeness = {}): string[] {
  if (input.length > maxCompared) return [];
  return ranked(input, candidates, closeness, 2).filter((x) => isNearMiss(input, x.d)).map((x) => x.c);
}

function ranked(input: string, candidates: readonly string[], closeness: Closeness, limit: number): { c: string; d: number }[] {
  return candidates
    .map((c, i) => ({ c, i, d: editDistance(input, c, closeness, limit) }))
    .sort((x, y) => x.d - y.d || x.i - y.i);
}
