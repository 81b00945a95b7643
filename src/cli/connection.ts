/**
 * The CLI's connection to MetaStudio from flags and environment (docs/decisions/cli-contract.md: a flag beats the
 * environment). Every remote command spreads `connectionOptions` into its options and runs through `withClient`.
 */
import type { ParseArgsConfig } from 'node:util';
import * as l10n from '@vscode/l10n';
import { MetaStudioClient } from '../core/cloud/client';
import { resolveConnection, type Connection, type ConnectionFlags } from '../core/cloud/connection';
import { createUndiciTransport } from '../core/cloud/undiciTransport';
import type { CliIo } from './io';
import { report } from './output';

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
export function connectionUsage(): string {
  return l10n.t(`Connection (a flag beats its environment variable):
  --endpoint URL        endpoint URL, http only for loopback        METASTUDIO_ENDPOINT
  --region REGION       cn-north-4 (default) or cn-east-3            METASTUDIO_REGION
  --project-id ID       project ID                                   HUAWEICLOUD_SDK_PROJECT_ID
  --ak AK, --sk SK      access key pair                              HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK
  --security-token T    security token of a temporary access key     HUAWEICLOUD_SDK_SECURITY_TOKEN
  --token TOKEN         IAM token, instead of an access key          METASTUDIO_TOKEN`);
}

export type { Connection };

/**
 * Runs `work` with a client for the command's connection; retries are reported on stderr as they
 * happen. Failures, no credentials included, go to the CLI's main, which maps them to exit codes.
 */
export async function withClient(
  commandName: string,
  flags: ConnectionFlags,
  io: CliIo,
  work: (client: MetaStudioClient, connection: Connection) => Promise<number>,
): Promise<number> {
  const connection = resolveConnection(flags, io.env);
  const transport = createUndiciTransport(io.env);
  const client = new MetaStudioClient({
    ...connection,
    fetch: transport.fetch,
    logger: { debug: () => undefined, warn: (message) => report(io, commandName, message) },
  });
  try {
    return await work(client, connection);
  } finally {
    await transport.close();
  }
}
