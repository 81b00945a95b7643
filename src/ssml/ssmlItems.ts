import * as vscode from 'vscode';
import type { CompletionEntry, CompletionKind, SsmlHover } from '../core/ssml/types';

const kinds: Record<CompletionKind, vscode.CompletionItemKind> = {
  tag: vscode.CompletionItemKind.Property,
  attribute: vscode.CompletionItemKind.Field,
  value: vscode.CompletionItemKind.EnumMember,
  snippet: vscode.CompletionItemKind.Snippet,
  pinyin: vscode.CompletionItemKind.Text,
};

/** Where an SSML text sits in the document: identity for `.ssml` files, through JSON escapes in scripts. */
export interface TextPlacement {
  toDocument(offset: number): number;
  /** Turns inserted text into what the document holds (JSON-escaped inside script strings). */
  encode(text: string, isSnippet: boolean): string;
}

export const asIs: TextPlacement = { toDocument: (o) => o, encode: (t) => t };

export function toCompletionItem(document: vscode.TextDocument, entry: CompletionEntry, placement: TextPlacement): vscode.CompletionItem {
  const item = new vscode.CompletionItem(entry.label, kinds[entry.kind]);
  const text = placement.encode(entry.insertText, entry.isSnippet);
  item.insertText = entry.isSnippet ? new vscode.SnippetString(text) : text;
  item.range = new vscode.Range(document.positionAt(placement.toDocument(entry.start)), document.positionAt(placement.toDocument(entry.end)));
  item.detail = entry.detail;
  if (entry.documentation) item.documentation = new vscode.MarkdownString(entry.documentation);
  item.sortText = entry.sortText;
  item.preselect = entry.preselect;
  // The editor filters by the text it replaces; inside a JSON string that text is escaped too.
  item.filterText = placement.encode(entry.label, false);
  return item;
}

export function toHover(document: vscode.TextDocument, hover: SsmlHover, placement: TextPlacement): vscode.Hover {
  const range = new vscode.Range(document.positionAt(placement.toDocument(hover.start)), document.positionAt(placement.toDocument(hover.end)));
  return new vscode.Hover(new vscode.MarkdownString(hover.markdown), range);
}
