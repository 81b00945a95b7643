/**
 * The linter's stack of open elements. It is kept as columns of numbers rather than as objects: a
 * text of 300,000 unclosed or nested tags would otherwise keep 300,000 objects alive to the end, and
 * collecting them would take longer than the lint itself.
 */
import { canonicalName, elementSpec, type ElementSpec } from './dialect';
import type { StartTag } from './tokenizer';
import type { ValueFacts } from './values';

/** What the checks at the end of an element need of its start tag. */
export type OpenTag = Pick<StartTag, 'name' | 'start' | 'end' | 'nameStart' | 'nameEnd' | 'selfClosing' | 'terminated'>;

export interface OpenElement {
  readonly tag: OpenTag;
  /** The name the element is matched by (`speak` for its typos). */
  readonly name: string;
  readonly spec: ElementSpec | undefined;
  hasText: boolean;
  hasChild: boolean;
  hanzi: number;
  facts: ValueFacts;
  /** Where the value of a phoneme's `ph` is. */
  ph?: { readonly valueStart: number; readonly valueEnd: number };
}

export const noFacts: ValueFacts = Object.freeze({});

const SELF_CLOSING = 1, TERMINATED = 2, HAS_TEXT = 4, HAS_CHILD = 8;
/** Per element: start, end, nameStart, nameEnd. */
const FIELDS = 4;

/** What only a phoneme has: its `ph` and the Chinese characters counted so far. */
interface PhonemeParts {
  hanzi: number;
  readonly facts: ValueFacts;
  readonly ph?: OpenElement['ph'];
}

export class OpenElementStack {
  private count = 0;
  /**
   * The innermost element's name as written; the others' are read back from the text when they come
   * to the top. An array of 300,000 names would be copied by every collection of young objects.
   */
  private topTag: string | undefined;
  /** The innermost element's name as matched and its spec, asked for by every token inside it. */
  private innerName: string | undefined;
  private innerSpec: ElementSpec | undefined;
  private numbers = new Int32Array(FIELDS * 16);
  private flags = new Uint8Array(16);
  /** By depth, for the open phonemes (a few at most in any sensible text). */
  private readonly phonemes = new Map<number, PhonemeParts>();

  /** `text`: what the tags' offsets point into. */
  constructor(private readonly text: string) {}

  get length(): number {
    return this.count;
  }

  push(element: OpenElement): void {
    const i = this.count++;
    if (i === this.flags.length) this.grow();
    const { tag } = element;
    this.topTag = tag.name;
    this.innerName = element.name;
    this.innerSpec = element.spec;
    const n = this.numbers;
    const at = FIELDS * i;
    n[at] = tag.start;
    n[at + 1] = tag.end;
    n[at + 2] = tag.nameStart;
    n[at + 3] = tag.nameEnd;
    this.flags[i] = (tag.selfClosing ? SELF_CLOSING : 0) | (tag.terminated ? TERMINATED : 0) | (element.hasText ? HAS_TEXT : 0) | (element.hasChild ? HAS_CHILD : 0);
    if (element.name === 'phoneme') this.phonemes.set(i, { hanzi: element.hanzi, facts: element.facts, ph: element.ph });
  }

  /** The innermost element, as an object again. */
  pop(): OpenElement {
    const i = --this.count;
    const at = FIELDS * i;
    const n = this.numbers;
    const f = this.flags[i];
    const tag: OpenTag = {
      name: this.topTag!, start: n[at], end: n[at + 1], nameStart: n[at + 2], nameEnd: n[at + 3],
      selfClosing: (f & SELF_CLOSING) !== 0, terminated: (f & TERMINATED) !== 0,
    };
    const element: OpenElement = { tag, name: this.innerName!, spec: this.innerSpec, hasText: (f & HAS_TEXT) !== 0, hasChild: (f & HAS_CHILD) !== 0, hanzi: 0, facts: noFacts };
    this.topTag = i > 0 ? this.text.slice(n[at - FIELDS + 2], n[at - FIELDS + 3]) : undefined;
    this.innerName = this.topTag === undefined ? undefined : canonicalName(this.topTag);
    this.innerSpec = this.innerName === undefined ? undefined : elementSpec(this.innerName);
    // Most texts have no phoneme open: the map is not asked then.
    const phoneme = this.phonemes.size > 0 ? this.phonemes.get(i) : undefined;
    if (phoneme) {
      this.phonemes.delete(i);
      element.hanzi = phoneme.hanzi;
      element.facts = phoneme.facts;
      if (phoneme.ph) element.ph = phoneme.ph;
    }
    return element;
  }

  // The innermost element's parts, read and changed in place.

  get topTagName(): string | undefined {
    return this.topTag;
  }

  get topName(): string | undefined {
    return this.innerName;
  }

  get topSpec(): ElementSpec | undefined {
    return this.innerSpec;
  }

  get topHasText(): boolean {
    return (this.flags[this.count - 1] & HAS_TEXT) !== 0;
  }

  markText(): void {
    this.flags[this.count - 1] |= HAS_TEXT;
  }

  markChild(): void {
    this.flags[this.count - 1] |= HAS_CHILD;
  }

  /** Counts Chinese characters into the innermost element, which is a phoneme. */
  addHanzi(count: number): void {
    const phoneme = this.phonemes.get(this.count - 1);
    if (phoneme) phoneme.hanzi += count;
  }

  private grow(): void {
    const numbers = new Int32Array(this.numbers.length * 2);
    numbers.set(this.numbers);
    this.numbers = numbers;
    const flags = new Uint8Array(this.flags.length * 2);
    flags.set(this.flags);
    this.flags = flags;
  }
}
