import { defineCodes } from '../diagnostics';
import type { Details } from '../lint/collector';

/** Every diagnostic the SSML linter can produce, with its one severity and the rule it enforces. */
export const ssmlCodes = defineCodes({
  // Well-formedness (the service answers MSS.20010015 "xml parse fail").
  'ssml/malformed-tag': { severity: 'error', rule: 'A tag must end with `>` (or `/>`) before the next `<` or the end of the text.' },
  'ssml/bad-attribute-syntax': { severity: 'error', rule: 'Attributes are written `name="value"` (or single quotes), separated by whitespace.' },
  'ssml/duplicate-attribute': { severity: 'error', rule: 'An attribute may appear only once on an element.' },
  'ssml/unclosed-element': { severity: 'error', rule: 'Every element is closed (`</name>`) or self-closing (`<name/>`).' },
  'ssml/unexpected-close-tag': { severity: 'error', rule: 'A closing tag matches the innermost open element.' },
  'ssml/stray-less-than': { severity: 'error', rule: 'A `<` that does not start a tag is written `&lt;`.' },
  'ssml/stray-ampersand': { severity: 'error', rule: 'In text with tags, a `&` that does not start an entity is written `&amp;`. (Plain text without `<` is sent as is.)' },
  'ssml/bad-entity': { severity: 'error', rule: 'Only the XML entities `&amp; &lt; &gt; &quot; &apos;` and character references `&#…;`/`&#x…;` of valid characters exist.' },
  'ssml/unterminated-comment': { severity: 'error', rule: 'An XML comment `<!--` ends with `-->`.' },
  'ssml/unsupported-markup': { severity: 'error', rule: 'No DOCTYPE or processing instruction other than a leading `<?xml …?>` declaration.' },
  'ssml/invalid-character': { severity: 'error', rule: 'Text with tags holds only characters XML allows: no NUL or other control character but tab, line feed and carriage return, no U+FFFE or U+FFFF, no unpaired surrogate.' },
  // Root (docs/decisions/ssml-dialect.md).
  'ssml/missing-speak-root': { severity: 'error', rule: 'Text with tags has a single `<speak>` root element.' },
  'ssml/content-outside-root': { severity: 'error', rule: 'Nothing but whitespace and comments comes before or after the `<speak>` root.' },
  'ssml/nested-speak': { severity: 'error', rule: '`<speak>` is only the root, never inside another element.' },
  'ssml/speak-typo': { severity: 'error', rule: 'The root is `speak` (the reference also prints `speake` and `speack`).' },
  // Elements and attributes (docs/decisions/ssml-dialect.md).
  'ssml/unknown-element': { severity: 'error', rule: 'Only speak, break, phoneme, say-as, sub, prosody, emotion and insert-action exist.' },
  'ssml/unknown-attribute': { severity: 'error', rule: 'Each element takes only its documented attributes.' },
  'ssml/missing-attribute': { severity: 'error', rule: 'Mandatory attributes: phoneme `ph`, say-as `interpret-as`, sub `alias`, prosody `rate`, emotion `type`, insert-action `id`.' },
  'ssml/empty-attribute': { severity: 'error', rule: 'A mandatory attribute has a non-empty value.' },
  'ssml/invalid-enum-value': { severity: 'error', rule: 'break `strength`, say-as `interpret-as` and emotion `type` take one of their listed values.' },
  'ssml/break-time-invalid': { severity: 'error', rule: 'break `time` is a number followed by `ms` or `s`, e.g. `500ms`, `1.5s`.' },
  'ssml/break-time-unitless': { severity: 'warning', rule: 'break `time` without a unit is read as milliseconds; write the unit.' },
  'ssml/break-time-out-of-range': { severity: 'error', rule: 'break `time` is from 200 ms to 10 s inclusive.' },
  'ssml/prosody-rate-invalid': { severity: 'error', rule: 'prosody `rate` is an integer percentage, e.g. `100`.' },
  'ssml/prosody-rate-out-of-range': { severity: 'error', rule: 'prosody `rate` is from 50 to 200 inclusive.' },
  'ssml/ph-invalid': { severity: 'error', rule: 'phoneme `ph` is pinyin syllables with tones (`zhong1 guo2`) or CMU ARPAbet phonemes (`W EH1 DH AH0`), separated by spaces.' },
  'ssml/pinyin-syllable-invalid': { severity: 'error', rule: 'Each pinyin syllable is a Mandarin syllable (`ü` may be written `v`).' },
  'ssml/pinyin-tone-invalid': { severity: 'error', rule: 'Each pinyin syllable ends with its tone 1–4, or 5 for the neutral tone.' },
  'ssml/pinyin-count-mismatch': { severity: 'warning', rule: 'A pinyin `ph` has one syllable per Chinese character of the phoneme\'s text.' },
  'ssml/cmu-phoneme-unknown': { severity: 'error', rule: 'Each CMU phoneme is one of the 39 ARPAbet symbols.' },
  'ssml/cmu-stress-invalid': { severity: 'error', rule: 'CMU vowels carry a stress digit 0–2; consonants carry none.' },
  // Content (docs/decisions/ssml-dialect.md).
  'ssml/text-only-content': { severity: 'error', rule: 'phoneme, say-as, sub and prosody contain text only, no tags.' },
  'ssml/empty-element-content': { severity: 'error', rule: 'break and insert-action are empty elements (`<break …/>`).' },
  'ssml/missing-content': { severity: 'warning', rule: 'phoneme, say-as, sub and prosody enclose the text they apply to.' },
  // Context (docs/decisions/ssml-context.md, docs/decisions/voice-capabilities.md).
  'ssml/no-effect-in-video': { severity: 'warning', rule: 'In video scripts only break and phoneme take effect.' },
  'ssml/voice-unsupported': { severity: 'warning', rule: 'The voice in use supports the tag (its `voice_capability`), when known.' },
  // Readings (docs/decisions/polyphones.md): the setting metastudio.polyphones turns this off or raises it to info.
  'ssml/polyphone': { severity: 'hint', rule: 'A Chinese character with more than one reading is marked with `<phoneme ph="…">` wherever phoneme takes effect.' },
  // Never expected: the linter caught its own failure instead of throwing.
  'ssml/lint-failed': { severity: 'info', rule: 'The SSML check could not finish on this text (a bug to report).' },
});

export type SsmlCode = keyof typeof ssmlCodes;

/**
 * How the scanners and checkers hand a finding to the linter, which adds the code's severity.
 * `details` runs later, and only if the diagnostic is kept (see DiagnosticCollector): it must read
 * only values that no longer change.
 */
export type Report = (code: SsmlCode, start: number, end: number, details: () => Details) => void;
