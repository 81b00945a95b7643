/** The value rules of each attribute kind in `dialect.ts` (docs/decisions/ssml-dialect.md). */
import * as l10n from '@vscode/l10n';
import type { Fix } from '../diagnostics';
import type { Report } from './codes';
import type { AttributeSpec } from './dialect';
import { replaceFix } from './fixes';
import { byCloseness } from '../text/nearest';
import { cmuProblem, phNotation, phTokens, pinyinProblem, syllablesNear } from './phonemes';
import type { Attribute } from './tokenizer';

export const breakTimeMinMs = 200;
export const breakTimeMaxMs = 10_000;
export const rateMin = 50;
export const rateMax = 200;

/** What a value check learnt that the element check and the duration count need. */
export interface ValueFacts {
  readonly notation?: 'pinyin' | 'cmu';
  /** The syllables of a pinyin `ph`, for the count against the Chinese characters. */
  readonly syllables?: number;
  /** A break `time` that parses, in ms (maybe out of range). */
  readonly ms?: number;
  /** A prosody `rate` within range. */
  readonly rate?: number;
}

function replaceValue(attribute: Attribute, title: string, newText: string, preferred = true): Fix {
  return replaceFix(title, attribute.valueStart, attribute.valueEnd, newText, preferred);
}

/** Checks a present, non-empty value; the caller reports missing and empty ones. */
export function checkValue(spec: AttributeSpec, attribute: Attribute, report: Report): ValueFacts {
  const value = attribute.value ?? '';
  switch (spec.kind) {
    case 'enum':
      checkEnum(spec, attribute, value, report);
      return {};
    case 'duration':
      return checkDuration(attribute, value, report);
    case 'rate':
      return checkRate(attribute, value, report);
    case 'phonemes':
      return checkPhonemes(attribute, value, report);
    case 'text':
      return {};
  }
}

function checkEnum(spec: AttributeSpec, attribute: Attribute, value: string, report: Report): void {
  const allowed = spec.values.map((v) => v.value);
  if (allowed.includes(value)) return;
  report('ssml/invalid-enum-value', attribute.valueStart, attribute.valueEnd, () => ({
    message: l10n.t('"{0}" is not a valid {1}: use one of {2}', value, spec.name, allowed.join(', ')),
    fixes: byCloseness(value, allowed).map((v, i) => replaceValue(attribute, l10n.t('Change to "{0}"', v), v, i === 0)),
  }));
}

/** A duration in ms, or why not: `200ms`, `1.5s`; a bare number is ms. */
export function parseDuration(value: string): { ms: number; unit: 'ms' | 's' | '' } | undefined {
  const m = /^(\d+(?:\.\d+)?|\.\d+)(ms|s)?$/.exec(value);
  if (!m) return undefined;
  const unit = (m[2] ?? '') as 'ms' | 's' | '';
  return { ms: Number(m[1]) * (unit === 's' ? 1000 : 1), unit };
}

function checkDuration(attribute: Attribute, value: string, report: Report): ValueFacts {
  const parsed = parseDuration(value);
  if (!parsed) {
    report('ssml/break-time-invalid', attribute.valueStart, attribute.valueEnd, () => {
      // Forgivable spellings (`200 ms`, `1S`) get their normal form as a fix.
      const loose = /^\s*(\d+(?:\.\d+)?)\s*(?:(ms|s)\s*)?$/i.exec(value);
      const normal = loose && loose[1] + (loose[2] ?? 'ms').toLowerCase();
      return {
        message: l10n.t('break time "{0}" is not a number with ms or s, e.g. 500ms or 1.5s', value),
        fixes: normal ? [replaceValue(attribute, l10n.t('Change to "{0}"', normal), normal)] : [],
      };
    });
    return {};
  }
  if (parsed.unit === '') {
    report('ssml/break-time-unitless', attribute.valueStart, attribute.valueEnd, () => ({
      message: l10n.t('break time "{0}" has no unit and is read as milliseconds', value), fixes: [replaceValue(attribute, l10n.t('Add "ms"'), `${value}ms`)],
    }));
  }
  if (parsed.ms < breakTimeMinMs || parsed.ms > breakTimeMaxMs) {
    const clamped = parsed.ms < breakTimeMinMs ? `${breakTimeMinMs}ms` : `${breakTimeMaxMs / 1000}s`;
    report('ssml/break-time-out-of-range', attribute.valueStart, attribute.valueEnd, () => ({
      message: l10n.t('break time {0} is outside 200ms–10s', value), fixes: [replaceValue(attribute, l10n.t('Change to {0}', clamped), clamped)],
    }));
  }
  return { ms: parsed.ms };
}

function checkRate(attribute: Attribute, value: string, report: Report): ValueFacts {
  if (!/^\d+$/.test(value)) {
    report('ssml/prosody-rate-invalid', attribute.valueStart, attribute.valueEnd, () => {
      const percent = /^\s*(\d+)\s*(?:%\s*)?$/.exec(value);
      return {
        message: l10n.t('prosody rate "{0}" is not an integer from 50 to 200', value),
        fixes: percent ? [replaceValue(attribute, l10n.t('Change to "{0}"', percent[1]), percent[1])] : [],
      };
    });
    return {};
  }
  const rate = Number(value);
  if (rate < rateMin || rate > rateMax) {
    const clamped = String(rate < rateMin ? rateMin : rateMax);
    report('ssml/prosody-rate-out-of-range', attribute.valueStart, attribute.valueEnd, () => ({
      message: l10n.t('prosody rate {0} is outside 50–200', value), fixes: [replaceValue(attribute, l10n.t('Change to {0}', clamped), clamped)],
    }));
    return {};
  }
  return { rate };
}

function checkPhonemes(attribute: Attribute, value: string, report: Report): ValueFacts {
  const notation = phNotation(value);
  if (notation === 'invalid') {
    report('ssml/ph-invalid', attribute.valueStart, attribute.valueEnd, () => ({
      message: l10n.t('ph must be pinyin with tone numbers (zhong1 guo2) or CMU phonemes (W EH1 DH AH0)'),
    }));
    return {};
  }
  const tokens = phTokens(value);
  for (const token of tokens) {
    const start = attribute.valueStart + token.start;
    const end = attribute.valueStart + token.end;
    if (notation === 'pinyin') {
      const problem = pinyinProblem(token.text);
      if (problem === 'syllable') {
        report('ssml/pinyin-syllable-invalid', start, end, () => {
          const tone = /[0-9]$/.test(token.text) ? token.text.slice(-1) : '';
          const near = syllablesNear(tone ? token.text.slice(0, -1) : token.text);
          return {
            message: l10n.t('"{0}" is not a Mandarin pinyin syllable', token.text),
            fixes: near.map((n) => replaceFix(l10n.t('Change to "{0}"', n + tone), start, end, n + tone, near.length === 1)),
          };
        });
      } else if (problem === 'tone') {
        const neutral = `${token.text.slice(0, -1)}5`;
        report('ssml/pinyin-tone-invalid', start, end, () => ({
          message: l10n.t('"{0}" needs a tone number 1–4, or 5 for the neutral tone', token.text),
          fixes: token.text.endsWith('0') ? [replaceFix(l10n.t('Change to "{0}" (neutral tone)', neutral), start, end, neutral, true)] : [],
        }));
      }
    } else {
      const problem = cmuProblem(token.text);
      if (problem === 'unknown') {
        report('ssml/cmu-phoneme-unknown', start, end, () => ({ message: l10n.t('"{0}" is not a CMU ARPAbet phoneme', token.text) }));
      } else if (problem === 'stress') {
        report('ssml/cmu-stress-invalid', start, end, () => ({ message: l10n.t('"{0}": vowels take a stress digit 0–2, consonants none', token.text) }));
      }
    }
  }
  return notation === 'pinyin' ? { notation, syllables: tokens.length } : { notation };
}
