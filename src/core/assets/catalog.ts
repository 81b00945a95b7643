/**
 * `AssetCatalog`: what the editor knows about the assets of the active connection, cached per
 * endpoint|project with a time to live. Lookups by ID never wait: `peek(id)` answers from the cache
 * at once and fetches in the background when the answer is missing or stale; `onDidChange` tells
 * linters to look again. The tree, completion, hover, the asset linter and the SSML per-voice
 * checks all read this one cache.
 */
import * as l10n from '@vscode/l10n';
import { collectPages } from '../cloud/paging';
import type { CallOptions } from '../cloud/client';
import type { Clock } from '../cloud/clock';
import { MetaStudioApiError } from '../cloud/errors';
import type { DigitalAssetInfo, ListAssetsQuery, ListAssetsResponse, VoiceCapability } from '../cloud/types';
import { errorMessage, ExpectedError } from '../errors';
import { assetGroup, type AssetGroupId } from './groups';

/** The part of `MetaStudioClient` the catalog uses. */
export interface AssetApi {
  listAssets(query: ListAssetsQuery, options?: CallOptions): Promise<ListAssetsResponse>;
  getAsset(assetId: string, options?: CallOptions): Promise<DigitalAssetInfo>;
}

export interface CatalogConnection {
  /** `endpoint|project_id`: caches never mix connections (a sandbox ID is not a cloud ID). */
  readonly key: string;
  client(): Promise<AssetApi | undefined>;
}

export type AssetLookup =
  | { readonly state: 'found'; readonly asset: DigitalAssetInfo }
  | { readonly state: 'missing' }
  | { readonly state: 'failed'; readonly error: unknown };

export interface Disposable {
  dispose(): void;
}

export interface AssetCatalogOptions {
  /** The active connection, or undefined when signed out (or when remote calls are not allowed). */
  readonly connection: () => CatalogConnection | undefined;
  readonly clock?: Pick<Clock, 'now'>;
  /** How long an answer is fresh; default 5 minutes. */
  readonly ttlMs?: number;
  /** How long before a failed lookup is tried again; default 30 s. */
  readonly failureTtlMs?: number;
  /** Most assets a type's list holds (completion); default 1000. */
  readonly listMax?: number;
  readonly logger?: { warn(message: string): void };
}

interface Entry<T> {
  readonly value: T;
  readonly fetchedAt: number;
}

class ConnectionCache {
  readonly byId = new Map<string, Entry<AssetLookup>>();
  readonly lookups = new Map<string, Promise<AssetLookup>>();
  readonly lists = new Map<AssetGroupId, Entry<readonly DigitalAssetInfo[]>>();
  readonly listLoads = new Map<AssetGroupId, Promise<readonly DigitalAssetInfo[]>>();
  /** The last failed load of a group, so that completion does not wait on a failing API each time. */
  readonly listFailures = new Map<AssetGroupId, Entry<{ readonly error: unknown }>>();
}

/** What `snapshot()` saves and `restore()` reads: found assets per connection, without their files. */
export type CatalogSnapshot = Record<string, Record<string, Entry<DigitalAssetInfo>>>;

const SNAPSHOT_MAX_PER_CONNECTION = 500;

export class AssetCatalog {
  private readonly caches = new Map<string, ConnectionCache>();
  private readonly listeners = new Set<() => void>();
  private readonly clock: Pick<Clock, 'now'>;
  private readonly ttlMs: number;
  private readonly failureTtlMs: number;
  private readonly listMax: number;

  constructor(private readonly options: AssetCatalogOptions) {
    this.clock = options.clock ?? { now: () => Date.now() };
    this.ttlMs = options.ttlMs ?? 5 * 60_000;
    this.failureTtlMs = options.failureTtlMs ?? 30_000;
    this.listMax = options.listMax ?? 1000;
  }

  /** Called after any answer arrives or the cache is refreshed. */
  onDidChange(listener: () => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /**
   * What is known about an asset right now; undefined when nothing is known yet (or signed out).
   * Starts a background lookup when the answer is missing or stale.
   */
  peek(assetId: string): AssetLookup | undefined {
    const current = this.current();
    if (!current) return undefined;
    const entry = current.cache.byId.get(assetId);
    if (!entry || this.isStale(entry)) void this.lookup(current.connection, current.cache, assetId);
    return entry?.value;
  }

  /** The asset's answer, fetched unless a fresh one is cached; undefined when signed out. */
  async get(assetId: string): Promise<AssetLookup | undefined> {
    const current = this.current();
    if (!current) return undefined;
    const entry = current.cache.byId.get(assetId);
    if (entry && !this.isStale(entry)) return entry.value;
    return this.lookup(current.connection, current.cache, assetId);
  }

  /** The voice capabilities of a voice asset, from the cache (docs/decisions/voice-capabilities.md); fetches in the background when unknown. */
  voiceCapability(voiceAssetId: string): VoiceCapability | undefined {
    const lookup = this.peek(voiceAssetId);
    if (lookup?.state !== 'found' || lookup.asset.asset_type !== 'VOICE_MODEL') return undefined;
    return lookup.asset.asset_extra_meta?.voice_model_meta?.voice_capability;
  }

  /** A group's assets of every source, as cached; starts loading them when absent or stale. */
  peekList(group: AssetGroupId): readonly DigitalAssetInfo[] | undefined {
    const current = this.current();
    if (!current) return undefined;
    const entry = current.cache.lists.get(group);
    if ((!entry || this.isStale(entry)) && !this.recentFailure(current.cache, group)) {
      void this.loadList(current.connection, current.cache, group).catch(() => undefined);
    }
    return entry?.value;
  }

  /** A group's assets of every source (at most `listMax`), cached; rejects with the API's error. */
  async list(group: AssetGroupId): Promise<readonly DigitalAssetInfo[]> {
    const current = this.current();
    if (!current) return [];
    const entry = current.cache.lists.get(group);
    if (entry && !this.isStale(entry)) return entry.value;
    // Within the failure TTL a stale list is the best answer, and without one the failure is.
    const failure = this.recentFailure(current.cache, group);
    if (failure && entry) return entry.value;
    if (failure) throw failure.error;
    return this.loadList(current.connection, current.cache, group);
  }

  /** Assets loaded elsewhere (the tree's pages) answer later lookups too. */
  remember(assets: readonly DigitalAssetInfo[]): void {
    const current = this.current();
    if (!current || assets.length === 0) return;
    const now = this.clock.now();
    for (const asset of assets) current.cache.byId.set(asset.asset_id, { value: { state: 'found', asset }, fetchedAt: now });
    this.fire();
  }

  /** Forgets what is cached for the active connection; lookups start again. */
  refresh(): void {
    const current = this.current();
    if (current) this.caches.delete(current.connection.key);
    this.fire();
  }

  /** Tells the listeners that lookups now answer for another connection (or none). */
  connectionChanged(): void {
    this.fire();
  }

  /** Found assets (files left out: their download URLs expire), for offline use across sessions. */
  snapshot(): CatalogSnapshot {
    // Built with fromEntries, which defines properties: an ID from a server never acts as a prototype setter.
    const result: [string, Record<string, Entry<DigitalAssetInfo>>][] = [];
    for (const [key, cache] of this.caches) {
      const entries: [string, Entry<DigitalAssetInfo>][] = [];
      for (const [id, entry] of cache.byId) {
        if (entry.value.state !== 'found' || entries.length >= SNAPSHOT_MAX_PER_CONNECTION) continue;
        const { files: _files, ...asset } = entry.value.asset;
        entries.push([id, { value: asset, fetchedAt: entry.fetchedAt }]);
      }
      if (entries.length) result.push([key, Object.fromEntries(entries)]);
    }
    return Object.fromEntries(result);
  }

  /** Reads a snapshot back (malformed parts are skipped); fresher answers already cached win. */
  restore(snapshot: unknown): void {
    if (typeof snapshot !== 'object' || snapshot === null) return;
    for (const [key, entries] of Object.entries(snapshot as Record<string, unknown>)) {
      if (typeof entries !== 'object' || entries === null) continue;
      const cache = this.cacheFor(key);
      for (const [id, entry] of Object.entries(entries as Record<string, Partial<Entry<DigitalAssetInfo>>>)) {
        const asset = entry?.value;
        if (typeof entry?.fetchedAt !== 'number' || typeof asset?.asset_id !== 'string' || typeof asset.asset_type !== 'string') continue;
        if (!cache.byId.has(id)) cache.byId.set(id, { value: { state: 'found', asset }, fetchedAt: entry.fetchedAt });
      }
    }
    this.fire();
  }

  dispose(): void {
    this.listeners.clear();
    this.caches.clear();
  }

  private current(): { connection: CatalogConnection; cache: ConnectionCache } | undefined {
    const connection = this.options.connection();
    return connection && { connection, cache: this.cacheFor(connection.key) };
  }

  private cacheFor(key: string): ConnectionCache {
    let cache = this.caches.get(key);
    if (!cache) this.caches.set(key, cache = new ConnectionCache());
    return cache;
  }

  private isStale(entry: Entry<unknown>): boolean {
    const ttl = (entry.value as AssetLookup).state === 'failed' ? this.failureTtlMs : this.ttlMs;
    return this.clock.now() - entry.fetchedAt >= ttl;
  }

  private recentFailure(cache: ConnectionCache, group: AssetGroupId): { readonly error: unknown } | undefined {
    const failure = cache.listFailures.get(group);
    return failure && this.clock.now() - failure.fetchedAt < this.failureTtlMs ? failure.value : undefined;
  }

  private lookup(connection: CatalogConnection, cache: ConnectionCache, assetId: string): Promise<AssetLookup> {
    const pending = cache.lookups.get(assetId);
    if (pending) return pending;
    const promise = (async (): Promise<AssetLookup> => {
      let value: AssetLookup;
      try {
        const client = await connection.client();
        if (!client) return cache.byId.get(assetId)?.value ?? { state: 'failed', error: new ExpectedError(l10n.t('not signed in to MetaStudio')) };
        value = { state: 'found', asset: await client.getAsset(assetId) };
      } catch (error) {
        value = error instanceof MetaStudioApiError && error.status === 404 ? { state: 'missing' } : { state: 'failed', error };
        if (value.state === 'failed') this.options.logger?.warn(`asset ${assetId}: lookup failed: ${errorMessage(error)}`);
      } finally {
        cache.lookups.delete(assetId);
      }
      // A failure keeps an earlier answer (offline, the last known state is still the best guess).
      const earlier = cache.byId.get(assetId);
      const kept = value.state === 'failed' && earlier && earlier.value.state !== 'failed' ? earlier.value : value;
      cache.byId.set(assetId, { value: kept, fetchedAt: this.clock.now() });
      if (this.caches.get(connection.key) === cache) this.fire();
      return kept;
    })();
    cache.lookups.set(assetId, promise);
    return promise;
  }

  private loadList(connection: CatalogConnection, cache: ConnectionCache, groupId: AssetGroupId): Promise<readonly DigitalAssetInfo[]> {
    const pending = cache.listLoads.get(groupId);
    if (pending) return pending;
    const group = assetGroup(groupId);
    const promise = (async () => {
      try {
        const client = await connection.client();
        if (!client) return [];
        const assets = await collectPages(async (offset, limit) => {
          const page = await client.listAssets({ asset_type: group.types.join(','), asset_source: 'ALL', offset, limit });
          return { count: page.count, items: page.assets };
        }, this.listMax);
        const now = this.clock.now();
        cache.lists.set(groupId, { value: assets, fetchedAt: now });
        cache.listFailures.delete(groupId);
        for (const asset of assets) cache.byId.set(asset.asset_id, { value: { state: 'found', asset }, fetchedAt: now });
        if (this.caches.get(connection.key) === cache) this.fire();
        return assets;
      } catch (error) {
        this.options.logger?.warn(`${groupId}: listing assets failed: ${errorMessage(error)}`);
        cache.listFailures.set(groupId, { value: { error }, fetchedAt: this.clock.now() });
        throw error;
      } finally {
        cache.listLoads.delete(groupId);
      }
    })();
    cache.listLoads.set(groupId, promise);
    return promise;
  }

  private fire(): void {
    for (const listener of [...this.listeners]) {
      try {
        listener();
      } catch (err) {
        this.options.logger?.warn(`asset catalog listener failed: ${errorMessage(err)}`);
      }
    }
  }
}
