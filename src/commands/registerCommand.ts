import * as vscode from 'vscode';
import { displayText } from '../core/text/displayText';
import { log } from '../logging/log';

/** A user-facing failure whose message is already clear; logged without a stack trace. */
export class UserFacingError extends Error {}

export function isCancellation(err: unknown): boolean {
  return err instanceof vscode.CancellationError || (err instanceof Error && err.name === 'AbortError');
}

/**
 * Registers a command through the one wrapper every command uses: it logs the run, treats
 * cancellation as no error, and shows failures as a short message with "Show Logs".
 */
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
      if (isCancellation(err)) {
        log().info(`command ${id} cancelled`);
        return undefined;
      }
      const message = err instanceof Error ? err.message : String(err);
      if (err instanceof UserFacingError) log().warn(`command ${id}: ${message}`);
      else log().error(`command ${id} failed`, err instanceof Error ? err : message);
      const showLogs = vscode.l10n.t('Show Logs');
      void vscode.window.showErrorMessage(displayText(message), showLogs).then((choice) => {
        if (choice === showLogs) log().show();
      });
      return undefined;
    }
  }));
}
