/**
 * The linter's stack of open elements. It is kept as columns of numbers rather than as objects: a
 * text of 300,000 unclosed or nested tags would otherwise keep 300,000 objects alive to the end, and
 * collecting them would take longer than the lint itself.
 */
import type { ElementSpec } from './dialect';
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

const SELF_CLOSING = 1, TERMINATED = 2, HAS_TEXT = 4, HAS_CHILD = 8, PINYIN = 16, CMU = 32;
/** Per element: start, end, nameStart, nameEnd, hanzi, ph valueStart (-1: none), ph valueEnd, syllables (-1: none). */
const FIELDS = 8;

export class OpenElementStack {
  private count = 0;
  /** As written, and as matched: strings the text or the dialect already holds. */
  private readonly tagNames: string[] = [];
  private readonly names: string[] = [];
  private readonly specs: (ElementSpec | undefined)[] = [];
  private numbers = new Int32Array(FIELDS * 16);
  private flags = new Uint8Array(16);

  get length(): number {
    return this.count;
  }

  push(element: OpenElement): void {
    const i = this.count++;
    if (i === this.flags.length) this.grow();
    const { tag, facts, ph } = element;
    this.tagNames.push(tag.name);
    this.names.push(element.name);
    this.specs.push(element.spec);
    const n = this.numbers;
    const at = FIELDS * i;
    n[at] = tag.start;
    n[at + 1] = tag.end;
    n[at + 2] = tag.nameStart;
    n[at + 3] = tag.nameEnd;
    n[at + 4] = element.hanzi;
    n[at + 5] = ph?.valueStart ?? -1;
    n[at + 6] = ph?.valueEnd ?? -1;
    n[at + 7] = facts.syllables ?? -1;
    this.flags[i] = (tag.selfClosing ? SELF_CLOSING : 0) | (tag.terminated ? TERMINATED : 0) | (element.hasText ? HAS_TEXT : 0)
      | (element.hasChild ? HAS_CHILD : 0) | (facts.notation === 'pinyin' ? PINYIN : facts.notation === 'cmu' ? CMU : 0);
  }

  /** The innermost element, as an object again. */
  pop(): OpenElement {
    const i = --this.count;
    const at = FIELDS * i;
    const n = this.numbers;
    const f = this.flags[i];
    const tag: OpenTag = {
      name: this.tagNames.pop()!, start: n[at], end: n[at + 1], nameStart: n[at + 2], nameEnd: n[at + 3],
      selfClosing: (f & SELF_CLOSING) !== 0, terminated: (f & TERMINATED) !== 0,
    };
    const notation = f & PINYIN ? 'pinyin' : f & CMU ? 'cmu' : undefined;
    const facts: ValueFacts = notation ? { notation, ...(n[at + 7] >= 0 ? { syllables: n[at + 7] } : {}) } : noFacts;
    return {
      tag, name: this.names.pop()!, spec: this.specs.pop(), hasText: (f & HAS_TEXT) !== 0, hasChild: (f & HAS_CHILD) !== 0,
      hanzi: n[at + 4], facts, ...(n[at + 5] >= 0 ? { ph: { valueStart: n[at + 5], valueEnd: n[at + 6] } } : {}),
    };
  }

  // The innermost element's parts, read and changed in place.

  get topName(): string | undefined {
    return this.names[this.count - 1];
  }

  get topTagName(): string | undefined {
    return this.tagNames[this.count - 1];
  }

  get topSpec(): ElementSpec | undefined {
    return this.specs[this.count - 1];
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

  addHanzi(count: number): void {
    this.numbers[FIELDS * (this.count - 1) + 4] += count;
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
