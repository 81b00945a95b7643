import * as vscode from 'vscode';
import { registerCommand } from '../commands/registerCommand';
import { ExpectedError } from '../core/errors';
import { kindOfFile, scriptFilePatterns } from '../core/scripts/kinds';
import type { PushService, Services } from '../services';
import { compareWithRemote, pullScript, type PullSource } from './pullAndCompare';
import { pushDocument, remoteIdOf, type PushContext } from './pushDocument';
import { RemoteDocuments, remoteScheme } from './remoteDocuments';
import { WorkspaceLinks } from './workspaceLinks';

/** The script file a command is about: the one clicked in the explorer or editor title, else the active editor's. */
export function scriptUri(arg: unknown): vscode.Uri {
  const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
  if (!uri || !kindOfFile(uri.path)) throw new ExpectedError(vscode.l10n.t('Open a script file ({0}) first.', scriptFilePatterns));
  return uri;
}

/** Push, pull and compare of script files; returns the push service. */
export function register(context: vscode.ExtensionContext, { connections, prompts }: Pick<Services, 'connections' | 'prompts'>): PushService {
  const links = new WorkspaceLinks(connections);
  const remote = new RemoteDocuments();
  const push: PushContext = { connections, prompts, links };
  context.subscriptions.push(links, remote, vscode.workspace.registerTextDocumentContentProvider(remoteScheme, remote));

  registerCommand(context, 'metastudio.script.push', async (arg?: vscode.Uri) =>
    pushDocument(push, await vscode.workspace.openTextDocument(scriptUri(arg))));
  registerCommand(context, 'metastudio.script.pull', (arg?: PullSource | vscode.Uri) => pullScript(push, arg));
  registerCommand(context, 'metastudio.script.compare', (arg?: vscode.Uri) => compareWithRemote(push, remote, scriptUri(arg)));
  return {
    remoteIdOf: (document) => remoteIdOf(push, document),
    linkedIdOf: (uri) => links.linkedId(uri),
    fileOfRemote: (kind, id) => links.fileOf(kind, id),
  };
}
