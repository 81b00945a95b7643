/**
 * Voice preview: the "Preview Voice" command from the palette, editor menus, CodeLenses
 * and the assets tree; the player panel; the preview cache in global storage and its command and
 * size setting.
 */
import * as vscode from 'vscode';
import { PreviewCache } from '../core/preview/previewCache';
import { Previewer } from '../core/preview/previewer';
import { registerCommand } from '../commands/registerCommand';
import { log } from '../logging/log';
import { scriptSelector } from '../scripts/scriptLanguages';
import type { Services } from '../services';
import { previewCodeLenses } from './codeLens';
import { BILLING_CONFIRMED_KEY, PreviewController } from './previewController';
import { PreviewPanel } from './previewPanel';
import { ScriptedPrompts, testHooksKey, windowPrompts, type PreviewTestHooks } from './prompts';
import { listVoices } from './voices';

const CACHE_SETTING = 'metastudio.preview.cacheSizeMB';

function cacheLimitBytes(): number {
  const mb = vscode.workspace.getConfiguration().get<number>(CACHE_SETTING, 200);
  return Math.max(1, Number.isFinite(mb) ? mb : 200) * 1024 * 1024;
}

/** The preview cache, for features that show what it holds (a shot's measured duration). */
export interface Previews {
  readonly cache: PreviewCache;
  /** A preview was made or played, or the cache was cleared: what it holds may have changed. */
  readonly onDidChangeCache: vscode.Event<void>;
}

export function register(context: vscode.ExtensionContext, services: Services): Previews {
  const folder = vscode.Uri.joinPath(context.globalStorageUri, 'previews');
  const cache = new PreviewCache(folder.fsPath, cacheLimitBytes());
  const cacheChanged = new vscode.EventEmitter<void>();
  context.subscriptions.push(cacheChanged);
  const previewer = new Previewer({ cache });
  const panel: PreviewPanel = new PreviewPanel(context.extensionUri, folder, {
    synthesize: (entry, settings) => controller.resynthesize(entry, settings).catch((err: unknown) => {
      const message = err instanceof Error ? err.message : String(err);
      log().warn(`preview: synthesize from the player failed: ${message}`);
      void vscode.window.showErrorMessage(message);
    }).finally(() => cacheChanged.fire()),
    voices: () => listVoices(services.assets).catch(() => []),
  });
  const controller = new PreviewController(context, services, previewer, panel, windowPrompts);
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
    vscode.languages.registerCodeLensProvider(scriptSelector, previewCodeLenses),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(CACHE_SETTING)) void cache.setMaxBytes(cacheLimitBytes()).catch((err: unknown) => log().warn(`preview cache: ${String(err)}`));
    }),
  );

  // The tests answer the questions a modal dialog would ask and read what the player reported,
  // through the extension host's global object (a command would be one more for every caller).
  if (context.extensionMode === vscode.ExtensionMode.Test) {
    const hooks: PreviewTestHooks = async (arg) => {
      if (arg?.answers) controller.prompts = new ScriptedPrompts(arg.answers);
      if (arg?.reset) {
        controller.billingAccepted.clear();
        await context.globalState.update(BILLING_CONFIRMED_KEY, undefined);
      }
      const prompts = controller.prompts instanceof ScriptedPrompts ? controller.prompts.calls : [];
      return { prompts, audio: panel.audioReports, session: panel.session, cacheFolder: folder.fsPath, cache: await cache.stats() };
    };
    (globalThis as Record<symbol, unknown>)[Symbol.for(testHooksKey)] = hooks;
    context.subscriptions.push({ dispose: () => { delete (globalThis as Record<symbol, unknown>)[Symbol.for(testHooksKey)]; } });
  }
  return { cache, onDidChangeCache: cacheChanged.event };
}
