import * as vscode from 'vscode';

let channel: vscode.LogOutputChannel | undefined;

/** The extension's one log channel ("MetaStudio" in the Output panel). Never log a secret. */
export function log(): vscode.LogOutputChannel {
  channel ??= vscode.window.createOutputChannel('MetaStudio', { log: true });
  return channel;
}
