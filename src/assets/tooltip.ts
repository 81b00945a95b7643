import * as vscode from 'vscode';
import { assetDetailRows } from '../core/assets/describe';
import type { DigitalAssetInfo } from '../core/cloud/types';

/**
 * An asset's rich tooltip (tree items, completion documentation, hovers). Asset names and every other
 * value come from the server: they go in with `appendText`, so they are shown as text, never as
 * Markdown, HTML, theme icons or command links.
 */
export function assetTooltip(asset: DigitalAssetInfo, heading?: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString('', false);
  md.isTrusted = false;
  md.supportHtml = false;
  if (heading) {
    md.appendText(heading);
    md.appendMarkdown('\n\n');
  }
  for (const row of assetDetailRows(asset)) {
    md.appendMarkdown('**');
    md.appendText(row.label);
    md.appendMarkdown(':** ');
    md.appendText(row.value);
    md.appendMarkdown('  \n');
  }
  return md;
}
