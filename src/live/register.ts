import * as vscode from 'vscode';
import type { Services } from '../services';
import { registerLiveCommands } from './liveCommands';
import { LiveTree } from './liveTree';

/** The Live view and the livestream commands. */
export function register(context: vscode.ExtensionContext, services: Services): void {
  const tree = new LiveTree(() => services.connections.tryClient());
  const view = vscode.window.createTreeView('metastudio.live', { treeDataProvider: tree });
  context.subscriptions.push(
    tree,
    view,
    view.onDidChangeVisibility((e) => tree.setVisible(e.visible)),
    services.connections.onDidChange(() => tree.invalidate()),
  );
  tree.setVisible(view.visible);
  registerLiveCommands(context, services, tree);
}
