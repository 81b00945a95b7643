import type { ConnectionService } from './connections/connectionService';

/** What features share, created once in activate() and handed to each feature's register(). */
export interface Services {
  readonly connections: ConnectionService;
}
