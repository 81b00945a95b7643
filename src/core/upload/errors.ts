/**
 * What can go wrong with an upload, one class per kind. Messages are one line and never carry an
 * upload URL (its query is a credential): at most its host. Cancellation is not one of these: a
 * cancelled upload rejects with the signal's `AbortError`.
 */
import * as l10n from '@vscode/l10n';

/** A file that cannot be uploaded as asked, said before any request is sent; nothing was created. */
export class UploadRefusedError extends Error {
  override readonly name = 'UploadRefusedError';
}

/** The PUT of a file's bytes to its pre-signed URL failed. */
export class UploadTransferError extends Error {
  override readonly name = 'UploadTransferError';
  constructor(
    message: string,
    /** The HTTP status, when the storage answered. */
    readonly status?: number,
  ) {
    super(message);
  }
}

/** An upload failed or was cancelled, and what it had created could not all be deleted. */
export class UploadCleanupError extends Error {
  override readonly name = 'UploadCleanupError';
  constructor(
    /** Why the upload stopped: its own error, or the cancellation. */
    readonly reason: unknown,
    /** The asset left behind. */
    readonly assetId: string,
    problem: string,
  ) {
    super(l10n.t('{0} The half-made asset {1} could not be deleted ({2}): delete it in the Assets view or with "metastudio assets delete {1} --force".',
      reason instanceof Error && reason.name !== 'AbortError' ? reason.message : l10n.t('The upload was cancelled.'), assetId, problem));
  }
}

