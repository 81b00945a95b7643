/** The URIs of a `text/uri-list` (RFC 2483), as a drop hands them over: one per line, `#` lines are comments. */
export function parseUriList(text: string): string[] {
  return text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('#'));
}
