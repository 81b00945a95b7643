/** Following `offset`/`limit` pages of a list API up to a maximum number of items. */

export interface Page<T> {
  readonly count: number;
  readonly items: readonly T[];
}

export const DEFAULT_PAGE_SIZE = 100;

/** Fetches pages until `max` items, the reported `count`, or a short page. */
export async function collectPages<T>(
  fetchPage: (offset: number, limit: number) => Promise<Page<T>>,
  max: number,
  pageSize = DEFAULT_PAGE_SIZE,
): Promise<T[]> {
  const items: T[] = [];
  while (items.length < max) {
    const limit = Math.min(pageSize, max - items.length);
    const page = await fetchPage(items.length, limit);
    items.push(...page.items.slice(0, limit));
    if (page.items.length < limit || items.length >= page.count) break;
  }
  return items;
}
