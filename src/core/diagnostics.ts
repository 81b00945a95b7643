/**
 * Diagnostics as the core produces them: editor-free, offset-based, with their quick fixes as data.
 * The editor turns them into vscode.Diagnostic/CodeAction; the CLI into its JSON report (docs/decisions/cli-contract.md).
 */
/** `hint` is the quietest: the editor shows it only as dots under the text, never in the Problems panel. */
export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** A replacement of the document text between two UTF-16 offsets. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

export interface Fix {
  /** Shown as the quick fix's title. */
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** The fix to apply when the user asks for "the" fix (one per diagnostic at most). */
  readonly preferred?: boolean;
}

export interface CoreDiagnostic {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  /** UTF-16 offsets into the document, end exclusive. */
  readonly start: number;
  readonly end: number;
  readonly fixes?: readonly Fix[];
}

/** Declares a family of diagnostic codes, each with its one severity (docs/decisions/diagnostic-codes.md). */
export function defineCodes<const T extends Record<string, { severity: Severity; rule: string }>>(codes: T): T {
  return codes;
}

export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** Converts UTF-16 offsets to 0-based line/character positions (as VS Code counts them). */
export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 10 /* \n */) {
        this.lineStarts.push(i + 1);
      } else if (ch === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.lineStarts.push(i + 1);
      }
    }
  }

  positionAt(offset: number): Position {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: offset - this.lineStarts[low] };
  }

  /** The offset of a position; a character past its line's end counts as the end of the line's text. */
  offsetAt(position: Position): number {
    const { text } = this;
    const line = Math.min(Math.max(0, position.line), this.lineStarts.length - 1);
    const start = this.lineStarts[line];
    let lineEnd = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : text.length;
    while (lineEnd > start && (text.charCodeAt(lineEnd - 1) === 10 || text.charCodeAt(lineEnd - 1) === 13)) lineEnd--;
    return Math.min(start + Math.max(0, position.character), lineEnd);
  }

  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }
}

const severityOrder: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

/** The order `sortDiagnostics` sorts in. */
export function compareDiagnostics(a: CoreDiagnostic, b: CoreDiagnostic): number {
  return a.start - b.start || a.end - b.end || severityOrder[a.severity] - severityOrder[b.severity] || a.code.localeCompare(b.code);
}

/** Sorts by range, then severity, then code: the order the CLI prints and tests compare. */
export function sortDiagnostics<T extends CoreDiagnostic>(diagnostics: T[]): T[] {
  return diagnostics.sort(compareDiagnostics);
}

/** Two lists sorted as `sortDiagnostics` sorts, as one sorted list, in linear time (for long lists sorted already). */
export function mergeSorted<T extends CoreDiagnostic>(a: T[], b: T[]): T[] {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  // Sized at once: a growing list would leave its outgrown copies to the garbage collector.
  const merged = new Array<T>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) merged[k++] = compareDiagnostics(a[i], b[j]) <= 0 ? a[i++] : b[j++];
  while (i < a.length) merged[k++] = a[i++];
  while (j < b.length) merged[k++] = b[j++];
  return merged;
}
