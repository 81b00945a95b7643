import * as vscode from 'vscode';
import type { Credentials } from '../core/cloud/auth';
import { MetaStudioClient } from '../core/cloud/client';
import { CancelledError, ExpectedError } from '../core/errors';
import { connectionKey } from '../core/links/links';
import { log } from '../logging/log';
import type { ConnectionProfile, ConnectionStore } from './connectionStore';

/**
 * Hands out a client for the active connection, and none in an untrusted workspace, where nothing
 * is sent to the cloud (docs/decisions/workspace-trust.md). The extension passes the extension host's global `fetch`,
 * which VS Code routes through the user's proxy settings, PAC and OS certificates.
 */
export class ConnectionService implements vscode.Disposable {
  private cached: { key: string; client: MetaStudioClient } | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  /** The active connection, its credentials or the workspace trust changed. */
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(readonly store: ConnectionStore) {
    this.subscriptions = [
      this.changed,
      // A sign-in again under the same name (rotated keys, a new token) must not keep the old client.
      store.onDidChange(() => { this.cached = undefined; this.changed.fire(); }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.changed.fire()),
    ];
  }

  dispose(): void {
    this.subscriptions.forEach((d) => d.dispose());
  }

  active(): ConnectionProfile | undefined {
    return this.store.active();
  }

  /** What keys anything kept per connection (links, the asset catalog, the tree): endpoint origin and project. */
  activeKey(): string | undefined {
    const profile = this.store.active();
    return profile && connectionKey(profile.endpoint, profile.projectId);
  }

  /** Proves a connection works with one cheap signed call; throws the API's error (code, message, request id). */
  async verify(profile: ConnectionProfile, credentials: Credentials, signal?: AbortSignal): Promise<void> {
    await this.createClient(profile, credentials).listAssets({ limit: 1 }, { signal });
  }

  /** The active connection's client, or undefined when signed out or not trusted. */
  async tryClient(): Promise<MetaStudioClient | undefined> {
    const profile = this.store.active();
    if (!profile || !vscode.workspace.isTrusted) return undefined;
    const key = `${profile.source}|${profile.name}|${profile.endpoint}|${profile.projectId}`;
    if (this.cached?.key === key) return this.cached.client;
    const credentials = await this.store.credentials(profile);
    if (!credentials) return undefined;
    const client = this.createClient(profile, credentials);
    this.cached = { key, client };
    return client;
  }

  private createClient(profile: ConnectionProfile, credentials: Credentials): MetaStudioClient {
    return new MetaStudioClient({
      endpoint: profile.endpoint,
      projectId: profile.projectId,
      credentials,
      fetch: (url, init) => globalThis.fetch(url, init),
      logger: { debug: (m) => log().debug(m), warn: (m) => log().warn(m) },
    });
  }

  /**
   * The client for a remote command: refuses in an untrusted workspace (docs/decisions/workspace-trust.md) and
   * offers to sign in when signed out.
   */
  async client(): Promise<MetaStudioClient> {
    if (!vscode.workspace.isTrusted) {
      throw new ExpectedError(vscode.l10n.t('This workspace is not trusted: MetaStudio validates scripts here but sends nothing to the cloud.'));
    }
    const client = await this.tryClient();
    if (client) return client;
    const signIn = vscode.l10n.t('Sign In');
    const trySandbox = vscode.l10n.t('Try the Local Sandbox');
    void vscode.window.showWarningMessage(vscode.l10n.t('Sign in to MetaStudio first.'), signIn, trySandbox).then((choice) => {
      if (choice === signIn) void vscode.commands.executeCommand('metastudio.connection.signIn');
      if (choice === trySandbox) void vscode.commands.executeCommand('metastudio.sandbox.try');
    });
    throw new CancelledError();
  }
}
