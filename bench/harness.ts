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

function time(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

/** Times a run that may return a promise (e.g. the JSON language service's doValidation). */
async function timeAsync(fn: () => unknown): Promise<number> {
  const start = performance.now();
  const result = fn();
  if (result && typeof (result as PromiseLike<unknown>).then === 'function') await result;
  return performance.now() - start;
}

/**
 * The process's CPU time of a synchronous run, in ms, as the mean of `repeat` calls: on a machine
 * shared with other work, waiting for a core does not count, so small differences show.
 */
function cpuTime(fn: () => unknown, repeat: number): number {
  const start = process.cpuUsage();
  for (let i = 0; i < repeat; i++) fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / repeat;
}

export interface Side {
  readonly name: string;
  readonly run: () => unknown;
}

export async function compare(
  name: string,
  subject: Side,
  baseline: Side,
  /** `cpu`: time synchronous runs by CPU time, each run the mean of that many calls. */
  options: { runs?: number; warmup?: number; target?: number; cpu?: number } = {},
): Promise<Comparison> {
  const runs = options.runs ?? 30;
  const measure = async (side: Side) => (options.cpu ? cpuTime(side.run, options.cpu) : timeAsync(side.run));
  for (let i = 0; i < (options.warmup ?? 5); i++) {
    await measure(subject);
    await measure(baseline);
  }
  const s: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i++) {
    // Alternate which side goes first so that neither always runs on a warmer cache.
    if (i % 2 === 0) {
      s.push(await measure(subject));
      b.push(await measure(baseline));
    } else {
      b.push(await measure(baseline));
      s.push(await measure(subject));
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
    cpu: options.cpu !== undefined,
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
export function growth(name: string, sizes: readonly number[], make: (size: number) => () => unknown, runs = 15): string {
  const rows = sizes.map((size) => {
    const fn = make(size);
    for (let i = 0; i < 3; i++) fn();
    const samples = Array.from({ length: runs }, () => time(fn)).sort((x, y) => x - y);
    const median = quantile(samples, 0.5);
    return { size, median, perUnit: (median * 1e6) / size };
  });
  const base = rows[0].perUnit;
  return [`${name}:`, ...rows.map((r) =>
    `  size ${String(r.size).padStart(8)}: ${r.median.toFixed(2).padStart(9)} ms, ${r.perUnit.toFixed(1).padStart(8)} ns/unit (×${(r.perUnit / base).toFixed(2)} of smallest)`)].join('\n');
}
