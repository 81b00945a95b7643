/**
 * Downloads a preview file from a pre-signed URL: https only (or http on loopback, for the
 * sandbox, DECISIONS.md 1), redirects checked the same way, a size cap enforced before and while
 * reading, and no request sent once the URL's validity has run out. Never sends credentials.
 */
import * as l10n from '@vscode/l10n';
import { isLoopbackHost } from '../cloud/endpoint';
import type { FetchInit, FetchLike } from '../cloud/transport';

/** 50 MB: far above any spoken preview, far below what would fill a disk. */
export const DEFAULT_MAX_FILE_BYTES = 50 * 1024 * 1024;
const MAX_REDIRECTS = 3;

interface ByteReader {
  read(): Promise<{ done: boolean; value?: Uint8Array }>;
  cancel(reason?: unknown): Promise<void>;
}

/** The slice of a `fetch` Response a download needs (global fetch and undici's both fit). */
export interface DownloadResponse {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  readonly body: { getReader(): ByteReader } | null;
}

export type DownloadFetch = (url: string, init: { signal: AbortSignal; redirect: 'manual' }) => Promise<DownloadResponse>;

/**
 * Downloads through a client transport: the `fetch` behind a `FetchLike` (undici's, the global
 * one) takes `redirect` and answers with a streamed body, which `FetchLike` itself does not declare.
 * No header is sent: pre-signed links need no credentials and must not get any.
 */
export function downloadFetchFrom(fetch: FetchLike): DownloadFetch {
  return async (url, init) => {
    const request: FetchInit & { redirect: 'manual' } = { method: 'GET', headers: {}, signal: init.signal, redirect: init.redirect };
    return (await fetch(url, request)) as unknown as DownloadResponse;
  };
}

/** The download was refused or failed; the message says why in one line. */
export class DownloadError extends Error {
  override readonly name = 'DownloadError';
}

export interface DownloadOptions {
  readonly fetch: DownloadFetch;
  readonly signal?: AbortSignal;
  readonly maxBytes?: number;
  /** Epoch ms after which the URL must not be used. */
  readonly validUntil?: number;
  readonly now?: () => number;
}

/** Throws a DownloadError unless the URL may be fetched: https, or http to a loopback host. */
export function checkDownloadUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new DownloadError(l10n.t('Refused to download the preview: "{0}" is not a URL.', redact(text)));
  }
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return url;
  throw new DownloadError(l10n.t('Refused to download the preview from {0}: only https URLs are accepted (http only on this computer).', `${url.protocol}//${url.host}`));
}

export async function downloadFile(urlText: string, options: DownloadOptions): Promise<{ data: Buffer; contentType: string | undefined; url: URL }> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  const now = options.now ?? Date.now;
  let url = checkDownloadUrl(urlText);
  for (let redirects = 0; ; redirects++) {
    if (options.validUntil !== undefined && now() >= options.validUntil) {
      throw new DownloadError(l10n.t('The preview download link has expired (links are valid for one hour).'));
    }
    options.signal?.throwIfAborted();
    const response = await options.fetch(url.href, { signal: options.signal ?? new AbortController().signal, redirect: 'manual' });
    if (response.status >= 300 && response.status < 400) {
      const location = response.headers.get('location');
      await response.body?.getReader().cancel();
      if (!location || redirects >= MAX_REDIRECTS) throw new DownloadError(l10n.t('The preview download was redirected too often (HTTP {0}).', response.status));
      url = checkDownloadUrl(new URL(location, url).href);
      continue;
    }
    if (response.status !== 200) {
      await response.body?.getReader().cancel();
      throw new DownloadError(l10n.t('The preview download failed with HTTP {0} ({1}).', response.status, url.host));
    }
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (declared > maxBytes) {
      await response.body?.getReader().cancel();
      throw tooLarge(maxBytes);
    }
    const data = await readCapped(response, maxBytes, options.signal);
    return { data, contentType: response.headers.get('content-type') ?? undefined, url };
  }
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
  return new DownloadError(l10n.t('Refused the preview download: it is larger than {0} MB.', Math.round(maxBytes / 1024 / 1024 * 10) / 10));
}

/** Pre-signed URLs carry their signature in the query: never show it. */
function redact(text: string): string {
  return text.replace(/\?.*$/s, '?…').slice(0, 200);
}

/** The audio format of a file from its first bytes, else from its type or URL. */
export function audioExtension(data: Uint8Array, contentType?: string, url?: URL): string {
  const ascii = (from: number, to: number) => Buffer.from(data.subarray(from, to)).toString('latin1');
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WAVE') return 'wav';
  if (ascii(0, 3) === 'ID3' || (data[0] === 0xff && (data[1] ?? 0) >= 0xe0)) return 'mp3';
  if (ascii(0, 4) === 'OggS') return 'ogg';
  if (ascii(0, 4) === 'fLaC') return 'flac';
  if (ascii(4, 8) === 'ftyp') return 'm4a';
  const fromType = /audio\/(?:x-)?(wav|wave|mpeg|mp3|ogg|flac|aac|mp4)/i.exec(contentType ?? '')?.[1]?.toLowerCase();
  if (fromType) return ({ wave: 'wav', mpeg: 'mp3', mp4: 'm4a' } as Record<string, string>)[fromType] ?? fromType;
  const fromUrl = /\.([a-z0-9]{2,4})$/i.exec(url?.pathname ?? '')?.[1]?.toLowerCase();
  return fromUrl ?? 'bin';
}
