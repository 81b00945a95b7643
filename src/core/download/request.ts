/**
 * What every download shares: the URL policy (https, or plain http only to a loopback host, for
 * the sandbox: docs/decisions/endpoints.md), checked again on every redirect; the link's validity; one error
 * type; and the fetch it goes through. Downloads follow pre-signed links, which need no credentials
 * and never get any: the only header ever sent is what the caller passes (a `Range`).
 */
import * as l10n from '@vscode/l10n';
import { isLoopbackHost } from '../cloud/endpoint';
import type { FetchInit, FetchLike } from '../cloud/transport';

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

export interface DownloadFetchInit {
  readonly headers: Record<string, string>;
  readonly signal: AbortSignal;
  /** Redirects are followed by `openDownload`, so that each hop is checked. */
  readonly redirect: 'manual';
}

export type DownloadFetch = (url: string, init: DownloadFetchInit) => Promise<DownloadResponse>;

/** The download was refused or failed; the message says why in one line. */
export class DownloadError extends Error {
  override readonly name = 'DownloadError';
  /** The HTTP status that failed it, if one did. */
  readonly status: number | undefined;
  /** Trying again later may succeed (a server error, a cut connection). */
  readonly transient: boolean;
  constructor(message: string, options: { status?: number; transient?: boolean } = {}) {
    super(message);
    this.status = options.status;
    this.transient = options.transient ?? false;
  }
}

/**
 * Downloads through a client transport: the `fetch` behind a `FetchLike` (undici's, the global
 * one) takes `redirect` and answers with a streamed body, which `FetchLike` itself does not declare.
 */
export function downloadFetchOf(fetch: FetchLike): DownloadFetch {
  return async (url, init) => {
    const request: FetchInit & { redirect: 'manual' } = { method: 'GET', headers: { ...init.headers }, signal: init.signal, redirect: init.redirect };
    const response = (await fetch(url, request)) as unknown as DownloadResponse;
    if (response.body !== null && typeof response.body?.getReader !== 'function') {
      throw new DownloadError(l10n.t('The transport gave no readable body.'));
    }
    return response;
  };
}

/** The extension host's (or Node's) own `fetch`, looked up at call time. */
export const globalDownloadFetch: DownloadFetch = downloadFetchOf((url, init) => globalThis.fetch(url, init));

/** Throws a DownloadError unless the URL may be fetched: https, or http to a loopback host. */
export function checkDownloadUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new DownloadError(l10n.t('Refused to download "{0}": it is not a URL.', redact(text)));
  }
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return url;
  throw new DownloadError(l10n.t('Refused to download from {0}: only https links are accepted (plain http only on this computer).', `${url.protocol}//${url.host}`));
}

export interface OpenOptions {
  readonly fetch?: DownloadFetch;
  readonly signal?: AbortSignal;
  /** Sent on every hop; never credentials. */
  readonly headers?: Record<string, string>;
  /** Epoch ms after which the link must not be used. */
  readonly validUntil?: number;
  readonly now?: () => number;
}

/**
 * Requests a URL, following up to three redirects, each checked like the first; no request is sent
 * once the link's validity has run out. Answers with the first 2xx response (its body unread) and
 * the URL that gave it; any other status is a DownloadError carrying that status.
 */
export async function openDownload(urlText: string, options: OpenOptions = {}): Promise<{ response: DownloadResponse; url: URL }> {
  const fetch = options.fetch ?? globalDownloadFetch;
  const now = options.now ?? Date.now;
  let url = checkDownloadUrl(urlText);
  for (let redirects = 0; ; redirects++) {
    if (options.validUntil !== undefined && now() >= options.validUntil) {
      throw new DownloadError(l10n.t('The download link has expired.'));
    }
    options.signal?.throwIfAborted();
    const response = await fetch(url.href, { headers: options.headers ?? {}, signal: options.signal ?? new AbortController().signal, redirect: 'manual' });
    const status = response.status;
    if (status >= 200 && status < 300) return { response, url };
    await discardBody(response);
    if (status >= 300 && status < 400) {
      const location = response.headers.get('location');
      if (!location) throw new DownloadError(l10n.t('The download was redirected (HTTP {0}) to no location.', status), { status });
      if (redirects >= MAX_REDIRECTS) throw new DownloadError(l10n.t('The download was redirected too often (HTTP {0}).', status), { status });
      url = checkDownloadUrl(new URL(location, url).href);
      continue;
    }
    throw statusError(status, url);
  }
}

/** An answer with a status the download cannot use. */
export function statusError(status: number, url: URL): DownloadError {
  return new DownloadError(l10n.t('The download failed with HTTP {0} ({1}).', status, url.host), { status, transient: status >= 500 });
}

/** Lets go of a response whose body will not be read. */
export async function discardBody(response: DownloadResponse): Promise<void> {
  await response.body?.getReader().cancel().catch(() => undefined);
}

/** Pre-signed URLs carry their signature in the query: never show it. */
function redact(text: string): string {
  return text.replace(/\?.*$/s, '?…').slice(0, 200);
}
