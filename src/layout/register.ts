/**
 * Layout (docs/layout.md): text layers readable in the editor (hover, "Edit text…").
 */
import * as vscode from 'vscode';
import { registerCommand } from '../commands/registerCommand';
import type { Services } from '../services';
import { EDIT_TEXT_COMMAND, editText, textLayerActions, textLayerHover } from './textLayers';

export function register(context: vscode.ExtensionContext, services: Services): void {
  const { scriptSelector } = services.languages;
  registerCommand(context, EDIT_TEXT_COMMAND, (args: unknown) => editText(services, args));
  context.subscriptions.push(
    vscode.languages.registerHoverProvider(scriptSelector, textLayerHover(services)),
    vscode.languages.registerCodeActionsProvider(scriptSelector, textLayerActions(services), { providedCodeActionKinds: [vscode.CodeActionKind.RefactorRewrite] }),
  );
}
