/** A download read into memory, for small files (voice previews): a size cap enforced before and while reading. */
import * as l10n from '@vscode/l10n';
import { discardBody, DownloadError, openDownload, statusError, type DownloadResponse, type OpenOptions } from './request';

/** 50 MB: far above any spoken preview, far below what would fill a disk. */
const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

export interface MemoryDownloadOptions extends Omit<OpenOptions, 'headers'> {
  readonly maxBytes?: number;
}

export interface MemoryDownload {
  readonly data: Buffer;
  readonly contentType: string | undefined;
  /** Where the bytes came from, after redirects. */
  readonly url: URL;
}

export async function downloadToMemory(url: string, options: MemoryDownloadOptions = {}): Promise<MemoryDownload> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const { response, url: finalUrl } = await openDownload(url, options);
  if (response.status !== 200) {
    await discardBody(response);
    throw statusError(response.status, finalUrl);
  }
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) {
    await discardBody(response);
    throw tooLarge(maxBytes);
  }
  const data = await readCapped(response, maxBytes, options.signal);
  return { data, contentType: response.headers.get('content-type') ?? undefined, url: finalUrl };
}

async function readCapped(response: DownloadResponse, maxBytes: number, signal?: AbortSignal): Promise<Buffer> {
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!value) continue;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
    if (signal?.aborted) {
      await reader.cancel();
      signal.throwIfAborted();
    }
  }
  return Buffer.concat(chunks);
}

function tooLarge(maxBytes: number): DownloadError {
  return new DownloadError(l10n.t('Refused the download: it is larger than {0} MB.', Math.round(maxBytes / 1024 / 1024 * 10) / 10));
}
