import * as vscode from 'vscode';
import type { Credentials } from '../core/cloud/auth';
import { resolveConnection, type Connection } from '../core/cloud/connection';
import { parseUntrustedJson } from '../core/json';

/** What is kept of a connection outside SecretStorage: never a secret. */
export interface ConnectionProfile {
  readonly name: string;
  /** The endpoint origin, e.g. https://metastudio.cn-north-4.myhuaweicloud.com. */
  readonly endpoint: string;
  readonly projectId: string;
  readonly credentialKind: 'aksk' | 'temporary' | 'token';
  /**
   * 'environment' for the connection read from the extension host's environment (read-only);
   * 'sandbox' for the local sandbox's, which the extension starts and stops.
   */
  readonly source: 'user' | 'environment' | 'sandbox';
}

export const environmentConnectionName = 'Environment';

function credentialKindOf(credentials: Credentials): ConnectionProfile['credentialKind'] {
  return credentials.kind === 'token' ? 'token' : credentials.securityToken ? 'temporary' : 'aksk';
}
const profilesKey = 'metastudio.connections';
const activeKey = 'metastudio.activeConnection';
const secretKey = (name: string) => `metastudio.connection.${name}`;

/**
 * Named connections: profiles in global state, credentials in SecretStorage only, plus the one
 * read from the environment (the variables of docs/decisions/cli-contract.md) when it holds credentials.
 */
export class ConnectionStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private resolved: { readonly connection: Connection | undefined } | undefined;

  constructor(
    private readonly state: vscode.Memento,
    private readonly secrets: vscode.SecretStorage,
    private readonly env: NodeJS.ProcessEnv,
    private readonly defaults: () => { endpoint?: string; region?: string },
  ) {}

  dispose(): void {
    this.changed.dispose();
  }

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
    if (profile.source === 'environment') return this.environment()?.credentials;
    const stored = await this.secrets.get(secretKey(profile.name));
    if (!stored) return undefined;
    try {
      return parseUntrustedJson(stored) as Credentials;
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

  /** The endpoint or region settings changed: the environment's connection may have too. */
  settingsChanged(): void {
    this.resolved = undefined;
    this.changed.fire();
  }

  /**
   * The environment's connection, the CLI's rules applied, settings filling in the endpoint;
   * resolved once (every asset lookup while typing asks for the active connection).
   */
  private environment(): Connection | undefined {
    this.resolved ??= { connection: this.resolveEnvironment() };
    return this.resolved.connection;
  }

  private resolveEnvironment(): Connection | undefined {
    const defaults = this.defaults();
    try {
      return resolveConnection({}, {
        ...this.env,
        METASTUDIO_ENDPOINT: this.env.METASTUDIO_ENDPOINT || defaults.endpoint,
        METASTUDIO_REGION: this.env.METASTUDIO_REGION || defaults.region,
      });
    } catch {
      return undefined;
    }
  }

  private environmentProfile(): ConnectionProfile | undefined {
    const connection = this.environment();
    if (!connection) return undefined;
    return {
      name: environmentConnectionName, endpoint: connection.endpoint, projectId: connection.projectId,
      credentialKind: credentialKindOf(connection.credentials), source: 'environment',
    };
  }
}
