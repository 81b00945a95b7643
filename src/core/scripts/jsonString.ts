/**
 * The link between a JSON string literal in a document and its decoded value: SSML is linted on the
 * decoded text, and its offsets must land on the right characters of the literal, escapes included.
 */

/** Maps offsets between a decoded string value and the document that holds its literal. */
export interface JsonStringMap {
  /** Document offset of decoded UTF-16 offset `i` (0 ≤ i ≤ value.length; value.length = the closing quote). */
  toDocument(i: number): number;
  /** Decoded offset of a document offset; an offset inside an escape maps to the character it produces. */
  toDecoded(documentOffset: number): number;
}

export interface DecodedJsonString {
  readonly value: string;
  readonly map: JsonStringMap;
}

const simpleEscapes: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/**
 * Decodes the string literal at `text[start, end)` (quotes included; an unterminated literal may lack
 * the closing one). Malformed escapes decode to their raw characters and never throw.
 */
export function decodeJsonString(text: string, start: number, literalEnd: number): DecodedJsonString {
  const end = Math.min(literalEnd, text.length);
  const contentStart = start + 1;
  const contentEnd = end - 1 >= contentStart && text.charCodeAt(end - 1) === 34 /* " */ && end - start >= 2 ? end - 1 : end;
  const firstEscape = text.indexOf('\\', contentStart);
  if (firstEscape === -1 || firstEscape >= contentEnd) {
    return { value: text.slice(contentStart, contentEnd), map: new ShiftMap(contentStart, contentEnd) };
  }
  let value = '';
  // offsets[i] = document offset where the text producing decoded unit i starts.
  const offsets: number[] = [];
  let i = contentStart;
  while (i < contentEnd) {
    const ch = text[i];
    if (ch !== '\\' || i + 1 >= contentEnd) {
      value += ch;
      offsets.push(i);
      i++;
      continue;
    }
    const next = text[i + 1];
    if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)) && i + 6 <= contentEnd) {
      value += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
      offsets.push(i);
      i += 6;
    } else {
      value += simpleEscapes[next] ?? next;
      offsets.push(i);
      i += 2;
    }
  }
  offsets.push(contentEnd);
  return { value, map: new TableMap(offsets) };
}

/** The JSON string literal content (without quotes) that decodes to `value`. */
export function encodeJsonStringContent(value: string): string {
  return JSON.stringify(value).slice(1, -1);
}

/** A literal without escapes: decoded offset i is document offset contentStart + i. */
class ShiftMap implements JsonStringMap {
  constructor(private readonly contentStart: number, private readonly contentEnd: number) {}

  toDocument(i: number): number {
    return Math.min(this.contentEnd, this.contentStart + Math.max(0, i));
  }

  toDecoded(documentOffset: number): number {
    return Math.min(this.contentEnd, Math.max(this.contentStart, documentOffset)) - this.contentStart;
  }
}

class TableMap implements JsonStringMap {
  constructor(private readonly offsets: readonly number[]) {}

  toDocument(i: number): number {
    return this.offsets[Math.min(this.offsets.length - 1, Math.max(0, i))];
  }

  toDecoded(documentOffset: number): number {
    const offsets = this.offsets;
    let low = 0;
    let high = offsets.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (offsets[mid] <= documentOffset) low = mid;
      else high = mid - 1;
    }
    return low;
  }
}
