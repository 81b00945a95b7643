/**
 * One shape per response, whichever variant the endpoint printed (docs/decisions/field-spellings.md): the SDK's
 * names are kept and the reference's read as them. Assets carry `asset_extra_meta` (the reference
 * prints `asset_extra_metadata`), video configs `is_subtitle_enable` (the reference prints
 * `is_subtitle_enabled` and `is_subtitle_able`), job states the SDK's spelling.
 */
import { normalizeJobState } from './jobState';
import type { DigitalAssetInfo, VideoConfig, VideoJobSummary } from './types';

export function normalizeAsset<T extends DigitalAssetInfo>(asset: T): T {
  const { asset_extra_metadata: printed, ...rest } = asset as T & { asset_extra_metadata?: unknown };
  if (printed === undefined) return asset;
  return { ...rest, asset_extra_meta: rest.asset_extra_meta ?? printed } as T;
}

const SUBTITLE_VARIANTS = ['is_subtitle_enabled', 'is_subtitle_able'] as const;

export function normalizeVideoConfig(config: VideoConfig | undefined): VideoConfig | undefined {
  if (!config || !SUBTITLE_VARIANTS.some((name) => name in config)) return config;
  const { is_subtitle_enabled: enabled, is_subtitle_able: able, ...rest } = config as VideoConfig & Partial<Record<(typeof SUBTITLE_VARIANTS)[number], boolean>>;
  const value = rest.is_subtitle_enable ?? enabled ?? able;
  return value === undefined ? rest : { ...rest, is_subtitle_enable: value };
}

/** Reads the subtitle switch's variants as `is_subtitle_enable` in the object's own `video_config`, if it has one. */
export function withNormalizedVideoConfig<T extends { video_config?: VideoConfig }>(value: T): T {
  return 'video_config' in value ? { ...value, video_config: normalizeVideoConfig(value.video_config) } : value;
}

export function normalizeJob<T extends VideoJobSummary & { video_config?: VideoConfig }>(job: T): T {
  return withNormalizedVideoConfig({ ...job, state: normalizeJobState(job.state) });
}
