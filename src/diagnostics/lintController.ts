import * as vscode from 'vscode';
import type { CoreDiagnostic, Fix } from '../core/diagnostics';
import { encodingProblem } from '../core/lint/fileText';
import { log } from '../logging/log';
import { MetaStudioDiagnostic, toWorkspaceEdit } from './convert';

export interface DocumentLinter {
  /** Diagnostics collection name, e.g. "metastudio-scripts". */
  readonly name: string;
  readonly languageIds: readonly string[];
  lint(document: vscode.TextDocument): CoreDiagnostic[];
  /**
   * The fixes of a diagnostic that carries none because they are costly to work out (`ssml/polyphone`):
   * asked for only when the editor wants the quick fixes, at the diagnostic's start in the document as it is now.
   */
  fixesAt?(document: vscode.TextDocument, code: string, offset: number): readonly Fix[] | undefined;
}

const debounceMs = 250;

/** Set once a quick fix of ours was applied: the walkthrough's "Fix a problem" step waits for it. */
export const quickFixAppliedContext = 'metastudio.quickFixApplied';

/**
 * A document's text through `lint`, with `file/not-utf8` first when VS Code will save it in another
 * encoding or read bytes that are not UTF-8 (it shows them as U+FFFD).
 */
export function lintDocumentText(document: vscode.TextDocument, lint: (text: string) => CoreDiagnostic[]): CoreDiagnostic[] {
  const text = document.getText();
  const problem = encodingProblem(text, document.encoding);
  return problem ? [problem, ...lint(text)] : lint(text);
}

/**
 * Keeps a linter's diagnostics in step with open documents: linted on open, debounced while typing,
 * cleared on close; offers each diagnostic's core fixes as quick fixes.
 */
export function registerLinter(context: vscode.ExtensionContext, linter: DocumentLinter): { relint(): void } {
  const collection = vscode.languages.createDiagnosticCollection(linter.name);
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const current = new Map<string, MetaStudioDiagnostic[]>();
  const applies = (doc: vscode.TextDocument) => linter.languageIds.includes(doc.languageId);

  const lintNow = (doc: vscode.TextDocument) => {
    clearTimeout(timers.get(doc.uri.toString()));
    timers.delete(doc.uri.toString());
    if (doc.isClosed) return;
    // A document whose language changed (e.g. "Change Language Mode") loses our diagnostics.
    if (!applies(doc)) return forget(doc);
    try {
      const diagnostics = linter.lint(doc).map((d) => new MetaStudioDiagnostic(doc, d));
      current.set(doc.uri.toString(), diagnostics);
      collection.set(doc.uri, diagnostics);
    } catch (err) {
      // A linter bug must not take the editor down with it: log and keep the last diagnostics.
      log().error(`${linter.name}: linting ${doc.uri.toString(true)} failed`, err as Error);
    }
  };
  const schedule = (doc: vscode.TextDocument) => {
    const key = doc.uri.toString();
    clearTimeout(timers.get(key));
    timers.set(key, setTimeout(() => lintNow(doc), debounceMs));
  };
  const forget = (doc: vscode.TextDocument) => {
    clearTimeout(timers.get(doc.uri.toString()));
    timers.delete(doc.uri.toString());
    current.delete(doc.uri.toString());
    collection.delete(doc.uri);
  };

  context.subscriptions.push(
    collection,
    vscode.workspace.onDidOpenTextDocument(lintNow),
    // A save or an undo back to the saved text changes no content: nothing to lint again.
    vscode.workspace.onDidChangeTextDocument((e) => { if (e.contentChanges.length > 0 && applies(e.document)) schedule(e.document); }),
    vscode.workspace.onDidCloseTextDocument(forget),
    { dispose: () => timers.forEach(clearTimeout) },
    vscode.languages.registerCodeActionsProvider(
      linter.languageIds.map((language) => ({ language })),
      { provideCodeActions: (doc, _range, ctx) => quickFixes(doc, ctx, current.get(doc.uri.toString()) ?? [], linter) },
      { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
    ),
  );
  // The documents open already are linted right after activation, which so compiles no validator.
  const initial = setTimeout(() => vscode.workspace.textDocuments.forEach(lintNow), 0);
  context.subscriptions.push({ dispose: () => clearTimeout(initial) });
  // What the linter knows changed (e.g. the asset catalog, which changes once per lookup): a burst
  // of changes lints each open document once.
  return { relint: () => vscode.workspace.textDocuments.filter(applies).forEach(schedule) };
}

function quickFixes(document: vscode.TextDocument, context: vscode.CodeActionContext, ours: MetaStudioDiagnostic[], linter: DocumentLinter): vscode.CodeAction[] {
  const actions: vscode.CodeAction[] = [];
  for (const asked of context.diagnostics) {
    // The diagnostics in the context may be copies of ours: find ours by code, range and message.
    const diagnostic = ours.find((d) => d.code === asked.code && d.message === asked.message && d.range.isEqual(asked.range));
    if (!diagnostic) continue;
    const fixes = diagnostic.core.fixes ?? linter.fixesAt?.(document, diagnostic.core.code, document.offsetAt(asked.range.start)) ?? [];
    for (const fix of fixes) {
      const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
      action.edit = toWorkspaceEdit(document, fix);
      action.diagnostics = [diagnostic];
      action.isPreferred = fix.preferred;
      // VS Code runs it after applying the edit, in the window itself: no round trip to the extension.
      action.command = { command: 'setContext', title: fix.title, arguments: [quickFixAppliedContext, true] };
      actions.push(action);
    }
  }
  return actions;
}
