/** Which linter a file gets, by its name: the CLI's and any batch caller's single entry point. */
import { basename } from 'node:path';
import type { CoreDiagnostic } from '../diagnostics';
import { validateScript } from '../scripts/validate';
import type { ScriptLintOptions } from '../scripts/texts';
import { lintSsml } from '../ssml/lint';

export type LintFileKind = 'video' | 'live' | 'ssml';

/** `*.video.json` → video script, `*.live.json` → live script, `*.ssml` → SSML; anything else is not ours. */
export function lintFileKind(path: string): LintFileKind | undefined {
  const name = basename(path).toLowerCase();
  if (name.endsWith('.video.json')) return 'video';
  if (name.endsWith('.live.json')) return 'live';
  if (name.endsWith('.ssml')) return 'ssml';
  return undefined;
}

/** The diagnostics of one file (none for a file that is not ours). */
export function lintFile(path: string, text: string, options: ScriptLintOptions = {}): CoreDiagnostic[] {
  const kind = lintFileKind(path);
  switch (kind) {
    case 'video':
    case 'live':
      return validateScript(text, kind, options);
    case 'ssml':
      return lintSsml(text, options.polyphones ? { where: 'standalone', polyphones: options.polyphones } : { where: 'standalone' });
    default:
      return [];
  }
}
