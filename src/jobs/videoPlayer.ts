/**
 * The video player panel: plays a produced video downloaded into the extension's storage, through
 * `asWebviewUri`, so it plays the same in desktop VS Code, Remote and the browser workbench (an
 * external link would go through the browser workbench's port proxy). The webview reaches only
 * dist/ and the videos folder. Its controls are the page's own (webview/video/main.ts), not the
 * browser's: keyboard steps in seconds, values in words and the theme's colours
 * (docs/accessibility.md).
 */
import * as vscode from 'vscode';
import { log } from '../logging/log';
import { escapeHtml, mediaStrings, pageHtml } from '../webviews/page';
import { isFromVideoWebview, type ToVideoWebview, type VideoStrings } from './videoMessages';

/** What the player's `<video>` reported. */
export interface VideoReport {
  readonly event: string;
  readonly duration: number;
}

export class VideoPlayer implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  /** The job whose video the panel shows: what Download Video… saves. */
  private jobId = '';
  /** What the player's `<video>` did, newest last (the log has it too). */
  readonly reports: VideoReport[] = [];

  constructor(private readonly extensionUri: vscode.Uri, readonly videosFolder: vscode.Uri) {}

  /** Shows `file` (in the videos folder), the video of job `jobId`, in the (reused) panel. */
  show(title: string, file: vscode.Uri, jobId: string): void {
    const dist = vscode.Uri.joinPath(this.extensionUri, 'dist');
    this.jobId = jobId;
    if (!this.panel) {
      const panel = vscode.window.createWebviewPanel('metastudio.video', title, vscode.ViewColumn.Active, {
        enableScripts: true,
        localResourceRoots: [dist, this.videosFolder],
      });
      panel.webview.onDidReceiveMessage((message: unknown) => { void this.onMessage(message); });
      panel.onDidDispose(() => { if (this.panel === panel) this.panel = undefined; });
      this.panel = panel;
    } else {
      this.panel.reveal();
    }
    this.panel.title = title;
    this.panel.webview.html = videoHtml(this.panel.webview, vscode.Uri.joinPath(dist, 'webview'), file, title);
  }

  private async onMessage(message: unknown): Promise<void> {
    if (!isFromVideoWebview(message)) return;
    if (message.type === 'download') {
      try {
        await vscode.commands.executeCommand('metastudio.job.downloadVideo', this.jobId);
      } finally {
        // Saved or cancelled, the keyboard goes back to the button: the dialog took the focus.
        this.panel?.reveal(this.panel.viewColumn, false);
        void this.panel?.webview.postMessage({ type: 'downloadDialogClosed' } satisfies ToVideoWebview);
      }
      return;
    }
    this.reports.push({ event: message.event, duration: message.duration });
    if (this.reports.length > 200) this.reports.splice(0, 100);
    log().debug(`video player: ${message.event} (${message.duration.toFixed(2)} s)`);
  }

  dispose(): void {
    this.panel?.dispose();
  }
}

function videoStrings(): VideoStrings {
  return {
    ...mediaStrings(),
    mute: vscode.l10n.t('Mute'),
    unmute: vscode.l10n.t('Unmute'),
    cannotPlay: vscode.l10n.t('This video cannot be played here. Download it to play it in another player.'),
    ended: vscode.l10n.t('The video has ended.'),
  };
}

/** `folder` holds the bundled video.js and video.css (dist/webview). */
function videoHtml(webview: vscode.Webview, folder: vscode.Uri, file: vscode.Uri, title: string): string {
  const strings = videoStrings();
  const rates = ['0.5', '0.75', '1', '1.25', '1.5', '2'].map((r) => `<option value="${r}"${r === '1' ? ' selected' : ''}>${r}×</option>`).join('');
  return pageHtml(webview, {
    folder, bundle: 'video', title, strings, sources: { media: true },
    main: `  <h1>${escapeHtml(title)}</h1>
  <video id="video" preload="auto" aria-label="${escapeHtml(title)}" src="${escapeHtml(webview.asWebviewUri(file).toString())}"></video>
  <div class="row">
    <button id="play" type="button">${escapeHtml(strings.play)}</button>
    <input type="range" id="seek" min="0" max="0" step="1" value="0" aria-label="${escapeHtml(vscode.l10n.t('Position'))}">
    <span id="time">0:00 / 0:00</span>
    <select id="rate" aria-label="${escapeHtml(vscode.l10n.t('Playback speed'))}">${rates}</select>
    <button id="mute" class="secondary" type="button">${escapeHtml(strings.mute)}</button>
    <button id="download" class="secondary" type="button">${escapeHtml(vscode.l10n.t('Download Video…'))}</button>
  </div>
  <p id="status" role="status"></p>`,
  });
}
