import * as vscode from 'vscode';
import { workbenchSettings } from '../settings';

/** The walkthrough package.json contributes: "Get started with MetaStudio". */
export const walkthroughId = 'metastudio.gettingStarted';
const openedKey = 'metastudio.walkthrough.opened';

/**
 * Opens the walkthrough the first time the extension runs (VS Code does so itself only for an
 * extension installed from its Extensions view, not for a VSIX installed from a command line),
 * unless VS Code's own setting says not to; never in the integration tests.
 */
export function register(context: vscode.ExtensionContext): void {
  if (context.extensionMode === vscode.ExtensionMode.Test || context.globalState.get(openedKey)) return;
  void context.globalState.update(openedKey, true);
  if (!workbenchSettings.openWalkthroughOnInstall.value()) return;
  void vscode.commands.executeCommand('workbench.action.openWalkthrough', `${context.extension.id}#${walkthroughId}`, false);
}
