import * as vscode from 'vscode';
import { ReadOnlyDocuments } from '../documents/readOnlyDocuments';

export const remoteScheme = 'metastudio-remote';

/** Read-only documents holding a remote object as a request body, for "Compare with Remote". */
export class RemoteDocuments extends ReadOnlyDocuments {
  /** `remote.json` keeps JSON colouring without our script language (and its linter) on the remote side. */
  uriFor(kind: string, id: string, fileName: string): vscode.Uri {
    return vscode.Uri.from({ scheme: remoteScheme, path: `/${kind}/${id}/${fileName.replace(/\.json$/, '')}.remote.json` });
  }
}
