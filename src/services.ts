import type { ConnectionService } from './connections/connectionService';
import type { AssetCatalog } from './core/assets/catalog';

/** What features share, created once in activate() and handed to each feature's register(). */
export interface Services {
  readonly connections: ConnectionService;
  /**
   * What is known about the active connection's assets, cached: `peek(id)` and
   * `voiceCapability(voiceAssetId)` answer synchronously (fetching in the background),
   * `list('voices')` lists voices, `onDidChange` fires when an answer arrives (re-lint then).
   */
  readonly assets: AssetCatalog;
}
