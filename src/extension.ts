import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import * as assets from './assets/register';
import { createAssetCatalog } from './assets/catalogService';
import * as connections from './connections/register';
import * as durations from './durations/register';
import * as jobs from './jobs/register';
import type { ConnectionProfile } from './connections/connectionStore';
import * as logging from './logging/register';
import * as preview from './preview/register';
import * as push from './push/register';
import * as scripts from './scripts/register';
import * as ssml from './ssml/register';
import { log } from './logging/log';
import type { Services } from './services';

/** What activate() returns: a read-only view for other extensions and the integration tests. */
export interface MetaStudioApi {
  activeConnection(): ConnectionProfile | undefined;
}

/** Only wires the features together; each feature folder registers its own parts. */
export function activate(context: vscode.ExtensionContext): MetaStudioApi {
  // The core localises through @vscode/l10n: hand it the bundle VS Code picked for this locale.
  if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
  logging.register(context);
  const connectionService = connections.register(context);
  const services: Services = { connections: connectionService, assets: createAssetCatalog(context, connectionService) };
  const analyses = scripts.register(context, services);
  ssml.register(context, services);
  assets.register(context, services);
  durations.register(context, services, analyses, preview.register(context, services));
  jobs.register(context, services, push.register(context, services));
  log().info(`MetaStudio ${context.extension.packageJSON.version} activated (VS Code ${vscode.version}, ${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'} UI)`);
  return { activeConnection: () => services.connections.active() };
}

export function deactivate(): void {}
