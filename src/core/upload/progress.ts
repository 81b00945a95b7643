/** What an upload's progress notification says, as plain text in the user's language. */
import * as l10n from '@vscode/l10n';
import type { UploadProgress } from './uploadAsset';

/** `512 B`, `1.5 KB`, `20.0 MB`, `1.20 GB` (powers of 1024). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return l10n.t('{0} B', bytes);
  if (bytes < 1024 ** 2) return l10n.t('{0} KB', (bytes / 1024).toFixed(1));
  if (bytes < 1024 ** 3) return l10n.t('{0} MB', (bytes / 1024 ** 2).toFixed(1));
  return l10n.t('{0} GB', (bytes / 1024 ** 3).toFixed(2));
}

/** The whole batch's share done, 0–100: the files done, and the bytes of this one sent so far. */
export function batchPercent(doneBytes: number, progress: UploadProgress, batchBytes: number): number {
  const sent = progress.phase === 'uploading' || progress.phase === 'confirming' || progress.phase === 'waiting' ? progress.bytes : 0;
  return batchBytes === 0 ? 100 : Math.min(100, Math.floor(((doneBytes + sent) / batchBytes) * 100));
}

/** One line: the file, what is happening to it, and with the bytes the batch's percent. */
export function describeProgress(fileName: string, progress: UploadProgress, percent: number): string {
  switch (progress.phase) {
    case 'hashing': return l10n.t('{0}: reading ({1} of {2})', fileName, formatBytes(progress.bytes), formatBytes(progress.totalBytes));
    case 'creating': return l10n.t('{0}: creating the asset', fileName);
    case 'uploading': return l10n.t('{0}: {1} of {2} sent ({3}%)', fileName, formatBytes(progress.bytes), formatBytes(progress.totalBytes), percent);
    case 'confirming': return l10n.t('{0}: confirming ({1}%)', fileName, percent);
    case 'waiting': return l10n.t('{0}: MetaStudio is reviewing it ({1}%)', fileName, percent);
  }
}
