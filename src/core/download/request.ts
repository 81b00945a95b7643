/**
 * What every download shares: the URL policy (https, or plain http only to a loopback host, for
 * the sandbox: docs/decisions/endpoints.md), checked again on every redirect; the link's validity; a stall
 * timeout and a size cap; one error type. Downloads follow pre-signed links, which need no
 * credentials and never get any: the only header ever sent is a `Range`.
 */
import * as l10n from '@vscode/l10n';
import { isLoopbackHost } from '../cloud/endpoint';
import { discardBody, readBodyCapped, type FetchLike, type FetchResponse } from '../cloud/transport';
import { ExpectedError } from '../errors';

const MAX_REDIRECTS = 3;
/** How long a download may wait for an answer, and then for each next chunk of its body. */
export const DEFAULT_STALL_TIMEOUT_MS = 30_000;

/** The download was refused or failed; the message says why in one line. */
export class DownloadError extends ExpectedError {
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

/** The extension host's (or Node's) own `fetch`, looked up at call time. */
const globalFetch: FetchLike = (url, init) => globalThis.fetch(url, init);

/**
 * Where a pre-signed link may take bytes, in either direction: https, or plain http to a loopback
 * host (the sandbox). Uploads share the policy (src/core/upload).
 */
export function isTransferAllowed(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
}

/** Throws a DownloadError unless the URL may be fetched: https, or http to a loopback host. */
export function checkDownloadUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new DownloadError(l10n.t('Refused to download "{0}": it is not a URL.', redact(text)));
  }
  if (isTransferAllowed(url)) return url;
  throw new DownloadError(l10n.t('Refused to download from {0}: only https links are accepted (plain http only on this computer).', `${url.protocol}//${url.host}`));
}

export interface OpenOptions {
  /** A client transport (the global `fetch` by default); it is asked not to follow redirects. */
  readonly fetch?: FetchLike;
  readonly signal?: AbortSignal;
  /** The one header a download may send, on every hop. */
  readonly range?: string;
  /** Epoch ms after which the link must not be used. */
  readonly validUntil?: number;
  readonly now?: () => number;
  /** Longest wait for an answer, and then for each next chunk of its body; default 30 s. */
  readonly stallTimeoutMs?: number;
}

/** A 2xx answer whose body is still to be read, through `readBody` or let go with `discard`. */
export interface OpenedDownload {
  /** Status and headers. */
  readonly response: FetchResponse;
  /** Where the answer came from, after redirects. */
  readonly url: URL;
  /** Hands the body to `onChunk`; refused (a DownloadError) when it is declared or grows larger than `maxBytes`. */
  readBody(maxBytes: number, onChunk: (chunk: Uint8Array) => void | Promise<void>): Promise<number>;
  discard(): Promise<void>;
}

/**
 * Requests a URL, following up to three redirects, each checked like the first; no request is sent
 * once the link's validity has run out. Answers with the first 2xx response and the URL that gave
 * it; any other status is a DownloadError carrying that status. Pre-signed links need no
 * credentials and never get any: no header but `Range` is ever sent.
 */
export async function openDownload(urlText: string, options: OpenOptions = {}): Promise<OpenedDownload> {
  const fetch = options.fetch ?? globalFetch;
  const now = options.now ?? Date.now;
  const stallMs = options.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS;
  const headers: Record<string, string> = options.range === undefined ? {} : { Range: options.range };
  let url = checkDownloadUrl(urlText);
  for (let redirects = 0; ; redirects++) {
    if (options.validUntil !== undefined && now() >= options.validUntil) {
      throw new DownloadError(l10n.t('The download link has expired.'));
    }
    options.signal?.throwIfAborted();
    const stall = new StallTimer(stallMs);
    let response: FetchResponse;
    try {
      response = await fetch(url.href, {
        method: 'GET', headers: { ...headers }, redirect: 'manual',
        signal: options.signal ? AbortSignal.any([options.signal, stall.signal]) : stall.signal,
      });
    } catch (err) {
      stall.stop();
      throw stall.explain(err);
    }
    const status = response.status;
    if (status >= 200 && status < 300) return opened(response, url, stall, options.signal);
    stall.stop();
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

function opened(response: FetchResponse, url: URL, stall: StallTimer, signal: AbortSignal | undefined): OpenedDownload {
  stall.restart();
  return {
    response,
    url,
    discard: async () => {
      stall.stop();
      await discardBody(response);
    },
    readBody: async (maxBytes, onChunk) => {
      try {
        if (Number(response.headers.get('content-length')) > maxBytes) {
          await discardBody(response);
          throw tooLarge(maxBytes);
        }
        const { bytes, overCap } = await readBodyCapped(response.body, maxBytes, async (chunk) => {
          stall.stop();
          await onChunk(chunk);
          signal?.throwIfAborted();
          stall.restart();
        });
        if (overCap) throw tooLarge(maxBytes);
        return bytes;
      } catch (err) {
        throw stall.explain(err);
      } finally {
        stall.stop();
      }
    },
  };
}

/** Aborts its signal when `restart` is not called again within its time. */
export class StallTimer {
  private readonly controller = new AbortController();
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** `stalled` makes the error `explain` gives when the time ran out. */
  constructor(private readonly ms: number, private readonly stalled: (seconds: number) => Error = downloadStalled) {
    this.restart();
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  restart(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.controller.abort(), this.ms);
  }

  stop(): void {
    clearTimeout(this.timer);
  }

  /** The stall, when it is what ended a request; else `err` itself. */
  explain(err: unknown): unknown {
    return this.controller.signal.aborted ? this.stalled(this.ms / 1000) : err;
  }
}

function downloadStalled(seconds: number): DownloadError {
  return new DownloadError(l10n.t('The download stalled: nothing arrived for {0} s.', seconds), { transient: true });
}

function tooLarge(maxBytes: number): DownloadError {
  return new DownloadError(l10n.t('Refused the download: it is larger than {0} MB.', Math.round(maxBytes / 1024 / 1024 * 10) / 10));
}

/** An answer with a status the download cannot use. */
export function statusError(status: number, url: URL): DownloadError {
  return new DownloadError(l10n.t('The download failed with HTTP {0} ({1}).', status, url.host), { status, transient: status >= 500 });
}

/** Pre-signed URLs carry their signature in the query: never show it. */
function redact(text: string): string {
  return text.replace(/\?.*$/s, '?…').slice(0, 200);
}
