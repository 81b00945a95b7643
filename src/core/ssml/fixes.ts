/** Builders of the quick fixes the SSML checks attach to their diagnostics. */
import * as l10n from '@vscode/l10n';
import type { Fix, TextEdit } from '../diagnostics';

export function replaceFix(title: string, start: number, end: number, newText: string, preferred = false): Fix {
  return preferred ? { title, edits: [{ start, end, newText }], preferred } : { title, edits: [{ start, end, newText }] };
}

/** Replaces one character by its entity, e.g. a stray `&` by `&amp;`. */
export function escapeFix(offset: number, char: '&' | '<'): Fix {
  const entity = char === '&' ? '&amp;' : '&lt;';
  return replaceFix(l10n.t('Escape as {0}', entity), offset, offset + 1, entity, true);
}

/** A start tag's span and name, and its closing tag's when there is one. */
export interface TagSpan {
  readonly start: number;
  readonly end: number;
  readonly nameStart: number;
  readonly nameEnd: number;
}

/** Deletes the tags of an element and keeps what they enclose. */
export function removeTagFix(name: string, open: TagSpan, close: TagSpan | undefined, preferred = false): Fix {
  const edits: TextEdit[] = [{ start: open.start, end: open.end, newText: '' }];
  if (close) edits.push({ start: close.start, end: close.end, newText: '' });
  return { title: l10n.t('Remove <{0}> (keep its text)', name), edits, ...(preferred ? { preferred } : {}) };
}

/** Renames an element in its start tag and, when given, its closing tag. */
export function renameTagFix(to: string, open: TagSpan | undefined, close: TagSpan | undefined, preferred: boolean): Fix {
  const edits: TextEdit[] = [];
  if (open) edits.push({ start: open.nameStart, end: open.nameEnd, newText: to });
  if (close) edits.push({ start: close.nameStart, end: close.nameEnd, newText: to });
  return { title: l10n.t('Change to <{0}>', to), edits, ...(preferred ? { preferred } : {}) };
}
