import * as vscode from 'vscode';
import type { Credentials } from '../core/cloud/auth';
import { parseEndpointUrl } from '../core/cloud/endpoint';
import { displayText } from '../core/text/displayText';
import { withCancellableProgress } from '../commands/progress';
import { registerCommand, UserFacingError } from '../commands/registerCommand';
import { log } from '../logging/log';
import { ConnectionService } from './connectionService';
import { ConnectionStore, credentialKindOf, type ConnectionProfile } from './connectionStore';
import { askForConnection } from './signIn';

/** Settings that may only come from the user's machine (DECISIONS.md 22). */
export function endpointDefaults(): { endpoint?: string; region?: string } {
  const config = vscode.workspace.getConfiguration('metastudio');
  return { endpoint: config.get<string>('endpoint') || undefined, region: config.get<string>('region') || undefined };
}

/** Arguments of `metastudio.connection.signIn` for scripted use (tests, automation): no prompts. */
export interface SignInArgs {
  readonly name: string;
  readonly endpoint: string;
  readonly projectId: string;
  readonly credentials: Credentials;
}

export function describe(profile: ConnectionProfile): string {
  return `${profile.name} — ${new URL(profile.endpoint).host} · ${profile.projectId}`;
}

export function register(context: vscode.ExtensionContext): ConnectionService {
  const store = new ConnectionStore(context.globalState, context.secrets, process.env, endpointDefaults);
  const service = new ConnectionService(store);
  context.subscriptions.push(service);

  const status = vscode.window.createStatusBarItem('metastudio.connection', vscode.StatusBarAlignment.Left, 50);
  status.name = vscode.l10n.t('MetaStudio Connection');
  status.command = 'metastudio.connection.switch';
  const updateStatus = () => {
    const active = store.active();
    status.text = active ? `$(cloud) ${active.name}` : `$(cloud) ${vscode.l10n.t('MetaStudio: Sign In')}`;
    status.tooltip = active ? vscode.l10n.t('MetaStudio: {0}. Click to switch connections.', describe(active)) : vscode.l10n.t('Sign in to MetaStudio');
    void vscode.commands.executeCommand('setContext', 'metastudio.signedIn', active !== undefined);
    status.show();
  };
  context.subscriptions.push(status, store.onDidChange(updateStatus), vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration('metastudio.endpoint') || e.affectsConfiguration('metastudio.region')) store.settingsChanged();
  }));
  updateStatus();

  registerCommand(context, 'metastudio.connection.signIn', async (args?: SignInArgs) => {
    if (!vscode.workspace.isTrusted) throw new UserFacingError(vscode.l10n.t('This workspace is not trusted: MetaStudio sends nothing to the cloud from it.'));
    let result: { profile: ConnectionProfile; credentials: Credentials } | undefined;
    if (args && typeof args === 'object' && 'credentials' in args) {
      result = {
        profile: { name: args.name, endpoint: parseEndpointUrl(args.endpoint), projectId: args.projectId, source: 'user', credentialKind: credentialKindOf(args.credentials) },
        credentials: args.credentials,
      };
    } else {
      result = await askForConnection(store, endpointDefaults());
    }
    if (!result) return undefined;
    const { profile, credentials } = result;
    try {
      await withCancellableProgress(vscode.l10n.t('Checking the MetaStudio connection "{0}"…', profile.name),
        (_report, signal) => service.verify(profile, credentials, signal));
    } catch (err) {
      log().warn(`sign-in check failed for ${describe(profile)}: ${(err as Error).message}`);
      if (args) throw new UserFacingError(vscode.l10n.t('Could not sign in to MetaStudio: {0}', (err as Error).message));
      const keep = vscode.l10n.t('Save Anyway');
      const choice = await vscode.window.showWarningMessage(vscode.l10n.t('Could not sign in to MetaStudio: {0}', displayText((err as Error).message)), { modal: true }, keep);
      if (choice !== keep) return undefined;
    }
    await store.save(profile, credentials);
    log().info(`signed in: ${describe(profile)} (${profile.credentialKind})`);
    void vscode.window.showInformationMessage(vscode.l10n.t('Signed in to MetaStudio as "{0}".', profile.name));
    return profile.name;
  });

  registerCommand(context, 'metastudio.connection.switch', async (name?: string) => {
    const profiles = store.list();
    if (typeof name !== 'string') {
      const signIn = vscode.l10n.t('$(add) Sign in to a new connection…');
      const active = store.active();
      const pick = await vscode.window.showQuickPick([
        ...profiles.map((p) => ({ label: p.name, description: `${new URL(p.endpoint).host} · ${p.projectId}`, detail: p.source === 'environment' ? vscode.l10n.t('from the environment') : undefined, picked: p.name === active?.name })),
        { label: signIn },
      ], { title: vscode.l10n.t('MetaStudio Connections'), placeHolder: active ? vscode.l10n.t('Active: {0}', active.name) : vscode.l10n.t('Not signed in') });
      if (!pick) return undefined;
      if (pick.label === signIn) return vscode.commands.executeCommand('metastudio.connection.signIn');
      name = pick.label;
    }
    if (!profiles.some((p) => p.name === name)) throw new UserFacingError(vscode.l10n.t('There is no MetaStudio connection named "{0}".', name));
    await store.setActive(name);
    log().info(`active connection: ${name}`);
    return name;
  });

  registerCommand(context, 'metastudio.connection.signOut', async (name?: string) => {
    const removable = store.list().filter((p) => p.source === 'user');
    if (typeof name !== 'string') {
      if (removable.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('No saved MetaStudio connection to sign out of. The environment connection goes away with its variables.'));
        return undefined;
      }
      const active = store.active();
      const pick = removable.length === 1 ? { label: removable[0].name } : await vscode.window.showQuickPick(
        removable.map((p) => ({ label: p.name, description: new URL(p.endpoint).host, picked: p.name === active?.name })),
        { title: vscode.l10n.t('Sign Out of MetaStudio') });
      if (!pick) return undefined;
      name = pick.label;
    }
    if (!removable.some((p) => p.name === name)) throw new UserFacingError(vscode.l10n.t('There is no saved MetaStudio connection named "{0}".', name));
    await store.remove(name);
    log().info(`signed out: ${name}`);
    void vscode.window.showInformationMessage(vscode.l10n.t('Signed out of MetaStudio connection "{0}"; its credentials were deleted.', name));
    return name;
  });

  return service;
}
