/**
 * The polyphone assistant (`ssml/polyphone`, docs/decisions/polyphones.md): Chinese characters with more than
 * one reading that no `<phoneme>` marks, and the phonemes to mark them with. The lint pass looks
 * characters up in a table written from pinyin-pro (polyphoneTable.ts), without loading it; the
 * reading a word context implies needs pinyin-pro's word segmentation, which is slow, so it is worked
 * out only when a fix is asked for (`polyphoneAt`).
 */
import * as l10n from '@vscode/l10n';
import { compareDiagnostics, type CoreDiagnostic, type Fix, type TextEdit } from '../diagnostics';
import { maxPerCode, moreProblems } from '../lint/collector';
import { hanziLength } from './phonemes';
import { polyphoneTable } from './polyphoneTable';
import { readingsInContext, wordLengths } from './pinyinReadings';
import type { SsmlContext } from './types';

/** How polyphones are marked: the setting `metastudio.polyphones` (off: not at all). */
export type PolyphoneSeverity = NonNullable<SsmlContext['polyphones']>;

/** The values of the setting `metastudio.polyphones`. */
export const polyphoneSettingValues = ['off', 'hint', 'information'] as const;
export type PolyphoneSetting = (typeof polyphoneSettingValues)[number];

/** The severity a value of the setting gives `ssml/polyphone`; undefined for `off`. */
export function polyphoneSeverityOf(setting: PolyphoneSetting): PolyphoneSeverity | undefined {
  return setting === 'off' ? undefined : setting === 'information' ? 'info' : 'hint';
}

/** A polyphone's readings, and its message once worded (a script repeats its polyphones thousands of times). */
interface Entry {
  readonly char: string;
  readonly readings: readonly string[];
  message?: string;
}

/** Per UTF-16 code unit: 0 no polyphone, k ≥ 1 the polyphone `entries[k - 1]` (only the BMP has any). */
let known: Uint16Array | undefined;
const entries: Entry[] = [];
/** The language's wording of the message when the entries' messages were worded. */
let wording = '';

/** The index of polyphoneTable.ts, built on first use. */
function polyphoneIndex(): Uint16Array {
  if (!known) {
    known = new Uint16Array(0x10000);
    for (const entry of polyphoneTable.split(' ')) {
      known[entry.charCodeAt(0)] = entries.push({ char: entry[0], readings: entry.slice(1).split(',') });
    }
  }
  return known;
}

/** The readings of a polyphone (the most common first), undefined for any other character. */
export function polyphoneReadings(code: number): readonly string[] | undefined {
  const k = polyphoneIndex()[code];
  return k ? entries[k - 1].readings : undefined;
}

/** The message of a polyphone; without arguments, the language's wording of it (looked up, not formatted: cheap). */
function polyphoneMessage(char?: string, readings?: readonly string[]): string {
  return char === undefined
    ? l10n.t('"{0}" has more than one reading ({1}): mark the one meant with <phoneme>')
    : l10n.t('"{0}" has more than one reading ({1}): mark the one meant with <phoneme>', char, readings!.join(', '));
}

/**
 * The `ssml/polyphone` hints of a lint pass, kept as numbers (where each one is, which character)
 * until the pass ends, when `mergeInto` makes them diagnostics. A script has thousands: made during
 * the pass, they would outlive the young generation's collections, and V8 would then allocate every
 * later one in the old generation, which costs the lint a third more CPU in a large heap.
 */
export class PolyphoneHints {
  private starts = new Int32Array(256);
  private ends = new Int32Array(256);
  /** Per hint, its entry's index + 1 (polyphoneIndex). */
  private entries = new Uint16Array(256);
  length = 0;

  constructor(readonly severity: PolyphoneSeverity) {}

  add(start: number, end: number, entry: number): void {
    if (this.length === this.starts.length) this.grow();
    const k = this.length++;
    this.starts[k] = start;
    this.ends[k] = end;
    this.entries[k] = entry;
  }

  private grow(): void {
    const size = this.starts.length * 2;
    const grown = <T extends Int32Array | Uint16Array>(from: T, to: T) => {
      to.set(from);
      return to;
    };
    this.starts = grown(this.starts, new Int32Array(size));
    this.ends = grown(this.ends, new Int32Array(size));
    this.entries = grown(this.entries, new Uint16Array(size));
  }

  /** Moves the hints from the `from`th on, found in a decoded text, onto the document that holds it. */
  moveOnto(from: number, map: { toDocument(i: number): number }): void {
    for (let k = from; k < this.length; k++) {
      this.starts[k] = map.toDocument(this.starts[k]);
      this.ends[k] = map.toDocument(this.ends[k]);
    }
  }

  /**
   * `sorted` (as sortDiagnostics sorts) and the hints (in text order, as found) as one sorted list,
   * capped as DiagnosticCollector caps a code: the first `maxPerCode` hints, then one summary.
   */
  mergeInto(sorted: readonly CoreDiagnostic[]): CoreDiagnostic[] {
    const current = polyphoneMessage();
    if (current !== wording) {
      for (const entry of entries) entry.message = undefined;
      wording = current;
    }
    const kept = Math.min(this.length, maxPerCode);
    const summary = this.length > kept ? moreProblems('ssml/polyphone', this.length - kept, this.starts[kept], this.ends[kept]) : undefined;
    const merged = new Array<CoreDiagnostic>(sorted.length + kept + (summary ? 1 : 0));
    let i = 0;
    let n = 0;
    const place = (d: CoreDiagnostic) => {
      while (i < sorted.length && compareDiagnostics(sorted[i], d) <= 0) merged[n++] = sorted[i++];
      merged[n++] = d;
    };
    for (let k = 0; k < kept; k++) {
      const entry = entries[this.entries[k] - 1];
      entry.message ??= polyphoneMessage(entry.char, entry.readings);
      place(new PolyphoneHint(this.severity, entry.message, this.starts[k], this.ends[k]));
    }
    if (summary) place(summary);
    while (i < sorted.length) merged[n++] = sorted[i++];
    return merged;
  }
}

/**
 * A polyphone's diagnostic. Made by a constructor, not an object literal: V8 tracks the objects of a
 * literal, and when those it made last are alive at a collection (as the hints of a lint are while it
 * ends), allocates all later ones in the old generation, which makes every lint slower.
 */
class PolyphoneHint implements CoreDiagnostic {
  readonly code = 'ssml/polyphone';
  readonly severity: PolyphoneSeverity;
  readonly message: string;
  readonly start: number;
  readonly end: number;

  constructor(severity: PolyphoneSeverity, message: string, start: number, end: number) {
    this.severity = severity;
    this.message = message;
    this.start = start;
    this.end = end;
  }
}

/** Finds the polyphones of text runs, for `PolyphoneHints`. */
export class PolyphoneFinder {
  private readonly known = polyphoneIndex();

  constructor(private readonly text: string, private readonly hints: PolyphoneHints) {}

  /** The polyphones of `[start, end)`, a run of text outside any `<phoneme>`. */
  find(start: number, end: number): void {
    const { text } = this;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0x3400) this.check(c, i);
    }
  }

  /** Adds the character `code` at `offset` if it is a polyphone (for a loop that looks at every character anyway). */
  check(code: number, offset: number): void {
    const k = this.known[code];
    if (k !== 0) this.hints.add(offset, offset + 1, k);
  }
}

/** A finder when there are hints to gather and `<phoneme>` takes effect there (docs/decisions/voice-capabilities.md). */
export function polyphoneFinder(text: string, context: SsmlContext, hints: PolyphoneHints | undefined): PolyphoneFinder | undefined {
  if (!hints || !context.polyphones || context.where === 'preview' || context.voice?.is_support_phoneme === false) return undefined;
  return new PolyphoneFinder(text, hints);
}

/** One way to read a polyphone, as a fix. */
export interface PolyphoneReading {
  /** The character's reading, e.g. `hang2`. */
  readonly reading: string;
  /** The `ph` of the word it is marked with, e.g. `yin2 hang2`. */
  readonly ph: string;
  /** Whether this is the reading the word context implies. */
  readonly contextual: boolean;
  readonly fix: Fix;
}

/** A polyphone of a text, with the word it belongs to and every way to read it. */
export interface Polyphone {
  readonly char: string;
  /** The character's offset. */
  readonly offset: number;
  /** The word wrapped by a fix (the character alone when it is a word of its own). */
  readonly wordStart: number;
  readonly wordEnd: number;
  /** Its readings, the contextual one first. */
  readonly readings: readonly PolyphoneReading[];
  /** Its sentence without tags, around the character: for showing where it is. */
  readonly before: string;
  readonly after: string;
}

/** How far the words around a polyphone are looked at on each side. */
const contextChars = 16;
/** How far a sentence shown around a polyphone reaches on each side. */
const sentenceChars = 40;

const inRun = (text: string, i: number) => hanziLength(text, i) === 1;

/**
 * The polyphone at `offset` of an SSML (or plain) text, with a fix per reading that wraps its word
 * in `<phoneme>`; undefined when the character there is no polyphone. A plain text gets its
 * `<speak>` root (and `&amp;` for `&`) in the same fix, since it then has tags.
 */
export function polyphoneAt(text: string, offset: number): Polyphone | undefined {
  if (!(offset >= 0 && offset < text.length)) return undefined;
  const readings = polyphoneReadings(text.charCodeAt(offset));
  if (!readings) return undefined;
  // The Chinese characters around it: words never reach across anything else.
  let runStart = offset;
  while (runStart > offset - contextChars && runStart > 0 && inRun(text, runStart - 1)) runStart--;
  let runEnd = offset + 1;
  while (runEnd <= offset + contextChars && runEnd < text.length && inRun(text, runEnd)) runEnd++;
  const run = text.slice(runStart, runEnd);
  const inContext = readingsInContext(run);
  let wordStart = runStart;
  let wordEnd = runStart;
  for (const length of wordLengths(run)) {
    wordEnd = wordStart + length;
    if (wordEnd > offset) break;
    wordStart = wordEnd;
  }
  // A character pinyin-pro cannot read makes the fix mark the polyphone alone.
  if (inContext.slice(wordStart - runStart, wordEnd - runStart).includes(undefined) || wordEnd <= offset) {
    wordStart = offset;
    wordEnd = offset + 1;
  }
  const word = text.slice(wordStart, wordEnd);
  const wordReadings = inContext.slice(wordStart - runStart, wordEnd - runStart);
  const contextual = inContext[offset - runStart];
  // The contextual reading may be a neutral tone the list leaves out (大家 da4 jia5): it still comes first.
  const ordered = contextual ? [contextual, ...readings.filter((r) => r !== contextual)] : readings;
  const choices = ordered.map((reading): PolyphoneReading => {
    const ph = wordReadings.map((r, i) => (wordStart + i === offset ? reading : r)).join(' ');
    const isContextual = reading === contextual;
    const title = isContextual ? l10n.t('Read "{0}" as {1} (in context)', word, ph) : l10n.t('Read "{0}" as {1}', word, ph);
    const edit = wrapEdit(text, wordStart, wordEnd, ph);
    return { reading, ph, contextual: isContextual, fix: isContextual ? { title, edits: [edit], preferred: true } : { title, edits: [edit] } };
  });
  return { char: text[offset], offset, wordStart, wordEnd, readings: choices, ...sentenceAround(text, offset) };
}

/** Wraps `[start, end)` in a phoneme; a plain text also in `<speak>`, its `&` escaped (one edit: nothing overlaps). */
function wrapEdit(text: string, start: number, end: number, ph: string): TextEdit {
  const phoneme = `<phoneme ph="${ph}">${text.slice(start, end)}</phoneme>`;
  if (text.includes('<')) return { start, end, newText: phoneme };
  const escape = (s: string) => s.replace(/&/g, '&amp;');
  return { start: 0, end: text.length, newText: `<speak>${escape(text.slice(0, start))}${phoneme}${escape(text.slice(end))}</speak>` };
}

const sentenceEnds = new Set([...'。！？；!?;\n']);

/** The text of the sentence before and after `offset`, tags removed, at most `sentenceChars` each side. */
function sentenceAround(text: string, offset: number): { before: string; after: string } {
  let start = offset;
  while (start > 0 && offset - start < sentenceChars && !sentenceEnds.has(text[start - 1])) start--;
  let end = offset + 1;
  while (end < text.length && end - offset <= sentenceChars) {
    if (sentenceEnds.has(text[end++])) break;
  }
  const spoken = (s: string) => s.replace(/<[^>]*>/g, '').replace(/^[^<]*>/, '').replace(/<[^>]*$/, '').replace(/\s+/g, ' ');
  return { before: spoken(text.slice(start, offset)).trimStart(), after: spoken(text.slice(offset + 1, end)).trimEnd() };
}
