import * as vscode from 'vscode';
import { ExpectedError } from '../core/errors';
import { connectionKey, linkPath, moveLinks, putLinks, takeLinks } from '../core/links/links';
import { LINKS_FOLDER, LinkStore } from '../core/links/linkStore';
import type { LinkPlace } from '../core/remote/linkedFiles';
import { log } from '../logging/log';
import type { Services } from '../services';

const isLinksFolder = (path: string) => path === LINKS_FOLDER || path.startsWith(`${LINKS_FOLDER}/`);

/**
 * The links files of the workspace folders (docs/decisions/links.md): one store per folder, so that its
 * updates queue up, and links that follow files renamed or moved in VS Code (in a trusted workspace).
 */
export class WorkspaceLinks implements vscode.Disposable {
  private readonly stores = new Map<string, LinkStore>();
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly connections: Services['connections']) {
    this.disposables = [vscode.workspace.onDidRenameFiles((e) => this.followRenames(e))];
  }

  private store(folder: vscode.WorkspaceFolder): LinkStore {
    const root = folder.uri.fsPath;
    let store = this.stores.get(root);
    if (!store) this.stores.set(root, store = new LinkStore(root));
    return store;
  }

  /** The store of the file's workspace folder and the active connection's key. */
  placeOf(uri: vscode.Uri): LinkPlace {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (uri.scheme !== 'file' || !folder) {
      throw new ExpectedError(vscode.l10n.t('{0} is not in a workspace folder on disk, where its link to MetaStudio would be kept.', uri.toString(true)));
    }
    const profile = this.connections.active();
    if (!profile) throw new ExpectedError(vscode.l10n.t('Sign in to MetaStudio first.'));
    return { store: this.store(folder), connection: connectionKey(profile.endpoint, profile.projectId) };
  }

  /** The workspace file linked to the remote object `id` of `kind` on the active connection, if any. */
  async fileOf(kind: string, id: string): Promise<vscode.Uri | undefined> {
    const profile = this.connections.active();
    if (!profile) return undefined;
    const connection = connectionKey(profile.endpoint, profile.projectId);
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      if (folder.uri.scheme !== 'file') continue;
      const links = (await this.store(folder).read()).links.get(connection);
      for (const [path, link] of links ?? []) {
        if (link.kind === kind && link.id === id) return vscode.Uri.joinPath(folder.uri, ...path.split('/'));
      }
    }
    return undefined;
  }

  /** The remote ID a file is linked to on the active connection, without pushing it. */
  async linkedId(uri: vscode.Uri): Promise<string | undefined> {
    const place = this.placeOf(uri);
    const path = linkPath(place.store.root, uri.fsPath);
    return path === undefined ? undefined : (await place.store.get(place.connection, path))?.id;
  }

  /** Only in a trusted workspace (checked per event, so it starts when trust is granted): links.json is the workspace's file. */
  private async followRenames(event: vscode.FileRenameEvent): Promise<void> {
    if (!vscode.workspace.isTrusted) return;
    for (const { oldUri, newUri } of event.files) {
      const from = vscode.workspace.getWorkspaceFolder(oldUri);
      const to = vscode.workspace.getWorkspaceFolder(newUri);
      if (oldUri.scheme !== 'file' || newUri.scheme !== 'file' || !from || !to) continue;
      const source = this.store(from);
      const target = this.store(to);
      const oldPath = linkPath(source.root, oldUri.fsPath);
      const newPath = linkPath(target.root, newUri.fsPath);
      if (oldPath === undefined || newPath === undefined || isLinksFolder(oldPath)) continue;
      try {
        if (source === target) {
          let moved = false;
          await source.update((doc) => {
            const next = moveLinks(doc, oldPath, newPath);
            moved = next !== doc;
            return next;
          });
          if (moved) log().info(`links: ${oldPath} -> ${newPath}`);
          continue;
        }
        // Into another workspace folder: written there first, so that a failure loses no link.
        const [, taken] = takeLinks(await source.read(), oldPath);
        if (taken.size === 0) continue;
        await target.update((doc) => putLinks(doc, newPath, taken));
        await source.update((doc) => takeLinks(doc, oldPath)[0]);
        log().info(`links: ${source.root}/${oldPath} -> ${target.root}/${newPath}`);
      } catch (err) {
        log().error(`links: could not move the links of ${oldPath}`, err as Error);
      }
    }
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}
