import * as vscode from 'vscode';
import { defaultFilter, describeFilter, isFiltered, languageName, parseFilter, sexLabel, sourceLabel, voiceLanguages, type AssetFilter, type VoiceSex } from '../core/assets/filters';
import type { AssetGroupId } from '../core/assets/groups';
import type { AssetSource } from '../core/cloud/types';
import { registerCommand } from '../commands/registerCommand';
import { setContext } from '../contextKeys';
import type { Prompts } from '../prompts';
import type { Services } from '../services';
import { registerAssetCommands } from './assetCommands';
import { AssetsTreeProvider, type AssetTreeNode, type GroupNode } from './assetsTree';
import { registerScriptAssets } from './scriptAssets';
import { AssetDropController, registerUploads, Uploads } from './uploads';

const filterKey = 'metastudio.assets.filter';

/** A filter change: a field set to null is cleared. */
type FilterChange = { [K in keyof AssetFilter]?: AssetFilter[K] | null };

function applyChange(filter: AssetFilter, change: FilterChange): AssetFilter {
  const next: Record<string, unknown> = { ...filter };
  for (const [key, value] of Object.entries(change)) {
    if (value === null) delete next[key];
    else if (value !== undefined) next[key] = value;
  }
  return parseFilter(next);
}

/** One field's new value, asked in two steps; the value "Any" (null) clears the field. */
async function pickFilterChange(prompts: Prompts, filter: AssetFilter): Promise<FilterChange | undefined> {
  const any = vscode.l10n.t('Any');
  const field = await prompts.pick<'source' | 'language' | 'sex' | 'realtime'>({
    id: 'assets.filterBy',
    items: [
      { label: vscode.l10n.t('Source'), description: sourceLabel(filter.source), value: 'source' },
      { label: vscode.l10n.t('Voice language'), description: filter.language ?? any, value: 'language' },
      { label: vscode.l10n.t('Voice sex'), description: filter.sex ? sexLabel(filter.sex) : any, value: 'sex' },
      { label: vscode.l10n.t('Real-time voices'), description: filter.realtime === undefined ? any : filter.realtime ? vscode.l10n.t('real-time only') : vscode.l10n.t('not real-time only'), value: 'realtime' },
    ],
    title: vscode.l10n.t('Filter Assets'),
  });
  switch (field) {
    case 'source': {
      const source = await prompts.pick({ id: 'assets.filterSource', items: (['ALL', 'SYSTEM', 'CUSTOMIZATION'] as AssetSource[]).map((value) => ({ label: sourceLabel(value), value })), title: vscode.l10n.t('Asset Source') });
      return source && { source };
    }
    case 'language': {
      const language = await prompts.pick<string | null>({ id: 'assets.filterLanguage', items: [{ label: any, value: null }, ...voiceLanguages.map((value) => ({ label: languageName(value), description: value, value }))], title: vscode.l10n.t('Voice Language') });
      return language === undefined ? undefined : { language };
    }
    case 'sex': {
      const sex = await prompts.pick<VoiceSex | null>({ id: 'assets.filterSex', items: [{ label: any, value: null }, ...(['FEMALE', 'MALE', 'UNKNOWN'] as VoiceSex[]).map((value) => ({ label: sexLabel(value), value }))], title: vscode.l10n.t('Voice Sex') });
      return sex === undefined ? undefined : { sex };
    }
    case 'realtime': {
      const realtime = await prompts.pick<boolean | null>({
        id: 'assets.filterRealtime',
        items: [{ label: any, value: null }, { label: vscode.l10n.t('Real-time only (livestreams)'), value: true }, { label: vscode.l10n.t('Not real-time only'), value: false }],
        title: vscode.l10n.t('Real-time Voices'),
      });
      return realtime === undefined ? undefined : { realtime };
    }
    default:
      return undefined;
  }
}

/**
 * True once the view has been given more than `shown` assets of the group (a node can only be revealed
 * after that), false after a few seconds without (the view was collapsed or hidden meanwhile).
 */
function childrenDelivered(tree: AssetsTreeProvider, group: GroupNode, shown: number): Promise<boolean> {
  return new Promise((resolve) => {
    const done = (result: boolean) => {
      clearTimeout(timer);
      listener.dispose();
      // The view gets the children when getChildren's promise settles, after this event.
      setTimeout(() => resolve(result), 0);
    };
    const timer = setTimeout(() => done(false), 5_000);
    const listener = tree.onDidDeliverChildren((node) => { if (node === group && group.list.items.length > shown) done(true); });
  });
}

/**
 * The Assets view (tree, filters in its title, per-asset commands) and what script files know about
 * assets. The catalog itself is created with the services (createAssetCatalog).
 */
export function register(context: vscode.ExtensionContext, services: Services): void {
  const { connections, assets: catalog, prompts } = services;
  const tree = new AssetsTreeProvider({
    connectionKey: () => connections.activeKey(),
    trusted: () => vscode.workspace.isTrusted,
    client: () => connections.tryClient(),
  }, parseFilter(context.workspaceState.get(filterKey)), catalog);
  const view = vscode.window.createTreeView('metastudio.assets', { treeDataProvider: tree, showCollapseAll: true, dragAndDropController: new AssetDropController() });

  const showFilter = () => {
    view.description = describeFilter(tree.filter);
    // A container with one view hides view descriptions: a filter must still be seen.
    view.message = isFiltered(tree.filter) ? vscode.l10n.t('Filtered: {0}', describeFilter(tree.filter)) : undefined;
    setContext('metastudio.assets.filtered', isFiltered(tree.filter));
  };
  const setFilter = async (filter: AssetFilter) => {
    await context.workspaceState.update(filterKey, filter);
    tree.setFilter(filter);
    showFilter();
    return describeFilter(filter);
  };
  showFilter();
  context.subscriptions.push(tree, view, connections.onDidChange(() => tree.refresh()));

  const groupOf = (arg: AssetTreeNode | AssetGroupId | undefined): GroupNode | undefined => {
    if (typeof arg === 'string') return tree.groupNodes().find((g) => g.group.id === arg);
    if (arg?.kind === 'group') return arg;
    return arg && arg.kind !== 'asset' ? arg.parent : undefined;
  };

  registerCommand(context, 'metastudio.assets.refresh', () => {
    catalog.refresh();
    tree.refresh();
  });
  registerCommand(context, 'metastudio.assets.refreshGroup', (arg?: AssetTreeNode | AssetGroupId) => {
    const group = groupOf(arg);
    if (group) tree.refreshGroup(group);
  });
  registerCommand(context, 'metastudio.assets.loadMore', async (arg?: AssetTreeNode | AssetGroupId) => {
    const group = groupOf(arg);
    if (!group) return undefined;
    return vscode.window.withProgress({ location: { viewId: 'metastudio.assets' } }, async () => {
      const shown = group.list.items.length;
      const fromTree = typeof arg === 'object' && arg.kind === 'loadMore' && view.visible;
      const delivered = fromTree ? childrenDelivered(tree, group, shown) : undefined;
      await tree.loadMore(group);
      // From the "Load more…" row (Enter or a click), focus goes on to the first new row: that row is
      // gone, and without this the next Down would start again at the top of the tree.
      const first = group.assetNodes()[shown];
      if (delivered && first && await delivered) await view.reveal(first, { focus: true, select: false });
      return group.list.items.length;
    });
  });
  registerCommand(context, 'metastudio.assets.search', async () => {
    const value = await prompts.input({
      id: 'assets.search', title: vscode.l10n.t('Search Assets by Name'), value: tree.filter.name ?? '', prompt: vscode.l10n.t('Part of the asset name; empty to show all.'),
    });
    if (value === undefined) return undefined;
    return setFilter(applyChange(tree.filter, { name: value.trim() === '' ? null : value }));
  });
  registerCommand(context, 'metastudio.assets.filter', async () => {
    const change = await pickFilterChange(prompts, tree.filter);
    return change ? setFilter(applyChange(tree.filter, change)) : undefined;
  });
  registerCommand(context, 'metastudio.assets.clearFilters', () => setFilter(defaultFilter));

  registerAssetCommands(context, services);
  registerScriptAssets(context, services);
  registerUploads(context, new Uploads(services, tree, view), groupOf);
}
