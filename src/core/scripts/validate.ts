/**
 * `validateScript`: every diagnostic of a video or live script file, from one parse. Strict JSON first
 * (the API takes nothing else); then ajv against the schema; then MetaStudio's cross-field rules and
 * the SSML of every text.
 */
import * as l10n from '@vscode/l10n';
import { getNodeValue, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { maxNesting, parseScript } from './parse';
import type { CoreDiagnostic } from '../diagnostics';
import { errorMessage } from '../errors';
import { DiagnosticCollector } from '../lint/collector';
import { scriptCodes } from './codes';
import type { ScriptKind } from './kinds';
import { crossFieldRules } from './rules';
import { checkSchemaErrors } from './schemaErrors';
import { scriptValidator } from './schemas';
import { overriddenKeys } from './tree';
import type { ShotSpeech } from './durations';
import type { Speech } from '../ssml/duration';
import type { PolyphoneHints } from '../ssml/polyphones';
import { collectTexts, lintTexts, type ScriptLintOptions } from './texts';

function syntaxMessage(error: ParseError): string {
  switch (printParseErrorCode(error.error)) {
    case 'InvalidCommentToken': return l10n.t('Comments are not allowed: MetaStudio takes strict JSON.');
    case 'PropertyNameExpected': return l10n.t('Property name expected.');
    case 'ValueExpected': return l10n.t('Value expected.');
    case 'ColonExpected': return l10n.t('Colon expected.');
    case 'CommaExpected': return l10n.t('Comma expected.');
    case 'CloseBraceExpected': return l10n.t('Closing brace "}" expected.');
    case 'CloseBracketExpected': return l10n.t('Closing bracket "]" expected.');
    case 'EndOfFileExpected': return l10n.t('End of file expected: a script holds one JSON object.');
    case 'UnexpectedEndOfComment': return l10n.t('Unterminated comment.');
    case 'UnexpectedEndOfString': return l10n.t('Unterminated string.');
    case 'UnexpectedEndOfNumber': case 'InvalidNumberFormat': return l10n.t('Invalid number.');
    case 'InvalidUnicode': return l10n.t('Invalid \\u escape.');
    case 'InvalidEscapeCharacter': return l10n.t('Invalid escape character in a string.');
    case 'InvalidCharacter': return l10n.t('Invalid character in a string (control characters must be escaped).');
    default: return l10n.t('Invalid JSON.');
  }
}

/** The comma before a closing `}` or `]` at `offset`, if that is what broke the parse. */
function trailingCommaBefore(text: string, offset: number): number | undefined {
  if (text[offset] !== '}' && text[offset] !== ']') return undefined;
  let i = offset - 1;
  while (i >= 0 && /\s/.test(text[i])) i--;
  return text[i] === ',' ? i : undefined;
}

/** One diagnostic per place (the parser may report a place twice); a trailing comma is named and removable. */
function checkSyntax(text: string, errors: readonly ParseError[], collector: DiagnosticCollector): void {
  const severity = scriptCodes['script/json-syntax'].severity;
  const seen = new Set<number>();
  for (const e of errors) {
    if (seen.has(e.offset)) continue;
    seen.add(e.offset);
    const comma = trailingCommaBefore(text, e.offset);
    if (comma === undefined) {
      collector.add('script/json-syntax', severity, e.offset, e.offset + e.length, () => ({ message: syntaxMessage(e) }));
    } else {
      collector.add('script/json-syntax', severity, comma, comma + 1, () => ({
        message: l10n.t('Trailing commas are not allowed: MetaStudio takes strict JSON.'),
        fixes: [{ title: l10n.t('Remove the trailing comma'), edits: [{ start: comma, end: comma + 1, newText: '' }], preferred: true }],
      }));
    }
  }
}

/**
 * Puts a script's diagnostics into `collector`; returns its polyphone hints, for the caller to merge
 * into the collector's result. `shots`, when given, receives each shot text with what it speaks,
 * counted in the same lint pass.
 */
function validate(text: string, kind: ScriptKind, options: ScriptLintOptions, collector: DiagnosticCollector, shots: ShotSpeech[] | undefined): PolyphoneHints | undefined {
  const { root, errors, tooDeepAt } = parseScript(text);
  if (tooDeepAt !== undefined) {
    collector.add('script/json-syntax', scriptCodes['script/json-syntax'].severity, tooDeepAt, tooDeepAt + 1,
      () => ({ message: l10n.t('Nested more than {0} levels deep: JSON parsers refuse that, and no script needs it.', maxNesting) }));
    return undefined;
  }
  // A broken document would give schema errors about what the parser guessed: report the syntax only.
  if (errors.length || !root) {
    checkSyntax(text, errors, collector);
    return undefined;
  }
  const validator = scriptValidator(kind);
  if (!validator(getNodeValue(root))) checkSchemaErrors(validator.errors ?? [], root, text, collector);
  for (const key of overriddenKeys(root)) {
    collector.add('script/duplicate-property', scriptCodes['script/duplicate-property'].severity, key.offset, key.offset + key.length,
      () => ({ message: l10n.t('Duplicate property "{0}": only its last occurrence counts.', String(key.value)) }));
  }
  if (root.type !== 'object') return undefined;
  const texts = collectTexts(root, kind);
  collector.addAll(crossFieldRules(text, root, kind, texts));
  if (!shots) return lintTexts(text, texts, kind, options, collector);
  const speech: Speech[] = [];
  const hints = lintTexts(text, texts, kind, options, collector, undefined, speech);
  texts.forEach((t, i) => shots.push({ text: t, speech: speech[i] }));
  return hints;
}

/**
 * Lints a script of any kind (kinds.ts). Offsets are UTF-16 offsets into `text`; the result is
 * sorted and capped per code (see DiagnosticCollector). Never throws: an internal failure becomes
 * one diagnostic.
 */
export function validateScript(text: string, kind: ScriptKind, options: ScriptLintOptions = {}): CoreDiagnostic[] {
  return checked(text, kind, options, undefined);
}

/** A script's diagnostics and what each shot text speaks, from one parse and one lint pass. */
export interface ScriptAnalysis {
  readonly diagnostics: CoreDiagnostic[];
  /** The shot texts in document order; none when the document is not a JSON object. */
  readonly shots: readonly ShotSpeech[];
}

/** `validateScript`, counting what each shot text speaks on the way (docs/duration.md). */
export function analyzeScript(text: string, kind: ScriptKind, options: ScriptLintOptions = {}): ScriptAnalysis {
  const shots: ShotSpeech[] = [];
  const diagnostics = checked(text, kind, options, shots);
  return { diagnostics, shots };
}

function checked(text: string, kind: ScriptKind, options: ScriptLintOptions, shots: ShotSpeech[] | undefined): CoreDiagnostic[] {
  try {
    const collector = new DiagnosticCollector();
    const hints = validate(text, kind, options, collector, shots);
    return hints ? hints.mergeInto(collector.result()) : collector.result();
  } catch (err) {
    shots?.splice(0);
    return [{
      code: 'script/internal-error',
      severity: scriptCodes['script/internal-error'].severity,
      message: l10n.t('The script could not be checked: {0}', errorMessage(err)),
      start: 0,
      end: 0,
    }];
  }
}
