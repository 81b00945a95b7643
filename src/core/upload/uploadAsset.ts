/**
 * Uploading a local media file as a MetaStudio asset (reference 4.1.1, 4.2.1, 4.2.3;
 * docs/decisions/uploads.md): every check first, with no request; then the file's MD5 in a
 * streamed pass, the asset, each of its files with its pre-signed URL, the bytes streamed there,
 * the confirmation, and optionally a bounded wait while MetaStudio reviews the asset. An upload
 * that fails or is cancelled before every file is confirmed deletes the files and the asset it
 * created, so that no half-made asset is left behind.
 */
import { stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import * as l10n from '@vscode/l10n';
import type { MetaStudioClient } from '../cloud/client';
import { systemClock, type Clock } from '../cloud/clock';
import { MetaStudioApiError, MetaStudioError, MetaStudioRedirectError } from '../cloud/errors';
import { errorMessage } from '../errors';
import type { AssetFileCategory, DigitalAssetInfo } from '../cloud/types';
import { UploadCleanupError, UploadRefusedError } from './errors';
import {
  COVER_EXTENSIONS, extensionOf, extensionsOf, MAX_FILE_BYTES, TYPES_WITH_COVER, typesForFile,
  uploadableExtensions, type UploadableType,
} from './media';
import { digestFile, putFile, type FileDigest } from './transfer';

/** What the upload asks of the client. */
export type UploadApi = Pick<MetaStudioClient,
  'createAsset' | 'createFile' | 'confirmFileUpload' | 'deleteFile' | 'deleteAsset' | 'getAsset' | 'transport'>;

export interface UploadRequest {
  /** Default: the first type the file's extension fits (MUSIC for mp3 and wav). */
  readonly type?: UploadableType;
  /** Default: the file name without its extension. */
  readonly name?: string;
  readonly description?: string;
  readonly tags?: readonly string[];
  /** An image file shown as the asset's cover (VIDEO only); without one, a video's cover is made by MetaStudio. */
  readonly cover?: string;
}

export interface PreparedFile {
  readonly path: string;
  readonly fileName: string;
  /** The extension, as `file_type` takes it. */
  readonly fileType: string;
  readonly size: number;
  readonly category: AssetFileCategory;
}

/** An upload that passed every check: what will be created. */
export interface PreparedUpload {
  readonly type: UploadableType;
  readonly name: string;
  readonly description?: string;
  readonly tags: readonly string[];
  /** The cover if any, then the main file: confirming the main file completes the asset. */
  readonly files: readonly PreparedFile[];
  readonly totalBytes: number;
}

export type UploadPhase = 'hashing' | 'creating' | 'uploading' | 'confirming' | 'waiting';

export interface UploadProgress {
  readonly phase: UploadPhase;
  /** Bytes read (hashing) or sent (uploading) so far, of `totalBytes` (all files of the asset). */
  readonly bytes: number;
  readonly totalBytes: number;
}

export interface UploadOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: UploadProgress) => void;
  /** Once every file is confirmed: the asset exists, whatever the wait then brings. */
  readonly onCreated?: (asset: UploadedAsset) => void;
  /** Wait for the asset to leave CREATING: `true` for up to {@link DEFAULT_WAIT_MS}. */
  readonly wait?: boolean | { readonly timeoutMs: number };
  readonly clock?: Clock;
  /** Longest time the storage may take no bytes, or not answer; default 30 s. */
  readonly stallTimeoutMs?: number;
}

export interface UploadedAsset {
  readonly assetId: string;
  readonly name: string;
  readonly type: UploadableType;
  /** The uploaded file's path. */
  readonly file: string;
  /** As last seen: CREATING right after the upload, ACTIVED, FAILED or BLOCK after a wait. */
  readonly state: string;
  /** The asset's details as last read. */
  readonly details: DigitalAssetInfo;
  /** The wait ended before the asset left CREATING. */
  readonly timedOut: boolean;
}

export const DEFAULT_WAIT_MS = 120_000;
const POLL_MS = 2_000;
/** Cleanup calls get their own time, since the caller's signal may be the reason they run. */
const CLEANUP_TIMEOUT_MS = 30_000;

async function checkedFile(path: string, category: AssetFileCategory): Promise<PreparedFile> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new UploadRefusedError(l10n.t('{0} does not exist.', path));
  }
  if (!info.isFile()) throw new UploadRefusedError(l10n.t('{0} is not a file.', path));
  if (info.size === 0) throw new UploadRefusedError(l10n.t('{0} is empty.', path));
  if (info.size > MAX_FILE_BYTES) {
    throw new UploadRefusedError(l10n.t('{0} is larger than 5 GiB, the most MetaStudio takes in one upload (larger files need its large-file API, which is not used here).', path));
  }
  // `file_name` takes 1 to 256 characters (Table 4-172): no file system makes a longer one.
  return { path, fileName: basename(path), fileType: extensionOf(path), size: info.size, category };
}

function typeOf(path: string, asked: UploadableType | undefined): UploadableType {
  const fitting = typesForFile(path);
  const extension = extensionOf(path);
  if (asked === undefined) {
    if (fitting.length === 0) {
      throw new UploadRefusedError(l10n.t('{0}: {1} files cannot be uploaded; MetaStudio takes {2}.', path, extension || l10n.t('extensionless'), uploadableExtensions().join(', ')));
    }
    return fitting[0];
  }
  if (!fitting.includes(asked)) throw new UploadRefusedError(l10n.t('{0} cannot be uploaded as {1}: {1} assets are {2} files.', path, asked, extensionsOf(asked).join(', ')));
  return asked;
}

/** Every check of an upload, with no request sent: a clear UploadRefusedError for anything MetaStudio would refuse. */
export async function prepareUpload(file: string, request: UploadRequest = {}): Promise<PreparedUpload> {
  const type = typeOf(file, request.type);
  const main = await checkedFile(file, 'MAIN');
  const name = (request.name ?? basename(file, extname(file))).trim();
  if (name === '') throw new UploadRefusedError(l10n.t('{0}: the asset needs a name.', file));
  const files = [main];
  if (request.cover !== undefined) {
    if (!TYPES_WITH_COVER.includes(type)) throw new UploadRefusedError(l10n.t('{0}: only {1} assets take a cover.', file, TYPES_WITH_COVER.join(', ')));
    if (!COVER_EXTENSIONS.includes(extensionOf(request.cover))) {
      throw new UploadRefusedError(l10n.t('{0}: a cover is a {1} image.', request.cover, COVER_EXTENSIONS.join(', ')));
    }
    files.unshift(await checkedFile(request.cover, 'COVER'));
  }
  const description = request.description?.trim();
  return {
    type,
    name,
    ...(description ? { description } : {}),
    tags: (request.tags ?? []).map((t) => t.trim()).filter((t) => t !== ''),
    files,
    totalBytes: files.reduce((sum, f) => sum + f.size, 0),
  };
}

/** Checks, then uploads (see the module comment). */
export async function uploadAsset(client: UploadApi, file: string, request: UploadRequest = {}, options: UploadOptions = {}): Promise<UploadedAsset> {
  return uploadPrepared(client, await prepareUpload(file, request), options);
}

/** Uploads what `prepareUpload` checked. */
export async function uploadPrepared(client: UploadApi, upload: PreparedUpload, options: UploadOptions = {}): Promise<UploadedAsset> {
  const { signal } = options;
  const report = (phase: UploadPhase, bytes: number) => options.onProgress?.({ phase, bytes, totalBytes: upload.totalBytes });
  const digests: FileDigest[] = [];
  let hashed = 0;
  for (const file of upload.files) {
    report('hashing', hashed);
    const digest = await digestFile(file.path, { signal, onProgress: (bytes) => report('hashing', hashed + bytes) });
    if (digest.size !== file.size) throw new UploadRefusedError(l10n.t('{0} changed while it was being read; upload it again once it is complete.', file.path));
    digests.push(digest);
    hashed += file.size;
  }

  report('creating', 0);
  const { asset_id: assetId } = await client.createAsset({
    asset_name: upload.name,
    asset_type: upload.type,
    ...(upload.description ? { asset_description: upload.description } : {}),
    ...(upload.tags.length ? { tags: [...upload.tags] } : {}),
    ...(upload.type === 'VIDEO' && !upload.files.some((f) => f.category === 'COVER') ? { is_need_generate_cover: true } : {}),
  }, { signal });
  const fileIds: string[] = [];
  try {
    let sent = 0;
    for (const [i, file] of upload.files.entries()) {
      const { file_id: fileId, upload_url: uploadUrl } = await client.createFile({
        file_name: file.fileName, file_md5: digests[i].md5, file_size: file.size, file_type: file.fileType, asset_id: assetId, asset_file_category: file.category,
      }, { signal });
      fileIds.push(fileId);
      report('uploading', sent);
      await putFile(uploadUrl, file.path, digests[i], {
        fetch: client.transport, signal, stallTimeoutMs: options.stallTimeoutMs, onProgress: (bytes) => report('uploading', sent + bytes),
      });
      sent += file.size;
      report('confirming', sent);
      await client.confirmFileUpload(fileId, 'CREATED', { signal });
    }
  } catch (err) {
    const problem = await deleteHalfMade(client, assetId, fileIds);
    if (problem) throw new UploadCleanupError(err, assetId, problem);
    throw err;
  }

  const created = (details: DigitalAssetInfo, timedOut: boolean): UploadedAsset => ({
    assetId, name: upload.name, type: upload.type, file: upload.files.at(-1)!.path, state: details.asset_state ?? 'CREATING', details, timedOut,
  });
  // The asset is whole: neither a cancel now nor a failed look at it makes the upload fail.
  const first = await client.getAsset(assetId).catch((): DigitalAssetInfo => (
    { asset_id: assetId, asset_name: upload.name, asset_type: upload.type, asset_state: 'CREATING', tags: [...upload.tags] }));
  options.onCreated?.(created(first, false));
  if (!options.wait || first.asset_state !== 'CREATING') return created(first, false);
  report('waiting', upload.totalBytes);
  const timeoutMs = options.wait === true ? DEFAULT_WAIT_MS : options.wait.timeoutMs;
  const waited = await waitForReview(client, assetId, { clock: options.clock, signal, timeoutMs });
  return created(waited.details ?? first, waited.timedOut);
}

/** Deletes the files, then the asset, for good; the problem when one could not be deleted. */
async function deleteHalfMade(client: UploadApi, assetId: string, fileIds: readonly string[]): Promise<string | undefined> {
  const options = { signal: AbortSignal.timeout(CLEANUP_TIMEOUT_MS) };
  try {
    for (const fileId of fileIds) await client.deleteFile(fileId, options).catch(ignoreNotFound);
    await client.deleteAsset(assetId, { ...options, force: true }).catch(ignoreNotFound);
    return undefined;
  } catch (err) {
    return errorMessage(err);
  }
}

function ignoreNotFound(err: unknown): void {
  if (!(err instanceof MetaStudioApiError && err.status === 404)) throw err;
}

/** Worth another look: no answer, or a server-side or throttling error. */
function isTransient(err: unknown): boolean {
  if (err instanceof MetaStudioApiError) return err.status >= 500 || err.status === 429;
  return err instanceof MetaStudioError && !(err instanceof MetaStudioRedirectError);
}

/**
 * Looks at the asset every 2 s until it leaves CREATING (ACTIVED, or FAILED or BLOCK with a
 * reason) or `timeoutMs` passes; then `timedOut` says so. Three failed looks in a row end it.
 */
export async function waitForReview(
  client: Pick<UploadApi, 'getAsset'>, assetId: string, options: { clock?: Clock; signal?: AbortSignal; timeoutMs: number },
): Promise<{ details: DigitalAssetInfo | undefined; timedOut: boolean }> {
  const clock = options.clock ?? systemClock;
  const deadline = clock.now() + options.timeoutMs;
  let details: DigitalAssetInfo | undefined;
  let failures = 0;
  for (;;) {
    try {
      details = await client.getAsset(assetId, { signal: options.signal });
      failures = 0;
      if (details.asset_state !== 'CREATING') return { details, timedOut: false };
    } catch (err) {
      if (!isTransient(err) || ++failures >= 3) throw err;
    }
    const now = clock.now();
    if (now >= deadline) return { details, timedOut: true };
    await clock.sleep(Math.min(POLL_MS, deadline - now), options.signal);
  }
}
