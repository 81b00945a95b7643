import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import * as assets from './assets/register';
import { createAssetCatalog } from './assets/catalogService';
import * as connections from './connections/register';
import * as durations from './durations/register';
import * as jobs from './jobs/register';
import type { VideoReport } from './jobs/videoPlayer';
import type { ConnectionProfile } from './connections/connectionStore';
import { createLanguages } from './languages';
import * as logging from './logging/register';
import * as preview from './preview/register';
import { replaceablePrompts, windowPrompts, type Prompts } from './prompts';
import * as push from './push/register';
import * as scripts from './scripts/register';
import * as ssml from './ssml/register';
import { log } from './logging/log';
import type { Services } from './services';

/** What activate() returns: a read-only view for other extensions and the integration tests. */
export interface MetaStudioApi {
  activeConnection(): ConnectionProfile | undefined;
  /** In ExtensionMode.Test only: what the integration tests drive and read. */
  readonly testing?: {
    /** Every question from now on goes to `prompts` (the tests' scripted answers). */
    usePrompts(prompts: Prompts): void;
    readonly preview: preview.PreviewProbe;
    /** What the video player's `<video>` did, newest last. */
    readonly videoReports: readonly VideoReport[];
  };
}

/** Only wires the features together; each feature folder registers its own parts. */
export function activate(context: vscode.ExtensionContext): MetaStudioApi {
  // The core localises through @vscode/l10n: hand it the bundle VS Code picked for this locale.
  if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
  logging.register(context);
  const testing = context.extensionMode === vscode.ExtensionMode.Test ? replaceablePrompts(windowPrompts) : undefined;
  const prompts = testing?.prompts ?? windowPrompts;
  const connectionService = connections.register(context, { prompts });
  const shared = { prompts, languages: createLanguages(), connections: connectionService, assets: createAssetCatalog(context, { connections: connectionService }) };
  const withPush = { ...shared, push: push.register(context, shared) };
  const analyses = scripts.register(context, withPush);
  const { previews, probe: previewProbe } = preview.register(context, withPush);
  const services: Services = { ...withPush, analyses, previews };
  ssml.register(context, services);
  assets.register(context, services);
  durations.register(context, services);
  const videoPlayer = jobs.register(context, services);
  log().info(`MetaStudio ${context.extension.packageJSON.version} activated (VS Code ${vscode.version}, ${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'} UI)`);
  return {
    activeConnection: () => services.connections.active(),
    ...(testing ? { testing: { usePrompts: testing.replace, preview: previewProbe, videoReports: videoPlayer.reports } } : {}),
  };
}

export function deactivate(): void {}
