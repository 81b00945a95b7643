import * as vscode from 'vscode';
import { assetGroup, typeLabel, uploadTypeOf, type AssetGroupId } from '../core/assets/groups';
import { fits } from '../core/assets/references';
import type { DigitalAssetInfo } from '../core/cloud/types';
import { ExpectedError, withErrorContext } from '../core/errors';
import { UploadRefusedError } from '../core/upload/errors';
import { extensionsOf, isUploadableType, typesForFile, UPLOADABLE_TYPES, uploadableExtensions, type UploadableType } from '../core/upload/media';
import { batchPercent, describeProgress } from '../core/upload/progress';
import { prepareUpload, uploadPrepared, type PreparedUpload, type UploadedAsset } from '../core/upload/uploadAsset';
import { parseUriList } from '../core/upload/uriList';
import { withCancellableProgress } from '../commands/progress';
import { registerCommand } from '../commands/registerCommand';
import { log } from '../logging/log';
import type { Services } from '../services';
import type { AssetsTreeProvider, AssetTreeNode, GroupNode } from './assetsTree';
import { fieldAt, idText } from './scriptAssets';

/** How long the progress waits for MetaStudio's review of an upload; the tree shows the state after. */
const REVIEW_WAIT_MS = 60_000;
/** File schemes whose paths the extension host can read: local files, and a remote window's files. */
const READABLE_SCHEMES = new Set(['file', 'vscode-remote']);

/** What "Upload a file…" in a script's asset-ID field hands its command. */
export interface FieldUpload {
  readonly uri: string;
  /** Where the field's value goes (document offset). */
  readonly offset: number;
  /** The asset types the field takes. */
  readonly types: readonly string[];
}

function fileFilters(types: readonly UploadableType[]): Record<string, string[]> {
  const filters: Record<string, string[]> = {};
  for (const type of types) filters[vscode.l10n.t('{0} files', typeLabel(type))] = [...extensionsOf(type)];
  return filters;
}

function localPath(uri: vscode.Uri): string {
  if (!READABLE_SCHEMES.has(uri.scheme)) throw new ExpectedError(vscode.l10n.t('{0} is not a file on this computer, so it cannot be uploaded.', uri.toString(true)));
  return uri.fsPath;
}

/**
 * Uploads local media as assets: a batch of files, each checked before anything is sent, with one
 * cancellable progress notification (bytes and percent); each asset shows in its group as soon as
 * it exists. See docs/decisions/uploads.md.
 */
export class Uploads {
  constructor(
    private readonly services: Services,
    private readonly tree: AssetsTreeProvider,
    private readonly view: vscode.TreeView<AssetTreeNode>,
  ) {}

  /** The type of each file: the group's, the extension's, or asked once when a file is music or audio alike. */
  private async typesFor(files: readonly string[], group: AssetGroupId | undefined): Promise<(UploadableType | undefined)[] | undefined> {
    const groupType = group === undefined ? undefined : uploadTypeOf(assetGroup(group));
    let ambiguous: UploadableType | undefined;
    const types: (UploadableType | undefined)[] = [];
    for (const file of files) {
      const fitting = typesForFile(file);
      if (groupType && fitting.includes(groupType)) types.push(groupType);
      else if (fitting.length > 1) {
        ambiguous ??= await this.services.prompts.pick({
          id: 'upload.audioType',
          title: vscode.l10n.t('Upload the MP3 and WAV files as'),
          items: fitting.map((value) => ({ label: typeLabel(value), description: value, value })),
        });
        if (!ambiguous) return undefined;
        types.push(ambiguous);
      } else types.push(undefined);
    }
    return types;
  }

  /** Uploads `uris` (into `group` when given); the assets made, undefined when the user backed out. */
  async upload(uris: readonly vscode.Uri[], options: { group?: AssetGroupId; type?: UploadableType; offerInsert?: boolean } = {}): Promise<DigitalAssetInfo[] | undefined> {
    const files = uris.map(localPath);
    if (files.length === 0) return [];
    const types = options.type ? files.map(() => options.type) : await this.typesFor(files, options.group);
    if (!types) return undefined;
    const prepared: PreparedUpload[] = [];
    for (const [i, file] of files.entries()) {
      try {
        prepared.push(await prepareUpload(file, types[i] ? { type: types[i] } : {}));
      } catch (err) {
        if (!(err instanceof UploadRefusedError)) throw err;
        throw new ExpectedError(vscode.l10n.t('{0} Nothing was uploaded.', err.message), { cause: err });
      }
    }
    const client = await this.services.connections.client();
    const made = new Map<string, DigitalAssetInfo>();
    const batchBytes = prepared.reduce((sum, p) => sum + p.totalBytes, 0);
    const title = files.length === 1
      ? vscode.l10n.t('Uploading {0} to MetaStudio', vscode.workspace.asRelativePath(files[0]))
      : vscode.l10n.t('Uploading {0} files to MetaStudio', files.length);
    await withCancellableProgress(title, async (report, signal) => {
      let done = 0;
      let shown = 0;
      for (const [i, item] of prepared.entries()) {
        const name = vscode.workspace.asRelativePath(files[i]);
        const show = (asset: UploadedAsset) => {
          made.set(asset.assetId, asset.details);
          this.show(asset.details);
        };
        const asset: UploadedAsset = await withErrorContext(vscode.l10n.t('The upload of {0} failed', name), () => uploadPrepared(client, item, {
          signal,
          wait: { timeoutMs: REVIEW_WAIT_MS },
          onCreated: show,
          onProgress: (progress) => {
            const percent = batchPercent(done, progress, batchBytes);
            report(describeProgress(name, progress, percent), percent - shown);
            shown = Math.max(shown, percent);
          },
        }));
        show(asset);
        log().info(`upload: ${name} is the ${asset.type} asset ${asset.assetId}, ${asset.state}`);
        done += item.totalBytes;
      }
    });
    const assets = [...made.values()];
    if (options.offerInsert !== false) void this.offerInsert(assets);
    return assets;
  }

  /** Shows the asset in its group, opening the group when the view is visible. */
  private show(asset: DigitalAssetInfo): void {
    const group = this.tree.showAsset(asset);
    if (group && this.view.visible) void Promise.resolve(this.view.reveal(group, { expand: true, select: false, focus: false })).catch(() => undefined);
  }

  /** "Uploaded …" with Insert ID (into the active editor) and Copy ID. */
  private async offerInsert(assets: readonly DigitalAssetInfo[]): Promise<void> {
    if (assets.length === 0) return;
    const insert = vscode.l10n.t('Insert ID');
    const copy = vscode.l10n.t('Copy ID');
    const [first] = assets;
    const message = assets.length === 1
      ? vscode.l10n.t('Uploaded "{0}" to MetaStudio as {1} ({2}).', first.asset_name, first.asset_id, first.asset_state ?? '')
      : vscode.l10n.t('Uploaded {0} assets to MetaStudio.', assets.length);
    const choice = await vscode.window.showInformationMessage(message, insert, copy);
    if (!choice) return;
    const asset = assets.length === 1 ? first : await this.services.prompts.pick({
      id: 'upload.whichAsset',
      title: choice,
      items: assets.map((a) => ({ label: a.asset_name, description: a.asset_id, value: a })),
    });
    if (!asset) return;
    await vscode.commands.executeCommand(choice === insert ? 'metastudio.assets.insertId' : 'metastudio.assets.copyId', asset);
  }

  /** Asks for files to upload: of the group's type, or any media. */
  async pick(group: AssetGroupId | undefined): Promise<vscode.Uri[] | undefined> {
    const type = group === undefined ? undefined : uploadTypeOf(assetGroup(group));
    return this.services.prompts.open({
      id: 'upload.files',
      canSelectMany: true,
      title: vscode.l10n.t('Upload to MetaStudio'),
      openLabel: vscode.l10n.t('Upload'),
      filters: type ? fileFilters([type]) : { [vscode.l10n.t('Media files')]: uploadableExtensions() },
    });
  }

  /** "Upload a file…" of a script field: one file of a type the field takes, its ID put into the field. */
  async uploadForField(target: FieldUpload): Promise<string | undefined> {
    const types = UPLOADABLE_TYPES.filter((t) => target.types.includes(t));
    const [uri] = await this.services.prompts.open({
      id: 'upload.fieldFile', canSelectMany: false, title: vscode.l10n.t('Upload a File for This Field'), openLabel: vscode.l10n.t('Upload'), filters: fileFilters(types),
    }) ?? [];
    if (!uri) return undefined;
    const type = target.types.find((t): t is UploadableType => isUploadableType(t) && typesForFile(uri.path).includes(t));
    if (!type) {
      throw new ExpectedError(vscode.l10n.t('The field takes {0} files.', types.flatMap((t) => extensionsOf(t)).join(', ')));
    }
    const [asset] = await this.upload([uri], { type, offerInsert: false }) ?? [];
    if (!asset) return undefined;
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(target.uri));
    const field = fieldAt(this.services.languages, document, document.positionAt(target.offset));
    if (field && fits(field.expectation, asset.asset_type)) {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(document.uri, new vscode.Range(document.positionAt(field.start), document.positionAt(field.end)), idText(field, asset.asset_id));
      if (await vscode.workspace.applyEdit(edit)) return asset.asset_id;
    }
    await vscode.env.clipboard.writeText(asset.asset_id);
    void vscode.window.showWarningMessage(vscode.l10n.t('The field changed during the upload; the ID of "{0}" is on the clipboard.', asset.asset_name));
    return asset.asset_id;
  }
}

/** Files dropped on the Assets view (from the explorer or the desktop) go to the group they were dropped on. */
export class AssetDropController implements vscode.TreeDragAndDropController<AssetTreeNode> {
  readonly dropMimeTypes = ['text/uri-list'];
  readonly dragMimeTypes: string[] = [];

  async handleDrop(target: AssetTreeNode | undefined, dataTransfer: vscode.DataTransfer): Promise<void> {
    const list = await dataTransfer.get('text/uri-list')?.asString();
    if (!list) return;
    const uris = parseUriList(list).map((text) => vscode.Uri.parse(text));
    const group: GroupNode | undefined = target?.kind === 'group' ? target : target?.parent;
    // A drop is no command: its failures are shown here, as the command wrapper would.
    await vscode.commands.executeCommand('metastudio.assets.upload', group?.group.id, uris);
  }
}

/**
 * "Upload to MetaStudio": on media files in the explorer (all selected), on the Assets view's title
 * and the groups that take uploads (a file picker), by a drop on the view (the same command), and
 * "Upload a file…" in a script's asset-ID fields.
 */
export function registerUploads(context: vscode.ExtensionContext, uploads: Uploads, groupOf: (arg: AssetTreeNode | AssetGroupId | undefined) => GroupNode | undefined): void {
  registerCommand(context, 'metastudio.assets.upload', async (arg?: vscode.Uri | AssetTreeNode | AssetGroupId, selected?: unknown) => {
    const groupId = arg instanceof vscode.Uri ? undefined : groupOf(arg)?.group.id;
    let uris: vscode.Uri[] | undefined;
    if (arg instanceof vscode.Uri) uris = Array.isArray(selected) && selected.length ? selected.filter((u): u is vscode.Uri => u instanceof vscode.Uri) : [arg];
    else if (Array.isArray(selected)) uris = selected.filter((u): u is vscode.Uri => u instanceof vscode.Uri);
    else uris = await uploads.pick(groupId);
    if (!uris?.length) return undefined;
    return uploads.upload(uris, { group: groupId });
  });
  registerCommand(context, 'metastudio.assets.uploadForField', (target: FieldUpload) => uploads.uploadForField(target));
}
