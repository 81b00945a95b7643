/**
 * How long a text takes to speak, estimated from what it says (docs/duration.md): Chinese
 * characters, English words and digits each at their own rate, scaled by a `<prosody rate>` (where
 * it takes effect) and by the voice's `speed`, plus the pauses of `<break>`. The linter counts a
 * text while it checks it (`SpeechCounter`), so the estimate costs no second parse.
 */
import { hanziLength } from './phonemes';
import type { PolyphoneFinder } from './polyphones';
import type { StartTag } from './tokenizer';
import type { SsmlWhere } from './types';
import { breakTimeMaxMs, breakTimeMinMs, type ValueFacts } from './values';
import { VOICE_SETTINGS } from '../voiceSettings';

/** Units spoken per second at speed 100 and prosody rate 100 (docs/duration.md gives the sources). */
export const SPEAKING_RATES = {
  /** Chinese characters (one syllable each). */
  hanzi: 4.5,
  /** English words (runs of Latin letters). */
  words: 2.75,
  /** Digits, each read out. */
  digits: 3,
} as const;

/** The pause of a `<break>` without `time`, by its `strength` (none given: medium). */
export const BREAK_STRENGTH_MS: Readonly<Record<string, number>> = {
  none: 0,
  'x-weak': 100,
  weak: 250,
  medium: 500,
  strong: 750,
  'x-strong': 1000,
};

/** What a text speaks, as the estimate counts it. */
export interface Speech {
  /** Chinese characters spoken. */
  readonly hanzi: number;
  /** English words spoken. */
  readonly words: number;
  /** Digits spoken. */
  readonly digits: number;
  /** `<break>` elements. */
  readonly breaks: number;
  /** Their pauses, in seconds: a pause does not get faster with the voice's speed. */
  readonly pauseSeconds: number;
  /** Seconds of speech at speed 100, prosody rates applied; pauses excluded. */
  readonly speakingSeconds: number;
}

/** The estimated spoken duration in seconds of `speech` by a voice at `speed` (50–200; default 100). */
export function estimateSeconds(speech: Speech, speed: number = VOICE_SETTINGS.speed.default): number {
  const { min, max } = VOICE_SETTINGS.speed;
  const clamped = Number.isFinite(speed) ? Math.min(max, Math.max(min, speed)) : VOICE_SETTINGS.speed.default;
  return (speech.speakingSeconds * 100) / clamped + speech.pauseSeconds;
}

const isLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
const isDigit = (c: number) => c >= 48 && c <= 57;
/** `'` and `’` inside a word (don't, it’s). */
const isApostrophe = (c: number) => c === 39 || c === 0x2019;

/**
 * Counts what a text speaks as the linter hands it the text runs and the start tags. In video only
 * `break` and `phoneme` take effect (docs/decisions/ssml-context.md), so there `prosody` and `sub`
 * change nothing; elsewhere a `sub` speaks its alias instead of its text.
 */
export class SpeechCounter {
  private hanzi = 0;
  private words = 0;
  private digits = 0;
  private breaks = 0;
  private pauseMs = 0;
  private speaking = 0;

  constructor(private readonly text: string, private readonly where: SsmlWhere) {}

  /**
   * Text `[start, end)` inside an element named `parent` (undefined: at the top level, e.g. plain
   * text); `rate` is a prosody parent's valid rate. `polyphones` checks each Chinese character in
   * the same loop.
   */
  addText(start: number, end: number, parent: string | undefined, rate: number | undefined, polyphones?: PolyphoneFinder): void {
    const effective = this.where !== 'video';
    if (parent === 'sub' && effective) return;
    if (this.text.charCodeAt(start) === 60 /* < */ && this.text.startsWith('<![CDATA[', start)) {
      start += 9;
      if (this.text.endsWith(']]>', end)) end -= 3;
    }
    this.count(this.text, start, end, parent === 'prosody' && effective ? rate ?? 100 : 100, polyphones);
  }

  /**
   * An element as its start tag is read (`name` as matched, `speak` for its typos; `facts` its checked
   * values, values.ts): a `break` pauses, a `sub` speaks its alias.
   */
  addTag(name: string, tag: StartTag, facts: ValueFacts): void {
    if (name === 'break') {
      this.breaks++;
      this.pauseMs += breakMs(tag, facts);
    } else if (name === 'sub' && this.where !== 'video') {
      const alias = tag.attributes.find((a) => a.name === 'alias')?.value;
      if (alias) this.count(alias, 0, alias.length, 100, undefined);
    }
  }

  result(): Speech {
    return { hanzi: this.hanzi, words: this.words, digits: this.digits, breaks: this.breaks, pauseSeconds: this.pauseMs / 1000, speakingSeconds: this.speaking };
  }

  private count(text: string, start: number, end: number, rate: number, polyphones: PolyphoneFinder | undefined): void {
    let hanzi = 0;
    let words = 0;
    let digits = 0;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      // Chinese characters first: in a Chinese text they are most of what there is.
      if (c >= 0x3400) {
        const length = hanziLength(text, i);
        if (length) hanzi++;
        if (length === 1) polyphones?.check(c, i);
        else if (length === 2) i++;
      } else if (isLetter(c)) {
        words++;
        while (i + 1 < end && (isLetter(text.charCodeAt(i + 1)) || (isApostrophe(text.charCodeAt(i + 1)) && isLetter(text.charCodeAt(i + 2))))) i++;
      } else if (isDigit(c)) {
        digits++;
      } else if (c === 38 /* & */) {
        // An entity stands for one character, none of which is spoken here (looked for nearby only: linear).
        const stop = Math.min(end, i + 12);
        let semicolon = i + 1;
        while (semicolon < stop && text.charCodeAt(semicolon) !== 59) semicolon++;
        if (semicolon < stop) i = semicolon;
      }
    }
    this.hanzi += hanzi;
    this.words += words;
    this.digits += digits;
    this.speaking += ((hanzi / SPEAKING_RATES.hanzi + words / SPEAKING_RATES.words + digits / SPEAKING_RATES.digits) * 100) / rate;
  }
}

/** A break's pause: its `time` (within 200 ms–10 s), else its `strength`, else medium. */
function breakMs(tag: StartTag, facts: ValueFacts): number {
  if (facts.ms !== undefined) return Math.min(breakTimeMaxMs, Math.max(breakTimeMinMs, facts.ms));
  const strength = tag.attributes.find((a) => a.name === 'strength')?.value;
  return BREAK_STRENGTH_MS[strength ?? 'medium'] ?? BREAK_STRENGTH_MS.medium;
}
