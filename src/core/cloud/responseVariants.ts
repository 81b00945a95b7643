/**
 * One shape per response, whichever variant the endpoint printed (docs/decisions/field-spellings.md): assets carry
 * `asset_extra_metadata` (the list prints `asset_extra_meta`), video configs `is_subtitle_enabled`
 * (details print `is_subtitle_able`), job states the canonical spelling.
 */
import { normalizeJobState } from './jobState';
import type { DigitalAssetInfo, VideoConfig, VideoJobSummary } from './types';

export function normalizeAsset<T extends DigitalAssetInfo>(asset: T): T {
  const { asset_extra_meta: listVariant, ...rest } = asset as T & { asset_extra_meta?: unknown };
  if (listVariant === undefined) return asset;
  return { ...rest, asset_extra_metadata: rest.asset_extra_metadata ?? listVariant } as T;
}

export function normalizeVideoConfig(config: VideoConfig | undefined): VideoConfig | undefined {
  if (!config || !('is_subtitle_able' in config)) return config;
  const { is_subtitle_able: printed, ...rest } = config as VideoConfig & { is_subtitle_able?: boolean };
  return { ...rest, is_subtitle_enabled: rest.is_subtitle_enabled ?? printed };
}

/** Renames `is_subtitle_able` in the object's own `video_config`, if it has one. */
export function withNormalizedVideoConfig<T extends { video_config?: VideoConfig }>(value: T): T {
  return 'video_config' in value ? { ...value, video_config: normalizeVideoConfig(value.video_config) } : value;
}

export function normalizeJob<T extends VideoJobSummary & { video_config?: VideoConfig }>(job: T): T {
  return withNormalizedVideoConfig({ ...job, state: normalizeJobState(job.state) });
}
