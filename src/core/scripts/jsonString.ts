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

/** The content of the string literal at `text[start, literalEnd)`: after its opening quote, before its closing one (if any). */
function contentOf(text: string, start: number, literalEnd: number): { contentStart: number; contentEnd: number } {
  const end = Math.min(literalEnd, text.length);
  const contentStart = start + 1;
  const contentEnd = end - 1 >= contentStart && text.charCodeAt(end - 1) === 34 /* " */ && end - start >= 2 ? end - 1 : end;
  return { contentStart, contentEnd };
}

/** The escape at `text[at]` (a backslash before `contentEnd - 1`): how many characters it takes. */
function escapeLength(text: string, at: number, contentEnd: number): number {
  return text.charCodeAt(at + 1) === 117 /* u */ && at + 6 <= contentEnd
    && isHex(text.charCodeAt(at + 2)) && isHex(text.charCodeAt(at + 3)) && isHex(text.charCodeAt(at + 4)) && isHex(text.charCodeAt(at + 5)) ? 6 : 2;
}

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/** The character an escape of `length` at `text[at]` stands for; a malformed one stands for the character after the backslash. */
function escaped(text: string, at: number, length: number): string {
  if (length === 6) return String.fromCharCode(parseInt(text.slice(at + 2, at + 6), 16));
  const next = text[at + 1];
  return simpleEscapes[next] ?? next;
}

/**
 * Decodes the string literal at `text[start, end)` (quotes included; an unterminated literal may lack
 * the closing one). Malformed escapes decode to their raw characters and never throw.
 */
export function decodeJsonString(text: string, start: number, literalEnd: number): DecodedJsonString {
  const { contentStart, contentEnd } = contentOf(text, start, literalEnd);
  const map = jsonStringMap(text, start, literalEnd);
  if (!(map instanceof EscapeMap)) return { value: text.slice(contentStart, contentEnd), map };
  // The value in parts (the runs between escapes and what each escape stands for), joined once:
  // adding to a string character by character costs far more on a long text.
  const parts: string[] = [];
  let from = contentStart;
  map.forEachEscape((at, length) => {
    parts.push(text.slice(from, at), escaped(text, at, length));
    from = at + length;
  });
  parts.push(text.slice(from, contentEnd));
  return { value: parts.join(''), map };
}

/**
 * The offset map of the string literal at `text[start, end)`, without its value: one pass over the
 * literal (never past it), keeping only where its escapes are.
 */
export function jsonStringMap(text: string, start: number, literalEnd: number): JsonStringMap {
  const { contentStart, contentEnd } = contentOf(text, start, literalEnd);
  const at: number[] = [];
  const unit: number[] = [];
  const length: number[] = [];
  let decoded = 0;
  // A backslash that ends the literal stands for itself.
  for (let i = contentStart; i < contentEnd - 1; i++) {
    if (text.charCodeAt(i) !== 92 /* \ */) continue;
    const size = escapeLength(text, i, contentEnd);
    decoded += i - (at.length ? at[at.length - 1] + length[length.length - 1] : contentStart);
    at.push(i);
    unit.push(decoded);
    length.push(size);
    decoded++;
    i += size - 1;
  }
  if (at.length === 0) return new ShiftMap(contentStart, contentEnd);
  decoded += contentEnd - (at[at.length - 1] + length[length.length - 1]);
  return new EscapeMap(contentStart, contentEnd, decoded, Int32Array.from(at), Int32Array.from(unit), Int32Array.from(length));
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

/** The index of the last element of the ascending `values` that is at most `x`, or -1. */
function lastAtMost(values: Int32Array, x: number): number {
  let low = -1;
  let high = values.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (values[mid] <= x) low = mid;
    else high = mid - 1;
  }
  return low;
}

/**
 * A literal with escapes, by its escapes alone: each one's document offset, the decoded unit it
 * makes and its length. Between escapes, decoded units and document characters go one to one.
 */
class EscapeMap implements JsonStringMap {
  constructor(
    private readonly contentStart: number,
    private readonly contentEnd: number,
    private readonly decodedLength: number,
    private readonly at: Int32Array,
    private readonly unit: Int32Array,
    private readonly length: Int32Array,
  ) {}

  forEachEscape(visit: (at: number, length: number) => void): void {
    for (let k = 0; k < this.at.length; k++) visit(this.at[k], this.length[k]);
  }

  /** The escape the last `toDocument` found: the linters ask in ascending order, mostly. */
  private last = -1;

  toDocument(i: number): number {
    if (i >= this.decodedLength) return this.contentEnd;
    const unit = Math.max(0, i);
    const k = this.lastUnitAtMost(unit);
    if (k < 0) return this.contentStart + unit;
    return this.unit[k] === unit ? this.at[k] : this.at[k] + this.length[k] + (unit - this.unit[k] - 1);
  }

  /** `lastAtMost(this.unit, unit)`, trying the last answer and the one after it first. */
  private lastUnitAtMost(unit: number): number {
    const { last } = this;
    const units = this.unit;
    if (last >= 0 && units[last] <= unit) {
      if (last + 1 === units.length || units[last + 1] > unit) return last;
      if (last + 2 === units.length || units[last + 2] > unit) return (this.last = last + 1);
    }
    return (this.last = lastAtMost(units, unit));
  }

  toDecoded(documentOffset: number): number {
    if (documentOffset >= this.contentEnd) return this.decodedLength;
    const k = lastAtMost(this.at, documentOffset);
    if (k < 0) return Math.max(0, documentOffset - this.contentStart);
    const after = this.at[k] + this.length[k];
    return documentOffset < after ? this.unit[k] : this.unit[k] + 1 + (documentOffset - after);
  }
}
