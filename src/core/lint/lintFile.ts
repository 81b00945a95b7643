/** Which linter a file gets, by its name: the CLI's and any batch caller's single entry point. */
import type { CoreDiagnostic } from '../diagnostics';
import { kindOfFile, scriptFilePatterns, type ScriptKind } from '../scripts/kinds';
import { validateScript } from '../scripts/validate';
import type { ScriptLintOptions } from '../scripts/texts';
import { lintSsml } from '../ssml/lint';

const ssmlSuffix = '.ssml';

/** The files that are ours, for messages: `*.video.json, *.live.json, *.ssml`. */
export const lintedFilePatterns = `${scriptFilePatterns}, *${ssmlSuffix}`;

function isSsmlFile(path: string): boolean {
  return path.toLowerCase().endsWith(ssmlSuffix);
}

/** A script kind or SSML: which linter a file gets. */
export type LintFileKind = ScriptKind | 'ssml';

/** By name, ignoring case; undefined for a file that is not ours. */
export function lintFileKind(path: string): LintFileKind | undefined {
  return kindOfFile(path) ?? (isSsmlFile(path) ? 'ssml' : undefined);
}

/** A script file of any kind or an SSML file (by name, ignoring case); anything else is not ours. */
export function isLintedFile(path: string): boolean {
  return lintFileKind(path) !== undefined;
}

/** The diagnostics of one file (none for a file that is not ours). */
export function lintFile(path: string, text: string, options: ScriptLintOptions = {}): CoreDiagnostic[] {
  const kind = lintFileKind(path);
  if (kind === 'ssml') return lintSsml(text, options.polyphones ? { where: 'standalone', polyphones: options.polyphones } : { where: 'standalone' });
  return kind ? validateScript(text, kind, options) : [];
}
