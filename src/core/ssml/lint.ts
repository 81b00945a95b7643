import * as l10n from '@vscode/l10n';
import { sortDiagnostics, type CoreDiagnostic, type Fix } from '../diagnostics';
import { ssmlCodes, type Report } from './codes';
import { attributeSpec, canonicalName, elementSpec, ssmlElements, type CapabilityFlag, type ElementSpec } from './dialect';
import { removeTagFix, renameTagFix, replaceFix } from './fixes';
import { errorMessage } from '../errors';
import { nearMisses } from '../text/nearest';
import { SpeechCounter, type Speech } from './duration';
import { countHanzi } from './phonemes';
import { polyphoneFinder, PolyphoneHints, type PolyphoneFinder } from './polyphones';
import { attributeEnd, scan, type Attribute, type EndTag, type StartTag, type TextRun } from './tokenizer';
import type { SsmlContext } from './types';
import { checkValue, type ValueFacts } from './values';

/**
 * Lints MetaStudio SSML (or plain text) and returns diagnostics with offsets into `text`, sorted.
 * One pass: the tokenizer hands each token to the checks as it goes; never throws. A `speech`
 * counter given counts what the text speaks on the way (see `analyzeSsml`).
 */
export function lintSsml(text: string, context: SsmlContext, speech?: SpeechCounter): CoreDiagnostic[] {
  const hints = context?.polyphones ? new PolyphoneHints(context.polyphones) : undefined;
  const diagnostics = lintSsmlApart(text, context, hints, speech);
  return hints ? hints.mergeInto(diagnostics) : diagnostics;
}

/**
 * `lintSsml`, its polyphone hints added to `hints` (for a caller that gathers them over many texts)
 * instead of the diagnostics returned.
 */
export function lintSsmlApart(text: string, context: SsmlContext, hints: PolyphoneHints | undefined, speech?: SpeechCounter): CoreDiagnostic[] {
  if (typeof text !== 'string') return [];
  const diagnostics: CoreDiagnostic[] = [];
  const polyphones = polyphoneFinder(text, context ?? { where: 'standalone' }, hints);
  // Plain text is sent as is (docs/decisions/ssml-dialect.md): only what it says is looked at.
  if (text.indexOf('<') < 0) {
    if (speech) speech.addText(0, text.length, undefined, polyphones);
    else polyphones?.find(0, text.length);
    return diagnostics;
  }
  const report: Report = (code, message, start, end, fixes) => {
    const severity = ssmlCodes[code].severity;
    diagnostics.push(fixes && fixes.length > 0 ? { code, severity, message, start, end, fixes } : { code, severity, message, start, end });
  };
  try {
    new Linter(text, context ?? { where: 'standalone' }, report, speech, polyphones).run();
  } catch (err) {
    report('ssml/lint-failed', l10n.t('The SSML check failed on this text: {0}', errorMessage(err)), 0, 0);
  }
  return sortDiagnostics(diagnostics);
}

/** A text's diagnostics and what it speaks, from the same single pass. */
export interface SsmlAnalysis {
  readonly diagnostics: CoreDiagnostic[];
  /** What the duration estimate counts (docs/duration.md). */
  readonly speech: Speech;
}

/** `lintSsml`, counting what the text speaks as it goes. */
export function analyzeSsml(text: string, context: SsmlContext): SsmlAnalysis {
  const speech = new SpeechCounter(typeof text === 'string' ? text : '', context?.where ?? 'standalone');
  const diagnostics = lintSsml(text, context, speech);
  return { diagnostics, speech: speech.result() };
}

interface OpenElement {
  readonly tag: StartTag;
  /** The name the element is matched by (`speak` for its typos). */
  readonly name: string;
  readonly spec: ElementSpec | undefined;
  hasText: boolean;
  hasChild: boolean;
  hanzi: number;
  facts: ValueFacts;
  ph?: Attribute;
}

const elementNames = ssmlElements.map((e) => e.name);

class Linter {
  private readonly stack: OpenElement[] = [];
  /** How many elements of each name are open: a closing tag of none is stray without a search. */
  private readonly openCount = new Map<string, number>();
  private readonly topLevel: StartTag[] = [];
  private readonly outsideText: { start: number; end: number }[] = [];
  private firstTag: StartTag | EndTag | undefined;
  private sawSpeak = false;
  private wrapAt = 0;
  /** An unterminated comment ran to the end: the closing tags are in it, already reported. */
  private swallowed = false;

  constructor(
    private readonly text: string,
    private readonly context: SsmlContext,
    private readonly report: Report,
    private readonly speech?: SpeechCounter,
    private readonly polyphones?: PolyphoneFinder,
  ) {}

  run(): void {
    scan(this.text, this.report, (token) => {
      switch (token.kind) {
        case 'text': this.onText(token); break;
        case 'start': this.onStart(token); break;
        case 'end': this.onEnd(token); break;
        case 'declaration': if (token.start === 0) this.wrapAt = token.end; break;
        case 'comment': if (!this.text.endsWith('-->', token.end)) this.swallowed = true; break;
      }
    });
    while (this.stack.length > 0) this.close(this.pop(), undefined, this.text.length);
    this.checkRoot();
  }

  private get top(): OpenElement | undefined {
    return this.stack[this.stack.length - 1];
  }

  private onText(run: TextRun): void {
    const top = this.top;
    if (!top) {
      const trimmed = this.trim(run.start, run.end);
      if (trimmed) this.outsideText.push(trimmed);
      return;
    }
    if (!top.hasText) top.hasText = this.trim(run.start, run.end) !== undefined;
    if (top.name === 'phoneme') top.hanzi += countHanzi(this.text, run.start, run.end);
    // A phoneme says how its text reads; a sub's text is not what is read.
    const polyphones = top.name !== 'phoneme' && top.name !== 'sub' ? this.polyphones : undefined;
    if (this.speech) this.speech.addText(run.start, run.end, top, polyphones);
    else polyphones?.find(run.start, run.end);
  }

  /** The range without surrounding whitespace, or undefined when there is nothing else. */
  private trim(start: number, end: number): { start: number; end: number } | undefined {
    while (start < end && isWhitespace(this.text.charCodeAt(start))) start++;
    while (end > start && isWhitespace(this.text.charCodeAt(end - 1))) end--;
    return start < end ? { start, end } : undefined;
  }

  private onStart(tag: StartTag): void {
    this.firstTag ??= tag;
    const name = canonicalName(tag.name);
    const spec = elementSpec(name);
    const parent = this.top;
    if (parent) parent.hasChild = true;
    else this.topLevel.push(tag);
    if (name === 'speak') {
      this.sawSpeak = true;
      if (parent) this.report('ssml/nested-speak', l10n.t('<speak> is the root and cannot be inside <{0}>', parent.tag.name), tag.nameStart, tag.nameEnd);
    }
    const element: OpenElement = { tag, name, spec, hasText: false, hasChild: false, hanzi: 0, facts: {} };
    if (spec) this.checkAttributes(element, spec);
    this.speech?.addTag(element);
    // An unterminated empty element is not kept open: that would only repeat the syntax error.
    if (tag.selfClosing || (!tag.terminated && spec?.content === 'empty')) this.close(element, undefined, tag.end);
    else this.push(element);
  }

  private checkAttributes(element: OpenElement, spec: ElementSpec): void {
    const { tag } = element;
    const present = new Set(tag.attributes.map((a) => a.name));
    for (const attribute of tag.attributes) {
      const attrSpec = attributeSpec(spec, attribute.name);
      if (!attrSpec) {
        this.unknownAttribute(tag, spec, attribute, present);
        continue;
      }
      if (attribute.value === undefined) continue;
      if (attrSpec.required && attribute.value.trim() === '') {
        this.report('ssml/empty-attribute', l10n.t('"{0}" of <{1}> must not be empty', attribute.name, tag.name), attribute.nameStart, attributeEnd(attribute));
      } else {
        const facts = checkValue(attrSpec, attribute, this.report);
        // Each element has at most one attribute of these kinds.
        if (attrSpec.kind === 'phonemes' || attrSpec.kind === 'duration' || attrSpec.kind === 'rate') element.facts = facts;
        if (attrSpec.kind === 'phonemes') element.ph = attribute;
      }
      if (attrSpec.capability && this.unsupported(attrSpec.capability)) {
        this.report('ssml/voice-unsupported', this.unsupportedMessage(`${tag.name} ${attribute.name}`), attribute.nameStart, attribute.nameEnd,
          [replaceFix(l10n.t('Remove "{0}"', attribute.name), this.attributeSpanStart(attribute), attributeEnd(attribute), '', true)]);
      }
    }
    for (const required of spec.attributes) {
      if (!required.required || present.has(required.name)) continue;
      const last = tag.attributes[tag.attributes.length - 1];
      const at = last ? attributeEnd(last) : tag.nameEnd;
      this.report('ssml/missing-attribute', l10n.t('<{0}> needs the attribute "{1}"', tag.name, required.name), tag.nameStart, tag.nameEnd,
        [replaceFix(l10n.t('Add "{0}"', required.name), at, at, ` ${required.name}=""`, true)]);
    }
  }

  /** Where an attribute starts including the whitespace before it, so that removing it leaves none. */
  private attributeSpanStart(attribute: Attribute): number {
    let start = attribute.nameStart;
    while (start > 0 && isWhitespace(this.text.charCodeAt(start - 1))) start--;
    return start;
  }

  private unknownAttribute(tag: StartTag, spec: ElementSpec, attribute: Attribute, present: ReadonlySet<string>): void {
    const known = spec.attributes.map((a) => a.name).filter((n) => !present.has(n));
    const fixes: Fix[] = nearMisses(attribute.name, known).map((n, i) =>
      replaceFix(l10n.t('Change to "{0}"', n), attribute.nameStart, attribute.nameEnd, n, i === 0));
    fixes.push(replaceFix(l10n.t('Remove "{0}"', attribute.name), this.attributeSpanStart(attribute), attributeEnd(attribute), '', fixes.length === 0));
    const message = spec.attributes.length === 0
      ? l10n.t('<{0}> takes no attributes', tag.name)
      : l10n.t('Unknown attribute "{0}" on <{1}>: it takes {2}', attribute.name, tag.name, spec.attributes.map((a) => a.name).join(', '));
    this.report('ssml/unknown-attribute', message, attribute.nameStart, attribute.nameEnd, fixes);
  }

  private onEnd(tag: EndTag): void {
    this.firstTag ??= tag;
    if (tag.name === '') return; // reported by the tokenizer
    const name = canonicalName(tag.name);
    if (!this.openCount.get(name)) {
      const top = this.top;
      const fixes: Fix[] = [];
      // Neither fix is preferred: which one is right depends on what follows.
      if (top) fixes.push(replaceFix(l10n.t('Change to </{0}>', top.tag.name), tag.nameStart, tag.nameEnd, top.tag.name));
      fixes.push(replaceFix(l10n.t('Remove </{0}>', tag.name), tag.start, tag.end, ''));
      const message = top
        ? l10n.t('Closing tag </{0}> does not match the open <{1}>', tag.name, top.tag.name)
        : l10n.t('Closing tag </{0}> has no open element', tag.name);
      this.report('ssml/unexpected-close-tag', message, tag.start, tag.end, fixes);
      return;
    }
    while (this.top!.name !== name) this.close(this.pop(), undefined, tag.start);
    this.close(this.pop(), tag, tag.start);
  }

  private push(element: OpenElement): void {
    this.stack.push(element);
    this.openCount.set(element.name, (this.openCount.get(element.name) ?? 0) + 1);
  }

  private pop(): OpenElement {
    const element = this.stack.pop()!;
    this.openCount.set(element.name, this.openCount.get(element.name)! - 1);
    return element;
  }

  /** Checks an element once its content is known; `insertAt` is where a missing closing tag goes. */
  private close(element: OpenElement, end: EndTag | undefined, insertAt: number): void {
    const { tag, spec, name } = element;
    const parent = this.top;
    this.checkName(element, end);
    if (!end && !tag.selfClosing && tag.terminated && !(this.swallowed && insertAt === this.text.length)) {
      const fixes: Fix[] = [];
      if (spec?.content === 'empty') fixes.push(replaceFix(l10n.t('Make <{0}/> self-closing', tag.name), tag.end - 1, tag.end, '/>', true));
      fixes.push(replaceFix(l10n.t('Insert </{0}>', tag.name), insertAt, insertAt, `</${tag.name}>`, fixes.length === 0));
      this.report('ssml/unclosed-element', l10n.t('<{0}> is not closed', tag.name), tag.nameStart, tag.nameEnd, fixes);
    }
    if (parent?.spec?.content === 'text') {
      this.report('ssml/text-only-content', l10n.t('<{0}> may contain only text, not <{1}>', parent.tag.name, tag.name), tag.nameStart, tag.nameEnd,
        [removeTagFix(tag.name, tag, end, true)]);
    }
    if (!spec) return;
    if (spec.content === 'empty' && end && (element.hasText || element.hasChild)) {
      const fixes: Fix[] = tag.terminated && !tag.selfClosing
        ? [{ title: l10n.t('Make <{0}/> self-closing and keep the text after it', tag.name), preferred: true,
          edits: [{ start: tag.end - 1, end: tag.end, newText: '/>' }, { start: end.start, end: end.end, newText: '' }] }]
        : [];
      this.report('ssml/empty-element-content', l10n.t('<{0}> is an empty element and cannot contain anything', tag.name), tag.end, end.start, fixes);
    }
    if (spec.content === 'text' && tag.terminated && !element.hasText && !element.hasChild) {
      this.report('ssml/missing-content', l10n.t('<{0}> has no text to apply to', tag.name), tag.nameStart, tag.nameEnd);
    }
    if (element.ph && element.hasText && element.facts.notation === 'pinyin' && element.facts.syllables !== element.hanzi) {
      this.report('ssml/pinyin-count-mismatch',
        l10n.t('ph has {0} syllable(s) but <{1}> encloses {2} Chinese character(s)', element.facts.syllables ?? 0, tag.name, element.hanzi),
        element.ph.valueStart, element.ph.valueEnd);
    }
    if (this.context.where === 'video' && !spec.inVideo) {
      this.report('ssml/no-effect-in-video', l10n.t('<{0}> has no effect in video production (only <break> and <phoneme> do)', tag.name),
        tag.nameStart, tag.nameEnd, [removeTagFix(tag.name, tag, end, true)]);
    }
    const capability = spec.capability ?? (name === 'phoneme' ? phonemeCapability(element.facts) : undefined);
    if (capability && this.unsupported(capability)) {
      const what = name === 'phoneme' ? (element.facts.notation === 'cmu' ? l10n.t('CMU phonemes') : l10n.t('pinyin phonemes')) : `<${tag.name}>`;
      this.report('ssml/voice-unsupported', this.unsupportedMessage(what), tag.nameStart, tag.nameEnd, [removeTagFix(tag.name, tag, end, true)]);
    }
  }

  /** The root's typos and unknown element names, each with renames of both tags. */
  private checkName(element: OpenElement, end: EndTag | undefined): void {
    const { tag, spec, name } = element;
    const openTypo = tag.name !== name;
    const closeTypo = end !== undefined && end.name !== name;
    if (openTypo || closeTypo) {
      const fix = renameTagFix('speak', openTypo ? tag : undefined, closeTypo ? end : undefined, true);
      // One diagnostic for the element, on its first misspelt tag: the fix renames both.
      const typo = openTypo ? tag : end!;
      this.report('ssml/speak-typo', l10n.t('"{0}" is a misspelling of "speak" (printed so in the reference): did you mean <speak>?', typo.name), typo.nameStart, typo.nameEnd, [fix]);
    }
    if (!spec) {
      const near = nearMisses(tag.name, elementNames);
      const fixes = near.map((n, i) => renameTagFix(n, tag, end, i === 0));
      const message = near.length > 0 ? l10n.t('Unknown element <{0}>: did you mean <{1}>?', tag.name, near[0]) : l10n.t('Unknown element <{0}>', tag.name);
      this.report('ssml/unknown-element', message, tag.nameStart, tag.nameEnd, fixes);
    }
  }

  private unsupported(flag: CapabilityFlag): boolean {
    return this.context.voice?.[flag] === false;
  }

  private unsupportedMessage(what: string): string {
    return this.context.voiceLabel
      ? l10n.t('The voice {0} does not support {1}', this.context.voiceLabel, what)
      : l10n.t('The voice in use does not support {0}', what);
  }

  private checkRoot(): void {
    const first = this.firstTag;
    if (!first) return;
    const root = this.topLevel.find((t) => canonicalName(t.name) === 'speak');
    if (!root) {
      // A misspelt root (`<speek>`) already has its diagnostic and its rename.
      if (!elementSpec(first.name) && nearMisses(first.name, elementNames)[0] === 'speak') return;
      const fixes = this.sawSpeak ? [] : [{
        title: l10n.t('Wrap in <speak>'), preferred: true,
        edits: [{ start: this.wrapAt, end: this.wrapAt, newText: '<speak>' }, { start: this.text.length, end: this.text.length, newText: '</speak>' }],
      }];
      this.report('ssml/missing-speak-root', l10n.t('Text with tags must be inside one <speak> root element'), first.nameStart, first.nameEnd, fixes);
      return;
    }
    for (const tag of this.topLevel) {
      if (tag !== root) this.report('ssml/content-outside-root', l10n.t('<{0}> is outside the <speak> root', tag.name), tag.nameStart, tag.nameEnd);
    }
    for (const range of this.outsideText) {
      this.report('ssml/content-outside-root', l10n.t('Text outside the <speak> root'), range.start, range.end);
    }
  }
}

function phonemeCapability(facts: ValueFacts): CapabilityFlag | undefined {
  if (facts.notation === 'pinyin') return 'is_support_phoneme';
  if (facts.notation === 'cmu') return 'is_support_phoneme_en';
  return undefined;
}

function isWhitespace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 0x3000 || c === 0xa0;
}
