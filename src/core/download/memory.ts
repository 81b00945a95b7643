/** A download read into memory, for small files (voice previews): a size cap enforced before and while reading. */
import { openDownload, statusError, type OpenOptions } from './request';

/** 50 MB: far above any spoken preview, far below what would fill a disk. */
const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

export interface MemoryDownloadOptions extends Omit<OpenOptions, 'range'> {
  readonly maxBytes?: number;
}

export interface MemoryDownload {
  readonly data: Buffer;
  readonly contentType: string | undefined;
  /** Where the bytes came from, after redirects. */
  readonly url: URL;
}

export async function downloadToMemory(url: string, options: MemoryDownloadOptions = {}): Promise<MemoryDownload> {
  const download = await openDownload(url, options);
  if (download.response.status !== 200) {
    await download.discard();
    throw statusError(download.response.status, download.url);
  }
  const chunks: Uint8Array[] = [];
  await download.readBody(options.maxBytes ?? DEFAULT_MAX_BYTES, (chunk) => { chunks.push(chunk); });
  return { data: Buffer.concat(chunks), contentType: download.response.headers.get('content-type') ?? undefined, url: download.url };
}
