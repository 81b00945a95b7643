import * as vscode from 'vscode';
import type { AssetApi, AssetCatalog } from '../core/assets/catalog';
import { assetName, assetSummary, failureText, isActive } from '../core/assets/describe';
import { groupQuery, isFiltered, listsOwnAsset, type AssetFilter } from '../core/assets/filters';
import { assetGroups, groupLabel, groupOfType, uploadTypeOf, type AssetGroup } from '../core/assets/groups';
import { PagedList } from '../core/assets/pagedList';
import type { DigitalAssetInfo } from '../core/cloud/types';
import { errorMessage, ExpectedError } from '../core/errors';
import { log } from '../logging/log';
import { assetTooltip } from './tooltip';

export const pageSize = 50;

export class GroupNode {
  readonly kind = 'group';
  private nodes: AssetNode[] = [];
  constructor(readonly group: AssetGroup, readonly list: PagedList<DigitalAssetInfo>) {}

  /** One node per loaded asset, the same object every time: `TreeView.reveal` finds a node by identity. */
  assetNodes(): readonly AssetNode[] {
    const { items } = this.list;
    let kept = 0;
    while (kept < this.nodes.length && kept < items.length && this.nodes[kept].asset === items[kept]) kept++;
    this.nodes = [...this.nodes.slice(0, kept), ...items.slice(kept).map((asset) => new AssetNode(asset, this))];
    return this.nodes;
  }
}

export class AssetNode {
  readonly kind = 'asset';
  constructor(readonly asset: DigitalAssetInfo, readonly parent: GroupNode) {}
}

export class LoadMoreNode {
  readonly kind = 'loadMore';
  constructor(readonly parent: GroupNode) {}
}

/** A failure, an empty result or a hint, shown in the tree instead of a pop-up. */
export class MessageNode {
  readonly kind = 'message';
  constructor(readonly type: 'error' | 'empty' | 'info', readonly label: string, readonly parent?: GroupNode, readonly detail?: string) {}
}

export type AssetTreeNode = GroupNode | AssetNode | LoadMoreNode | MessageNode;

/** Where the tree gets its data: the active connection (undefined when signed out) and its client. */
export interface AssetsTreeSource {
  /** `endpoint|project`, or undefined when signed out. */
  connectionKey(): string | undefined;
  /** False in an untrusted workspace: then nothing is asked of the cloud. */
  trusted(): boolean;
  client(): Promise<AssetApi | undefined>;
}

/**
 * The "Assets" tree: one group per asset type, each paged from the server with a "Load more…" node,
 * failures and empty results as items. Loaded assets also feed the catalog (completion, hover, lint).
 */
export class AssetsTreeProvider implements vscode.TreeDataProvider<AssetTreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<AssetTreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly delivered = new vscode.EventEmitter<GroupNode>();
  /** A group's children were handed to the view (which asks again after each change). */
  readonly onDidDeliverChildren = this.delivered.event;
  private groups: GroupNode[] = [];
  private groupsKey: string | undefined;

  constructor(private readonly source: AssetsTreeSource, private filterValue: AssetFilter, private readonly catalog?: AssetCatalog) {}

  get filter(): AssetFilter {
    return this.filterValue;
  }

  setFilter(filter: AssetFilter): void {
    this.filterValue = filter;
    this.refresh();
  }

  /** Reloads every group (each starts again from its first page). */
  refresh(): void {
    this.groups.forEach((g) => g.list.reset());
    this.groups = [];
    this.groupsKey = undefined;
    this.changed.fire(undefined);
  }

  refreshGroup(node: GroupNode): void {
    node.list.reset();
    this.startLoading(node);
  }

  /**
   * The next page of a group; while one is loading, the same one (the lock against double clicks).
   * The rows change once, when the page is in (the command shows the view's progress meanwhile).
   */
  async loadMore(node: GroupNode): Promise<void> {
    await node.list.loadMore();
    this.changed.fire(node);
  }

  groupNodes(): readonly GroupNode[] {
    return this.currentGroups() ?? [];
  }

  /**
   * Shows an asset just made or changed (an upload) in its group without reloading it, when the
   * filter lets the group list it; the group, if any.
   */
  showAsset(asset: DigitalAssetInfo): GroupNode | undefined {
    this.catalog?.remember([asset]);
    const node = this.groupNodes().find((g) => g.group.id === groupOfType(asset.asset_type).id);
    if (!node || !listsOwnAsset(this.filterValue, asset.asset_name)) return undefined;
    if (node.list.started) {
      node.list.upsert(asset);
      this.changed.fire(node);
    }
    return node;
  }

  getParent(node: AssetTreeNode): AssetTreeNode | undefined {
    return node.kind === 'group' ? undefined : node.parent;
  }

  async getChildren(node?: AssetTreeNode): Promise<AssetTreeNode[]> {
    if (!node) {
      if (!this.source.trusted()) return [new MessageNode('info', vscode.l10n.t('Trust this workspace to browse MetaStudio assets.'))];
      const groups = this.currentGroups();
      if (!groups) return [];
      groups.filter((g) => !g.list.started).forEach((g) => this.startLoading(g));
      return groups;
    }
    if (node.kind !== 'group') return [];
    if (!node.list.started) this.startLoading(node);
    if (node.list.loading) await node.list.loadMore();
    const children = this.groupChildren(node);
    this.delivered.fire(node);
    return children;
  }

  getTreeItem(node: AssetTreeNode): vscode.TreeItem {
    switch (node.kind) {
      case 'group': return this.groupItem(node);
      case 'asset': return assetItem(node.asset, node.parent.group);
      case 'loadMore': return this.loadMoreItem(node);
      case 'message': return messageItem(node);
    }
  }

  dispose(): void {
    this.groups.forEach((g) => g.list.reset());
    this.changed.dispose();
    this.delivered.dispose();
  }

  private currentGroups(): GroupNode[] | undefined {
    const key = this.source.connectionKey();
    if (!key) return undefined;
    if (key !== this.groupsKey) {
      this.groups.forEach((g) => g.list.reset());
      this.groups = assetGroups.map((group) => new GroupNode(group, this.pagedList(group)));
      this.groupsKey = key;
    }
    return this.groups;
  }

  private pagedList(group: AssetGroup): PagedList<DigitalAssetInfo> {
    return new PagedList(async (offset, limit, signal) => {
      const client = await this.source.client();
      if (!client) throw new ExpectedError(vscode.l10n.t('The active connection has no credentials: sign in again.'));
      const query = groupQuery(group, this.filterValue, offset, limit);
      try {
        const page = await client.listAssets(query, { signal });
        this.catalog?.remember(page.assets);
        return { count: page.count, items: page.assets };
      } catch (err) {
        if (!signal.aborted) log().error(`assets: loading ${group.id} (offset ${offset}) failed: ${errorMessage(err)}`);
        throw err;
      }
    }, pageSize, (asset) => asset.asset_id);
  }

  private startLoading(node: GroupNode): void {
    void node.list.loadMore().then(() => this.changed.fire(node));
  }

  private groupChildren(node: GroupNode): AssetTreeNode[] {
    const { list } = node;
    const children: AssetTreeNode[] = [...node.assetNodes()];
    if (list.error !== undefined) {
      const detail = errorMessage(list.error);
      children.push(new MessageNode('error', vscode.l10n.t('Failed to load: {0} — Show Logs', failureText(list.error)), node, detail));
    } else if (list.items.length === 0 && !list.hasMore) {
      children.push(new MessageNode('empty', isFiltered(this.filterValue) ? vscode.l10n.t('No assets match the filters') : vscode.l10n.t('No assets'), node));
    }
    if (list.items.length > 0 && list.hasMore) children.push(new LoadMoreNode(node));
    return children;
  }

  private groupItem(node: GroupNode): vscode.TreeItem {
    const { count } = node.list;
    const label = count === undefined ? groupLabel(node.group.id) : vscode.l10n.t('{0} ({1})', groupLabel(node.group.id), count);
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `group:${node.group.id}`;
    item.iconPath = new vscode.ThemeIcon(node.group.icon);
    // Groups that take uploads offer "Upload to MetaStudio".
    item.contextValue = uploadTypeOf(node.group) ? 'group.upload' : 'group';
    if (node.list.error !== undefined) item.description = vscode.l10n.t('failed to load');
    else if (count === undefined) item.description = vscode.l10n.t('loading…');
    return item;
  }

  private loadMoreItem(node: LoadMoreNode): vscode.TreeItem {
    const { list } = node.parent;
    const item = new vscode.TreeItem(list.loading ? vscode.l10n.t('Loading…') : vscode.l10n.t('Load more…'));
    item.description = vscode.l10n.t('{0} of {1} shown', list.items.length, list.count ?? '?');
    item.iconPath = new vscode.ThemeIcon(list.loading ? 'loading~spin' : 'more');
    item.contextValue = 'loadMore';
    item.command = { command: 'metastudio.assets.loadMore', title: vscode.l10n.t('Load more…'), arguments: [node] };
    return item;
  }
}

function assetItem(asset: DigitalAssetInfo, group: AssetGroup): vscode.TreeItem {
  // A string label is always plain text in a tree.
  const item = new vscode.TreeItem(assetName(asset));
  item.description = assetSummary(asset);
  item.tooltip = assetTooltip(asset);
  item.iconPath = isActive(asset)
    ? new vscode.ThemeIcon(group.icon)
    : new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('list.warningForeground'));
  item.contextValue = asset.asset_type === 'VOICE_MODEL' ? 'asset.voice' : 'asset';
  return item;
}

function messageItem(node: MessageNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.label);
  item.contextValue = node.type;
  if (node.type === 'error') {
    item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
    item.tooltip = node.detail;
    item.command = { command: 'metastudio.logs.show', title: vscode.l10n.t('Show Logs') };
  } else {
    item.iconPath = new vscode.ThemeIcon('info');
  }
  return item;
}
