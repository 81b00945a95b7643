/** Which linter a file gets, by its name: the CLI's and any batch caller's single entry point. */
import type { CoreDiagnostic } from '../diagnostics';
import { kindOfFile, scriptFilePatterns } from '../scripts/kinds';
import { validateScript } from '../scripts/validate';
import type { ScriptLintOptions } from '../scripts/texts';
import { lintSsml } from '../ssml/lint';

const ssmlSuffix = '.ssml';

/** The files that are ours, for messages: `*.video.json, *.live.json, *.ssml`. */
export const lintedFilePatterns = `${scriptFilePatterns}, *${ssmlSuffix}`;

function isSsmlFile(path: string): boolean {
  return path.toLowerCase().endsWith(ssmlSuffix);
}

/** A script file of any kind or an SSML file (by name, ignoring case); anything else is not ours. */
export function isLintedFile(path: string): boolean {
  return kindOfFile(path) !== undefined || isSsmlFile(path);
}

/** The diagnostics of one file (none for a file that is not ours). */
export function lintFile(path: string, text: string, options: ScriptLintOptions = {}): CoreDiagnostic[] {
  const kind = kindOfFile(path);
  if (kind) return validateScript(text, kind, options);
  return isSsmlFile(path) ? lintSsml(text, { where: 'standalone' }) : [];
}
