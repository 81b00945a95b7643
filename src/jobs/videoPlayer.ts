/**
 * The video player panel: plays a produced video downloaded into the extension's storage, through
 * `asWebviewUri`, so it plays the same in desktop VS Code, Remote and the browser workbench (an
 * external link would go through the browser workbench's port proxy). The webview reaches only
 * dist/ and the videos folder.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { log } from '../logging/log';
import { isVideoEventMessage } from './videoMessages';

/** What the player's `<video>` reported. */
export interface VideoReport {
  readonly event: string;
  readonly duration: number;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export class VideoPlayer implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  /** What the player's `<video>` did, newest last (the log has it too). */
  readonly reports: VideoReport[] = [];

  constructor(private readonly extensionUri: vscode.Uri, readonly videosFolder: vscode.Uri) {}

  /** Shows `file` (in the videos folder) in the (reused) panel. */
  show(title: string, file: vscode.Uri): void {
    const dist = vscode.Uri.joinPath(this.extensionUri, 'dist');
    if (!this.panel) {
      const panel = vscode.window.createWebviewPanel('metastudio.video', title, vscode.ViewColumn.Active, {
        enableScripts: true,
        localResourceRoots: [dist, this.videosFolder],
      });
      panel.webview.onDidReceiveMessage((message: unknown) => {
        if (!isVideoEventMessage(message)) return;
        this.reports.push({ event: message.event, duration: message.duration });
        if (this.reports.length > 200) this.reports.splice(0, 100);
        log().debug(`video player: ${message.event} (${message.duration.toFixed(2)} s)`);
      });
      panel.onDidDispose(() => { if (this.panel === panel) this.panel = undefined; });
      this.panel = panel;
    } else {
      this.panel.reveal();
    }
    this.panel.title = title;
    this.panel.webview.html = videoHtml(this.panel.webview, vscode.Uri.joinPath(dist, 'webview', 'video.js'), file, title);
  }

  dispose(): void {
    this.panel?.dispose();
  }
}

function videoHtml(webview: vscode.Webview, scriptUri: vscode.Uri, file: vscode.Uri, title: string): string {
  const nonce = randomBytes(16).toString('base64');
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src 'nonce-${nonce}'`,
    `media-src ${webview.cspSource}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${escapeHtml(vscode.env.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<style nonce="${nonce}">
  body { padding: 16px; color: var(--vscode-foreground); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); }
  h1 { font-size: 1.1em; font-weight: 600; margin: 0 0 8px; }
  video { display: block; max-width: 100%; max-height: calc(100vh - 80px); background: var(--vscode-editor-background); }
  video:focus-visible { outline: 1px solid var(--vscode-focusBorder); }
  #status { color: var(--vscode-errorForeground); }
  [hidden] { display: none !important; }
</style>
<title>${escapeHtml(title)}</title>
</head>
<body>
<main>
  <h1>${escapeHtml(title)}</h1>
  <video id="video" controls preload="auto" aria-label="${escapeHtml(title)}" src="${escapeHtml(webview.asWebviewUri(file).toString())}"></video>
  <p id="status" role="status" hidden>${escapeHtml(vscode.l10n.t('This video cannot be played here. Download it to play it in another player.'))}</p>
</main>
<script nonce="${nonce}" src="${escapeHtml(webview.asWebviewUri(scriptUri).toString())}"></script>
</body>
</html>`;
}
