import * as vscode from 'vscode';
import { errorMessage, ExpectedError, isCancellation } from '../core/errors';
import { log } from '../logging/log';

/**
 * The one place the extension turns a failure into what the user sees (docs/decisions/errors.md):
 * a cancellation shows nothing; an expected error shows its message with "Show Logs" and logs it
 * in one line; anything else is a bug, shown the same way and logged with its stack.
 */
export function reportFailure(what: string, err: unknown): void {
  if (isCancellation(err) || err instanceof vscode.CancellationError) {
    log().info(`${what} cancelled`);
    return;
  }
  const message = errorMessage(err);
  if (err instanceof ExpectedError) log().warn(`${what}: ${message}`);
  else log().error(`${what} failed`, err instanceof Error ? err : message);
  const showLogs = vscode.l10n.t('Show Logs');
  void vscode.window.showErrorMessage(message, showLogs).then((choice) => {
    if (choice === showLogs) log().show();
  });
}

/** Registers a command through the one wrapper every command uses: it logs the run and reports its failure. */
export function registerCommand(
  context: vscode.ExtensionContext,
  id: string,
  handler: (...args: any[]) => unknown, // eslint-disable-line @typescript-eslint/no-explicit-any
): void {
  context.subscriptions.push(vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    log().debug(`command ${id}`);
    try {
      return await handler(...args);
    } catch (err) {
      reportFailure(`command ${id}`, err);
      return undefined;
    }
  }));
}
