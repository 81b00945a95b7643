import * as vscode from 'vscode';
import { registerCommand, UserFacingError } from '../commands/registerCommand';
import { scriptKindOf } from '../core/remote/scriptBody';
import type { Services } from '../services';
import { compareWithRemote, pullScript, type PullArgs } from './pullAndCompare';
import { pushDocument, type PushContext, type PushOptions } from './pushDocument';
import { RemoteDocuments, remoteScheme } from './remoteDocuments';
import { WorkspaceLinks } from './workspaceLinks';

/** The script file a command is about: the one clicked in the explorer or editor title, else the active editor's. */
export function scriptUri(arg: unknown): vscode.Uri {
  const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
  if (!uri || !scriptKindOf(uri.path)) throw new UserFacingError(vscode.l10n.t('Open a video script (*.video.json) or live script (*.live.json) first.'));
  return uri;
}

/** Push, pull and compare of script files; returns what the jobs feature needs to push before starting a job. */
export function register(context: vscode.ExtensionContext, services: Services): PushContext {
  const links = new WorkspaceLinks(services.connections);
  const remote = new RemoteDocuments();
  const push: PushContext = { connections: services.connections, links };
  context.subscriptions.push(links, vscode.workspace.registerTextDocumentContentProvider(remoteScheme, remote));

  registerCommand(context, 'metastudio.script.push', async (arg?: vscode.Uri, options?: PushOptions) =>
    pushDocument(push, await vscode.workspace.openTextDocument(scriptUri(arg)), options));
  registerCommand(context, 'metastudio.script.pull', (arg?: PullArgs | vscode.Uri) => pullScript(push, arg));
  registerCommand(context, 'metastudio.script.compare', (arg?: vscode.Uri) => compareWithRemote(push, remote, scriptUri(arg)));
  return push;
}
