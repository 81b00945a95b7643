/**
 * The latest analysis of each open script: its diagnostics and what each shot text speaks, from the
 * linter's one pass. The duration lenses, hover and status bar read it instead of parsing again.
 */
import * as vscode from 'vscode';
import type { ScriptLintOptions } from '../core/scripts/texts';
import { analyzeScript, type ScriptAnalysis } from '../core/scripts/validate';
import type { Languages } from '../languages';
import type { ScriptAnalyses } from '../services';

export class LatestAnalyses implements ScriptAnalyses, vscode.Disposable {
  private readonly latest = new Map<string, { readonly version: number; readonly analysis: ScriptAnalysis }>();
  private readonly changed = new vscode.EventEmitter<vscode.TextDocument>();
  /** A document was analysed again. */
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly languages: Languages, private readonly options: () => ScriptLintOptions) {
    this.subscriptions = [this.changed, vscode.workspace.onDidCloseTextDocument((doc) => this.latest.delete(doc.uri.toString()))];
  }

  dispose(): void {
    this.subscriptions.forEach((d) => d.dispose());
  }

  /** Analyses a script document as it is now (the linter's pass) and keeps the result. */
  analyze(document: vscode.TextDocument): ScriptAnalysis {
    const kind = this.languages.scriptKindOf(document);
    const analysis = kind ? analyzeScript(document.getText(), kind, this.options()) : { diagnostics: [], shots: [] };
    this.latest.set(document.uri.toString(), { version: document.version, analysis });
    this.changed.fire(document);
    return analysis;
  }

  /** The analysis of a script document as it is now: the linter's, unless the document changed since. */
  get(document: vscode.TextDocument): ScriptAnalysis | undefined {
    if (!this.languages.scriptKindOf(document)) return undefined;
    const kept = this.latest.get(document.uri.toString());
    return kept?.version === document.version ? kept.analysis : this.analyze(document);
  }
}
