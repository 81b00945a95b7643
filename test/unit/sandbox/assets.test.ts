import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { Sandbox } from '../../../src/sandbox';
import { api, call, PROJECT, withSandbox } from './support';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- API objects are read freely
type Asset = any;

describe('sandbox assets', () => {
  let sandbox: Sandbox;
  let all: Asset[];
  before(async () => {
    sandbox = await withSandbox();
    all = await listAll({ asset_source: 'ALL' });
  });
  after(() => sandbox.close());

  async function listAll(query: Record<string, string>): Promise<Asset[]> {
    const assets: Asset[] = [];
    for (let offset = 0; ; offset += 100) {
      const { status, json } = await call(sandbox, 'GET', api('/digital-assets'), { query: { ...query, limit: '100', offset: String(offset) } });
      assert.equal(status, 200);
      assets.push(...json.assets);
      if (assets.length >= json.count || json.assets.length === 0) {
        assert.equal(assets.length, json.count);
        return assets;
      }
    }
  }

  it('pages through more than 250 seeded assets, each exactly once, in create_time order', () => {
    assert.ok(all.length > 250, `${all.length} assets`);
    assert.equal(new Set(all.map((a) => a.asset_id)).size, all.length);
    const times = all.map((a) => a.create_time);
    assert.deepEqual(times, [...times].sort());
  });

  it('lists tenant assets by default; without limit in one page, as no range or default is documented', async () => {
    const first = await call(sandbox, 'GET', api('/digital-assets'));
    assert.ok(first.json.assets.every((a: Asset) => a.project_id === PROJECT));
    const tenant = all.filter((a) => a.project_id === PROJECT).length;
    assert.ok(tenant > 10);
    assert.equal(first.json.count, tenant);
    assert.equal(first.json.assets.length, tenant);
    const large = await call(sandbox, 'GET', api('/digital-assets'), { query: { asset_source: 'ALL', limit: '1000', offset: '250' } });
    assert.equal(large.json.assets.length, all.length - 250);
    for (const limit of ['-1', '1.5', 'ten']) {
      const bad = await call(sandbox, 'GET', api('/digital-assets'), { query: { limit } });
      assert.equal(bad.status, 400, limit);
      assert.deepEqual(Object.keys(bad.json), ['error_code', 'error_msg']);
      assert.equal(bad.json.error_code, 'MSS.00000003', 'the reference\'s invalid-parameter code');
    }
  });

  it('seeds voices of both sexes, Chinese and English, live and not, with and without a sample', () => {
    const voices = all.filter((a) => a.asset_type === 'VOICE_MODEL');
    const meta = voices.map((v) => v.asset_extra_meta.voice_model_meta);
    assert.ok(voices.length >= 8);
    for (const sex of ['MALE', 'FEMALE']) assert.ok(meta.some((m) => m.sex === sex));
    for (const language of ['CN', 'EN']) assert.ok(meta.some((m) => m.language === language));
    assert.ok(meta.some((m) => m.is_realtime_voice) && meta.some((m) => !m.is_realtime_voice));
    assert.ok(meta.some((m) => m.voice_capability.is_support_phoneme) && meta.some((m) => !m.voice_capability.is_support_phoneme));
    const hasSample = (v: Asset) => v.files.some((f: Asset) => f.asset_file_category === 'SAMPLE');
    assert.ok(voices.some(hasSample) && voices.some((v) => !hasSample(v)));
  });

  it('seeds every kind of asset, Chinese and English names, and a couple not ACTIVED', () => {
    const types = new Set(all.map((a) => a.asset_type));
    for (const type of ['VOICE_MODEL', 'HUMAN_MODEL_2D', 'IMAGE', 'VIDEO', 'MUSIC', 'AUDIO', 'ANIMATION', 'PPT', 'COMMON_FILE']) {
      assert.ok(types.has(type), type);
    }
    assert.ok(all.some((a) => /[\u4e00-\u9fff]/.test(a.asset_name)) && all.some((a) => /^[A-Za-z]/.test(a.asset_name)));
    const inactive = all.filter((a) => a.asset_state !== 'ACTIVED');
    assert.ok(inactive.length >= 1 && inactive.length <= 2, inactive.map((a) => a.asset_state).join());
  });

  it('is the same library after a restart', async () => {
    const again = await withSandbox();
    try {
      const { json } = await call(again, 'GET', api('/digital-assets'), { query: { asset_source: 'ALL', limit: '100' } });
      assert.deepEqual(json.assets.map((a: Asset) => [a.asset_id, a.asset_name]), all.slice(0, 100).map((a) => [a.asset_id, a.asset_name]));
    } finally {
      await again.close();
    }
  });

  it('filters by source, type, state, name, voice properties and sorts descending', async () => {
    const system = await listAll({ asset_source: 'SYSTEM', asset_type: 'VOICE_MODEL,HUMAN_MODEL_2D' });
    assert.ok(system.length > 0 && system.every((a) => ['VOICE_MODEL', 'HUMAN_MODEL_2D'].includes(a.asset_type)));
    const realtimeFemaleEnglish = await listAll({ asset_source: 'ALL', is_realtime_voice: 'true', sex: 'FEMALE', language: 'EN' });
    assert.ok(realtimeFemaleEnglish.length > 0);
    for (const voice of realtimeFemaleEnglish) {
      const meta = voice.asset_extra_meta.voice_model_meta;
      assert.deepEqual([meta.is_realtime_voice, meta.sex, meta.language], [true, 'FEMALE', 'EN']);
    }
    const mobvoi = await listAll({ asset_source: 'ALL', voice_provider: 'MOBVOI' });
    assert.ok(mobvoi.length > 0 && mobvoi.every((a) => a.asset_extra_meta.voice_model_meta.external_voice_meta.provider === 'MOBVOI'));
    const byName = await listAll({ asset_source: 'ALL', name: '女声' });
    assert.ok(byName.length > 0 && byName.every((a) => a.asset_name.includes('女声')));
    const unactived = await listAll({ asset_source: 'ALL', asset_state: 'UNACTIVED' });
    assert.equal(unactived.length, 1);
    const backgrounds = await listAll({ asset_source: 'ALL', system_property: 'BACKGROUND_IMG:Yes' });
    assert.ok(backgrounds.length > 0 && backgrounds.every((a) => a.asset_type === 'IMAGE'));
    const desc = await call(sandbox, 'GET', api('/digital-assets'), { query: { asset_source: 'ALL', sort_key: 'create_time', sort_dir: 'desc', limit: '3' } });
    assert.deepEqual(desc.json.assets.map((a: Asset) => a.asset_id), all.slice(-3).reverse().map((a) => a.asset_id));
    for (const sortKey of ['update_time', 'asset_order']) {
      const sorted = await call(sandbox, 'GET', api('/digital-assets'), { query: { asset_source: 'ALL', sort_key: sortKey, sort_dir: 'desc', limit: '3' } });
      assert.deepEqual(sorted.json.assets.map((a: Asset) => a.asset_id), all.slice(-3).reverse().map((a) => a.asset_id), sortKey);
    }
    assert.equal((await call(sandbox, 'GET', api('/digital-assets'), { query: { sort_key: 'asset_name' } })).status, 400);
    const badSource = await call(sandbox, 'GET', api('/digital-assets'), { query: { asset_source: 'MINE' } });
    assert.equal(badSource.status, 400);
  });

  it('prints asset_extra_meta in the list and in details, as the SDK does (docs/decisions/field-spellings.md)', async () => {
    const voice = all.find((a) => a.asset_type === 'VOICE_MODEL');
    assert.ok(voice.asset_extra_meta && voice.asset_extra_metadata === undefined);
    const details = await call(sandbox, 'GET', api(`/digital-assets/${voice.asset_id}`));
    assert.equal(details.status, 200);
    assert.equal(details.json.asset_extra_metadata, undefined);
    assert.deepEqual(details.json.asset_extra_meta, voice.asset_extra_meta);
    assert.ok(details.json.asset_extra_meta.voice_model_meta.voice_capability);
  });

  it('serves every file of an asset from its download URL, matching file_size and file_md5', async () => {
    const voice = all.find((a) => a.asset_type === 'VOICE_MODEL' && a.files.some((f: Asset) => f.asset_file_category === 'SAMPLE'));
    const image = all.find((a) => a.asset_type === 'IMAGE');
    for (const file of [...voice.files, ...image.files]) {
      assert.ok(file.download_url.startsWith(`${sandbox.url}/`));
      const response = await fetch(file.download_url);
      assert.equal(response.status, 200);
      const bytes = Buffer.from(await response.arrayBuffer());
      assert.equal(bytes.length, file.file_size);
      assert.equal(createHash('md5').update(bytes).digest('base64'), file.file_md5);
      assert.equal(file.file_md5.length, 24);
    }
    const png = Buffer.from(await (await fetch(image.files[0].download_url)).arrayBuffer());
    assert.deepEqual([...png.subarray(1, 4)], [...Buffer.from('PNG')]);
    const forged = await fetch(image.files[0].download_url.replace(/Signature=[^&]+/, 'Signature=forged'));
    assert.equal(forged.status, 403);
  });

  it('answers an unknown asset with 404 MSS.10001001', async () => {
    const result = await call(sandbox, 'GET', api('/digital-assets/00000000000000000000000000000000'));
    assert.equal(result.status, 404);
    assert.equal(result.json.error_code, 'MSS.10001001');
    assert.ok(result.json.error_msg);
  });
});
