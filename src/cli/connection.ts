/**
 * The CLI's connection to MetaStudio from flags and environment (docs/decisions/cli-contract.md: a flag beats the
 * environment), and the one place that turns client failures into output and exit codes. Every
 * remote command spreads `connectionOptions` into its options and runs through `withClient`.
 */
import type { ParseArgsConfig } from 'node:util';
import { MetaStudioClient } from '../core/cloud/client';
import { NoCredentialsError, resolveConnection as resolveFromCore, resolvePlace as placeFromCore, type Connection, type ConnectionFlags } from '../core/cloud/connection';
import type { PreviewPlace } from '../core/preview/previewKey';
import { EndpointError } from '../core/cloud/endpoint';
import { MetaStudioError } from '../core/cloud/errors';
import { createUndiciTransport } from '../core/cloud/undiciTransport';
import { ExitCode, UsageError } from './exitCodes';
import type { CliIo } from './io';
import { fail, report } from './output';

export const connectionOptions = {
  endpoint: { type: 'string' },
  region: { type: 'string' },
  'project-id': { type: 'string' },
  ak: { type: 'string' },
  sk: { type: 'string' },
  'security-token': { type: 'string' },
  token: { type: 'string' },
} as const satisfies NonNullable<ParseArgsConfig['options']>;

/** The connection part of a remote command's usage text. */
export const connectionUsage = `Connection (a flag beats its environment variable):
  --endpoint URL        endpoint URL, http only for loopback        METASTUDIO_ENDPOINT
  --region REGION       cn-north-4 (default) or cn-east-3            METASTUDIO_REGION
  --project-id ID       project ID                                   HUAWEICLOUD_SDK_PROJECT_ID
  --ak AK, --sk SK      access key pair                              HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK
  --security-token T    security token of a temporary access key     HUAWEICLOUD_SDK_SECURITY_TOKEN
  --token TOKEN         IAM token, instead of an access key          METASTUDIO_TOKEN`;

export { NoCredentialsError, type Connection, type ConnectionFlags };

/** A resolution of the core, with a bad endpoint reported as a usage error (exit 2). */
function orUsageError<T>(resolve: () => T): T {
  try {
    return resolve();
  } catch (err) {
    if (err instanceof EndpointError) throw new UsageError(err.message);
    throw err;
  }
}

export function resolveConnection(flags: ConnectionFlags, env: NodeJS.ProcessEnv): Connection {
  return orUsageError(() => resolveFromCore(flags, env));
}

/** Where previews were made (endpoint and project), without credentials; undefined without a project ID. */
export function resolvePlace(flags: ConnectionFlags, env: NodeJS.ProcessEnv): PreviewPlace | undefined {
  return orUsageError(() => placeFromCore(flags, env));
}

/**
 * Runs `work` with a client for the command's connection and maps failures to exit codes
 * (docs/decisions/cli-contract.md):
 * no credentials -> exit 3; an API, network or timeout error -> one line on stderr, exit 1;
 * Ctrl+C -> "cancelled", exit 1. Retries are reported on stderr as they happen.
 */
export async function withClient(
  commandName: string,
  flags: ConnectionFlags,
  io: CliIo,
  work: (client: MetaStudioClient, connection: Connection) => Promise<number>,
): Promise<number> {
  let connection: Connection;
  try {
    connection = resolveConnection(flags, io.env);
  } catch (err) {
    if (!(err instanceof NoCredentialsError)) throw err;
    return fail(io, commandName, err.message, ExitCode.NoCredentials);
  }
  const transport = createUndiciTransport(io.env);
  const client = new MetaStudioClient({
    ...connection,
    fetch: transport.fetch,
    logger: { debug: () => undefined, warn: (message) => report(io, commandName, message) },
  });
  try {
    return await work(client, connection);
  } catch (err) {
    if (err instanceof MetaStudioError) return fail(io, commandName, err.message);
    if (err instanceof Error && err.name === 'AbortError' && io.signal.aborted) return fail(io, commandName, 'cancelled');
    throw err;
  } finally {
    await transport.close();
  }
}
