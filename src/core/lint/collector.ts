/**
 * Where every linter puts a file's diagnostics: at most `maxPerCode` of each code are kept (the first
 * ones by position), the rest only counted and summed up in one `lint/more-problems` diagnostic per
 * code. A file with a million problems thus costs bounded memory and output, and a diagnostic left out
 * costs a comparison: its message and fixes are never built.
 */
import * as l10n from '@vscode/l10n';
import { sortDiagnostics, type CoreDiagnostic, type Fix, type Severity } from '../diagnostics';
import { lintCodes } from './codes';

export const maxPerCode = 1000;

/** A diagnostic's words and quick fixes, built only if it is kept. */
export interface Details {
  readonly message: string;
  readonly fixes?: readonly Fix[];
}

interface Pending {
  readonly code: string;
  readonly severity: Severity;
  readonly start: number;
  readonly end: number;
  readonly details: () => Details;
  readonly transform: ((details: Details) => Details) | undefined;
}

interface Bucket {
  /** At most `2 * maxPerCode`, so that pruning (a sort) happens once per `maxPerCode` additions. */
  kept: Pending[];
  /** After a prune: the last one kept. Anything at or after it is dropped at once. */
  cutoff?: Pending;
  dropped: number;
  /** Where the first one left out starts (by position). */
  firstDropped?: { readonly start: number; readonly end: number };
}

function compare(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return a.start - b.start || a.end - b.end;
}

/** Whether `[start, end)` sorts before `b`: `compare` without an object, for the path every diagnostic takes. */
function before(start: number, end: number, b: { readonly start: number; readonly end: number }): boolean {
  return start < b.start || (start === b.start && end < b.end);
}

export class DiagnosticCollector {
  private readonly buckets = new Map<string, Bucket>();

  /**
   * Offers a diagnostic; `details` (then `transform`, if given) runs only if it is among the kept ones
   * when `result()` is asked. A `transform` shared by many diagnostics saves a closure for each.
   */
  add(code: string, severity: Severity, start: number, end: number, details: () => Details, transform?: (details: Details) => Details): void {
    let bucket = this.buckets.get(code);
    if (!bucket) {
      bucket = { kept: [], dropped: 0 };
      this.buckets.set(code, bucket);
    }
    // Ties go to the one offered first, as the (stable) sort of the result orders them.
    if (bucket.cutoff && !before(start, end, bucket.cutoff)) {
      this.drop(bucket, start, end);
      return;
    }
    bucket.kept.push({ code, severity, start, end, details, transform });
    if (bucket.kept.length >= 2 * maxPerCode) this.prune(bucket);
  }

  /** Offers diagnostics that are already built. */
  addAll(diagnostics: Iterable<CoreDiagnostic>): void {
    for (const d of diagnostics) {
      this.add(d.code, d.severity, d.start, d.end, () => d);
    }
  }

  /** The kept diagnostics and one summary per code that had more, sorted. */
  result(): CoreDiagnostic[] {
    const result: CoreDiagnostic[] = [];
    for (const [code, bucket] of this.buckets) {
      this.prune(bucket);
      for (const p of bucket.kept) {
        const { message, fixes } = p.transform ? p.transform(p.details()) : p.details();
        result.push(fixes?.length ? { code, severity: p.severity, message, start: p.start, end: p.end, fixes } : { code, severity: p.severity, message, start: p.start, end: p.end });
      }
      if (bucket.firstDropped) {
        result.push(moreProblems(code, bucket.dropped, bucket.firstDropped.start, bucket.firstDropped.end));
      }
    }
    return sortDiagnostics(result);
  }

  private drop(bucket: Bucket, start: number, end: number): void {
    bucket.dropped++;
    if (!bucket.firstDropped || before(start, end, bucket.firstDropped)) bucket.firstDropped = { start, end };
  }

  private prune(bucket: Bucket): void {
    if (bucket.kept.length <= maxPerCode) return;
    bucket.kept.sort(compare);
    for (let i = maxPerCode; i < bucket.kept.length; i++) this.drop(bucket, bucket.kept[i].start, bucket.kept[i].end);
    bucket.kept.length = maxPerCode;
    bucket.cutoff = bucket.kept[maxPerCode - 1];
  }
}

/** The summary of the `dropped` diagnostics of `code` left out, at the first of them. */
export function moreProblems(code: string, dropped: number, start: number, end: number): CoreDiagnostic {
  return {
    code: 'lint/more-problems',
    severity: lintCodes['lint/more-problems'].severity,
    message: l10n.t('{0} more {1} problems (only the first {2} of each code are listed)', dropped, code, maxPerCode),
    start,
    end,
  };
}

/** `diagnostics` capped as the collector caps them, sorted. */
export function capDiagnostics(diagnostics: Iterable<CoreDiagnostic>): CoreDiagnostic[] {
  const collector = new DiagnosticCollector();
  collector.addAll(diagnostics);
  return collector.result();
}
