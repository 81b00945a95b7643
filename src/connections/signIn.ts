import * as vscode from 'vscode';
import type { Credentials } from '../core/cloud/auth';
import { DEFAULT_REGION, REGIONS, parseEndpointUrl, regionEndpoint } from '../core/cloud/endpoint';
import { errorMessage } from '../core/errors';
import type { PickItem, Prompts } from '../prompts';
import type { ConnectionProfile, ConnectionStore } from './connectionStore';

/** Asks, step by step, for a connection: name, region or endpoint, project ID and credentials. */
export async function askForConnection(prompts: Prompts, store: ConnectionStore, defaults: { endpoint?: string; region?: string }):
  Promise<{ profile: ConnectionProfile; credentials: Credentials } | undefined> {
  const taken = new Set(store.list().map((p) => p.name));
  const name = await prompts.input({
    id: 'connection.name',
    title: vscode.l10n.t('Sign In to MetaStudio (1/4)'),
    prompt: vscode.l10n.t('A name for this connection, e.g. "prod" or "sandbox"'),
    value: taken.has('default') ? '' : 'default',
    ignoreFocusOut: true,
    validateInput: (v) => !v.trim() ? vscode.l10n.t('Enter a name.') : undefined,
  });
  if (name === undefined) return undefined;

  const endpoint = await askForEndpoint(prompts, defaults);
  if (endpoint === undefined) return undefined;

  const projectId = await prompts.input({
    id: 'connection.projectId',
    title: vscode.l10n.t('Sign In to MetaStudio (3/4)'),
    prompt: vscode.l10n.t('Project ID (My Credentials > API Credentials in the Huawei Cloud console)'),
    ignoreFocusOut: true,
    validateInput: (v) => /^[A-Za-z0-9-]{1,64}$/.test(v.trim()) ? undefined : vscode.l10n.t('A project ID is 1 to 64 letters, digits or hyphens.'),
  });
  if (projectId === undefined) return undefined;

  const kinds: PickItem<ConnectionProfile['credentialKind']>[] = [
    { value: 'aksk', label: vscode.l10n.t('Access key (AK/SK)'), detail: vscode.l10n.t('Permanent access key ID and secret access key') },
    { value: 'temporary', label: vscode.l10n.t('Temporary access key'), detail: vscode.l10n.t('Temporary AK/SK with a security token') },
    { value: 'token', label: vscode.l10n.t('IAM token'), detail: vscode.l10n.t('An IAM user token (X-Auth-Token)') },
  ];
  const kind = await prompts.pick({ id: 'connection.credentialKind', items: kinds, title: vscode.l10n.t('Sign In to MetaStudio (4/4)'), placeHolder: vscode.l10n.t('How do you authenticate?'), ignoreFocusOut: true });
  if (!kind) return undefined;

  const credentials = await askForCredentials(prompts, kind);
  if (!credentials) return undefined;
  return { profile: { name: name.trim(), endpoint, projectId: projectId.trim(), credentialKind: kind, source: 'user' }, credentials };
}

async function askForEndpoint(prompts: Prompts, defaults: { endpoint?: string; region?: string }): Promise<string | undefined> {
  // A region's item answers its endpoint; the custom one (null) asks for a URL.
  const items: PickItem<string | null>[] = [
    ...REGIONS.map((region) => ({ label: region, description: regionEndpoint(region), picked: region === (defaults.region ?? DEFAULT_REGION), value: regionEndpoint(region) })),
    { label: vscode.l10n.t('Custom endpoint URL…'), description: defaults.endpoint ?? vscode.l10n.t('a private endpoint, or http://127.0.0.1:PORT for the local sandbox'), value: null },
  ];
  const picked = await prompts.pick({ id: 'connection.region', items, title: vscode.l10n.t('Sign In to MetaStudio (2/4)'), placeHolder: vscode.l10n.t('Region or endpoint'), ignoreFocusOut: true });
  if (picked !== null) return picked;
  const url = await prompts.input({
    id: 'connection.endpoint',
    title: vscode.l10n.t('Sign In to MetaStudio (2/4)'),
    prompt: vscode.l10n.t('Endpoint URL (https, or http only for a loopback address)'),
    value: defaults.endpoint ?? '',
    ignoreFocusOut: true,
    validateInput: (v) => {
      try {
        parseEndpointUrl(v.trim());
        return undefined;
      } catch (err) {
        return errorMessage(err);
      }
    },
  });
  return url === undefined ? undefined : parseEndpointUrl(url.trim());
}

async function askSecret(prompts: Prompts, id: string, prompt: string): Promise<string | undefined> {
  const value = await prompts.input({
    id,
    title: vscode.l10n.t('Sign In to MetaStudio'), prompt, password: true, ignoreFocusOut: true,
    validateInput: (v) => v.trim() ? undefined : vscode.l10n.t('This value is required.'),
  });
  return value?.trim();
}

async function askForCredentials(prompts: Prompts, kind: ConnectionProfile['credentialKind']): Promise<Credentials | undefined> {
  if (kind === 'token') {
    const token = await askSecret(prompts, 'connection.token', vscode.l10n.t('IAM token'));
    return token ? { kind: 'token', token } : undefined;
  }
  const ak = await askSecret(prompts, 'connection.ak', vscode.l10n.t('Access key ID (AK)'));
  if (!ak) return undefined;
  const sk = await askSecret(prompts, 'connection.sk', vscode.l10n.t('Secret access key (SK)'));
  if (!sk) return undefined;
  if (kind === 'aksk') return { kind: 'aksk', ak, sk };
  const securityToken = await askSecret(prompts, 'connection.securityToken', vscode.l10n.t('Security token'));
  return securityToken ? { kind: 'aksk', ak, sk, securityToken } : undefined;
}
