/**
 * Benchmarks report ratios against a baseline run in the same process, interleaved run by run so
 * that machine noise hits both sides alike. No absolute time is ever asserted.
 */
import { performance } from 'node:perf_hooks';

export interface Comparison {
  readonly name: string;
  readonly subject: string;
  readonly baseline: string;
  readonly runs: number;
  readonly subjectMedianMs: number;
  readonly baselineMedianMs: number;
  /** subject median / baseline median. */
  readonly ratio: number;
  /** 10th and 90th percentile of the per-run ratios. */
  readonly spread: readonly [number, number];
  readonly target?: number;
  /** Timed by the process's CPU time rather than the wall clock. */
  readonly cpu?: boolean;
}

function quantile(sorted: number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const low = Math.floor(pos);
  const high = Math.ceil(pos);
  return sorted[low] + (sorted[high] - sorted[low]) * (pos - low);
}

/**
 * `wall`: elapsed time. `cpu`: the process's CPU time (its garbage collector's threads included), which
 * waiting for a core on a busy machine does not inflate; for synchronous work only.
 */
export type Clock = 'wall' | 'cpu';

function now(clock: Clock): number {
  if (clock === 'wall') return performance.now();
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

function time(fn: () => unknown, clock: Clock = 'wall'): number {
  const start = now(clock);
  fn();
  return now(clock) - start;
}

/** Times a run that may return a promise (e.g. the JSON language service's doValidation). */
async function timeOnce(fn: () => unknown, clock: Clock = 'wall'): Promise<number> {
  const start = now(clock);
  const result = fn();
  if (result && typeof (result as PromiseLike<unknown>).then === 'function') await result;
  return now(clock) - start;
}

export interface Side {
  readonly name: string;
  readonly run: () => unknown;
}

export async function compare(
  name: string,
  subject: Side,
  baseline: Side,
  /** `repeat`: each timed run is the mean of that many calls, so that short runs show small differences. */
  options: { runs?: number; warmup?: number; target?: number; clock?: Clock; repeat?: number } = {},
): Promise<Comparison> {
  const runs = options.runs ?? 30;
  const clock = options.clock ?? 'wall';
  const repeat = options.repeat ?? 1;
  const measure = async (fn: () => unknown, c: Clock) => {
    let total = 0;
    for (let i = 0; i < repeat; i++) total += await timeOnce(fn, c);
    return total / repeat;
  };
  for (let i = 0; i < (options.warmup ?? 5); i++) {
    await measure(subject.run, clock);
    await measure(baseline.run, clock);
  }
  const s: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i++) {
    // Alternate which side goes first so that neither always runs on a warmer cache.
    if (i % 2 === 0) {
      s.push(await measure(subject.run, clock));
      b.push(await measure(baseline.run, clock));
    } else {
      b.push(await measure(baseline.run, clock));
      s.push(await measure(subject.run, clock));
    }
  }
  const ratios = s.map((v, i) => v / b[i]).sort((x, y) => x - y);
  const sMed = quantile([...s].sort((x, y) => x - y), 0.5);
  const bMed = quantile([...b].sort((x, y) => x - y), 0.5);
  return {
    name,
    subject: subject.name,
    baseline: baseline.name,
    runs,
    subjectMedianMs: sMed,
    baselineMedianMs: bMed,
    ratio: sMed / bMed,
    spread: [quantile(ratios, 0.1), quantile(ratios, 0.9)],
    target: options.target,
    cpu: clock === 'cpu',
  };
}

export function formatComparison(c: Comparison): string {
  const verdict = c.target === undefined ? '' : c.ratio <= c.target ? `  (target ≤ ${c.target}: met)` : `  (target ≤ ${c.target}: MISSED)`;
  return `${c.name}: ${c.subject} ${c.subjectMedianMs.toFixed(2)} ms vs ${c.baseline} ${c.baselineMedianMs.toFixed(2)} ms${c.cpu ? ' of CPU' : ''}` +
    ` → ratio ${c.ratio.toFixed(2)} (p10–p90 ${c.spread[0].toFixed(2)}–${c.spread[1].toFixed(2)}, ${c.runs} runs)${verdict}`;
}

/**
 * For growth checks: medians of `run(size)` at each size, and time per unit of size, so that
 * linear growth shows as a flat per-unit column.
 */
export function growth(name: string, sizes: readonly number[], make: (size: number) => () => unknown, runs = 15, clock: Clock = 'wall'): string {
  const rows = sizes.map((size) => {
    const fn = make(size);
    for (let i = 0; i < 3; i++) fn();
    const samples = Array.from({ length: runs }, () => time(fn, clock)).sort((x, y) => x - y);
    const median = quantile(samples, 0.5);
    return { size, median, perUnit: (median * 1e6) / size };
  });
  const base = rows[0].perUnit;
  return [`${name}:`, ...rows.map((r) =>
    `  size ${String(r.size).padStart(8)}: ${r.median.toFixed(2).padStart(9)} ms, ${r.perUnit.toFixed(1).padStart(8)} ns/unit (×${(r.perUnit / base).toFixed(2)} of smallest)`)].join('\n');
}
