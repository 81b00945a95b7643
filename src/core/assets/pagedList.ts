/**
 * One group's items, loaded page by page with the server's `offset`/`limit`. `loadMore()` is the lock
 * against double loading: while a page is on its way, every caller gets the same promise. A failure
 * is kept as state (shown as a tree item), never thrown at the caller; the next `loadMore()` retries.
 * An item made meanwhile (an upload) is shown first by `upsert`, without a reload: the server's
 * pages go on from where they were, and leave it out when they bring it.
 */
import type { Page } from '../cloud/paging';

export type FetchPage<T> = (offset: number, limit: number, signal: AbortSignal) => Promise<Page<T>>;

export class PagedList<T> {
  private loaded: T[] = [];
  /** Items put in by `upsert` that no page has brought yet, newest first. */
  private added: T[] = [];
  private total: number | undefined;
  private failure: unknown;
  private inFlight: Promise<void> | undefined;
  private controller: AbortController | undefined;
  /** Counts resets, so that a page asked for before a reset is dropped when it arrives. */
  private generation = 0;

  constructor(private readonly fetchPage: FetchPage<T>, readonly pageSize = 50, private readonly keyOf?: (item: T) => string) {}

  get items(): readonly T[] {
    if (this.added.length === 0) return this.loaded;
    const keys = new Set(this.added.map((item) => this.keyOf!(item)));
    return [...this.added, ...this.loaded.filter((item) => !keys.has(this.keyOf!(item)))];
  }

  /** The server's total count, once a page has arrived, with the items added since. */
  get count(): number | undefined {
    if (this.total === undefined) return undefined;
    const loadedKeys = new Set(this.loaded.map((item) => this.keyOf?.(item)));
    return this.total + this.added.filter((item) => !loadedKeys.has(this.keyOf!(item))).length;
  }

  /** Shows `item` (made or changed on the server) without reloading: in place when shown already, else first. Needs `keyOf`. */
  upsert(item: T): void {
    if (!this.keyOf) throw new Error('upsert needs a key of the items');
    const key = this.keyOf(item);
    const same = (other: T) => this.keyOf!(other) === key;
    const at = this.loaded.findIndex(same);
    if (at >= 0) this.loaded = this.loaded.map((other, i) => (i === at ? item : other));
    this.added = at >= 0 ? this.added.filter((other) => !same(other)) : [item, ...this.added.filter((other) => !same(other))];
  }

  /** The last page's failure; cleared when a page arrives. */
  get error(): unknown {
    return this.failure;
  }

  get loading(): boolean {
    return this.inFlight !== undefined;
  }

  get started(): boolean {
    return this.total !== undefined || this.failure !== undefined || this.inFlight !== undefined;
  }

  get hasMore(): boolean {
    return this.total === undefined || this.loaded.length < this.total;
  }

  /** Loads the next page (the first one on the first call); resolves when it is in, or has failed. */
  loadMore(): Promise<void> {
    if (this.inFlight) return this.inFlight;
    if (this.total !== undefined && !this.hasMore) return Promise.resolve();
    const generation = this.generation;
    const controller = new AbortController();
    this.controller = controller;
    const offset = this.loaded.length;
    this.inFlight = this.fetchPage(offset, this.pageSize, controller.signal).then(
      (page) => {
        if (generation !== this.generation) return;
        this.loaded = [...this.loaded, ...page.items];
        // A short page ends the list even when the reported count says otherwise.
        this.total = page.items.length < this.pageSize ? this.loaded.length : Math.max(page.count, this.loaded.length);
        this.failure = undefined;
      },
      (err: unknown) => {
        if (generation === this.generation) this.failure = err;
      },
    ).finally(() => {
      if (generation !== this.generation) return;
      this.inFlight = undefined;
      this.controller = undefined;
    });
    return this.inFlight;
  }

  /** Forgets everything and cancels a page on its way. */
  reset(): void {
    this.generation++;
    this.controller?.abort();
    this.controller = undefined;
    this.inFlight = undefined;
    this.loaded = [];
    this.added = [];
    this.total = undefined;
    this.failure = undefined;
  }
}
