/**
 * The slice of `fetch` the client and the downloads need. The extension host's global `fetch` and
 * undici's `fetch` both fit, so the core never chooses how requests reach the network (proxy,
 * certificates). Redirects are never followed by the transport: the client refuses them, the
 * downloads check each hop themselves.
 */
export interface FetchInit {
  method: string;
  headers: Record<string, string>;
  body?: string;
  signal: AbortSignal;
  redirect: 'manual';
}

interface ByteReader {
  read(): Promise<{ done: boolean; value?: Uint8Array }>;
  cancel(reason?: unknown): Promise<void>;
}

export interface FetchResponse {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  /** Streamed, so that no more of it is read than the reader wants. */
  readonly body: { getReader(): ByteReader } | null;
}

export type FetchLike = (url: string, init: FetchInit) => Promise<FetchResponse>;

/**
 * Hands a streamed body to `onChunk` up to its end, or up to `maxBytes`: the chunk that would pass
 * the cap is not handed on, and the stream is cancelled there, which lets go of the connection.
 * On any failure (of the stream or of `onChunk`) the stream is cancelled too.
 */
export async function readBodyCapped(
  body: FetchResponse['body'], maxBytes: number, onChunk: (chunk: Uint8Array) => void | Promise<void>,
): Promise<{ bytes: number; overCap: boolean }> {
  if (!body) return { bytes: 0, overCap: false };
  const reader = body.getReader();
  let bytes = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { bytes, overCap: false };
      if (!value) continue;
      if (bytes + value.byteLength > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return { bytes, overCap: true };
      }
      bytes += value.byteLength;
      await onChunk(value);
    }
  } catch (err) {
    await reader.cancel(err).catch(() => undefined);
    throw err;
  }
}

/** Lets go of a response whose body will not be read. */
export async function discardBody(response: FetchResponse): Promise<void> {
  await response.body?.getReader().cancel().catch(() => undefined);
}
