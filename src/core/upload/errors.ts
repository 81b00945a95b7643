/**
 * What can go wrong with an upload, one class per kind. Messages are one line and never carry an
 * upload URL (its query is a credential): at most its host. Cancellation is not one of these: a
 * cancelled upload rejects with the signal's `AbortError`.
 */
import * as l10n from '@vscode/l10n';
import { errorMessage, ExpectedError, isCancellation, type ExpectedErrorOptions } from '../errors';

/** A file that cannot be uploaded as asked, said before any request is sent; nothing was created. */
export class UploadRefusedError extends ExpectedError {
  override readonly name = 'UploadRefusedError';
}

/** The PUT of a file's bytes to its pre-signed URL failed. */
export class UploadTransferError extends ExpectedError {
  override readonly name = 'UploadTransferError';
  /** The HTTP status, when the storage answered. */
  readonly status: number | undefined;
  constructor(message: string, options: ExpectedErrorOptions & { status?: number } = {}) {
    super(message, options);
    this.status = options.status;
  }
}

/** An upload failed or was cancelled, and what it had created could not all be deleted. */
export class UploadCleanupError extends ExpectedError {
  override readonly name = 'UploadCleanupError';
  constructor(
    /** Why the upload stopped: its own error, or the cancellation. */
    readonly reason: unknown,
    /** The asset left behind. */
    readonly assetId: string,
    problem: string,
  ) {
    super(l10n.t('{0} The half-made asset {1} could not be deleted ({2}): delete it in the Assets view or with "metastudio assets delete {1} --force".',
      isCancellation(reason) ? l10n.t('The upload was cancelled.') : errorMessage(reason), assetId, problem), { cause: reason });
  }
}

