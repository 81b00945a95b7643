import type * as vscode from 'vscode';
import type { ScriptKind } from '../core/scripts/schemas';

/** The two script languages (docs/decisions/script-languages.md): their own ids, so built-in JSON validation stays out. */
export const scriptLanguageIds: Record<ScriptKind, string> = {
  video: 'metastudio-video-script',
  live: 'metastudio-live-script',
};

export const scriptSelector: vscode.DocumentFilter[] = Object.values(scriptLanguageIds).map((language) => ({ language }));

export function scriptKindOf(document: vscode.TextDocument): ScriptKind | undefined {
  if (document.languageId === scriptLanguageIds.video) return 'video';
  if (document.languageId === scriptLanguageIds.live) return 'live';
  return undefined;
}
