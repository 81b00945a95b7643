/**
 * MetaStudio's SSML dialect (reference 10.5 and 10.7; docs/decisions/ssml-dialect.md,
 * docs/decisions/ssml-context.md, docs/decisions/voice-capabilities.md): the one table of elements,
 * attributes and values that the linter, the completion and the hover all read.
 * Documentation is a function so that it is translated when asked for, after l10n is configured.
 */
import * as l10n from '@vscode/l10n';
import type { VoiceCapability } from './types';

export type CapabilityFlag = keyof VoiceCapability;

/** `empty`: no content; `text`: text only; `mixed`: text and other elements. */
export type ContentModel = 'empty' | 'text' | 'mixed';

/** How an attribute's value is checked (see `values.ts` and `phonemes.ts`). */
export type ValueKind = 'enum' | 'duration' | 'rate' | 'phonemes' | 'text';

export interface ValueSpec {
  readonly value: string;
  readonly doc: () => string;
}

export interface AttributeSpec {
  readonly name: string;
  readonly kind: ValueKind;
  readonly required: boolean;
  readonly doc: () => string;
  /** The allowed values of an `enum`, or suggestions for other kinds. */
  readonly values: readonly ValueSpec[];
  /** The voice capability this attribute needs (break `time`, `strength`). */
  readonly capability?: CapabilityFlag;
}

export interface ElementSpec {
  readonly name: string;
  readonly content: ContentModel;
  readonly doc: () => string;
  readonly attributes: readonly AttributeSpec[];
  /** Whether the tag takes effect in video production (docs/decisions/ssml-context.md). */
  readonly inVideo: boolean;
  /** The voice capability the element needs; phoneme's depends on its `ph` (pinyin or CMU). */
  readonly capability?: CapabilityFlag;
  /** A snippet (VS Code syntax) writing the whole element. */
  readonly snippet: string;
}

function values(...pairs: [string, () => string][]): ValueSpec[] {
  return pairs.map(([value, doc]) => ({ value, doc }));
}

export const ssmlElements: readonly ElementSpec[] = [
  {
    name: 'speak',
    content: 'mixed',
    inVideo: true,
    doc: () => l10n.t('`<speak>` — the root of every text with tags. All other tags go inside it.'),
    attributes: [],
    snippet: '<speak>$0</speak>',
  },
  {
    name: 'break',
    content: 'empty',
    inVideo: true,
    doc: () => l10n.t('`<break/>` — a silent pause at this position: `time` (200ms–10s) or a rhythm `strength`. Takes effect in video production.'),
    attributes: [
      {
        name: 'time',
        kind: 'duration',
        required: false,
        capability: 'is_support_break_time',
        doc: () => l10n.t('Pause duration: a number with `ms` or `s`, from `200ms` to `10s` inclusive.'),
        values: values(['200ms', () => l10n.t('The shortest pause.')], ['500ms', () => l10n.t('Half a second.')],
          ['1s', () => l10n.t('One second.')], ['2s', () => l10n.t('Two seconds.')], ['10s', () => l10n.t('The longest pause.')]),
      },
      {
        name: 'strength',
        kind: 'enum',
        required: false,
        capability: 'is_support_break_strength',
        doc: () => l10n.t('Rhythm of the pause.'),
        values: values(['none', () => l10n.t('No rhythm.')], ['x-weak', () => l10n.t('Very short rhythm.')],
          ['weak', () => l10n.t('Short rhythm.')], ['medium', () => l10n.t('Medium rhythm.')],
          ['strong', () => l10n.t('Long rhythm.')], ['x-strong', () => l10n.t('Very long rhythm.')]),
      },
    ],
    snippet: '<break time="${1:500ms}"/>',
  },
  {
    name: 'phoneme',
    content: 'text',
    inVideo: true,
    doc: () => l10n.t('`<phoneme ph="…">text</phoneme>` — the pronunciation of the enclosed text: pinyin with tone numbers (one syllable per Chinese character, 5 = neutral tone) or CMU ARPAbet phonemes. Takes effect in video production.'),
    attributes: [
      {
        name: 'ph',
        kind: 'phonemes',
        required: true,
        doc: () => l10n.t('Pinyin syllables with tones 1–5, space-separated (`zhong4 yao4`; `ü` may be written `v`), or CMU phonemes with stress 0–2 on vowels (`W EH1 DH AH0`).'),
        values: [],
      },
    ],
    snippet: '<phoneme ph="$1">$2</phoneme>',
  },
  {
    name: 'say-as',
    content: 'text',
    inVideo: false,
    capability: 'is_support_ssml_say_as',
    doc: () => l10n.t('`<say-as interpret-as="…">text</say-as>` — how to read digits or letters: as money, a date, a figure, a phone number, an English word, or spelled out.'),
    attributes: [
      {
        name: 'interpret-as',
        kind: 'enum',
        required: true,
        doc: () => l10n.t('The reading method of the enclosed text.'),
        values: values(['money', () => l10n.t('Money, e.g. `15.55 RMB`.')], ['date', () => l10n.t('A date, e.g. `2022/3/8`.')],
          ['figure', () => l10n.t('A number, e.g. `175 cm`.')], ['phone', () => l10n.t('A phone number, read digit by digit.')],
          ['english', () => l10n.t('An English word.')], ['spell', () => l10n.t('Spelled letter by letter: `Hello` → H E L L O.')]),
      },
    ],
    snippet: '<say-as interpret-as="${1|money,date,figure,phone,english,spell|}">$2</say-as>',
  },
  {
    name: 'sub',
    content: 'text',
    inVideo: false,
    capability: 'is_support_ssml_sub',
    doc: () => l10n.t('`<sub alias="…">text</sub>` — reads `alias` instead of the enclosed text.'),
    attributes: [
      { name: 'alias', kind: 'text', required: true, doc: () => l10n.t('The text read instead of the tag\'s content (not empty).'), values: [] },
    ],
    snippet: '<sub alias="$1">$2</sub>',
  },
  {
    name: 'prosody',
    content: 'text',
    inVideo: false,
    capability: 'is_support_prosody',
    doc: () => l10n.t('`<prosody rate="…">text</prosody>` — the local speaking speed of the enclosed text.'),
    attributes: [
      {
        name: 'rate',
        kind: 'rate',
        required: true,
        doc: () => l10n.t('Speaking speed in percent, an integer from 50 to 200 (`50` = half speed, `100` = normal).'),
        values: values(['50', () => l10n.t('Half speed.')], ['80', () => l10n.t('Slower.')], ['100', () => l10n.t('Normal speed.')],
          ['120', () => l10n.t('Faster.')], ['200', () => l10n.t('Double speed.')]),
      },
    ],
    snippet: '<prosody rate="${1:100}">$2</prosody>',
  },
  {
    name: 'emotion',
    content: 'mixed',
    inVideo: false,
    doc: () => l10n.t('`<emotion type="…">sentences</emotion>` — the emotion of one or more whole sentences (livestreaming). May contain text and other tags.'),
    attributes: [
      {
        name: 'type',
        kind: 'enum',
        required: true,
        doc: () => l10n.t('The emotion.'),
        values: values(['HAPPY', () => l10n.t('Happy.')], ['SAD', () => l10n.t('Sad.')], ['CALM', () => l10n.t('Calm.')], ['ANGER', () => l10n.t('Angry.')]),
      },
    ],
    snippet: '<emotion type="${1|HAPPY,SAD,CALM,ANGER|}">$2</emotion>',
  },
  {
    name: 'insert-action',
    content: 'empty',
    inVideo: false,
    doc: () => l10n.t('`<insert-action id="…"/>` — the avatar performs an action at this position (livestreaming). The action asset comes from the asset library.'),
    attributes: [
      { name: 'id', kind: 'text', required: true, doc: () => l10n.t('The action asset ID.'), values: [] },
      { name: 'name', kind: 'text', required: false, doc: () => l10n.t('The action name (optional).'), values: [] },
      { name: 'tag', kind: 'text', required: false, doc: () => l10n.t('The action tag, e.g. `system_female_animation_0026` (optional).'), values: [] },
    ],
    snippet: '<insert-action id="$1"/>',
  },
];

/** Misspellings of the root printed by the reference (docs/decisions/ssml-dialect.md). */
export const speakTypos: readonly string[] = ['speake', 'speack'];

const byName = new Map(ssmlElements.map((e) => [e.name, e]));

export function elementSpec(name: string): ElementSpec | undefined {
  return byName.get(name);
}

export function attributeSpec(element: ElementSpec, name: string): AttributeSpec | undefined {
  return element.attributes.find((a) => a.name === name);
}

/** `speak` for the root's typos, else the name itself: the name an element is matched by. */
export function canonicalName(name: string): string {
  return speakTypos.includes(name) ? 'speak' : name;
}
