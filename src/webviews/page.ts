/**
 * What the extension's webview pages share (docs/accessibility.md, CONVENTIONS "Webviews"): one
 * function that builds a page (a strict CSP that allows its one nonce'd script and its own resources,
 * its bundle, title and words), escaping for the HTML put in it, and the media controls' words that
 * both players use.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A fresh nonce for a page's Content-Security-Policy. */
function newNonce(): string {
  return randomBytes(16).toString('base64');
}

/** What a page may load besides its script and style sheet: fonts, media and images (also `data:`), all from the webview's own resources. */
interface PageSources {
  readonly fonts?: boolean;
  readonly media?: boolean;
  readonly images?: boolean;
}

/** `default-src 'none'`, the nonce'd script, and the webview's own resources (plus `data:` images when asked) for the rest. */
function contentSecurityPolicy(webview: vscode.Webview, nonce: string, sources: PageSources = {}): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${webview.cspSource}`,
    ...(sources.fonts ? [`font-src ${webview.cspSource}`] : []),
    ...(sources.media ? [`media-src ${webview.cspSource}`] : []),
    ...(sources.images ? [`img-src ${webview.cspSource} data:`] : []),
  ].join('; ');
}

/** The media controls' words, handed to a page in its `data-strings` (webview/shared/). */
export interface MediaStrings {
  readonly play: string;
  readonly pause: string;
  /** `{0}` second(s), `{0}` minute(s). */
  readonly second: string;
  readonly seconds: string;
  readonly minute: string;
  readonly minutes: string;
  /** The seek slider's value: `{0}` (the position) of `{1}` (the duration). */
  readonly positionOf: string;
}

export function mediaStrings(): MediaStrings {
  return {
    play: vscode.l10n.t('Play'),
    pause: vscode.l10n.t('Pause'),
    second: vscode.l10n.t('{0} second'),
    seconds: vscode.l10n.t('{0} seconds'),
    minute: vscode.l10n.t('{0} minute'),
    minutes: vscode.l10n.t('{0} minutes'),
    positionOf: vscode.l10n.t('{0} of {1}'),
  };
}

/** A webview's page: its one bundle (`<bundle>.css`, `<bundle>.js` in `folder`) and its `<main>`. */
export interface Page {
  readonly folder: vscode.Uri;
  readonly bundle: string;
  readonly title: string;
  /** The page's words, read by its script from `data-strings`. */
  readonly strings: unknown;
  /** The inside of `<main>`, its text already escaped. */
  readonly main: string;
  readonly sources?: PageSources;
}

export function pageHtml(webview: vscode.Webview, page: Page): string {
  const nonce = newNonce();
  const asset = (name: string) => escapeHtml(webview.asWebviewUri(vscode.Uri.joinPath(page.folder, name)).toString());
  return `<!DOCTYPE html>
<html lang="${escapeHtml(vscode.env.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(webview, nonce, page.sources)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${asset(`${page.bundle}.css`)}">
<title>${escapeHtml(page.title)}</title>
</head>
<body>
<main id="app" data-strings="${escapeHtml(JSON.stringify(page.strings))}">
${page.main}
</main>
<script nonce="${nonce}" src="${asset(`${page.bundle}.js`)}"></script>
</body>
</html>`;
}
