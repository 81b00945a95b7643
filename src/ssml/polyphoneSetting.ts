/** The setting `metastudio.polyphones`: how the linters mark polyphones (docs/diagnostics.md, `ssml/polyphone`). */
import * as vscode from 'vscode';
import type { PolyphoneSeverity } from '../core/ssml/polyphones';

const SETTING = 'metastudio.polyphones';

/** The severity of `ssml/polyphone`, or undefined when the setting is `off`. */
export function polyphoneSeverity(): PolyphoneSeverity | undefined {
  const value = vscode.workspace.getConfiguration().get<string>(SETTING, 'hint');
  return value === 'off' ? undefined : value === 'information' ? 'info' : 'hint';
}

/** Runs `relint` whenever the setting changes. */
export function onPolyphoneSettingChange(context: vscode.ExtensionContext, relint: () => void): void {
  context.subscriptions.push(vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration(SETTING)) relint();
  }));
}
