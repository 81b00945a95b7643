/**
 * Voice preview: the "Preview Voice" command from the palette, editor menus, CodeLenses
 * and the assets tree; the player panel; the preview cache in global storage and its command and
 * size setting. Other features read the cache (a shot's measured duration) through `PreviewService`.
 */
import * as vscode from 'vscode';
import { errorMessage } from '../core/errors';
import { cacheLimitOfSetting, PreviewCache } from '../core/preview/previewCache';
import { Previewer } from '../core/preview/previewer';
import { registerCommand } from '../commands/registerCommand';
import { log } from '../logging/log';
import type { PreviewService, Services } from '../services';
import { onDidChangeSettings, settings } from '../settings';
import { previewCodeLenses } from './codeLens';
import { BILLING_CONFIRMED_KEY, PreviewController } from './previewController';
import { PreviewPanel, type AudioReport, type SessionEntry } from './previewPanel';
import { listVoices } from './voices';

/** What the integration tests read of the preview (the extension's API hands it out in test mode only). */
export interface PreviewProbe {
  state(): Promise<{
    /** What the player's `<audio>` element did. */
    readonly audio: readonly AudioReport[];
    readonly session: readonly SessionEntry[];
    readonly cacheFolder: string;
    readonly cache: { readonly entries: number; readonly bytes: number };
  }>;
  /** Forgets every answer to the billing question. */
  resetBilling(): Promise<void>;
}

function cacheLimitBytes(): number {
  return cacheLimitOfSetting(settings.previewCacheSizeMB.value());
}

export function register(context: vscode.ExtensionContext, services: Omit<Services, 'analyses' | 'previews' | 'durations'>): { previews: PreviewService; probe: PreviewProbe } {
  const folder = vscode.Uri.joinPath(context.globalStorageUri, 'previews');
  const cache = new PreviewCache(folder.fsPath, { limitBytes: cacheLimitBytes(), warn: (message) => log().warn(`preview cache: ${message}`) });
  const cacheChanged = new vscode.EventEmitter<void>();
  context.subscriptions.push(cacheChanged);
  const previewer = new Previewer({ cache });
  const panel: PreviewPanel = new PreviewPanel(context.extensionUri, folder, services.prompts, {
    synthesize: (entry, voiceSettings) => controller.resynthesize(entry, voiceSettings).finally(() => cacheChanged.fire()),
    voices: () => listVoices(services.assets).catch(() => []),
  });
  const controller = new PreviewController(context, services, previewer, panel);
  context.subscriptions.push(panel);

  registerCommand(context, 'metastudio.preview.voice', (arg: unknown) => controller.run(arg).finally(() => cacheChanged.fire()));
  registerCommand(context, 'metastudio.preview.clearCache', async () => {
    const freed = await cache.clear();
    cacheChanged.fire();
    panel.forgetAll();
    log().info(`preview cache cleared: ${freed.entries} entries, ${freed.bytes} bytes`);
    void vscode.window.showInformationMessage(vscode.l10n.t('Cleared the preview cache ({0} previews, {1} MB).', freed.entries, (freed.bytes / 1024 / 1024).toFixed(1)));
    return freed;
  });
  context.subscriptions.push(
    vscode.languages.registerCodeLensProvider(services.languages.scriptSelector, previewCodeLenses(services.languages)),
    onDidChangeSettings([settings.previewCacheSizeMB], () => {
      void cache.setMaxBytes(cacheLimitBytes()).catch((err: unknown) => log().warn(`preview cache: ${errorMessage(err)}`));
    }),
  );

  const probe: PreviewProbe = {
    state: async () => ({ audio: panel.audioReports, session: panel.session, cacheFolder: folder.fsPath, cache: await cache.stats() }),
    resetBilling: async () => {
      controller.billingAccepted.clear();
      await context.globalState.update(BILLING_CONFIRMED_KEY, undefined);
    },
  };
  return { previews: { cache, onDidChangeCache: cacheChanged.event }, probe };
}
