/**
 * Text from a server or a file, made safe to show: in a terminal (the CLI) and in notifications,
 * trees and tooltips (the editor). Control characters are written out as `\uXXXX`, so that no escape
 * sequence takes effect and nothing hides or reorders the text around it.
 */

/**
 * C0 controls, DEL, C1 controls (U+009B alone starts a sequence in some terminals), the line and
 * paragraph separators, and the bidirectional embeddings, overrides and isolates. Tab and line feed
 * only where one line is meant.
 */
const notOnOneLine = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const notInLines = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function escape(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * `text` with its control characters escaped. One line unless `multiline`, which keeps tab and line
 * feed. In JSON text the escapes are JSON's own, so a JSON document stays the same value.
 */
export function displayText(text: string, { multiline = false }: { multiline?: boolean } = {}): string {
  return text.replace(multiline ? notInLines : notOnOneLine, escape);
}
