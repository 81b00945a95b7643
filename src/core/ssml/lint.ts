import type { CoreDiagnostic } from '../diagnostics';
import type { SsmlContext } from './types';

/**
 * Lints MetaStudio SSML (or plain text) and returns diagnostics with offsets into `text`.
 * PLACEHOLDER: the SSML helper replaces this with the real linter.
 */
export function lintSsml(_text: string, _context: SsmlContext): CoreDiagnostic[] {
  return [];
}
