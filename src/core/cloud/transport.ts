/**
 * The slice of `fetch` the client needs. The extension host's global `fetch` and undici's `fetch`
 * both fit, so the core never chooses how requests reach the network (proxy, certificates).
 */
export interface FetchInit {
  method: string;
  headers: Record<string, string>;
  body?: string;
  signal: AbortSignal;
}

export interface FetchResponse {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
}

export type FetchLike = (url: string, init: FetchInit) => Promise<FetchResponse>;
