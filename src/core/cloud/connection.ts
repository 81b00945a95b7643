/**
 * Where to connect and with which credentials, from flags and the environment (docs/decisions/cli-contract.md:
 * a flag beats its environment variable). The CLI passes its flags; the extension's environment
 * connection passes none.
 */
import * as l10n from '@vscode/l10n';
import { ExpectedError } from '../errors';
import type { Credentials } from './auth';
import { resolveEndpoint } from './endpoint';

/** The connection flags, by their CLI names (docs/decisions/cli-contract.md). */
export interface ConnectionFlags {
  readonly endpoint?: string;
  readonly region?: string;
  readonly 'project-id'?: string;
  readonly ak?: string;
  readonly sk?: string;
  readonly 'security-token'?: string;
  readonly token?: string;
}

export interface Connection {
  /** Endpoint origin. */
  readonly endpoint: string;
  readonly projectId: string;
  readonly credentials: Credentials;
}

/** Exit code 3: the flags and the environment hold no usable credentials or project ID. */
export class NoCredentialsError extends ExpectedError {
  override readonly name = 'NoCredentialsError';
}

/**
 * Flags beat the environment, field by field. An explicit `--token` means token auth and an
 * explicit `--ak`/`--sk` AK/SK auth; otherwise AK/SK wins when both kinds are in the environment.
 */
export function resolveConnection(flags: ConnectionFlags, env: NodeJS.ProcessEnv): Connection {
  const pick = (flag: keyof ConnectionFlags, variable: string) => flags[flag] || env[variable] || undefined;
  const endpoint = endpointOf(flags, env);
  const projectId = pick('project-id', 'HUAWEICLOUD_SDK_PROJECT_ID');
  const ak = pick('ak', 'HUAWEICLOUD_SDK_AK');
  const sk = pick('sk', 'HUAWEICLOUD_SDK_SK');
  const securityToken = pick('security-token', 'HUAWEICLOUD_SDK_SECURITY_TOKEN');
  const token = pick('token', 'METASTUDIO_TOKEN');
  const useToken = flags.token ? true : flags.ak || flags.sk ? false : !(ak && sk) && token !== undefined;
  let credentials: Credentials;
  if (useToken && token) {
    credentials = { kind: 'token', token };
  } else if (ak && sk) {
    credentials = { kind: 'aksk', ak, sk, ...(securityToken ? { securityToken } : {}) };
  } else if (ak || sk) {
    throw new NoCredentialsError(ak
      ? l10n.t('an access key needs both parts: give --sk or HUAWEICLOUD_SDK_SK')
      : l10n.t('an access key needs both parts: give --ak or HUAWEICLOUD_SDK_AK'));
  } else {
    throw new NoCredentialsError(l10n.t('no credentials: give --ak and --sk (or HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK), or --token (or METASTUDIO_TOKEN)'));
  }
  if (!projectId) throw new NoCredentialsError(l10n.t('no project ID: give --project-id or HUAWEICLOUD_SDK_PROJECT_ID'));
  return { endpoint, projectId, credentials };
}

/** The endpoint origin of the flags, else of the environment; throws EndpointError for one that is not allowed. */
function endpointOf(flags: ConnectionFlags, env: NodeJS.ProcessEnv): string {
  return flags.endpoint || flags.region
    ? resolveEndpoint({ endpoint: flags.endpoint, region: flags.region })
    : resolveEndpoint({ endpoint: env.METASTUDIO_ENDPOINT || undefined, region: env.METASTUDIO_REGION || undefined });
}

/**
 * The endpoint and project of the flags and environment, without credentials: what keys the previews
 * made there in the cache. Undefined without a project ID.
 */
export function resolvePlace(flags: ConnectionFlags, env: NodeJS.ProcessEnv): { endpoint: string; projectId: string } | undefined {
  const projectId = flags['project-id'] || env.HUAWEICLOUD_SDK_PROJECT_ID || undefined;
  return projectId ? { endpoint: endpointOf(flags, env), projectId } : undefined;
}
