import type * as vscode from 'vscode';
import type { ScriptKind } from './core/scripts/schemas';

/**
 * The languages of the files the extension reads, by id (package.json declares the same ids).
 * Script files have languages of their own, so that VS Code's JSON validation stays out of them.
 */
export interface Languages {
  readonly scripts: Readonly<Record<ScriptKind, string>>;
  readonly ssml: string;
  /** Every script language. */
  readonly scriptSelector: readonly vscode.DocumentFilter[];
  /** The script kind of a document, by its language; undefined for any other document. */
  scriptKindOf(document: vscode.TextDocument): ScriptKind | undefined;
}

const scriptLanguageIds: Readonly<Record<ScriptKind, string>> = { video: 'metastudio-video-script', live: 'metastudio-live-script' };

export function createLanguages(): Languages {
  const kinds = new Map(Object.entries(scriptLanguageIds).map(([kind, id]) => [id, kind as ScriptKind]));
  return {
    scripts: scriptLanguageIds,
    ssml: 'metastudio-ssml',
    scriptSelector: [...kinds.keys()].map((language) => ({ language })),
    scriptKindOf: (document) => kinds.get(document.languageId),
  };
}
