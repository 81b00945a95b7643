// First: the bundle's load is measured from the evaluation of this module.
import { loadStarted } from './loadStarted';
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import * as assets from './assets/register';
import { createAssetCatalog } from './assets/catalogService';
import * as connections from './connections/register';
import * as durations from './durations/register';
import * as jobs from './jobs/register';
import * as live from './live/register';
import * as localSandbox from './localSandbox/register';
import type { VideoReport } from './jobs/videoPlayer';
import type { ConnectionProfile } from './connections/connectionStore';
import { contextKeysSet } from './contextKeys';
import { madeSoFar } from './core/lazy';
import { createLanguages } from './languages';
import * as layout from './layout/register';
import type { LayoutProbe } from './layout/layoutPanel';
import type { StoryboardProbe } from './layout/storyboardPanel';
import * as logging from './logging/register';
import * as preview from './preview/register';
import { replaceablePrompts, windowPrompts, type Prompts } from './prompts';
import * as push from './push/register';
import * as scripts from './scripts/register';
import * as shots from './shots/register';
import * as ssml from './ssml/register';
import * as walkthrough from './walkthrough/register';
import { log } from './logging/log';
import type { Services } from './services';

// The last module of the bundle to evaluate: every module it imports has been evaluated by now.
const loadEnded = performance.now();

/** How the extension started: times in ms (performance.now() of the extension host). */
export interface Startup {
  /** The bundle's top-level code: from its first module evaluated to its last. */
  readonly loadMs: number;
  /** From then to activate() called: the extension host preparing the extension's context. */
  readonly waitMs: number;
  /** activate() itself. */
  readonly activateMs: number;
  /** activate()'s time by feature registered, in order. */
  readonly features: Readonly<Record<string, number>>;
  /** The heavy modules loaded by then (src/core/lazy.ts): none is needed to activate. */
  readonly lazyLoaded: readonly string[];
}

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
    /** The layout view: the frame it shows and its redraw times. */
    readonly layout: LayoutProbe;
    /** The storyboards: what each shows and its redraw times; a thumbnail chosen. */
    readonly storyboard: StoryboardProbe;
    readonly startup: Startup;
    /** The context keys the extension has set, with their last values. */
    contextKeys(): ReadonlyMap<string, unknown>;
  };
}

/** Only wires the features together; each feature folder registers its own parts. */
export function activate(context: vscode.ExtensionContext): MetaStudioApi {
  const activateStarted = performance.now();
  const features: Record<string, number> = {};
  let lapStarted = activateStarted;
  /** What the feature registered last took: Startup.features. */
  const lap = (feature: string) => {
    const now = performance.now();
    features[feature] = now - lapStarted;
    lapStarted = now;
  };
  // The core localises through @vscode/l10n: hand it the bundle VS Code picked for this locale.
  if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
  logging.register(context);
  lap('logging');
  const testing = context.extensionMode === vscode.ExtensionMode.Test ? replaceablePrompts(windowPrompts) : undefined;
  const prompts = testing?.prompts ?? windowPrompts;
  const connectionService = connections.register(context, { prompts });
  lap('connections');
  localSandbox.register(context, { connections: connectionService });
  lap('localSandbox');
  const shared = { prompts, languages: createLanguages(), connections: connectionService, assets: createAssetCatalog(context, { connections: connectionService }) };
  lap('assetCatalog');
  const withPush = { ...shared, push: push.register(context, shared) };
  lap('push');
  const withShots = { ...withPush, shots: shots.register(context, shared) };
  lap('shots');
  const analyses = scripts.register(context, withShots);
  lap('scripts');
  const { previews, probe: previewProbe } = preview.register(context, withShots);
  lap('preview');
  const analysed = { ...withShots, analyses, previews };
  const services: Services = { ...analysed, durations: durations.register(context, analysed) };
  lap('durations');
  ssml.register(context, services);
  lap('ssml');
  assets.register(context, services);
  lap('assets');
  const layoutProbes = layout.register(context, services);
  lap('layout');
  const videoPlayer = jobs.register(context, services);
  lap('jobs');
  live.register(context, services);
  lap('live');
  walkthrough.register(context);
  lap('walkthrough');
  const startup: Startup = {
    loadMs: loadEnded - loadStarted, waitMs: activateStarted - loadEnded, activateMs: performance.now() - activateStarted, features, lazyLoaded: madeSoFar(),
  };
  log().info(`MetaStudio ${context.extension.packageJSON.version} activated in ${startup.activateMs.toFixed(1)} ms after ${startup.loadMs.toFixed(1)} ms of loading (VS Code ${vscode.version}, ${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'} UI)`);
  return {
    activeConnection: () => services.connections.active(),
    ...(testing ? { testing: { usePrompts: testing.replace, preview: previewProbe, videoReports: videoPlayer.reports, layout: layoutProbes.layout, storyboard: layoutProbes.storyboard, startup, contextKeys: contextKeysSet } } : {}),
  };
}

export function deactivate(): void {}
