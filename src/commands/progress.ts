import * as vscode from 'vscode';

export type Report = (message: string, increment?: number) => void;

/** A cancellable notification progress whose Cancel button aborts the signal handed to `work`. */
export function withCancellableProgress<T>(title: string, work: (report: Report, signal: AbortSignal) => Promise<T>): Promise<T> {
  return Promise.resolve(vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title, cancellable: true },
    async (progress, token) => {
      const controller = new AbortController();
      const cancel = token.onCancellationRequested(() => controller.abort());
      try {
        return await work((message, increment) => progress.report({ message, increment }), controller.signal);
      } finally {
        cancel.dispose();
      }
    },
  ));
}
