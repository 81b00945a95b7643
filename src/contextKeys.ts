import * as vscode from 'vscode';

const values = new Map<string, unknown>();

/**
 * Sets a context key of the window (package.json's `when` clauses and the walkthrough's
 * `onContext:` steps read them) and remembers its value, which VS Code gives no way to read back.
 */
export function setContext(key: string, value: unknown): void {
  values.set(key, value);
  void vscode.commands.executeCommand('setContext', key, value);
}

/** The context keys the extension has set, with their last values. */
export function contextKeysSet(): ReadonlyMap<string, unknown> {
  return values;
}
