import type * as vscode from 'vscode';
import { kindOfLanguage, scriptKindNames, scriptKinds, type ScriptKind } from './core/scripts/kinds';

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

export function createLanguages(): Languages {
  const scripts = Object.fromEntries(scriptKindNames.map((kind) => [kind, scriptKinds[kind].languageId])) as Record<ScriptKind, string>;
  return {
    scripts,
    ssml: 'metastudio-ssml',
    scriptSelector: Object.values(scripts).map((language) => ({ language })),
    scriptKindOf: (document) => kindOfLanguage(document.languageId),
  };
}
