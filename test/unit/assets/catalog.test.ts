import assert from 'node:assert/strict';
import { AssetCatalog, type AssetApi, type CatalogConnection } from '../../../src/core/assets/catalog';
import { MetaStudioApiError } from '../../../src/core/cloud/errors';
import type { DigitalAssetInfo, ListAssetsQuery } from '../../../src/core/cloud/types';
import { asset, voice } from './support';

/** An API over a fixed library that records its calls and answers when the test says so. */
class FakeApi implements AssetApi {
  readonly calls: string[] = [];
  private readonly waiting: (() => void)[] = [];
  hold = false;
  failWith: unknown;
  constructor(public library: DigitalAssetInfo[]) {}

  private async gate(): Promise<void> {
    if (this.hold) await new Promise<void>((r) => this.waiting.push(r));
    if (this.failWith) throw this.failWith;
  }

  release(): void {
    this.waiting.splice(0).forEach((r) => r());
  }

  async getAsset(id: string): Promise<DigitalAssetInfo> {
    this.calls.push(`get ${id}`);
    await this.gate();
    const found = this.library.find((a) => a.asset_id === id);
    if (!found) throw new MetaStudioApiError('GET', 404, 'MSS.10001001', 'Asset not found', 'rid');
    return found;
  }

  async listAssets(query: ListAssetsQuery) {
    this.calls.push(`list ${query.asset_type} ${query.asset_source} ${query.offset}+${query.limit}`);
    await this.gate();
    const types = String(query.asset_type).split(',');
    const matching = this.library.filter((a) => types.includes(a.asset_type));
    return { count: matching.length, assets: matching.slice(query.offset, (query.offset ?? 0) + (query.limit ?? 10)) };
  }
}

const settle = () => new Promise((r) => setImmediate(r));

describe('assets/catalog', () => {
  let time: number;
  let api: FakeApi;
  let connection: CatalogConnection | undefined;
  let catalog: AssetCatalog;
  let changes: number;

  beforeEach(() => {
    time = 1_000_000;
    api = new FakeApi([voice('v1', true), asset('img', 'IMAGE'), asset('m1', 'MUSIC'), asset('m2', 'MUSIC')]);
    connection = { key: 'http://a|p1', client: async () => api };
    catalog = new AssetCatalog({ connection: () => connection, clock: { now: () => time }, ttlMs: 60_000, failureTtlMs: 5_000 });
    changes = 0;
    catalog.onDidChange(() => changes++);
  });

  it('peek answers at once from the cache and looks up in the background, once per ID', async () => {
    api.hold = true;
    assert.equal(catalog.peek('v1'), undefined);
    assert.equal(catalog.peek('v1'), undefined);
    await settle();
    assert.equal(catalog.peek('v1'), undefined, 'still on its way');
    assert.deepEqual(api.calls, ['get v1'], 'one lookup in flight, however often it is peeked');
    api.release();
    await settle();
    assert.equal(changes, 1);
    assert.equal(catalog.peek('v1')?.state, 'found');
    assert.deepEqual(api.calls, ['get v1']);
  });

  it('remembers a 404 as missing, and a failure only for a short while', async () => {
    catalog.peek('nope');
    await settle();
    assert.deepEqual(catalog.peek('nope'), { state: 'missing' });
    api.failWith = new Error('ECONNRESET');
    catalog.peek('img');
    await settle();
    assert.equal(catalog.peek('img')?.state, 'failed');
    assert.equal(api.calls.filter((c) => c === 'get img').length, 1, 'not retried within the failure TTL');
    time += 5_000;
    api.failWith = undefined;
    catalog.peek('img');
    await settle();
    assert.equal(catalog.peek('img')?.state, 'found');
  });

  it('keeps the last good answer when a refresh after the TTL fails (offline)', async () => {
    await catalog.get('m1');
    time += 60_000;
    api.failWith = new Error('offline');
    assert.equal(catalog.peek('m1')?.state, 'found', 'the stale answer is served while refreshing');
    await settle();
    assert.equal(catalog.peek('m1')?.state, 'found');
    assert.equal(api.calls.filter((c) => c === 'get m1').length, 2);
  });

  it('gives a voice\'s capabilities synchronously once known, and none for other assets', async () => {
    assert.equal(catalog.voiceCapability('v1'), undefined);
    await settle();
    assert.deepEqual(catalog.voiceCapability('v1'), { is_support_break_time: true, is_support_prosody: false });
    await catalog.get('img');
    assert.equal(catalog.voiceCapability('img'), undefined);
  });

  it('keeps connections apart and knows nothing when signed out', async () => {
    await catalog.get('v1');
    connection = { key: 'http://b|p2', client: async () => new FakeApi([]) };
    assert.equal(catalog.peek('v1'), undefined);
    await settle();
    assert.deepEqual(catalog.peek('v1'), { state: 'missing' });
    connection = undefined;
    assert.equal(catalog.peek('v1'), undefined);
    assert.equal(await catalog.get('v1'), undefined);
    assert.deepEqual(await catalog.list('music'), []);
    connection = { key: 'http://a|p1', client: async () => api };
    assert.equal(catalog.peek('v1')?.state, 'found', 'the first connection\'s cache is still there');
  });

  it('refresh forgets the active connection\'s answers and tells the listeners', async () => {
    await catalog.get('v1');
    const before = changes;
    catalog.refresh();
    assert.equal(changes, before + 1);
    assert.equal(catalog.peek('v1'), undefined);
    await settle();
    assert.equal(api.calls.filter((c) => c === 'get v1').length, 2);
  });

  it('lists a group from every source through all pages, and the listed assets answer lookups', async () => {
    const small = new AssetCatalog({ connection: () => connection, clock: { now: () => time }, listMax: 1 });
    assert.equal(small.peekList('music'), undefined);
    const music = await small.list('music');
    assert.deepEqual(music.map((a) => a.asset_id), ['m1'], 'at most listMax');
    const all = await catalog.list('music');
    assert.deepEqual(all.map((a) => a.asset_id), ['m1', 'm2']);
    assert.match(api.calls.at(-1)!, /^list MUSIC ALL 0\+/);
    const calls = api.calls.length;
    assert.equal(catalog.peek('m2')?.state, 'found');
    assert.equal(catalog.peekList('music')?.length, 2);
    assert.equal(api.calls.length, calls, 'no call for what the list brought');
  });

  it('does not list a group again within the failure TTL after a failed load', async () => {
    api.failWith = new Error('ECONNRESET');
    await assert.rejects(catalog.list('music'), /ECONNRESET/);
    assert.equal(catalog.peekList('music'), undefined);
    await settle();
    await assert.rejects(catalog.list('music'), /ECONNRESET/, 'the failure answers at once');
    assert.equal(api.calls.filter((c) => c.startsWith('list MUSIC')).length, 1, 'one request while it fails');
    time += 5_000;
    api.failWith = undefined;
    assert.deepEqual((await catalog.list('music')).map((a) => a.asset_id), ['m1', 'm2']);
  });

  it('remember() feeds assets loaded elsewhere into lookups', () => {
    catalog.remember([asset('x', 'VIDEO')]);
    assert.equal(catalog.peek('x')?.state, 'found');
    assert.deepEqual(api.calls, []);
  });

  it('snapshots found assets without files and restores them as stale answers', async () => {
    await catalog.get('v1');
    catalog.remember([asset('withFile', 'AUDIO', { files: [{ download_url: 'http://signed' }] })]);
    await catalog.get('nope');
    const snapshot = JSON.parse(JSON.stringify(catalog.snapshot()));
    assert.deepEqual(Object.keys(snapshot['http://a|p1']).sort(), ['v1', 'withFile']);
    assert.ok(!JSON.stringify(snapshot).includes('http://signed'), 'no download URL is kept');

    const offline = new FakeApi([]);
    offline.failWith = new Error('offline');
    const restored = new AssetCatalog({ connection: () => ({ key: 'http://a|p1', client: async () => offline }), clock: { now: () => time + 3_600_000 } });
    restored.restore(snapshot);
    restored.restore({ junk: 1, 'http://a|p1': { bad: { value: 3 } } });
    assert.deepEqual(restored.voiceCapability('v1'), { is_support_break_time: true, is_support_prosody: false });
    await settle();
    assert.equal(restored.peek('v1')?.state, 'found', 'still known after a failed refresh');
    assert.equal(restored.peek('bad'), undefined);
  });

  it('snapshots an asset whose ID is "__proto__" as data, and restores it', async () => {
    catalog.remember([asset('__proto__', 'AUDIO'), asset('constructor', 'AUDIO')]);
    // The snapshot goes through VS Code's storage as JSON.
    const snapshot = JSON.parse(JSON.stringify(catalog.snapshot())) as Record<string, Record<string, unknown>>;
    assert.deepEqual(Object.keys(snapshot['http://a|p1']).sort(), ['__proto__', 'constructor']);
    const restored = new AssetCatalog({ connection: () => ({ key: 'http://a|p1', client: async () => new FakeApi([]) }), clock: { now: () => time } });
    restored.restore(snapshot);
    assert.equal(restored.peek('__proto__')?.state, 'found');
    assert.equal(restored.peek('constructor')?.state, 'found');
  });
});
