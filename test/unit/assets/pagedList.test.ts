import assert from 'node:assert/strict';
import { PagedList } from '../../../src/core/assets/pagedList';

function numbers(total: number) {
  const asked: [number, number][] = [];
  let fail: unknown;
  const list = new PagedList<number>(async (offset, limit) => {
    asked.push([offset, limit]);
    await new Promise((r) => setImmediate(r));
    if (fail) throw fail;
    return { count: total, items: Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) => offset + i) };
  }, 10);
  return { list, asked, failNext: (err: unknown) => { fail = err; } };
}

describe('assets/PagedList', () => {
  it('loads page after page with offset and limit until the count is reached', async () => {
    const { list, asked } = numbers(25);
    assert.equal(list.hasMore, true);
    assert.equal(list.started, false);
    while (list.hasMore) await list.loadMore();
    assert.deepEqual(asked, [[0, 10], [10, 10], [20, 10]]);
    assert.equal(list.items.length, 25);
    assert.equal(list.count, 25);
    await list.loadMore();
    assert.equal(asked.length, 3, 'nothing more to load');
  });

  it('locks against double loading: concurrent calls share one request', async () => {
    const { list, asked } = numbers(25);
    const a = list.loadMore();
    const b = list.loadMore();
    assert.equal(a, b);
    assert.equal(list.loading, true);
    await Promise.all([a, b]);
    assert.deepEqual(asked, [[0, 10]]);
    assert.equal(list.loading, false);
  });

  it('keeps a failure as state, keeps the items, and retries on the next call', async () => {
    const { list, failNext } = numbers(25);
    await list.loadMore();
    const boom = new Error('boom');
    failNext(boom);
    await list.loadMore();
    assert.equal(list.error, boom);
    assert.equal(list.items.length, 10);
    failNext(undefined);
    await list.loadMore();
    assert.equal(list.error, undefined);
    assert.equal(list.items.length, 20);
  });

  it('ends at a short page even when the count says more, and an empty list has count 0', async () => {
    const short = new PagedList<number>(async () => ({ count: 99, items: [1, 2] }), 10);
    await short.loadMore();
    assert.equal(short.hasMore, false);
    assert.equal(short.count, 2);
    const { list } = numbers(0);
    await list.loadMore();
    assert.deepEqual([list.count, list.hasMore, list.items.length], [0, false, 0]);
  });

  it('reset drops a page still on its way and aborts it', async () => {
    let signal: AbortSignal | undefined;
    let answer!: () => void;
    const list = new PagedList<number>((_o, _l, s) => {
      signal = s;
      return new Promise((r) => { answer = () => r({ count: 1, items: [7] }); });
    }, 10);
    const pending = list.loadMore();
    list.reset();
    assert.equal(signal?.aborted, true);
    answer();
    await pending;
    assert.deepEqual([list.items.length, list.count, list.loading], [0, undefined, false]);
  });

  it('shows an upserted item first without a reload; the pages go on from where they were and leave it out', async () => {
    const server = [{ id: 'a', v: 1 }, { id: 'b', v: 1 }, { id: 'c', v: 1 }];
    const asked: number[] = [];
    const list = new PagedList<{ id: string; v: number }>(async (offset, limit) => {
      asked.push(offset);
      return { count: server.length, items: server.slice(offset, offset + limit) };
    }, 2, (item) => item.id);
    await list.loadMore();
    const made = { id: 'new', v: 1 };
    server.push(made); // the server lists it last
    list.upsert(made);
    assert.deepEqual(list.items.map((i) => i.id), ['new', 'a', 'b']);
    assert.equal(list.count, 4);
    list.upsert({ id: 'new', v: 2 });
    assert.deepEqual(list.items.map((i) => `${i.id}${i.v}`), ['new2', 'a1', 'b1'], 'changed in place, not twice');
    await list.loadMore();
    assert.deepEqual(asked, [0, 2], 'the next page starts after the loaded ones');
    assert.deepEqual(list.items.map((i) => i.id), ['new', 'a', 'b', 'c'], 'the page bringing it again leaves it out');
    assert.equal(list.count, 4);
    list.upsert({ id: 'b', v: 2 });
    assert.deepEqual(list.items.map((i) => `${i.id}${i.v}`), ['new2', 'a1', 'b2', 'c1']);
    list.reset();
    assert.deepEqual(list.items, []);
    assert.throws(() => new PagedList<number>(async () => ({ count: 0, items: [] })).upsert(1), /needs a key/);
  });
});
