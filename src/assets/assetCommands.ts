import * as vscode from 'vscode';
import { assetName } from '../core/assets/describe';
import { fits } from '../core/assets/references';
import type { DigitalAssetInfo } from '../core/cloud/types';
import { ExpectedError } from '../core/errors';
import { registerCommand } from '../commands/registerCommand';
import { ReadOnlyDocuments } from '../documents/readOnlyDocuments';
import type { Languages } from '../languages';
import type { Services } from '../services';
import type { AssetTreeNode } from './assetsTree';
import { fieldAt, idText } from './scriptAssets';

export const detailsScheme = 'metastudio-asset';

/** What the per-asset commands take: a tree node, `{asset}`, an asset, or an asset ID. */
export type AssetArgument = AssetTreeNode | { asset: DigitalAssetInfo } | DigitalAssetInfo | string;

/** The editor's insert: in a script field that expects this asset type, the field's value; elsewhere at each cursor. */
async function insertId(languages: Languages, asset: DigitalAssetInfo): Promise<'field' | 'cursor'> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) throw new ExpectedError(vscode.l10n.t('Open an editor to insert the asset ID into.'));
  const { document } = editor;
  const field = fieldAt(languages, document, editor.selection.active);
  if (field && fits(field.expectation, asset.asset_type)) {
    const range = new vscode.Range(document.positionAt(field.start), document.positionAt(field.end));
    if (!await editor.edit((edit) => edit.replace(range, idText(field, asset.asset_id)))) throw new ExpectedError(vscode.l10n.t('The editor did not take the edit.'));
    return 'field';
  }
  if (!await editor.edit((edit) => editor.selections.forEach((s) => edit.replace(s, asset.asset_id)))) throw new ExpectedError(vscode.l10n.t('The editor did not take the edit.'));
  return 'cursor';
}

function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|#%\u0000-\u001f]/g, '_').slice(0, 80) || 'asset';
}

export function registerAssetCommands(context: vscode.ExtensionContext, { connections, assets: catalog, languages }: Services): void {
  const details = new ReadOnlyDocuments();
  context.subscriptions.push(details, vscode.workspace.registerTextDocumentContentProvider(detailsScheme, details));

  const resolve = async (arg: AssetArgument | undefined): Promise<DigitalAssetInfo> => {
    if (typeof arg === 'string') {
      const lookup = await catalog.get(arg);
      // No answer at all: signed out or untrusted; client() says which (and offers to sign in).
      if (!lookup) await connections.client();
      if (lookup?.state === 'found') return lookup.asset;
      if (lookup?.state === 'failed') throw lookup.error;
      throw new ExpectedError(vscode.l10n.t('No asset "{0}" in this project.', arg));
    }
    if (arg && typeof arg === 'object') {
      if ('asset_id' in arg) return arg;
      if ('asset' in arg && arg.asset) return arg.asset;
    }
    throw new ExpectedError(vscode.l10n.t('Pick an asset in the Assets view first.'));
  };
  /** Fresh details (download URLs expire after 24 hours). */
  const fetchDetails = async (asset: DigitalAssetInfo, token?: vscode.CancellationToken): Promise<DigitalAssetInfo> => {
    const client = await connections.client();
    const controller = new AbortController();
    const cancel = token?.onCancellationRequested(() => controller.abort());
    try {
      return await client.getAsset(asset.asset_id, { signal: controller.signal });
    } finally {
      cancel?.dispose();
    }
  };

  registerCommand(context, 'metastudio.assets.copyId', async (arg?: AssetArgument) => {
    const asset = await resolve(arg);
    await vscode.env.clipboard.writeText(asset.asset_id);
    vscode.window.setStatusBarMessage(vscode.l10n.t('Copied the ID of "{0}"', assetName(asset)), 3000);
    return asset.asset_id;
  });

  registerCommand(context, 'metastudio.assets.insertId', async (arg?: AssetArgument) => insertId(languages, await resolve(arg)));

  registerCommand(context, 'metastudio.assets.showDetails', async (arg?: AssetArgument) => {
    const asset = await resolve(arg);
    const full = await vscode.window.withProgress(
      { location: { viewId: 'metastudio.assets' }, title: vscode.l10n.t('Loading asset details…'), cancellable: true },
      (_progress, token) => fetchDetails(asset, token),
    );
    const uri = vscode.Uri.from({ scheme: detailsScheme, path: `/${safeFileName(full.asset_name)}.json`, query: full.asset_id });
    details.set(uri, `${JSON.stringify(full, null, 2)}\n`);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { preview: true });
    return uri.toString();
  });

  // The voice preview plays a voice's own SAMPLE file when it has one (free, through the preview's
  // cache and download rules) and speaks a sample sentence with it otherwise.
  registerCommand(context, 'metastudio.assets.previewVoice', async (arg?: AssetArgument) => {
    const asset = await resolve(arg);
    if (asset.asset_type !== 'VOICE_MODEL') throw new ExpectedError(vscode.l10n.t('"{0}" is not a voice.', assetName(asset)));
    return vscode.commands.executeCommand('metastudio.preview.voice', { voiceAssetId: asset.asset_id });
  });
}
