/** The assets core against the sandbox over loopback: paging, filters and lookups as the server answers them. */
import assert from 'node:assert/strict';
import { AssetCatalog } from '../../../src/core/assets/catalog';
import { checkAssetReferences } from '../../../src/core/assets/checks';
import { defaultFilter, groupQuery, type AssetFilter } from '../../../src/core/assets/filters';
import { assetGroups, type AssetGroup } from '../../../src/core/assets/groups';
import { PagedList } from '../../../src/core/assets/pagedList';
import type { MetaStudioClient } from '../../../src/core/cloud/client';
import type { DigitalAssetInfo } from '../../../src/core/cloud/types';
import { seedAssets } from '../../../src/sandbox/seed';
import { startSandboxClient, type SandboxClient } from '../../support/sandboxClient';

describe('assets core against the sandbox', () => {
  let cloud: SandboxClient;
  let client: MetaStudioClient;
  before(async () => {
    cloud = await startSandboxClient();
    client = cloud.client();
  });
  after(() => cloud?.close());

  function groupList(group: AssetGroup, filter: AssetFilter = defaultFilter): PagedList<DigitalAssetInfo> {
    return new PagedList(async (offset, limit, signal) => {
      const page = await client.listAssets(groupQuery(group, filter, offset, limit), { signal });
      return { count: page.count, items: page.assets };
    }, 50);
  }

  async function loadAll(list: PagedList<DigitalAssetInfo>): Promise<number> {
    let pages = 0;
    while (list.hasMore) {
      await list.loadMore();
      if (list.error) throw list.error;
      pages++;
    }
    return pages;
  }

  it('pages through every seeded asset of a type the list is asked for, each group in pages of 50, with no asset twice', async () => {
    const seeded = seedAssets().filter((a) => assetGroups.some((g) => (g.types as readonly string[]).includes(a.asset_type)));
    const seen = new Set<string>();
    let pages = 0;
    for (const group of assetGroups) {
      const list = groupList(group);
      pages += await loadAll(list);
      assert.equal(list.items.length, list.count, group.id);
      for (const a of list.items) {
        assert.ok(!seen.has(a.asset_id), `${a.asset_id} listed twice`);
        seen.add(a.asset_id);
      }
    }
    assert.equal(seen.size, seeded.length, 'every such asset is in exactly one group');
    assert.ok(seeded.length > 240);
    assert.ok(pages > assetGroups.length, 'some groups need more than one page');
  });

  it('filters voices by language, sex and real-time support, and every group by name and source', async () => {
    const voices = assetGroups[0];
    const list = groupList(voices, { source: 'ALL', language: 'EN', sex: 'FEMALE', realtime: true });
    await loadAll(list);
    assert.ok(list.items.length > 0);
    for (const v of list.items) {
      const meta = v.asset_extra_meta?.voice_model_meta;
      assert.deepEqual([meta?.language, meta?.sex, meta?.is_realtime_voice], ['EN', 'FEMALE', true], v.asset_name);
    }
    const tenantVoices = groupList(voices, { source: 'CUSTOMIZATION' });
    await loadAll(tenantVoices);
    assert.equal(tenantVoices.count, 0, 'voices are system assets');
    const named = groupList(assetGroups.find((g) => g.id === 'images')!, { source: 'ALL', name: 'studio' });
    await loadAll(named);
    assert.ok(named.items.length > 0 && named.items.every((a) => /studio/i.test(a.asset_name)));
  });

  it('looks assets up through the catalog: found, missing, not ACTIVED, and a live voice that is not real-time', async () => {
    const catalog = new AssetCatalog({ connection: () => ({ key: `${cloud.sandbox.url}|${cloud.projectId}`, client: async () => client }) });
    const voices = await catalog.list('voices');
    const slow = voices.find((v) => v.asset_extra_meta?.voice_model_meta?.is_realtime_voice === false)!;
    const images = await catalog.list('images');
    const inactive = images.find((a) => a.asset_state !== 'ACTIVED')!;
    assert.ok(slow && inactive);
    const live = JSON.stringify({
      scene_scripts: [{ voice_config: { voice_asset_id: slow.asset_id }, background_config: [{ background_type: 'IMAGE_2D', background_asset_id: inactive.asset_id }],
        layer_config: [{ layer_type: 'IMAGE', asset_id: slow.asset_id }] }],
      co_streamer_config: { voice_config: { voice_asset_id: 'ffffffffffffffffffffffffffffffff' } },
    });
    assert.equal(await catalog.get('ffffffffffffffffffffffffffffffff').then((l) => l?.state), 'missing');
    const codes = checkAssetReferences(live, 'live', (id) => catalog.peek(id)).map((d) => d.code);
    assert.deepEqual(codes, ['asset/voice-not-realtime', 'asset/not-active', 'asset/wrong-type', 'asset/not-found']);
    assert.deepEqual(catalog.voiceCapability(slow.asset_id), slow.asset_extra_meta?.voice_model_meta?.voice_capability);
  });
});
