import { defineCodes } from '../diagnostics';

/** Diagnostics of asset references in scripts (online: they need the asset catalog). */
export const assetCodes = defineCodes({
  'asset/not-found': { severity: 'warning', rule: 'A referenced asset exists and is visible to the project (checked online, cached).' },
  'asset/not-active': { severity: 'warning', rule: 'A referenced asset is ACTIVED: assets in any other state cannot be used.' },
  'asset/wrong-type': { severity: 'warning', rule: 'A referenced asset has the type its field expects (e.g. `voice_asset_id` a VOICE_MODEL, `music_asset_id` MUSIC, insert-action `id` an ANIMATION).' },
  'asset/voice-not-realtime': { severity: 'warning', rule: 'A livestream voice supports real-time synthesis (`is_realtime_voice`).' },
});

export type AssetCode = keyof typeof assetCodes;
