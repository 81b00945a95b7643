import * as vscode from 'vscode';
import { registerCommand } from '../commands/registerCommand';
import { log } from './log';

/** The log channel and "MetaStudio: Show Logs". */
export function register(context: vscode.ExtensionContext): void {
  context.subscriptions.push(log());
  registerCommand(context, 'metastudio.logs.show', () => log().show(true));
}
