import * as vscode from 'vscode';
import type { Credentials } from '../core/cloud/auth';
import { resolveEndpoint } from '../core/cloud/endpoint';

/** What is kept of a connection outside SecretStorage: never a secret. */
export interface ConnectionProfile {
  readonly name: string;
  /** The endpoint origin, e.g. https://metastudio.cn-north-4.myhuaweicloud.com. */
  readonly endpoint: string;
  readonly projectId: string;
  readonly credentialKind: 'aksk' | 'temporary' | 'token';
  /** 'environment' for the connection read from the extension host's environment (read-only). */
  readonly source: 'user' | 'environment';
}

export const environmentConnectionName = 'Environment';
const profilesKey = 'metastudio.connections';
const activeKey = 'metastudio.activeConnection';
const secretKey = (name: string) => `metastudio.connection.${name}`;

/**
 * Named connections: profiles in global state, credentials in SecretStorage only, plus the one
 * read from the environment (DECISIONS.md 19 variables) when it holds credentials.
 */
export class ConnectionStore {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly state: vscode.Memento,
    private readonly secrets: vscode.SecretStorage,
    private readonly env: NodeJS.ProcessEnv,
    private readonly defaults: () => { endpoint?: string; region?: string },
  ) {}

  list(): ConnectionProfile[] {
    const env = this.environmentProfile();
    return [...(env ? [env] : []), ...this.state.get<ConnectionProfile[]>(profilesKey, [])];
  }

  active(): ConnectionProfile | undefined {
    const all = this.list();
    const name = this.state.get<string>(activeKey);
    return name === undefined ? all[0] : all.find((p) => p.name === name);
  }

  async setActive(name: string | undefined): Promise<void> {
    await this.state.update(activeKey, name);
    this.changed.fire();
  }

  async credentials(profile: ConnectionProfile): Promise<Credentials | undefined> {
    if (profile.source === 'environment') return environmentCredentials(this.env);
    const stored = await this.secrets.get(secretKey(profile.name));
    if (!stored) return undefined;
    try {
      return JSON.parse(stored) as Credentials;
    } catch {
      return undefined;
    }
  }

  async save(profile: ConnectionProfile, credentials: Credentials): Promise<void> {
    await this.secrets.store(secretKey(profile.name), JSON.stringify(credentials));
    const others = this.state.get<ConnectionProfile[]>(profilesKey, []).filter((p) => p.name !== profile.name);
    await this.state.update(profilesKey, [...others, profile]);
    await this.setActive(profile.name);
  }

  async remove(name: string): Promise<void> {
    await this.secrets.delete(secretKey(name));
    await this.state.update(profilesKey, this.state.get<ConnectionProfile[]>(profilesKey, []).filter((p) => p.name !== name));
    // Signing out of the active connection falls back to the first one left (the environment's, if any).
    if (this.state.get<string>(activeKey) === name) await this.state.update(activeKey, undefined);
    this.changed.fire();
  }

  private environmentProfile(): ConnectionProfile | undefined {
    const credentials = environmentCredentials(this.env);
    const projectId = this.env.HUAWEICLOUD_SDK_PROJECT_ID;
    if (!credentials || !projectId) return undefined;
    let endpoint: string;
    try {
      const defaults = this.defaults();
      endpoint = resolveEndpoint({
        endpoint: this.env.METASTUDIO_ENDPOINT ?? defaults.endpoint,
        region: this.env.METASTUDIO_REGION ?? defaults.region,
      });
    } catch {
      return undefined;
    }
    const credentialKind = credentials.kind === 'token' ? 'token' : credentials.securityToken ? 'temporary' : 'aksk';
    return { name: environmentConnectionName, endpoint, projectId, credentialKind, source: 'environment' };
  }
}

function environmentCredentials(env: NodeJS.ProcessEnv): Credentials | undefined {
  const { HUAWEICLOUD_SDK_AK: ak, HUAWEICLOUD_SDK_SK: sk, HUAWEICLOUD_SDK_SECURITY_TOKEN: securityToken, METASTUDIO_TOKEN: token } = env;
  if (ak && sk) return { kind: 'aksk', ak, sk, ...(securityToken ? { securityToken } : {}) };
  if (token) return { kind: 'token', token };
  return undefined;
}
