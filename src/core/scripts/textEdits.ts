/**
 * Edits that keep a shot editor and the JSON string literal it edits in step
 * (docs/decisions/shot-editor.md): the editor's changes become edits of the decoded text, those
 * become edits of the literal with only the changed characters encoded (every other byte of the
 * file kept, escapes included), and a change of the script is followed to where the literal went.
 */
import { LineIndex, type Range, type TextEdit } from '../diagnostics';
import { decodeJsonString, encodeJsonStringContent } from './jsonString';

/** A change of an editor's text by position, as VS Code reports it. */
export interface LineChange {
  readonly range: Range;
  readonly text: string;
}

/** A change of a document by offset, as VS Code reports it (in the text before the change). */
export interface OffsetChange {
  readonly rangeOffset: number;
  readonly rangeLength: number;
  readonly text: string;
}

/**
 * Applies an editor's changes to the decoded text it shows. VS Code reports one event's changes
 * from last to first, each in the text before the event; undefined when they come otherwise. The
 * editor may show line breaks normalised (`\r\n` as `\n`): its lines are the text's lines, so
 * positions are read by line and the text's other line breaks stay as they are.
 */
export function applyLineChanges(value: string, changes: readonly LineChange[]): { value: string; edits: TextEdit[] } | undefined {
  const lines = new LineIndex(value);
  const edits = changes.map((c) => ({ start: lines.offsetAt(c.range.start), end: lines.offsetAt(c.range.end), newText: c.text }));
  for (let k = 1; k < edits.length; k++) if (edits[k].end > edits[k - 1].start) return undefined;
  return { value: applyEdits(value, edits), edits };
}

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * The one edit that turns `from` into `to`, as small as their common start and end allow, never
 * splitting a surrogate pair or a `\r\n`; undefined when they are equal.
 */
export function diffEdit(from: string, to: string): TextEdit | undefined {
  if (from === to) return undefined;
  const max = Math.min(from.length, to.length);
  let start = 0;
  while (start < max && from.charCodeAt(start) === to.charCodeAt(start)) start++;
  // Cutting between the halves of a pair would encode each half on its own: cut before the pair.
  if (start > 0 && (isHigh(from.charCodeAt(start - 1)) || from[start - 1] === '\r')) start--;
  let tail = 0;
  while (tail < max - start && from.charCodeAt(from.length - 1 - tail) === to.charCodeAt(to.length - 1 - tail)) tail++;
  if (tail > 0 && (isLow(from.charCodeAt(from.length - tail)) || from[from.length - tail] === '\n')) tail--;
  return { start, end: from.length - tail, newText: to.slice(start, to.length - tail) };
}

/** Applies edits of one text, from last to first (as `applyLineChanges` returns them). */
export function applyEdits(value: string, edits: readonly TextEdit[]): string {
  let result = value;
  for (const e of edits) result = result.slice(0, e.start) + e.newText + result.slice(e.end);
  return result;
}

/**
 * The edits of a document that make the JSON string literal at `document[start, end)` decode to its
 * value with `edits` applied: each edit's range moved onto the literal (whole escapes), its text
 * JSON-escaped. Every character outside the edited ranges stays as it was written.
 */
export function literalEdits(document: string, start: number, end: number, edits: readonly TextEdit[]): TextEdit[] {
  const { map } = decodeJsonString(document, start, end);
  return edits.map((e) => ({ start: map.toDocument(e.start), end: map.toDocument(e.end), newText: encodeJsonStringContent(e.newText) }));
}

/**
 * Where a document offset is after an event's changes (each in the text before the event): moved by
 * the changes before it; undefined when a change removed or replaced the character at it.
 */
export function followOffset(offset: number, changes: readonly OffsetChange[]): number | undefined {
  let moved = offset;
  for (const c of changes) {
    if (c.rangeLength > 0 && c.rangeOffset <= offset && offset < c.rangeOffset + c.rangeLength) return undefined;
    if (c.rangeOffset + c.rangeLength <= offset) moved += c.text.length - c.rangeLength;
  }
  return moved;
}

/** The end (after the closing quote) of the string literal opening at `document[start]`; undefined when it is not one (a raw line break ends it). */
export function literalEnd(document: string, start: number): number | undefined {
  if (document.charCodeAt(start) !== 34 /* " */) return undefined;
  for (let i = start + 1; i < document.length; i++) {
    const code = document.charCodeAt(i);
    if (code === 92 /* \\ */) i++;
    else if (code === 34) return i + 1;
    else if (code === 10 || code === 13) return undefined;
  }
  return undefined;
}

/**
 * A string literal at `document[start, end)` after an event's changes (`document` is the text after
 * them): `lost` when a change removed its opening quote; its new range and value when every change
 * was inside its content and it is still one literal (no other part of the file changed, so it is
 * still the same text); `moved` when the rest of the file changed too, and only a parse can say what
 * the literal is now.
 */
export function followLiteral(document: string, start: number, end: number, changes: readonly OffsetChange[]):
  { readonly kind: 'lost' } | { readonly kind: 'moved'; readonly start: number } | { readonly kind: 'kept'; readonly start: number; readonly end: number; readonly value: string } {
  const moved = followOffset(start, changes);
  if (moved === undefined) return { kind: 'lost' };
  const inside = changes.every((c) => c.rangeOffset > start && c.rangeOffset + c.rangeLength < end);
  if (!inside) return { kind: 'moved', start: moved };
  const newEnd = end + changes.reduce((sum, c) => sum + c.text.length - c.rangeLength, 0);
  if (literalEnd(document, moved) !== newEnd) return { kind: 'moved', start: moved };
  return { kind: 'kept', start: moved, end: newEnd, value: decodeJsonString(document, moved, newEnd).value };
}
