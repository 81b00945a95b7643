import * as vscode from 'vscode';

export const remoteScheme = 'metastudio-remote';

/**
 * Read-only documents holding a remote object as a request body, for "Compare with Remote".
 * A content provider's documents cannot be edited or saved, which is what a remote side should be.
 */
export class RemoteDocuments implements vscode.TextDocumentContentProvider {
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  /** `remote.json` keeps JSON colouring without our script language (and its linter) on the remote side. */
  uriFor(kind: string, id: string, fileName: string): vscode.Uri {
    return vscode.Uri.from({ scheme: remoteScheme, path: `/${kind}/${id}/${fileName.replace(/\.json$/, '')}.remote.json` });
  }

  set(uri: vscode.Uri, text: string): void {
    this.contents.set(uri.toString(), text);
    this.changed.fire(uri);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }
}
