import * as vscode from 'vscode';
import type { CoreDiagnostic, Fix, Severity } from '../core/diagnostics';

const severities: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export const diagnosticSource = 'MetaStudio';

/** A core diagnostic in the editor; its fixes ride along for the code action provider. */
export class MetaStudioDiagnostic extends vscode.Diagnostic {
  constructor(document: vscode.TextDocument, readonly core: CoreDiagnostic) {
    super(new vscode.Range(document.positionAt(core.start), document.positionAt(core.end)), core.message, severities[core.severity]);
    this.code = core.code;
    this.source = diagnosticSource;
  }
}

export function toWorkspaceEdit(document: vscode.TextDocument, fix: Fix): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const e of fix.edits) {
    edit.replace(document.uri, new vscode.Range(document.positionAt(e.start), document.positionAt(e.end)), e.newText);
  }
  return edit;
}
