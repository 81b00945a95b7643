import * as vscode from 'vscode';
import { isLoopbackHost, regionOf } from '../core/cloud/endpoint';
import { withCancellableProgress } from '../commands/progress';
import { registerCommand } from '../commands/registerCommand';
import { setContext } from '../contextKeys';
import { errorMessage, ExpectedError } from '../core/errors';
import { log } from '../logging/log';
import type { Services } from '../services';
import { onDidChangeSettings, settings } from '../settings';
import { ConnectionService } from './connectionService';
import { ConnectionStore, type ConnectionProfile } from './connectionStore';
import { askForConnection } from './signIn';

function endpointDefaults(): { endpoint?: string; region?: string } {
  return { endpoint: settings.endpoint.value() || undefined, region: settings.region.value() || undefined };
}

function describe(profile: ConnectionProfile): string {
  return `${profile.name} — ${new URL(profile.endpoint).host} · ${profile.projectId}`;
}

function sourceDetail(profile: ConnectionProfile): string | undefined {
  switch (profile.source) {
    case 'environment': return vscode.l10n.t('from the environment');
    case 'sandbox': return vscode.l10n.t('the local sandbox: runs while this connection is active');
    case 'user': return undefined;
  }
}

/** Where a connection goes, in words a screen reader reads well: "local sandbox", a region, or the host. */
function place(profile: ConnectionProfile): string {
  const url = new URL(profile.endpoint);
  return isLoopbackHost(url.hostname) ? vscode.l10n.t('local sandbox') : regionOf(profile.endpoint) ?? url.host;
}

/** Connections: the service every remote feature uses, the status bar item, and Sign In, Switch and Sign Out. */
export function register(context: vscode.ExtensionContext, { prompts }: Pick<Services, 'prompts'>): ConnectionService {
  const store = new ConnectionStore(context.globalState, context.secrets, process.env, endpointDefaults);
  const service = new ConnectionService(store);
  context.subscriptions.push(store, service);

  const status = vscode.window.createStatusBarItem('metastudio.connection', vscode.StatusBarAlignment.Left, 50);
  status.name = vscode.l10n.t('MetaStudio Connection');
  status.command = 'metastudio.connection.switch';
  const updateStatus = () => {
    const active = store.active();
    status.text = active ? `$(cloud) ${active.name}` : `$(cloud) ${vscode.l10n.t('MetaStudio: Sign In')}`;
    status.tooltip = active ? vscode.l10n.t('MetaStudio: {0}. Switch connection', describe(active)) : vscode.l10n.t('Sign in to MetaStudio');
    // Read instead of the text and tooltip: no icon name, no host and project ID, no mouse assumed.
    status.accessibilityInformation = {
      role: 'button',
      label: active ? vscode.l10n.t('MetaStudio connection: {0} ({1}). Switch connection', active.name, place(active)) : vscode.l10n.t('MetaStudio: not signed in. Sign in'),
    };
    setContext('metastudio.signedIn', active !== undefined);
    // The views' sign-in welcome waits for this key: before activation neither key is set, and a
    // welcome shown then would be replaced under the keyboard focus a moment later.
    setContext('metastudio.signedOut', active === undefined);
    status.show();
  };
  context.subscriptions.push(status, store.onDidChange(updateStatus), onDidChangeSettings([settings.endpoint, settings.region], () => store.settingsChanged()));
  updateStatus();

  registerCommand(context, 'metastudio.connection.signIn', async () => {
    if (!vscode.workspace.isTrusted) throw new ExpectedError(vscode.l10n.t('This workspace is not trusted: MetaStudio sends nothing to the cloud from it.'));
    const result = await askForConnection(prompts, store, endpointDefaults());
    if (!result) return undefined;
    const { profile, credentials } = result;
    try {
      await withCancellableProgress(vscode.l10n.t('Checking the MetaStudio connection "{0}"…', profile.name),
        (_report, signal) => service.verify(profile, credentials, signal));
    } catch (err) {
      log().warn(`sign-in check failed for ${describe(profile)}: ${errorMessage(err)}`);
      const choice = await prompts.confirm({
        id: 'connection.saveAnyway',
        message: vscode.l10n.t('Could not sign in to MetaStudio: {0}', errorMessage(err)),
        choices: { save: vscode.l10n.t('Save Anyway') },
      });
      if (choice !== 'save') return undefined;
    }
    await store.save(profile, credentials);
    log().info(`signed in: ${describe(profile)} (${profile.credentialKind})`);
    void vscode.window.showInformationMessage(vscode.l10n.t('Signed in to MetaStudio as "{0}".', profile.name));
    return profile.name;
  });

  registerCommand(context, 'metastudio.connection.switch', async (name?: string) => {
    const profiles = store.list();
    if (typeof name !== 'string') {
      const active = store.active();
      // A connection's item answers its name; the last one (null) signs in to a new connection.
      const picked = await prompts.pick<string | null>({
        id: 'connection.switch',
        items: [
          ...profiles.map((p) => ({ label: p.name, description: `${new URL(p.endpoint).host} · ${p.projectId}`, detail: sourceDetail(p), picked: p.name === active?.name, value: p.name })),
          { label: vscode.l10n.t('$(add) Sign in to a new connection…'), value: null },
        ],
        title: vscode.l10n.t('MetaStudio Connections'),
        placeHolder: active ? vscode.l10n.t('Active: {0}', active.name) : vscode.l10n.t('Not signed in'),
      });
      if (picked === undefined) return undefined;
      if (picked === null) return vscode.commands.executeCommand('metastudio.connection.signIn');
      name = picked;
    }
    if (!profiles.some((p) => p.name === name)) throw new ExpectedError(vscode.l10n.t('There is no MetaStudio connection named "{0}".', name));
    await store.setActive(name);
    log().info(`active connection: ${name}`);
    return name;
  });

  registerCommand(context, 'metastudio.connection.signOut', async (name?: string) => {
    const removable = store.list().filter((p) => p.source !== 'environment');
    if (typeof name !== 'string') {
      if (removable.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('No saved MetaStudio connection to sign out of. The environment connection goes away with its variables.'));
        return undefined;
      }
      const active = store.active();
      const picked = removable.length === 1 ? removable[0].name : await prompts.pick({
        id: 'connection.signOut',
        items: removable.map((p) => ({ label: p.name, description: new URL(p.endpoint).host, picked: p.name === active?.name, value: p.name })),
        title: vscode.l10n.t('Sign Out of MetaStudio'),
      });
      if (picked === undefined) return undefined;
      name = picked;
    }
    if (!removable.some((p) => p.name === name)) throw new ExpectedError(vscode.l10n.t('There is no saved MetaStudio connection named "{0}".', name));
    await store.remove(name);
    log().info(`signed out: ${name}`);
    void vscode.window.showInformationMessage(vscode.l10n.t('Signed out of MetaStudio connection "{0}"; its credentials were deleted.', name));
    return name;
  });

  return service;
}
