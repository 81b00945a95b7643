/**
 * The local MetaStudio sandbox: an emulator of the MetaStudio APIs the extension uses, on a
 * loopback port, for tests, demos and trying the extension offline (docs/decisions/sandbox.md).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isLoopbackHost } from '../core/cloud/endpoint';
import { parseFaultSpec, type FaultSpec } from './faults';
import type { Timings } from './routes/context';
import { DEFAULT_HTTP_TIMEOUTS, httpServerOptions, SandboxServer, type HttpTimeouts, type LoggedRequest } from './server';
import { loadState, SandboxStore, StateWriter } from './store';
import { UploadFolder } from './uploads';

export type { FaultSpec } from './faults';
export type { LoggedRequest } from './server';
export { BLOCK_MARKER, FAIL_MARKER, QUEUE_MARKER } from './markers';

export interface SandboxOptions {
  /** 0 (default) picks a free port. */
  readonly port?: number;
  /** A loopback address: 127.0.0.1 (default), ::1 or localhost. */
  readonly host?: string;
  /** The one AK/SK pair whose signatures are accepted. */
  readonly ak: string;
  readonly sk: string;
  /** Also accept `X-Auth-Token` with this value. */
  readonly token?: string;
  /** Keep state in `<dataDir>/sandbox-state.json` and uploaded bytes in `<dataDir>/uploads`, and load them on start. */
  readonly dataDir?: string;
  readonly timings?: Partial<Timings>;
  /** One line per request; never carries a secret. */
  readonly log?: (line: string) => void;
  /** The clock (epoch ms), for tests. */
  readonly now?: () => number;
  /** Slower clients are dropped; default 10 s for the headers, 30 s for a whole request. */
  readonly httpTimeouts?: HttpTimeouts;
}

export interface Sandbox {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
  injectFault(fault: FaultSpec): void;
  clearFaults(): void;
  /** Every API call and file download so far (not the admin endpoints). */
  readonly requests: ReadonlyArray<LoggedRequest>;
}

const DEFAULT_TIMINGS: Timings = { jobStepMs: 1500, ttsDelayMs: 2000, assetReviewMs: 1000 };
export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host)) throw new Error(`the sandbox listens on loopback only, not on ${host}`);
  const log = options.log ?? (() => undefined);
  const store = new SandboxStore(options.dataDir === undefined ? undefined : await loadState(options.dataDir));
  const writer = options.dataDir === undefined ? undefined : new StateWriter(options.dataDir, () => store.snapshot());
  const closing = new AbortController();
  // Without a data folder, uploads go to a temporary folder that goes when the sandbox does.
  const uploadsDir = options.dataDir === undefined ? await mkdtemp(join(tmpdir(), 'metastudio-sandbox-uploads-')) : join(options.dataDir, 'uploads');
  const now = options.now ?? Date.now;
  const sandbox = new SandboxServer({
    ak: options.ak,
    sk: options.sk,
    token: options.token,
    timings: { ...DEFAULT_TIMINGS, ...options.timings },
    now,
    log,
    store,
    writer,
    uploads: new UploadFolder(uploadsDir, store, options.sk, now),
    closing: closing.signal,
  });
  const server = createServer(httpServerOptions(options.httpTimeouts ?? DEFAULT_HTTP_TIMEOUTS), sandbox.handle);
  const removeTemporary = async () => {
    if (options.dataDir === undefined) await rm(uploadsDir, { recursive: true, force: true });
  };
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  }).catch(async (err: unknown) => {
    await removeTemporary();
    throw err;
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  sandbox.listeningAt(url);

  return {
    url,
    port,
    get requests() {
      return sandbox.requests;
    },
    injectFault: (fault) => sandbox.faults.add(parseFaultSpec(fault)),
    clearFaults: () => sandbox.faults.clear(),
    close: async () => {
      closing.abort();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await writer?.flush();
      await removeTemporary();
    },
  };
}
