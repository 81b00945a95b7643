/**
 * Moving a local file's bytes: its MD5 read in one streamed pass, and a streamed PUT to a
 * pre-signed upload URL (an OBS object upload) with `Content-MD5`. Neither ever holds more than a
 * chunk of the file in memory. The PUT sends no credential (the URL is the capability) and only
 * `Content-MD5` and `Content-Length`; it goes over https, or plain http to a loopback host only
 * (the download URL policy), never follows a redirect (fetch fails on one), and never shows the
 * URL (its query is a credential): messages name its host at most.
 */
import { createHash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import * as l10n from '@vscode/l10n';
import { discardBody, readBodyCapped, type FetchInit, type FetchLike, type FetchResponse } from '../cloud/transport';
import { DEFAULT_STALL_TIMEOUT_MS, isTransferAllowed, StallTimer } from '../download/request';
import { UploadRefusedError, UploadTransferError } from './errors';

/** Bytes read from the disk at a time. */
const CHUNK_BYTES = 1024 * 1024;
/** The most of an error answer read for its code and message. */
const MAX_ERROR_BODY_BYTES = 64 * 1024;

export interface FileDigest {
  readonly size: number;
  /** Base64 of the MD5, as `file_md5` and `Content-MD5` take it. */
  readonly md5: string;
}

/** Reads `size` bytes of an open file from the start, a chunk at a time, each in a buffer of its own. */
async function* chunksOf(handle: FileHandle, size: number, changed: () => Error): AsyncGenerator<Uint8Array> {
  let position = 0;
  while (position < size) {
    const chunk = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, size - position));
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, position);
    if (bytesRead === 0) throw changed();
    position += bytesRead;
    yield bytesRead === chunk.length ? chunk : chunk.subarray(0, bytesRead);
  }
}

const fileChanged = (path: string) => () => new UploadRefusedError(l10n.t('{0} changed while it was being read; upload it again once it is complete.', path));

/** The file's size and MD5, read in one pass; `onProgress` gets the bytes read so far. */
export async function digestFile(path: string, options: { signal?: AbortSignal; onProgress?: (bytes: number) => void } = {}): Promise<FileDigest> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const hash = createHash('md5');
    let bytes = 0;
    for await (const chunk of chunksOf(handle, size, fileChanged(path))) {
      options.signal?.throwIfAborted();
      hash.update(chunk);
      bytes += chunk.length;
      options.onProgress?.(bytes);
    }
    return { size, md5: hash.digest('base64') };
  } finally {
    await handle.close();
  }
}

export interface PutOptions {
  /** The transport; it must take a streamed body (Node's and undici's `fetch` both do). */
  readonly fetch: FetchLike;
  readonly signal?: AbortSignal;
  /** Bytes sent so far. */
  readonly onProgress?: (sent: number) => void;
  /** Longest wait for the storage to take the next chunk, and then for its answer; default 30 s. */
  readonly stallTimeoutMs?: number;
}

/**
 * What the transport is given for a streamed upload: `FetchInit` with a body of bytes, and
 * `redirect: 'error'`. Not 'manual': fetch then keeps a copy of the body for a redirect it might
 * replay (it tees the body stream), which holds the whole file in memory; 'error' follows no
 * redirect either.
 */
type StreamingInit = Omit<FetchInit, 'body' | 'redirect'> & { body: AsyncIterable<Uint8Array>; duplex: 'half'; redirect: 'error' };

/** The upload URL, checked against the transfer policy; a refusal names its scheme and host only. */
function checkUploadUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UploadTransferError(l10n.t('MetaStudio gave an upload link that is not a URL; nothing was sent.'));
  }
  if (!isTransferAllowed(url)) {
    throw new UploadTransferError(l10n.t('Refused to upload to {0}: only https upload links are accepted (plain http only on this computer).', `${url.protocol}//${url.host}`));
  }
  return url;
}

/**
 * PUTs the file at `path` (which must still be `digest.size` bytes with MD5 `digest.md5`) to a
 * pre-signed URL. Resolves once the storage has answered 2xx; rejects with an
 * UploadTransferError, an UploadRefusedError when the file changed meanwhile, or the signal's
 * reason when cancelled.
 */
export async function putFile(urlText: string, path: string, digest: FileDigest, options: PutOptions): Promise<void> {
  const url = checkUploadUrl(urlText);
  const stallMs = options.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS;
  const stall = new StallTimer(stallMs, (seconds) => new UploadTransferError(l10n.t('The upload to {0} stalled: nothing moved for {1} s.', url.host, seconds)));
  const handle = await open(path, 'r');
  let failure: unknown;
  const body = async function* (): AsyncGenerator<Uint8Array> {
    const hash = createHash('md5');
    let sent = 0;
    try {
      for await (const chunk of chunksOf(handle, digest.size, fileChanged(path))) {
        stall.restart();
        hash.update(chunk);
        yield chunk;
        sent += chunk.length;
        options.onProgress?.(sent);
      }
      // The storage would refuse the bytes anyway (BadDigest); stopping here says why.
      if (hash.digest('base64') !== digest.md5) throw fileChanged(path)();
      stall.restart();
    } catch (err) {
      failure ??= err;
      throw err;
    }
  };
  const init: StreamingInit = {
    method: 'PUT',
    headers: { 'Content-MD5': digest.md5, 'Content-Length': String(digest.size) },
    body: body(),
    duplex: 'half',
    redirect: 'error',
    signal: options.signal ? AbortSignal.any([options.signal, stall.signal]) : stall.signal,
  };
  let response: FetchResponse;
  try {
    response = await (options.fetch as unknown as (url: string, init: StreamingInit) => Promise<FetchResponse>)(url.href, init);
  } catch (err) {
    stall.stop();
    if (options.signal?.aborted) throw options.signal.reason;
    throw failure ?? stall.explain(new UploadTransferError(l10n.t('The upload to {0} failed: {1}', url.host, causeOf(err, url))));
  } finally {
    await handle.close();
  }
  stall.stop();
  await checkAnswer(response, url, digest);
}

/** Resolves for a 2xx whose ETag (when it is an MD5) is the file's; else throws what the storage said. */
async function checkAnswer(response: FetchResponse, url: URL, digest: FileDigest): Promise<void> {
  const { status } = response;
  if (status >= 200 && status < 300) {
    await discardBody(response);
    const etag = (response.headers.get('etag') ?? '').replace(/"/g, '').toLowerCase();
    if (/^[0-9a-f]{32}$/.test(etag) && etag !== Buffer.from(digest.md5, 'base64').toString('hex')) {
      throw new UploadTransferError(l10n.t('The storage at {0} kept other bytes than were sent (its ETag is not their MD5).', url.host), { status });
    }
    return;
  }
  const chunks: Uint8Array[] = [];
  await readBodyCapped(response.body, MAX_ERROR_BODY_BYTES, (chunk) => { chunks.push(chunk); }).catch(() => undefined);
  const text = Buffer.concat(chunks).toString('utf8');
  const code = /<Code>([^<]{1,100})<\/Code>/.exec(text)?.[1];
  const message = /<Message>([^<]{1,300})<\/Message>/.exec(text)?.[1];
  const requestId = response.headers.get('x-obs-request-id') ?? response.headers.get('x-request-id');
  const what = [code, message].filter(Boolean).join(': ') || l10n.t('no reason given');
  throw new UploadTransferError(l10n.t('The upload to {0} failed with HTTP {1}: {2}', url.host, status, what), { status, code, requestId: requestId ?? undefined });
}

/** The innermost message of a network error (fetch wraps the socket's error in a TypeError), without the URL's query. */
function causeOf(err: unknown, url: URL): string {
  let current = err;
  while (current instanceof Error && current.cause instanceof Error) current = current.cause;
  const message = current instanceof Error ? current.message : String(current);
  return url.search ? message.split(url.search).join('?…') : message;
}
