import * as vscode from 'vscode';
import { AssetCatalog } from '../core/assets/catalog';
import { log } from '../logging/log';
import type { Services } from '../services';

const snapshotKey = 'metastudio.assets.catalog';
const saveDelayMs = 2_000;

/**
 * The asset catalog of the active connection, for every feature (services.assets). Answers nothing
 * in an untrusted workspace, where no remote call is made (docs/decisions/workspace-trust.md). What it learns is kept
 * in global state, so that voice capabilities and asset checks still work offline in the next session.
 */
export function createAssetCatalog(context: vscode.ExtensionContext, { connections }: Pick<Services, 'connections'>): AssetCatalog {
  const catalog = new AssetCatalog({
    connection: () => {
      if (!vscode.workspace.isTrusted) return undefined;
      const key = connections.activeKey();
      return key === undefined ? undefined : { key, client: () => connections.tryClient() };
    },
    logger: { warn: (message) => log().warn(message) },
  });
  catalog.restore(context.globalState.get(snapshotKey));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    timer = undefined;
    void context.globalState.update(snapshotKey, catalog.snapshot());
  };
  context.subscriptions.push(
    catalog.onDidChange(() => { timer ??= setTimeout(save, saveDelayMs); }),
    connections.onDidChange(() => catalog.connectionChanged()),
    { dispose: () => { if (timer) { clearTimeout(timer); save(); } catalog.dispose(); } },
  );
  return catalog;
}
