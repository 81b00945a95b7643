/**
 * The one player panel: shows this session's previews, plays them through `asWebviewUri` (the
 * webview reaches only dist/ and the cache folder), and passes the player's requests back.
 * Nothing is sent before the webview says `ready`; everything is sent again after it is rebuilt,
 * so its state survives being hidden.
 */
import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import { reportFailure } from '../commands/registerCommand';
import { numberedOutputs } from '../core/preview/outputNames';
import { log } from '../logging/log';
import type { Prompts } from '../prompts';
import { isFromWebview, type AudioEvent, type FromWebview, type PlayerEntry, type ToWebview, type VoiceOption, type VoiceSettings } from './messages';
import { playerHtml } from './panelHtml';

const MAX_ENTRIES = 50;

export interface SessionEntry {
  readonly id: string;
  /** What the player shows as spoken (and a new synthesis speaks, unless it is a voice sample). */
  readonly text: string;
  readonly voiceName: string;
  readonly settings: VoiceSettings;
  /** Absolute paths in the cache folder. */
  readonly files: readonly string[];
  readonly fromCache: boolean;
  readonly sample: boolean;
}

export interface PanelHandlers {
  synthesize(entry: SessionEntry, settings: VoiceSettings): Promise<void>;
  voices(): Promise<readonly VoiceOption[]>;
}

export interface AudioReport {
  readonly entryId: string;
  readonly event: AudioEvent;
  readonly currentTime: number;
  readonly duration: number;
}

export class PreviewPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private ready = false;
  private autoplay = false;
  private entries: SessionEntry[] = [];
  private currentId: string | undefined;
  private voices: readonly VoiceOption[] = [];
  private counter = 0;
  /** What the player's `<audio>` did, newest last (the log has it too). */
  readonly audioReports: AudioReport[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly cacheFolder: vscode.Uri,
    private readonly prompts: Prompts,
    private readonly handlers: PanelHandlers,
  ) {}

  get session(): readonly SessionEntry[] {
    return this.entries;
  }

  /** Adds a preview to the session and plays it in the (reused) panel. */
  add(entry: Omit<SessionEntry, 'id'>): SessionEntry {
    const added = { ...entry, id: `p${++this.counter}` };
    this.entries = [added, ...this.entries].slice(0, MAX_ENTRIES);
    this.currentId = added.id;
    this.autoplay = true;
    this.reveal();
    this.postState();
    return added;
  }

  /** Whether the player is shown and was told (a hidden player has no document to say it). */
  setBusy(busy: boolean, error?: string): boolean {
    return this.post({ type: 'busy', busy, ...(error ? { error } : {}) }) && this.panel!.visible;
  }

  /** Drops the session's entries whose files were removed from the cache. */
  forgetAll(): void {
    this.entries = [];
    this.currentId = undefined;
    this.postState();
  }

  dispose(): void {
    this.panel?.dispose();
  }

  private reveal(): void {
    if (this.panel) {
      this.panel.reveal(undefined, true);
      return;
    }
    const dist = vscode.Uri.joinPath(this.extensionUri, 'dist');
    const panel = vscode.window.createWebviewPanel('metastudio.preview', vscode.l10n.t('Voice Preview'), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      localResourceRoots: [dist, this.cacheFolder],
    });
    this.panel = panel;
    this.ready = false;
    panel.webview.onDidReceiveMessage((message: unknown) => this.receive(message));
    // A hidden webview is torn down; it says `ready` again when shown and gets the state again.
    panel.onDidChangeViewState(() => { if (!panel.visible) this.ready = false; });
    panel.onDidDispose(() => {
      if (this.panel === panel) this.panel = undefined;
      this.ready = false;
    });
    panel.webview.html = playerHtml(panel.webview, vscode.Uri.joinPath(dist, 'webview'));
  }

  private receive(message: unknown): void {
    if (!isFromWebview(message)) {
      log().warn('preview player: ignored an unexpected message');
      return;
    }
    void this.handle(message).catch((err: unknown) => reportFailure(`preview player: ${message.type}`, err));
  }

  private async handle(message: FromWebview): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.postState();
        if (this.voices.length === 0) {
          this.voices = await this.handlers.voices();
          this.autoplay = false;
          this.postState();
        }
        return;
      case 'select':
        if (this.find(message.entryId)) this.currentId = message.entryId;
        return;
      case 'synthesize': {
        const entry = this.find(message.entryId);
        if (entry) await this.handlers.synthesize(entry, message.settings);
        return;
      }
      case 'saveAs': {
        const entry = this.find(message.entryId);
        if (!entry) return;
        try {
          await saveAudioAs(this.prompts, entry);
        } finally {
          // Saved or cancelled, the keyboard goes back to where it was: the dialog took the focus.
          this.panel?.reveal(this.panel.viewColumn, false);
          this.post({ type: 'saveDialogClosed' });
        }
        return;
      }
      case 'audio':
        this.audioReports.push({ entryId: message.entryId, event: message.event, currentTime: message.currentTime, duration: message.duration });
        if (this.audioReports.length > 200) this.audioReports.splice(0, 100);
        log().debug(`preview player: ${message.event} ${message.entryId} at ${message.currentTime.toFixed(2)} of ${message.duration.toFixed(2)} s`);
        return;
    }
  }

  private find(id: string): SessionEntry | undefined {
    return this.entries.find((e) => e.id === id);
  }

  private postState(): void {
    const webview = this.panel?.webview;
    if (!webview) return;
    // Previews the cache evicted leave the list.
    this.entries = this.entries.filter((e) => e.id === this.currentId || e.files.every((f) => existsSync(f)));
    const entries = this.entries.map((e): PlayerEntry => ({
      id: e.id, text: e.text, voiceName: e.voiceName, settings: e.settings, fromCache: e.fromCache, sample: e.sample,
      sources: e.files.map((f) => webview.asWebviewUri(vscode.Uri.file(f)).toString()),
    }));
    if (this.post({ type: 'state', entries, ...(this.currentId ? { currentId: this.currentId } : {}), voices: this.voices, autoplay: this.autoplay })) this.autoplay = false;
  }

  /** Sends only to a webview that said `ready`; true when sent. */
  private post(message: ToWebview): boolean {
    if (!this.panel || !this.ready) return false;
    void this.panel.webview.postMessage(message);
    return true;
  }
}

async function saveAudioAs(prompts: Prompts, entry: SessionEntry): Promise<void> {
  const extension = entry.files[0]?.split('.').pop() ?? 'wav';
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await prompts.saveAs({
    id: 'preview.saveAs',
    title: vscode.l10n.t('Save Audio As'),
    saveLabel: vscode.l10n.t('Save'),
    filters: { [vscode.l10n.t('Audio')]: [extension] },
    ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, `preview.${extension}`) } : {}),
  });
  if (!target) return;
  // Several files: OUT, then name-2.ext… as the CLI names them (docs/decisions/cli-contract.md).
  const outputs = numberedOutputs(target.fsPath, entry.files.length);
  for (const [i, file] of entry.files.entries()) {
    await vscode.workspace.fs.copy(vscode.Uri.file(file), target.with({ path: vscode.Uri.file(outputs[i]).path }), { overwrite: true });
  }
  log().info(`preview saved to ${outputs.join(', ')}`);
  void vscode.window.showInformationMessage(entry.files.length === 1 ? vscode.l10n.t('Saved the preview to {0}.', target.fsPath) : vscode.l10n.t('Saved the preview to {0} files: {1}…', entry.files.length, target.fsPath));
}
