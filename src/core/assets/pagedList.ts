/**
 * One group's items, loaded page by page with the server's `offset`/`limit`. `loadMore()` is the lock
 * against double loading: while a page is on its way, every caller gets the same promise. A failure
 * is kept as state (shown as a tree item), never thrown at the caller; the next `loadMore()` retries.
 */
import type { Page } from '../cloud/paging';

export type FetchPage<T> = (offset: number, limit: number, signal: AbortSignal) => Promise<Page<T>>;

export class PagedList<T> {
  private loaded: T[] = [];
  private total: number | undefined;
  private failure: unknown;
  private inFlight: Promise<void> | undefined;
  private controller: AbortController | undefined;
  /** Counts resets, so that a page asked for before a reset is dropped when it arrives. */
  private generation = 0;

  constructor(private readonly fetchPage: FetchPage<T>, readonly pageSize = 50) {}

  get items(): readonly T[] {
    return this.loaded;
  }

  /** The server's total count, once a page has arrived. */
  get count(): number | undefined {
    return this.total;
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
    this.total = undefined;
    this.failure = undefined;
  }
}
