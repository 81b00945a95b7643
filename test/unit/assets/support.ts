/** Assets made up for the asset tests. */
import type { DigitalAssetInfo } from '../../../src/core/cloud/types';

export function asset(id: string, type: string, overrides: Partial<DigitalAssetInfo> = {}): DigitalAssetInfo {
  return { asset_id: id, asset_name: `asset ${id}`, asset_type: type, asset_state: 'ACTIVED', ...overrides };
}

export function voice(id: string, realtime: boolean, overrides: Partial<DigitalAssetInfo> = {}): DigitalAssetInfo {
  return asset(id, 'VOICE_MODEL', {
    asset_extra_meta: { voice_model_meta: { language: 'EN', sex: 'FEMALE', is_realtime_voice: realtime, voice_capability: { is_support_break_time: true, is_support_prosody: false } } },
    ...overrides,
  });
}
