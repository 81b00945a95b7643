/**
 * A forgiving, single-pass XML tokenizer with exact UTF-16 offsets. It reports well-formedness
 * problems of single tokens (tags, attributes, entities, comments); nesting is the linter's job.
 * Scans by char code and `indexOf`, never backtracks, allocates per token, not per character.
 */
import * as l10n from '@vscode/l10n';
import type { Report } from './codes';
import { escapeFix, replaceFix } from './fixes';

export interface Attribute {
  readonly name: string;
  readonly nameStart: number;
  readonly nameEnd: number;
  /** The raw value between the quotes; undefined when the attribute has none. */
  readonly value: string | undefined;
  /** The value's offsets, quotes excluded (both `nameEnd` without a value). */
  readonly valueStart: number;
  readonly valueEnd: number;
  /** Whether the value ends with its closing quote (which is then at `valueEnd`). */
  readonly closed: boolean;
}

/** After the attribute's closing quote (or its value, name when it has neither). */
export function attributeEnd(attribute: Attribute): number {
  return Math.max(attribute.closed ? attribute.valueEnd + 1 : attribute.valueEnd, attribute.nameEnd);
}

export interface StartTag {
  readonly kind: 'start';
  readonly start: number;
  /** After `>` or `/>`; where the tag was cut off when it is not terminated. */
  readonly end: number;
  readonly name: string;
  readonly nameStart: number;
  readonly nameEnd: number;
  /** Each name once, the first of it: a repeat is reported as `ssml/duplicate-attribute` and left out. */
  readonly attributes: readonly Attribute[];
  readonly selfClosing: boolean;
  /** Whether the tag ends with `>` or `/>`. */
  readonly terminated: boolean;
}

export interface EndTag {
  readonly kind: 'end';
  readonly start: number;
  readonly end: number;
  readonly name: string;
  readonly nameStart: number;
  readonly nameEnd: number;
}

/** Character data (CDATA sections included), possibly holding stray `<` or entities. */
export interface TextRun {
  readonly kind: 'text';
  readonly start: number;
  readonly end: number;
}

/** A comment, the XML declaration or any other `<!…>`/`<?…?>` markup. */
export interface OtherMarkup {
  readonly kind: 'comment' | 'declaration';
  readonly start: number;
  readonly end: number;
}

export type Token = StartTag | EndTag | TextRun | OtherMarkup;

const LT = 60, GT = 62, AMP = 38, SLASH = 47, EQ = 61, QUOT = 34, APOS = 39, BANG = 33, QUESTION = 63, SEMI = 59, HASH = 35;

export function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 58 || c >= 0x80;
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57) || c === 45 || c === 46;
}

function isXmlChar(cp: number): boolean {
  return cp === 9 || cp === 10 || cp === 13 || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

const predefinedEntities = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);
const noAttributes: readonly Attribute[] = Object.freeze([]);
/** An entity longer than this is not one: the `&` is stray. */
const maxEntityLength = 32;

/**
 * Runs of characters XML 1.0 does not allow: C0 controls but tab, line feed and carriage return;
 * U+FFFE and U+FFFF; surrogates that are not half of a pair. Each alternative takes exactly one
 * character and no two take the same one, so the search never backtracks.
 */
const notXmlChars = /(?:[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff])+/g;

/** Reports every run of characters XML does not allow (the service cannot parse such SSML). */
export function checkCharacters(text: string, report: Report): void {
  for (const match of text.matchAll(notXmlChars)) {
    const start = match.index;
    const end = start + match[0].length;
    const first = `U+${text.charCodeAt(start).toString(16).toUpperCase().padStart(4, '0')}`;
    report('ssml/invalid-character', start, end, () => ({
      message: end - start === 1
        ? l10n.t('{0} is not allowed in SSML: XML forbids this character', first)
        : l10n.t('{0} characters that XML forbids, starting with {1}, are not allowed in SSML', end - start, first),
      fixes: [replaceFix(l10n.t('Remove'), start, end, '', true)],
    }));
  }
}

/** All tokens of `text`, in order. */
export function tokenize(text: string, report: Report = () => undefined): Token[] {
  const tokens: Token[] = [];
  scan(text, report, (token) => tokens.push(token));
  return tokens;
}

/** Hands each token to `onToken` as soon as it is scanned, so that none outlives its use. */
export function scan(text: string, report: Report, onToken: (token: Token) => void): void {
  new Tokenizer(text, report, onToken).run();
}

class Tokenizer {
  private i = 0;
  private readonly n: number;
  private readonly next = new Map<string, number>();

  constructor(private readonly text: string, private readonly report: Report, private readonly emit: (token: Token) => void) {
    this.n = text.length;
  }

  run(): void {
    while (this.i < this.n) {
      if (this.text.charCodeAt(this.i) === LT && this.startsMarkup(this.i)) this.markup();
      else this.textRun();
    }
  }

  private code(at: number): number {
    return this.text.charCodeAt(at);
  }

  private startsMarkup(at: number): boolean {
    const c = this.code(at + 1);
    return c === SLASH || c === BANG || c === QUESTION || isNameStart(c);
  }

  private skipSpaces(at: number): number {
    while (at < this.n && isSpace(this.code(at))) at++;
    return at;
  }

  private scanName(at: number): number {
    while (at < this.n && isNameChar(this.code(at))) at++;
    return at;
  }

  private textRun(): void {
    const start = this.i;
    let at = start;
    for (;;) {
      let lt = this.text.indexOf('<', at);
      if (lt < 0) lt = this.n;
      this.checkEntities(at, lt);
      at = lt;
      if (at >= this.n || this.startsMarkup(at)) break;
      this.strayLessThan(at, () => l10n.t('"<" does not start a tag here; write it as &lt;'));
      at++;
    }
    this.emit({ kind: 'text', start, end: at });
    this.i = at;
  }

  private strayLessThan(at: number, message: () => string): void {
    this.report('ssml/stray-less-than', at, at + 1, () => ({ message: message(), fixes: [escapeFix(at, '<')] }));
  }

  /** Reports stray `&` and bad entities in `[from, to)`. */
  private checkEntities(from: number, to: number): void {
    let at = this.nextIndexOf('&', from);
    while (at >= 0 && at < to) {
      at = this.checkEntity(at, to);
      at = this.nextIndexOf('&', at);
    }
  }

  /** Checks the entity starting at `amp`; returns where to continue. */
  private checkEntity(amp: number, to: number): number {
    const limit = Math.min(to, amp + maxEntityLength);
    let at = amp + 1;
    const numeric = this.code(at) === HASH;
    if (numeric) at++;
    const bodyStart = at;
    while (at < limit && this.code(at) !== SEMI && this.code(at) !== AMP && !isSpace(this.code(at)) && this.code(at) !== LT) at++;
    if (at >= limit || this.code(at) !== SEMI || at === bodyStart) {
      this.report('ssml/stray-ampersand', amp, amp + 1, () => ({ message: l10n.t('"&" does not start an entity; write it as &amp;'), fixes: [escapeFix(amp, '&')] }));
      return amp + 1;
    }
    const body = this.text.slice(bodyStart, at);
    const end = at + 1;
    if (numeric ? !validCharReference(body) : !predefinedEntities.has(body)) {
      this.report('ssml/bad-entity', amp, end, () => ({
        message: numeric
          ? l10n.t('"{0}" is not a valid character reference', this.text.slice(amp, end))
          : l10n.t('Unknown entity "{0}": only &amp; &lt; &gt; &quot; &apos; exist', this.text.slice(amp, end)),
        fixes: [escapeFix(amp, '&')],
      }));
    }
    return end;
  }

  private markup(): void {
    const c = this.code(this.i + 1);
    if (c === BANG) this.bangMarkup();
    else if (c === QUESTION) this.processingInstruction();
    else if (c === SLASH) this.endTag();
    else this.startTag();
  }

  private bangMarkup(): void {
    const start = this.i;
    if (this.text.startsWith('<!--', start)) {
      const close = this.text.indexOf('-->', start + 4);
      const end = close < 0 ? this.n : close + 3;
      if (close < 0) {
        this.report('ssml/unterminated-comment', start, start + 4, () => ({
          message: l10n.t('Comment is not closed with "-->"'), fixes: [replaceFix(l10n.t('Close the comment'), this.n, this.n, ' -->', true)],
        }));
      }
      this.emit({ kind: 'comment', start, end });
      this.i = end;
      return;
    }
    if (this.text.startsWith('<![CDATA[', start)) {
      const close = this.text.indexOf(']]>', start + 9);
      const end = close < 0 ? this.n : close + 3;
      if (close < 0) this.report('ssml/malformed-tag', start, start + 9, () => ({ message: l10n.t('CDATA section is not closed with "]]>"') }));
      this.emit({ kind: 'text', start, end });
      this.i = end;
      return;
    }
    this.unsupported(start, '>');
  }

  private processingInstruction(): void {
    const start = this.i;
    const nameEnd = this.scanName(start + 2);
    if (start === 0 && this.text.slice(2, nameEnd) === 'xml') {
      const close = this.text.indexOf('?>', nameEnd);
      if (close >= 0) {
        this.emit({ kind: 'declaration', start, end: close + 2 });
        this.i = close + 2;
        return;
      }
    }
    this.unsupported(start, '?>');
  }

  private unsupported(start: number, terminator: string): void {
    const close = this.text.indexOf(terminator, start + 2);
    const end = close < 0 ? this.n : close + terminator.length;
    this.report('ssml/unsupported-markup', start, end, () => ({ message: l10n.t('MetaStudio SSML has no DOCTYPE or processing instructions') }));
    this.emit({ kind: 'declaration', start, end });
    this.i = end;
  }

  private endTag(): void {
    const start = this.i;
    const nameStart = start + 2;
    const nameEnd = this.scanName(nameStart);
    const name = this.text.slice(nameStart, nameEnd);
    let at = this.skipSpaces(nameEnd);
    if (nameEnd === nameStart) {
      this.report('ssml/malformed-tag', start, start + 2, () => ({ message: l10n.t('Closing tag without a name') }));
    } else if (this.code(at) !== GT) {
      // Skip what does not belong in a closing tag, up to its `>` (not past the next tag).
      let stop = at;
      while (stop < this.n && this.code(stop) !== GT && this.code(stop) !== LT) stop++;
      const junkStart = at;
      const junkEnd = stop;
      if (this.code(stop) === GT) {
        this.report('ssml/malformed-tag', junkStart, junkEnd, () => ({
          message: l10n.t('Closing tag </{0}> takes no attributes', name), fixes: [replaceFix(l10n.t('Remove'), nameEnd, junkEnd, '', true)],
        }));
      } else {
        this.report('ssml/malformed-tag', start, nameEnd, () => ({
          message: l10n.t('Tag </{0}> is not closed with ">"', name), fixes: [replaceFix(l10n.t('Insert ">"'), nameEnd, nameEnd, '>', true)],
        }));
      }
      at = stop;
    }
    const end = this.code(at) === GT ? at + 1 : at;
    this.emit({ kind: 'end', start, end, name, nameStart, nameEnd });
    this.i = end;
  }

  private startTag(): void {
    const start = this.i;
    const nameStart = start + 1;
    const nameEnd = this.scanName(nameStart);
    const name = this.text.slice(nameStart, nameEnd);
    // Both made at the first attribute: most tags of a long text have none, or one.
    let attributes: Attribute[] | undefined;
    let seen: Set<string> | undefined;
    let at = nameEnd;
    let selfClosing = false;
    let terminated = false;
    for (;;) {
      const before = at;
      at = this.skipSpaces(at);
      const spaced = at > before;
      if (at >= this.n || this.code(at) === LT) {
        this.unterminatedTag(start, nameEnd, name, before);
        at = before;
        break;
      }
      const c = this.code(at);
      if (c === GT) {
        at++;
        terminated = true;
        break;
      }
      if (c === SLASH && this.code(at + 1) === GT) {
        at += 2;
        selfClosing = terminated = true;
        break;
      }
      if (!isNameStart(c)) {
        let stop = at + 1;
        while (stop < this.n && !isSpace(this.code(stop)) && !isNameStart(this.code(stop)) && this.code(stop) !== GT && this.code(stop) !== LT && this.code(stop) !== SLASH) stop++;
        this.junkInTag(at, stop, name);
        at = stop;
        continue;
      }
      const attribute = this.attribute(at, name, spaced);
      if (!attributes) {
        attributes = [attribute];
      } else {
        seen ??= new Set(attributes.map((a) => a.name));
        // A repeated attribute is reported and otherwise left out, as XML allows none: the first one
        // counts. Keeping them all would hold on to every one of a megabyte of repeats.
        if (seen.has(attribute.name)) {
          this.duplicateAttribute(attribute);
        } else {
          seen.add(attribute.name);
          attributes.push(attribute);
        }
      }
      at = attributeEnd(attribute);
    }
    this.emit({ kind: 'start', start, end: at, name, nameStart, nameEnd, attributes: attributes ?? noAttributes, selfClosing, terminated });
    this.i = at;
  }

  // The reports of a tag, apart: a closure in the scanning loop itself would cost every tag an allocation.

  private unterminatedTag(start: number, nameEnd: number, name: string, insertAt: number): void {
    this.report('ssml/malformed-tag', start, nameEnd, () => ({
      message: l10n.t('Tag <{0}> is not closed with ">"', name), fixes: [replaceFix(l10n.t('Insert ">"'), insertAt, insertAt, '>', true)],
    }));
  }

  private junkInTag(start: number, end: number, name: string): void {
    this.report('ssml/bad-attribute-syntax', start, end, () => ({
      message: l10n.t('Unexpected "{0}" in tag <{1}>', this.text.slice(start, end), name), fixes: [replaceFix(l10n.t('Remove'), start, end, '', true)],
    }));
  }

  private duplicateAttribute(attribute: Attribute): void {
    this.report('ssml/duplicate-attribute', attribute.nameStart, attribute.nameEnd, () => ({ message: l10n.t('Attribute "{0}" appears twice', attribute.name) }));
  }

  /** Scans `name="value"` at `nameStart`; the caller continues after the value's closing quote. */
  private attribute(nameStart: number, tagName: string, spaced: boolean): Attribute {
    const nameEnd = this.scanName(nameStart);
    const name = this.text.slice(nameStart, nameEnd);
    if (!spaced) {
      this.report('ssml/bad-attribute-syntax', nameStart, nameEnd, () => ({
        message: l10n.t('Missing space before attribute "{0}"', name), fixes: [replaceFix(l10n.t('Insert a space'), nameStart, nameStart, ' ', true)],
      }));
    }
    let at = this.skipSpaces(nameEnd);
    if (this.code(at) !== EQ) {
      this.report('ssml/bad-attribute-syntax', nameStart, nameEnd, () => ({
        message: l10n.t('Attribute "{0}" has no value', name), fixes: [replaceFix(l10n.t('Add ="…"'), nameEnd, nameEnd, '=""', true)],
      }));
      return { name, nameStart, nameEnd, value: undefined, valueStart: nameEnd, valueEnd: nameEnd, closed: false };
    }
    at = this.skipSpaces(at + 1);
    const q = this.code(at);
    if (isQuote(q)) {
      const valueStart = at + 1;
      let close = this.nextIndexOf(q === QUOT ? '"' : "'", valueStart);
      let closed = close >= 0;
      if (!closed) close = this.n;
      const cut = this.valueCut(valueStart, close, closed);
      if (cut >= 0) {
        closed = false;
        close = cut;
        this.report('ssml/bad-attribute-syntax', nameStart, valueStart, () => ({
          message: l10n.t('The value of "{0}" has no closing quote', name), fixes: [replaceFix(l10n.t('Close the quote'), cut, cut, String.fromCharCode(q), true)],
        }));
      }
      this.checkEntities(valueStart, close);
      return { name, nameStart, nameEnd, value: this.text.slice(valueStart, close), valueStart, valueEnd: close, closed };
    }
    let stop = at;
    while (stop < this.n && !isSpace(this.code(stop)) && this.code(stop) !== GT && this.code(stop) !== LT && !(this.code(stop) === SLASH && this.code(stop + 1) === GT)) stop++;
    const valueStart = at;
    if (stop === valueStart) {
      this.report('ssml/bad-attribute-syntax', nameStart, valueStart, () => ({
        message: l10n.t('Attribute "{0}" has no value', name), fixes: [replaceFix(l10n.t('Add ="…"'), valueStart, valueStart, '""', true)],
      }));
      return { name, nameStart, nameEnd, value: undefined, valueStart, valueEnd: valueStart, closed: false };
    }
    const raw = this.text.slice(valueStart, stop);
    const valueEnd = stop;
    this.report('ssml/bad-attribute-syntax', valueStart, valueEnd, () => ({
      message: l10n.t('The value of "{0}" in <{1}> must be in quotes', name, tagName),
      fixes: [replaceFix(l10n.t('Add quotes'), valueStart, valueEnd, `"${raw.replace(/"/g, '&quot;')}"`, true)],
    }));
    this.checkEntities(valueStart, valueEnd);
    return { name, nameStart, nameEnd, value: raw, valueStart, valueEnd, closed: false };
  }

  /**
   * Where a quoted value really ends when its quote was left open, else -1. `<` never belongs to
   * a value: after a `>`, or with no closing quote at all, it means the tag ended at that `>`
   * (or `/>`); before any `>` and with a closing quote, it is a stray `<` inside the value.
   */
  private valueCut(from: number, to: number, closed: boolean): number {
    let gt = -1;
    for (let at = from; at < to; at++) {
      const c = this.code(at);
      if (c === GT) {
        if (!closed) return this.tagEndBefore(at, from);
        if (gt < 0) gt = at;
      } else if (c === LT) {
        if (!closed) return at;
        if (gt >= 0) return this.tagEndBefore(gt, from);
        this.strayLessThan(at, () => l10n.t('"<" is not allowed in an attribute value; write it as &lt;'));
      }
    }
    return closed ? -1 : to;
  }

  /** Where the tag ending with the `>` at `gt` ends its last value: before `/>` or `>`. */
  private tagEndBefore(gt: number, from: number): number {
    return gt - 1 >= from && this.code(gt - 1) === SLASH ? gt - 1 : gt;
  }

  /**
   * `indexOf` with the answer kept: asked with ever larger `from`, it never scans the same
   * characters twice, so that looking ahead for a character that is rare stays linear.
   */
  private nextIndexOf(char: string, from: number): number {
    let next = this.next.get(char) ?? -2;
    if (next !== -1 && next < from) {
      next = this.text.indexOf(char, from);
      this.next.set(char, next);
    }
    return next;
  }
}

export function isQuote(c: number): boolean {
  return c === QUOT || c === APOS;
}

function validCharReference(body: string): boolean {
  const hex = body.charCodeAt(0) === 120; /* x */
  const digits = hex ? body.slice(1) : body;
  if (digits.length === 0 || digits.length > 8 || !(hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) return false;
  return isXmlChar(parseInt(digits, hex ? 16 : 10));
}
