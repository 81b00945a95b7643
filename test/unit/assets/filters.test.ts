import assert from 'node:assert/strict';
import { describeFilter, defaultFilter, groupQuery, isFiltered, listsOwnAsset, parseFilter } from '../../../src/core/assets/filters';
import { assetGroup, assetGroups, groupOfType, uploadTypeOf } from '../../../src/core/assets/groups';
import { sdkWire } from '../../support/sdkWire';

describe('assets/filters and groups', () => {
  it('has eight groups, each with a codicon, and puts unknown types under others', () => {
    assert.deepEqual(assetGroups.map((g) => g.id), ['voices', 'avatars', 'images', 'videos', 'music', 'audio', 'animations', 'others']);
    assert.ok(assetGroups.every((g) => /^[a-z-]+$/.test(g.icon)));
    assert.equal(groupOfType('VOICE_MODEL').id, 'voices');
    assert.equal(groupOfType('PPT').id, 'others');
    assert.equal(groupOfType('SOMETHING_NEW').id, 'others');
    assert.equal(groupOfType('COMMON_FILE').id, 'others', 'a type the list cannot be asked for is still shown under others');
  });

  it(`asks the list for the "others" only by types its asset_type takes, and names only the SDK's asset types (${sdkWire.sdk})`, () => {
    const accepted = sdkWire.operations.ListAssets.query.asset_type.documentedValues ?? [];
    assert.ok(accepted.length > 5);
    assert.deepEqual(assetGroup('others').types.filter((t) => !accepted.includes(t)), []);
    const known = sdkWire.operations.ShowAsset.response.asset_type.enum ?? [];
    assert.deepEqual(assetGroups.flatMap((g) => g.types).filter((t) => !known.includes(t)), []);
  });

  it('takes uploads into the image, video, music and audio groups, and lists an upload unless the filter hides it', () => {
    assert.deepEqual(assetGroups.map((g) => uploadTypeOf(g) ?? '-'), ['-', '-', 'IMAGE', 'VIDEO', 'MUSIC', 'AUDIO', '-', '-']);
    assert.equal(listsOwnAsset(defaultFilter, 'Beach'), true);
    assert.equal(listsOwnAsset({ source: 'CUSTOMIZATION', name: 'bea' }, 'Beach'), true);
    assert.equal(listsOwnAsset({ source: 'ALL', name: 'sea' }, 'Beach'), false);
    assert.equal(listsOwnAsset({ source: 'SYSTEM' }, 'Beach'), false);
  });

  it('defaults to all sources, since voices are system assets', () => {
    assert.deepEqual(groupQuery(assetGroup('voices'), defaultFilter, 0, 50), { asset_type: 'VOICE_MODEL', asset_source: 'ALL', offset: 0, limit: 50 });
    assert.equal(isFiltered(defaultFilter), false);
  });

  it('sends the name to every group and the voice filters to voices only', () => {
    const filter = { source: 'SYSTEM' as const, name: 'news', language: 'EN', sex: 'FEMALE' as const, realtime: true };
    assert.deepEqual(groupQuery(assetGroup('voices'), filter, 50, 50), {
      asset_type: 'VOICE_MODEL', asset_source: 'SYSTEM', offset: 50, limit: 50, name: 'news', language: 'EN', sex: 'FEMALE', is_realtime_voice: true,
    });
    assert.deepEqual(groupQuery(assetGroup('others'), filter, 0, 10), {
      asset_type: 'PPT,MATERIAL,BUSINESS_CARD_TEMPLET', asset_source: 'SYSTEM', offset: 0, limit: 10, name: 'news',
    });
    assert.equal(describeFilter(filter), 'System assets · name "news" · voices: English, female, real-time');
    assert.equal(describeFilter(defaultFilter), 'All sources');
  });

  it('reads stored filters defensively', () => {
    assert.deepEqual(parseFilter(undefined), defaultFilter);
    assert.deepEqual(parseFilter({ source: 'EVIL', name: '  ', sex: 'x', realtime: 'yes', language: 3 }), defaultFilter);
    assert.deepEqual(parseFilter({ source: 'CUSTOMIZATION', name: ' a ', sex: 'MALE', realtime: false, language: 'CN' }),
      { source: 'CUSTOMIZATION', name: 'a', sex: 'MALE', realtime: false, language: 'CN' });
  });
});
