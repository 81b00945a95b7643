import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { registerCommand } from '../commands/registerCommand';
import type { Credentials } from '../core/cloud/auth';
import { errorMessage, ExpectedError } from '../core/errors';
import { SANDBOX_PROJECT_ID, SandboxBusyError, startSandboxProcess, type SandboxProcess } from '../core/sandboxProcess';
import { log } from '../logging/log';
import type { Services } from '../services';

const sandboxConnectionName = 'Sandbox';

type AccessKey = Extract<Credentials, { kind: 'aksk' }>;
type Connections = Services['connections'];
type ConnectionProfile = NonNullable<ReturnType<Connections['active']>>;

/** An access key pair of this installation's sandbox, made once and kept in SecretStorage with its connection. */
function newCredentials(): AccessKey {
  return { kind: 'aksk', ak: `SANDBOX${randomBytes(8).toString('hex').toUpperCase()}`, sk: randomBytes(24).toString('base64url') };
}

/**
 * The local sandbox of "Try the Local Sandbox": a child process the extension host forks, its state
 * in the extension's global storage, reached through the "Sandbox" connection. It runs while that
 * connection is the active one (started again when it becomes active), and stops when another one
 * does or VS Code closes.
 */
class LocalSandbox implements vscode.Disposable {
  private running: SandboxProcess | undefined;
  private starting: Promise<void> | undefined;

  constructor(private readonly context: vscode.ExtensionContext, private readonly connections: Connections) {}

  private get profile(): ConnectionProfile | undefined {
    return this.connections.store.list().find((p) => p.source === 'sandbox');
  }

  /** Starts the sandbox unless it runs, and makes its connection the active one. */
  ensureRunning(): Promise<void> {
    this.starting ??= this.start().finally(() => { this.starting = undefined; });
    return this.starting;
  }

  /** Follows the active connection: the sandbox runs while its connection is active. */
  activeConnectionChanged(): void {
    const sandboxActive = this.connections.active()?.source === 'sandbox';
    if (!sandboxActive && this.running && !this.starting) void this.stop();
    if (sandboxActive && !this.running && vscode.workspace.isTrusted) {
      this.ensureRunning().catch((err: unknown) => log().warn(`the local sandbox did not start: ${errorMessage(err)}`));
    }
  }

  private async start(): Promise<void> {
    const { store } = this.connections;
    const known = this.profile;
    if (this.running) {
      if (this.connections.active()?.source !== 'sandbox') await store.setActive(known?.name);
      return;
    }
    const stored = known && await store.credentials(known);
    const credentials = stored?.kind === 'aksk' ? stored : newCredentials();
    let child: SandboxProcess;
    try {
      child = await startSandboxProcess({
        script: this.context.asAbsolutePath('dist/sandbox.js'),
        dataDir: vscode.Uri.joinPath(this.context.globalStorageUri, 'sandbox').fsPath,
        ak: credentials.ak,
        sk: credentials.sk,
        port: known ? Number(new URL(known.endpoint).port) : 0,
        log: (line) => log().debug(`sandbox: ${line}`),
      });
    } catch (err) {
      if (!(err instanceof SandboxBusyError)) throw err;
      // Another window runs this installation's sandbox: use it while it runs.
      if (known && await this.connections.verify(known, credentials).then(() => true, () => false)) {
        await store.setActive(known.name);
        return;
      }
      throw new ExpectedError(vscode.l10n.t('The local sandbox is starting or stopping in another VS Code window. Try again in a moment.'));
    }
    log().info(`the local sandbox runs at ${child.url} (process ${child.pid})`);
    void child.exited.then(() => {
      log().info('the local sandbox stopped');
      if (this.running === child) this.running = undefined;
    });
    // A connection of the user's own may be named "Sandbox" already: it stays as it is.
    const name = known?.name ?? (store.list().some((p) => p.name === sandboxConnectionName) ? `${sandboxConnectionName} (local)` : sandboxConnectionName);
    try {
      await store.save({ name, endpoint: child.url, projectId: SANDBOX_PROJECT_ID, credentialKind: 'aksk', source: 'sandbox' }, credentials);
    } catch (err) {
      await child.stop();
      throw err;
    }
    this.running = child;
  }

  private async stop(): Promise<void> {
    const child = this.running;
    this.running = undefined;
    await child?.stop();
  }

  dispose(): void {
    void this.stop();
  }
}

/** "MetaStudio: Try the Local Sandbox": a MetaStudio of one's own to try everything without an account. */
export function register(context: vscode.ExtensionContext, { connections }: Pick<Services, 'connections'>): void {
  const sandbox = new LocalSandbox(context, connections);
  context.subscriptions.push(sandbox, connections.onDidChange(() => sandbox.activeConnectionChanged()));
  // The Sandbox connection was the active one when VS Code closed: it is wanted again.
  sandbox.activeConnectionChanged();

  registerCommand(context, 'metastudio.sandbox.try', async () => {
    if (!vscode.workspace.isTrusted) throw new ExpectedError(vscode.l10n.t('This workspace is not trusted: MetaStudio sends nothing to the cloud from it.'));
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Starting the local MetaStudio sandbox…') }, () => sandbox.ensureRunning());
    const active = connections.active();
    void vscode.window.showInformationMessage(vscode.l10n.t('The local MetaStudio sandbox runs at {0}: the "{1}" connection is active. It stops when you switch to another connection or close VS Code.', active?.endpoint ?? '', active?.name ?? sandboxConnectionName));
    return active?.name;
  });
}
