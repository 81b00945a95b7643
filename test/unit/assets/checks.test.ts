import assert from 'node:assert/strict';
import type { AssetLookup } from '../../../src/core/assets/catalog';
import { checkAssetReferences, checkAssetReferencesOnline } from '../../../src/core/assets/checks';
import { assetCodes } from '../../../src/core/assets/codes';
import { asset, voice } from './support';

const known: Record<string, AssetLookup> = {
  voiceRt: { state: 'found', asset: voice('voiceRt', true) },
  voiceSlow: { state: 'found', asset: voice('voiceSlow', false, { asset_name: 'Slow <b>voice</b>' }) },
  music: { state: 'found', asset: asset('music', 'MUSIC') },
  image: { state: 'found', asset: asset('image', 'IMAGE', { asset_name: 'Beach' }) },
  off: { state: 'found', asset: asset('off', 'MUSIC', { asset_state: 'UNACTIVED' }) },
  gone: { state: 'missing' },
  broken: { state: 'failed', error: new Error('offline') },
};
const lookup = (id: string) => known[id];

function codes(text: string, kind: 'video' | 'live' = 'video'): string[] {
  return checkAssetReferences(text, kind, lookup).map((d) => `${d.code}@${text.slice(d.start, d.end)}`);
}

describe('assets/checks', () => {
  it('warns about a missing asset, an asset of the wrong type and one that is not ACTIVED', () => {
    const text = JSON.stringify({ voice_config: { voice_asset_id: 'image' }, background_music_config: { music_asset_id: 'gone' }, model_asset_id: 'off' });
    // Sorted as every lint result is: by range, then code.
    assert.deepEqual(codes(text), ['asset/wrong-type@image', 'asset/not-found@gone', 'asset/not-active@off', 'asset/wrong-type@off']);
    const [wrong] = checkAssetReferences(text, 'video', lookup);
    assert.equal(wrong.severity, 'warning');
    assert.match(wrong.message, /voice_asset_id expects a voice asset; "Beach" is a image asset/);
  });

  it('says nothing for what is unknown yet, failed lookups and fitting active assets', () => {
    const text = JSON.stringify({ voice_config: { voice_asset_id: 'voiceRt' }, model_asset_id: 'unknown', background_music_config: { music_asset_id: 'broken' } });
    assert.deepEqual(codes(text), []);
    const ok = JSON.stringify({ background_music_config: { music_asset_id: 'music' } });
    assert.deepEqual(codes(ok), []);
  });

  it('warns when a live script uses a voice that is not real-time, but not in a video script', () => {
    const live = JSON.stringify({ scene_scripts: [{ voice_config: { voice_asset_id: 'voiceSlow' } }, { voice_config: { voice_asset_id: 'voiceRt' } }] });
    assert.deepEqual(codes(live, 'live'), ['asset/voice-not-realtime@voiceSlow']);
    const [d] = checkAssetReferences(live, 'live', lookup);
    assert.ok(d.message.includes('Slow <b>voice</b>'), 'the name is quoted as it is');
    assert.deepEqual(codes(JSON.stringify({ voice_config: { voice_asset_id: 'voiceSlow' } })), []);
  });

  it('checks insert-action IDs in SSML as animations', () => {
    const text = JSON.stringify({ scene_scripts: [{ shoot_scripts: [{ text_config: { text: '<speak><insert-action id="music"/></speak>' } }] }] });
    assert.deepEqual(codes(text, 'live'), ['asset/wrong-type@music']);
  });

  it('declares every code it uses with one severity', () => {
    assert.deepEqual(Object.keys(assetCodes).sort(), ['asset/not-active', 'asset/not-found', 'asset/voice-not-realtime', 'asset/wrong-type']);
    assert.ok(Object.values(assetCodes).every((c) => c.severity === 'warning' && c.rule.length > 10));
  });

  it('looks every referenced asset up once before checking, for batch callers', async () => {
    const asked: string[] = [];
    const text = JSON.stringify({ voice_config: { voice_asset_id: 'image' }, model_asset_id: 'gone', background_music_config: { music_asset_id: 'image' } });
    const found = await checkAssetReferencesOnline(text, 'video', { get: async (id) => { asked.push(id); return known[id]; } });
    assert.deepEqual(asked.sort(), ['gone', 'image']);
    assert.deepEqual(found.map((d) => d.code), ['asset/wrong-type', 'asset/not-found', 'asset/wrong-type']);
  });
});
