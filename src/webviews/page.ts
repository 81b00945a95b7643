/**
 * What every webview page shares (docs/accessibility.md, CONVENTIONS "Webviews"): HTML escaping, a
 * nonce from `crypto.randomBytes` for its one script, and a strict CSP that allows nothing else.
 */
import { randomBytes } from 'node:crypto';
import type * as vscode from 'vscode';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

/** `default-src 'none'`, the nonce'd script, and the webview's own resources (plus `data:` images when asked) for the rest. */
export function contentSecurityPolicy(webview: vscode.Webview, nonce: string, sources: { readonly styles?: 'resources' | 'nonce'; readonly fonts?: boolean; readonly media?: boolean; readonly images?: boolean } = {}): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${sources.styles === 'nonce' ? `'nonce-${nonce}'` : webview.cspSource}`,
    ...(sources.fonts ? [`font-src ${webview.cspSource}`] : []),
    ...(sources.media ? [`media-src ${webview.cspSource}`] : []),
    ...(sources.images ? [`img-src ${webview.cspSource} data:`] : []),
  ].join('; ');
}
