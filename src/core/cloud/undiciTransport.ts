/**
 * The transport of the CLI, the sandbox tests and the benchmarks: undici's `fetch` over a
 * keep-alive dispatcher, through the proxy of HTTPS_PROXY / HTTP_PROXY unless NO_PROXY exempts the
 * host. (The extension passes the extension host's own `fetch`, which follows VS Code's proxy
 * settings.)
 */
import { Agent, EnvHttpProxyAgent, fetch as undiciFetch, type Dispatcher } from 'undici';
import type { FetchLike } from './transport';

export interface UndiciTransport {
  readonly fetch: FetchLike;
  /** Closes the kept-alive connections. */
  close(): Promise<void>;
}

const KEEP_ALIVE = { keepAliveTimeout: 10_000, keepAliveMaxTimeout: 60_000 };

function envValue(env: NodeJS.ProcessEnv, name: string): string | undefined {
  return env[name.toLowerCase()] || env[name] || undefined;
}

/** Reads the proxy variables from `env` (not `process.env`), so that tests can pass their own. */
export function createUndiciTransport(env: NodeJS.ProcessEnv = process.env): UndiciTransport {
  const httpProxy = envValue(env, 'HTTP_PROXY');
  const httpsProxy = envValue(env, 'HTTPS_PROXY');
  // Empty strings, not undefined, so that EnvHttpProxyAgent does not fall back to process.env.
  const dispatcher: Dispatcher = httpProxy !== undefined || httpsProxy !== undefined
    ? new EnvHttpProxyAgent({ ...KEEP_ALIVE, httpProxy: httpProxy ?? '', httpsProxy: httpsProxy ?? '', noProxy: envValue(env, 'NO_PROXY') ?? '' })
    : new Agent(KEEP_ALIVE);
  return {
    fetch: (url, init) => undiciFetch(url, { ...init, dispatcher }),
    close: () => dispatcher.close(),
  };
}
