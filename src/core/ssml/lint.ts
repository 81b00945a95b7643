import * as l10n from '@vscode/l10n';
import type { CoreDiagnostic, Fix } from '../diagnostics';
import { DiagnosticCollector } from '../lint/collector';
import { ssmlCodes, type Report } from './codes';
import { attributeSpec, canonicalName, elementSpec, ssmlElements, type CapabilityFlag, type ElementSpec } from './dialect';
import { removeTagFix, renameTagFix, replaceFix } from './fixes';
import { errorMessage } from '../errors';
import { nearMisses } from '../text/nearest';
import { SpeechCounter, type Speech } from './duration';
import { countHanzi } from './phonemes';
import { polyphoneFinder, PolyphoneHints, type PolyphoneFinder } from './polyphones';
import { noFacts, OpenElementStack, type OpenElement } from './openElements';
import { attributeEnd, checkCharacters, scan, type Attribute, type EndTag, type StartTag, type TextRun } from './tokenizer';
import type { SsmlContext } from './types';
import { checkValue, type ValueFacts } from './values';

/**
 * Lints MetaStudio SSML (or plain text) and returns diagnostics with offsets into `text`, sorted and
 * capped per code (see DiagnosticCollector); never throws. A `speech` counter given counts what the
 * text speaks on the way (see `analyzeSsml`).
 */
export function lintSsml(text: string, context: SsmlContext, speech?: SpeechCounter): CoreDiagnostic[] {
  const collector = new DiagnosticCollector();
  const hints = context?.polyphones ? new PolyphoneHints(context.polyphones) : undefined;
  checkSsml(text, context, (code, start, end, details) => collector.add(code, ssmlCodes[code].severity, start, end, details), hints, speech);
  return hints ? hints.mergeInto(collector.result()) : collector.result();
}

/**
 * Hands every problem of an SSML (or plain) text to `report`, with offsets into `text`, its polyphones
 * to `hints` and what it speaks to `speech`, when given. One pass: the tokenizer hands each token to
 * the checks as it goes; never throws.
 */
export function checkSsml(text: string, context: SsmlContext, report: Report, hints?: PolyphoneHints, speech?: SpeechCounter): void {
  if (typeof text !== 'string') return;
  const polyphones = polyphoneFinder(text, context ?? { where: 'standalone' }, hints);
  // Plain text is sent as is (docs/decisions/ssml-dialect.md): only what it says is looked at.
  if (text.indexOf('<') < 0) {
    if (speech) speech.addText(0, text.length, undefined, undefined, polyphones);
    else polyphones?.find(0, text.length);
    return;
  }
  try {
    new Linter(text, context ?? { where: 'standalone' }, report, speech, polyphones).run();
  } catch (err) {
    const reason = errorMessage(err);
    report('ssml/lint-failed', 0, 0, () => ({ message: l10n.t('The SSML check failed on this text: {0}', reason) }));
  }
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

const elementNames = ssmlElements.map((e) => e.name);

class Linter {
  private readonly stack: OpenElementStack;
  /** How many elements of each name are open: a closing tag of none is stray without a search. */
  private readonly openCount = new Map<string, number>();
  /** The name of the first tag, where a missing root is reported. */
  private firstTag: { readonly name: string; readonly nameStart: number; readonly nameEnd: number } | undefined;
  private rootSeen = false;
  /**
   * Top-level tags (name start and end) and text (start and end) before the root, as flat pairs:
   * outside the root once it comes, reported then; after it, each is reported at once.
   */
  private readonly beforeRoot: { readonly tags: number[]; readonly text: number[] } = { tags: [], text: [] };
  private sawSpeak = false;
  private wrapAt = 0;
  /** An unterminated comment ran to the end: the closing tags are in it, already reported. */
  private swallowed = false;

  /** The valid `rate` of each open prosody, by depth: what the speech counter scales its text by. */
  private readonly rates = new Map<number, number>();

  constructor(
    private readonly text: string,
    private readonly context: SsmlContext,
    private readonly report: Report,
    private readonly speech?: SpeechCounter,
    private readonly polyphones?: PolyphoneFinder,
  ) {
    this.stack = new OpenElementStack(text);
  }

  run(): void {
    checkCharacters(this.text, this.report);
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

  private onText(run: TextRun): void {
    if (this.stack.length === 0) {
      const trimmed = this.trim(run.start, run.end);
      if (trimmed) this.outsideRoot(this.beforeRoot.text, trimmed.start, trimmed.end);
      return;
    }
    if (!this.stack.topHasText && this.trim(run.start, run.end)) this.stack.markText();
    const name = this.stack.topName;
    if (name === 'phoneme') this.stack.addHanzi(countHanzi(this.text, run.start, run.end));
    // A phoneme says how its text reads; a sub's text is not what is read.
    const polyphones = name !== 'phoneme' && name !== 'sub' ? this.polyphones : undefined;
    if (this.speech) this.speech.addText(run.start, run.end, name, name === 'prosody' ? this.rates.get(this.stack.length - 1) : undefined, polyphones);
    else polyphones?.find(run.start, run.end);
  }

  /** Content at the top level: outside the root, if a root comes at all. */
  private outsideRoot(pending: number[], start: number, end: number): void {
    if (this.rootSeen) this.reportOutsideRoot(pending === this.beforeRoot.tags, start, end);
    else pending.push(start, end);
  }

  private reportOutsideRoot(isTag: boolean, start: number, end: number): void {
    this.report('ssml/content-outside-root', start, end, () => ({
      message: isTag ? l10n.t('<{0}> is outside the <speak> root', this.text.slice(start, end)) : l10n.t('Text outside the <speak> root'),
    }));
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
    const parent = this.stack.topTagName;
    if (parent !== undefined) {
      this.stack.markChild();
    } else if (name === 'speak' && !this.rootSeen) {
      this.rootSeen = true;
      this.reportBeforeRoot();
    } else {
      this.outsideRoot(this.beforeRoot.tags, tag.nameStart, tag.nameEnd);
    }
    if (name === 'speak') {
      this.sawSpeak = true;
      if (parent !== undefined) this.report('ssml/nested-speak', tag.nameStart, tag.nameEnd, () => ({ message: l10n.t('<speak> is the root and cannot be inside <{0}>', parent) }));
    }
    const element: OpenElement = { tag, name, spec, hasText: false, hasChild: false, hanzi: 0, facts: noFacts };
    if (spec) this.checkAttributes(tag, element, spec);
    this.speech?.addTag(name, tag, element.facts);
    // An unterminated empty element is not kept open: that would only repeat the syntax error.
    if (tag.selfClosing || (!tag.terminated && spec?.content === 'empty')) this.close(element, undefined, tag.end);
    else this.push(element);
  }

  private checkAttributes(tag: StartTag, element: OpenElement, spec: ElementSpec): void {
    // Made when first asked: most tags have an attribute or two.
    let present: ReadonlySet<string> | undefined;
    const names = () => (present ??= new Set(tag.attributes.map((a) => a.name)));
    for (const attribute of tag.attributes) {
      const attrSpec = attributeSpec(spec, attribute.name);
      if (!attrSpec) {
        this.unknownAttribute(tag, spec, attribute, names);
        continue;
      }
      if (attribute.value === undefined) continue;
      if (attrSpec.required && attribute.value.trim() === '') {
        this.report('ssml/empty-attribute', attribute.nameStart, attributeEnd(attribute), () => ({ message: l10n.t('"{0}" of <{1}> must not be empty', attribute.name, tag.name) }));
      } else {
        const facts = checkValue(attrSpec, attribute, this.report);
        // Each element has at most one attribute of these kinds.
        if (attrSpec.kind === 'phonemes' || attrSpec.kind === 'duration' || attrSpec.kind === 'rate') element.facts = facts;
        if (attrSpec.kind === 'phonemes') element.ph = { valueStart: attribute.valueStart, valueEnd: attribute.valueEnd };
      }
      if (attrSpec.capability && this.unsupported(attrSpec.capability)) {
        this.report('ssml/voice-unsupported', attribute.nameStart, attribute.nameEnd, () => ({
          message: this.unsupportedMessage(`${tag.name} ${attribute.name}`),
          fixes: [replaceFix(l10n.t('Remove "{0}"', attribute.name), this.attributeSpanStart(attribute), attributeEnd(attribute), '', true)],
        }));
      }
    }
    for (const required of spec.attributes) {
      if (!required.required || tag.attributes.some((a) => a.name === required.name)) continue;
      const last = tag.attributes[tag.attributes.length - 1];
      const at = last ? attributeEnd(last) : tag.nameEnd;
      this.report('ssml/missing-attribute', tag.nameStart, tag.nameEnd, () => ({
        message: l10n.t('<{0}> needs the attribute "{1}"', tag.name, required.name), fixes: [replaceFix(l10n.t('Add "{0}"', required.name), at, at, ` ${required.name}=""`, true)],
      }));
    }
  }

  /** Where an attribute starts including the whitespace before it, so that removing it leaves none. */
  private attributeSpanStart(attribute: Attribute): number {
    let start = attribute.nameStart;
    while (start > 0 && isWhitespace(this.text.charCodeAt(start - 1))) start--;
    return start;
  }

  private unknownAttribute(tag: StartTag, spec: ElementSpec, attribute: Attribute, present: () => ReadonlySet<string>): void {
    this.report('ssml/unknown-attribute', attribute.nameStart, attribute.nameEnd, () => {
      const known = spec.attributes.map((a) => a.name).filter((n) => !present().has(n));
      const fixes: Fix[] = nearMisses(attribute.name, known).map((n, i) =>
        replaceFix(l10n.t('Change to "{0}"', n), attribute.nameStart, attribute.nameEnd, n, i === 0));
      fixes.push(replaceFix(l10n.t('Remove "{0}"', attribute.name), this.attributeSpanStart(attribute), attributeEnd(attribute), '', fixes.length === 0));
      const message = spec.attributes.length === 0
        ? l10n.t('<{0}> takes no attributes', tag.name)
        : l10n.t('Unknown attribute "{0}" on <{1}>: it takes {2}', attribute.name, tag.name, spec.attributes.map((a) => a.name).join(', '));
      return { message, fixes };
    });
  }

  private onEnd(tag: EndTag): void {
    this.firstTag ??= tag;
    if (tag.name === '') return; // reported by the tokenizer
    const name = canonicalName(tag.name);
    if (!this.openCount.get(name)) {
      const top = this.stack.topTagName;
      this.report('ssml/unexpected-close-tag', tag.start, tag.end, () => {
        const fixes: Fix[] = [];
        // Neither fix is preferred: which one is right depends on what follows.
        if (top !== undefined) fixes.push(replaceFix(l10n.t('Change to </{0}>', top), tag.nameStart, tag.nameEnd, top));
        fixes.push(replaceFix(l10n.t('Remove </{0}>', tag.name), tag.start, tag.end, ''));
        const message = top !== undefined
          ? l10n.t('Closing tag </{0}> does not match the open <{1}>', tag.name, top)
          : l10n.t('Closing tag </{0}> has no open element', tag.name);
        return { message, fixes };
      });
      return;
    }
    while (this.stack.topName !== name) this.close(this.pop(), undefined, tag.start);
    this.close(this.pop(), tag, tag.start);
  }

  private push(element: OpenElement): void {
    if (element.name === 'prosody' && element.facts.rate !== undefined) this.rates.set(this.stack.length, element.facts.rate);
    this.stack.push(element);
    this.openCount.set(element.name, (this.openCount.get(element.name) ?? 0) + 1);
  }

  private pop(): OpenElement {
    const element = this.stack.pop();
    this.rates.delete(this.stack.length);
    this.openCount.set(element.name, this.openCount.get(element.name)! - 1);
    return element;
  }

  /** Checks an element once its content is known; `insertAt` is where a missing closing tag goes. */
  private close(element: OpenElement, end: EndTag | undefined, insertAt: number): void {
    const { tag, spec, name } = element;
    const parent = this.stack.topTagName;
    this.checkName(element, end);
    if (!end && !tag.selfClosing && tag.terminated && !(this.swallowed && insertAt === this.text.length)) {
      this.report('ssml/unclosed-element', tag.nameStart, tag.nameEnd, () => {
        const fixes: Fix[] = [];
        if (spec?.content === 'empty') fixes.push(replaceFix(l10n.t('Make <{0}/> self-closing', tag.name), tag.end - 1, tag.end, '/>', true));
        fixes.push(replaceFix(l10n.t('Insert </{0}>', tag.name), insertAt, insertAt, `</${tag.name}>`, fixes.length === 0));
        return { message: l10n.t('<{0}> is not closed', tag.name), fixes };
      });
    }
    if (parent !== undefined && this.stack.topSpec?.content === 'text') {
      this.report('ssml/text-only-content', tag.nameStart, tag.nameEnd, () => ({
        message: l10n.t('<{0}> may contain only text, not <{1}>', parent, tag.name), fixes: [removeTagFix(tag.name, tag, end, true)],
      }));
    }
    if (!spec) return;
    if (spec.content === 'empty' && end && (element.hasText || element.hasChild)) {
      this.report('ssml/empty-element-content', tag.end, end.start, () => ({
        message: l10n.t('<{0}> is an empty element and cannot contain anything', tag.name),
        fixes: tag.terminated && !tag.selfClosing
          ? [{ title: l10n.t('Make <{0}/> self-closing and keep the text after it', tag.name), preferred: true,
            edits: [{ start: tag.end - 1, end: tag.end, newText: '/>' }, { start: end.start, end: end.end, newText: '' }] }]
          : [],
      }));
    }
    if (spec.content === 'text' && tag.terminated && !element.hasText && !element.hasChild) {
      this.report('ssml/missing-content', tag.nameStart, tag.nameEnd, () => ({ message: l10n.t('<{0}> has no text to apply to', tag.name) }));
    }
    if (element.ph && element.hasText && element.facts.notation === 'pinyin' && element.facts.syllables !== element.hanzi) {
      const { facts: { syllables = 0 }, hanzi } = element;
      this.report('ssml/pinyin-count-mismatch', element.ph.valueStart, element.ph.valueEnd, () => ({
        message: l10n.t('ph has {0} syllable(s) but <{1}> encloses {2} Chinese character(s)', syllables, tag.name, hanzi),
      }));
    }
    if (this.context.where === 'video' && !spec.inVideo) {
      this.report('ssml/no-effect-in-video', tag.nameStart, tag.nameEnd, () => ({
        message: l10n.t('<{0}> has no effect in video production (only <break> and <phoneme> do)', tag.name), fixes: [removeTagFix(tag.name, tag, end, true)],
      }));
    }
    const capability = spec.capability ?? (name === 'phoneme' ? phonemeCapability(element.facts) : undefined);
    if (capability && this.unsupported(capability)) {
      const notation = element.facts.notation;
      this.report('ssml/voice-unsupported', tag.nameStart, tag.nameEnd, () => {
        const what = name === 'phoneme' ? (notation === 'cmu' ? l10n.t('CMU phonemes') : l10n.t('pinyin phonemes')) : `<${tag.name}>`;
        return { message: this.unsupportedMessage(what), fixes: [removeTagFix(tag.name, tag, end, true)] };
      });
    }
  }

  /** The root's typos and unknown element names, each with renames of both tags. */
  private checkName(element: OpenElement, end: EndTag | undefined): void {
    const { tag, spec, name } = element;
    const openTypo = tag.name !== name;
    const closeTypo = end !== undefined && end.name !== name;
    if (openTypo || closeTypo) {
      // One diagnostic for the element, on its first misspelt tag: the fix renames both.
      const typo = openTypo ? tag : end!;
      this.report('ssml/speak-typo', typo.nameStart, typo.nameEnd, () => ({
        message: l10n.t('"{0}" is a misspelling of "speak" (printed so in the reference): did you mean <speak>?', typo.name),
        fixes: [renameTagFix('speak', openTypo ? tag : undefined, closeTypo ? end : undefined, true)],
      }));
    }
    if (!spec) {
      this.report('ssml/unknown-element', tag.nameStart, tag.nameEnd, () => {
        const near = nearMisses(tag.name, elementNames);
        return {
          message: near.length > 0 ? l10n.t('Unknown element <{0}>: did you mean <{1}>?', tag.name, near[0]) : l10n.t('Unknown element <{0}>', tag.name),
          fixes: near.map((n, i) => renameTagFix(n, tag, end, i === 0)),
        };
      });
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

  /** Now that the root has come, what came before it is outside it. */
  private reportBeforeRoot(): void {
    const { tags, text } = this.beforeRoot;
    for (let i = 0; i < tags.length; i += 2) this.reportOutsideRoot(true, tags[i], tags[i + 1]);
    for (let i = 0; i < text.length; i += 2) this.reportOutsideRoot(false, text[i], text[i + 1]);
    tags.length = 0;
    text.length = 0;
  }

  /** Tags but no root: one diagnostic, at the first tag. */
  private checkRoot(): void {
    const first = this.firstTag;
    if (!first || this.rootSeen) return;
    // A misspelt root (`<speek>`) already has its diagnostic and its rename.
    if (!elementSpec(first.name) && nearMisses(first.name, elementNames)[0] === 'speak') return;
    const wrap = !this.sawSpeak;
    this.report('ssml/missing-speak-root', first.nameStart, first.nameEnd, () => ({
      message: l10n.t('Text with tags must be inside one <speak> root element'),
      fixes: wrap ? [{
        title: l10n.t('Wrap in <speak>'), preferred: true,
        edits: [{ start: this.wrapAt, end: this.wrapAt, newText: '<speak>' }, { start: this.text.length, end: this.text.length, newText: '</speak>' }],
      }] : [],
    }));
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
