/**
 * The sandbox and a signed client for it, over the CLI's undici transport: what the unit tests of
 * the client, the remote commands and the CLI talk to instead of the cloud.
 */
import { MetaStudioClient, type MetaStudioClientOptions } from '../../src/core/cloud/client';
import type { Clock } from '../../src/core/cloud/clock';
import { rateLimitsFor, type RateLimits } from '../../src/core/cloud/throttle';
import { createUndiciTransport, type UndiciTransport } from '../../src/core/cloud/undiciTransport';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox';

export const AK = 'REMOTETESTAK00000001';
export const SK = 'remote-test-SECRET-sk-0123456789';
export const PROJECT = 'remote-test-project';

/** High enough that no test waits for the client's throttle unless it sets its own limits. */
export const UNTHROTTLED = Object.fromEntries(Object.keys(rateLimitsFor(undefined)).map((api) => [api, 1000])) as RateLimits;

export interface SandboxClientOptions {
  /** The clock of the clients; the sandbox tells time by it too. */
  readonly clock?: Clock;
  /** Default: a job step of 300 ms. */
  readonly timings?: SandboxOptions['timings'];
  readonly projectId?: string;
  /** Options every client gets (a logger, …). */
  readonly clientDefaults?: Partial<MetaStudioClientOptions>;
  /** More sandbox options (an IAM token, a log, a data folder…). */
  readonly sandbox?: Omit<SandboxOptions, 'ak' | 'sk' | 'now' | 'timings'>;
}

export interface SandboxClient {
  readonly sandbox: Sandbox;
  readonly transport: UndiciTransport;
  readonly projectId: string;
  /** A client signed with AK/SK, unthrottled; `overrides` may change anything, the credentials too. */
  client(overrides?: Partial<MetaStudioClientOptions>): MetaStudioClient;
  /** The environment of the CLI for this sandbox. */
  readonly env: NodeJS.ProcessEnv;
  close(): Promise<void>;
}

export async function startSandboxClient(options: SandboxClientOptions = {}): Promise<SandboxClient> {
  const { clock, projectId = PROJECT } = options;
  const sandbox = await startSandbox({
    ...options.sandbox, ak: AK, sk: SK, timings: options.timings ?? { jobStepMs: 300 }, ...(clock ? { now: () => clock.now() } : {}),
  });
  const transport = createUndiciTransport({});
  return {
    sandbox,
    transport,
    projectId,
    client: (overrides = {}) => new MetaStudioClient({
      endpoint: sandbox.url, projectId, credentials: { kind: 'aksk', ak: AK, sk: SK }, fetch: transport.fetch,
      rateLimits: UNTHROTTLED, ...(clock ? { clock } : {}), ...options.clientDefaults, ...overrides,
    }),
    env: { METASTUDIO_ENDPOINT: sandbox.url, HUAWEICLOUD_SDK_PROJECT_ID: projectId, HUAWEICLOUD_SDK_AK: AK, HUAWEICLOUD_SDK_SK: SK },
    close: async () => {
      await transport.close();
      await sandbox.close();
    },
  };
}
