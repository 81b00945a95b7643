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
 * the closing one). Malformed escapes decode to their raw characters and never throw. The offset map
 * remembers the escapes only, so decoding stays cheap for long texts with a few escaped quotes.
 */
export function decodeJsonString(text: string, start: number, literalEnd: number): DecodedJsonString {
  const parts: string[] = [];
  const map = scanLiteral(text, start, literalEnd, parts);
  return { value: parts.join(''), map };
}

/** The offset map of the literal at `text[start, end)` alone, when the decoded value is known already. */
export function jsonStringMap(text: string, start: number, literalEnd: number): JsonStringMap {
  return scanLiteral(text, start, literalEnd, undefined);
}

/** Finds the escapes of a literal for its map, and hands the decoded pieces to `parts` when given. */
function scanLiteral(text: string, start: number, literalEnd: number, parts: string[] | undefined): JsonStringMap {
  const end = Math.min(literalEnd, text.length);
  const contentStart = start + 1;
  const contentEnd = end - 1 >= contentStart && text.charCodeAt(end - 1) === 34 /* " */ && end - start >= 2 ? end - 1 : end;
  let escape = text.indexOf('\\', contentStart);
  if (escape === -1 || escape >= contentEnd) {
    parts?.push(text.slice(contentStart, contentEnd));
    return new ShiftMap(contentStart, contentEnd);
  }
  const escapes: Escape[] = [];
  let decoded = 0;
  let at = contentStart;
  // A backslash that ends the content is a raw character.
  while (escape >= 0 && escape + 1 < contentEnd) {
    decoded += escape - at;
    const next = text[escape + 1];
    const unicode = next === 'u' && escape + 6 <= contentEnd && /^[0-9a-fA-F]{4}$/.test(text.slice(escape + 2, escape + 6));
    if (parts) parts.push(text.slice(at, escape), unicode ? String.fromCharCode(parseInt(text.slice(escape + 2, escape + 6), 16)) : simpleEscapes[next] ?? next);
    at = escape + (unicode ? 6 : 2);
    escapes.push({ decoded, documentStart: escape, documentEnd: at });
    decoded++;
    escape = text.indexOf('\\', at);
    if (escape >= contentEnd) escape = -1;
  }
  parts?.push(text.slice(at, contentEnd));
  return new EscapeMap(contentStart, contentEnd, decoded + contentEnd - at, escapes);
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

/** An escape of a literal: the decoded unit it produces and the document text it takes. */
interface Escape {
  readonly decoded: number;
  readonly documentStart: number;
  readonly documentEnd: number;
}

/** A literal with escapes: between two escapes, decoded and document offsets move together. */
class EscapeMap implements JsonStringMap {
  constructor(
    private readonly contentStart: number,
    private readonly contentEnd: number,
    private readonly length: number,
    private readonly escapes: readonly Escape[],
  ) {}

  /** The escape the last `toDocument` found: diagnostics come in order, so the next one is usually at it. */
  private recent = -1;

  toDocument(i: number): number {
    const at = Math.min(this.length, Math.max(0, i));
    if (at === this.length) return this.contentEnd;
    const k = this.escapeAtOrBefore(at);
    if (k < 0) return this.contentStart + at;
    const escape = this.escapes[k];
    return at === escape.decoded ? escape.documentStart : escape.documentEnd + (at - escape.decoded - 1);
  }

  /** The index of the last escape whose unit is at or before decoded offset `at`, or -1. */
  private escapeAtOrBefore(at: number): number {
    const { escapes } = this;
    const k = this.recent;
    if ((k < 0 || escapes[k].decoded <= at) && (k + 1 === escapes.length || escapes[k + 1].decoded > at)) return k;
    let low = -1;
    let high = escapes.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (escapes[mid].decoded <= at) low = mid;
      else high = mid - 1;
    }
    this.recent = low;
    return low;
  }

  toDecoded(documentOffset: number): number {
    const at = Math.min(this.contentEnd, Math.max(this.contentStart, documentOffset));
    const { escapes } = this;
    let low = -1;
    let high = escapes.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (escapes[mid].documentStart <= at) low = mid;
      else high = mid - 1;
    }
    if (low < 0) return at - this.contentStart;
    const escape = escapes[low];
    return Math.min(this.length, at < escape.documentEnd ? escape.decoded : escape.decoded + 1 + (at - escape.documentEnd));
  }
}
