/**
 * `validateScript`: every diagnostic of a video or live script file, from one parse. Strict JSON first
 * (the API takes nothing else); then ajv against the schema; then MetaStudio's cross-field rules and
 * the SSML of every text.
 */
import * as l10n from '@vscode/l10n';
import { getNodeValue, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { parseScript } from './parse';
import { mergeSorted, sortDiagnostics, type CoreDiagnostic } from '../diagnostics';
import { errorMessage } from '../errors';
import { scriptCodes } from './codes';
import type { ScriptKind } from './kinds';
import { crossFieldRules } from './rules';
import { schemaDiagnostics } from './schemaErrors';
import { scriptValidator } from './schemas';
import { overriddenKeys } from './tree';
import type { ShotSpeech } from './durations';
import { analyzeTexts, collectTexts, lintTexts, type ScriptLintOptions, type TextDiagnostics } from './texts';

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
function syntaxDiagnostics(text: string, errors: readonly ParseError[]): CoreDiagnostic[] {
  const severity = scriptCodes['script/json-syntax'].severity;
  const seen = new Set<number>();
  const result: CoreDiagnostic[] = [];
  for (const e of errors) {
    if (seen.has(e.offset)) continue;
    seen.add(e.offset);
    const comma = trailingCommaBefore(text, e.offset);
    result.push(comma === undefined
      ? { code: 'script/json-syntax', severity, message: syntaxMessage(e), start: e.offset, end: e.offset + e.length }
      : {
          code: 'script/json-syntax', severity, message: l10n.t('Trailing commas are not allowed: MetaStudio takes strict JSON.'), start: comma, end: comma + 1,
          fixes: [{ title: l10n.t('Remove the trailing comma'), edits: [{ start: comma, end: comma + 1, newText: '' }], preferred: true }],
        });
  }
  return result;
}

/**
 * Sorted. `shots`, when given, receives each shot text with what it speaks, counted in the same lint
 * pass. The texts' diagnostics come sorted (in document order, each text's sorted), so only the
 * others are sorted before the two are merged, and the polyphone hints (thousands, maybe) last.
 */
function validate(text: string, kind: ScriptKind, options: ScriptLintOptions, shots: ShotSpeech[] | undefined): CoreDiagnostic[] {
  const { root, errors } = parseScript(text);
  // A broken document would give schema errors about what the parser guessed: report the syntax only.
  if (errors.length || !root) return sortDiagnostics(syntaxDiagnostics(text, errors));
  const validator = scriptValidator(kind);
  const diagnostics = validator(getNodeValue(root)) ? [] : schemaDiagnostics(validator.errors ?? [], root, text);
  for (const key of overriddenKeys(root)) {
    diagnostics.push({
      code: 'script/duplicate-property',
      severity: scriptCodes['script/duplicate-property'].severity,
      message: l10n.t('Duplicate property "{0}": only its last occurrence counts.', String(key.value)),
      start: key.offset,
      end: key.offset + key.length,
    });
  }
  if (root.type !== 'object') return sortDiagnostics(diagnostics);
  const texts = collectTexts(root, kind);
  diagnostics.push(...crossFieldRules(text, root, kind, texts));
  let found: TextDiagnostics;
  if (shots) {
    const analysis = analyzeTexts(text, texts, kind, options);
    texts.forEach((t, i) => shots.push({ text: t, speech: analysis.speech[i] }));
    found = analysis;
  } else {
    found = lintTexts(text, texts, kind, options);
  }
  const merged = mergeSorted(sortDiagnostics(diagnostics), found.diagnostics);
  return found.hints ? found.hints.mergeInto(merged) : merged;
}

/**
 * Lints a script of any kind (kinds.ts). Offsets are UTF-16 offsets into
 * `text`; the result is sorted. Never throws: an internal failure becomes one diagnostic.
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
    return validate(text, kind, options, shots);
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
