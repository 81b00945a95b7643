/** Asset list and details (reference 4.1.2, 4.1.5). */
import { ApiError } from '../errors';
import type { AssetRecord, Json, JsonObject } from '../model';
import { DAY_URL_TTL_MS, includesFold, listParam, ok, page, sortRecords, timeParam, type RequestContext, type Route } from './context';

const SYSTEM_PROJECT_ID = 'metastudio-system';

const invalid = (detail: string) => new ApiError(400, 'MSS.00000003', `Invalid parameter: ${detail}`);

export function visibleTo(asset: AssetRecord, projectId: string): boolean {
  return asset.source === 'SYSTEM' || asset.project_id === null || asset.project_id === projectId;
}

/** Whether `id` names an ACTIVED asset of `type` that the request's project may use. */
export function usableAsset(ctx: RequestContext, id: unknown, type: string): boolean {
  const asset = typeof id === 'string' ? ctx.store.assets.get(id) : undefined;
  return asset !== undefined && visibleTo(asset, ctx.projectId) && asset.asset_type === type && asset.asset_state === 'ACTIVED';
}

/** The asset as the SDK's `DigitalAssetInfo` shows it, in lists and details alike (docs/decisions/field-spellings.md). */
export function renderAsset(asset: AssetRecord, ctx: RequestContext): JsonObject {
  const body: JsonObject = {
    project_id: asset.project_id ?? (asset.source === 'SYSTEM' ? SYSTEM_PROJECT_ID : ctx.projectId),
    asset_id: asset.asset_id,
    asset_name: asset.asset_name,
    create_time: asset.create_time,
    update_time: asset.update_time,
    asset_type: asset.asset_type,
    asset_state: asset.asset_state,
    tags: asset.tags,
  };
  if (asset.asset_description !== undefined) body.asset_description = asset.asset_description;
  if (asset.fail_type !== undefined) body.fail_type = asset.fail_type;
  if (asset.reason !== undefined) body.reason = asset.reason;
  if (asset.asset_extra_meta) body.asset_extra_meta = asset.asset_extra_meta;
  if (asset.system_properties) body.system_properties = asset.system_properties;
  body.files = asset.files.map((file) => ({
    file_id: file.file_id,
    file_name: file.file_name,
    ...ctx.store.digest(file),
    file_type: file.file_type,
    asset_file_category: file.asset_file_category,
    // Valid for 24 hours (reference Table 4-55).
    download_url: ctx.fileUrl(file, DAY_URL_TTL_MS),
    state: 'CREATED',
  }));
  return body;
}

function voiceMeta(asset: AssetRecord): Record<string, Json> | undefined {
  return asset.asset_extra_meta?.voice_model_meta as Record<string, Json> | undefined;
}

type Filter = (asset: AssetRecord) => boolean;

function filters(query: URLSearchParams): Filter[] {
  const result: Filter[] = [];
  const source = query.get('asset_source') ?? 'CUSTOMIZATION';
  if (!['SYSTEM', 'CUSTOMIZATION', 'ALL'].includes(source)) throw invalid('asset_source must be SYSTEM, CUSTOMIZATION or ALL');
  if (source !== 'ALL') result.push((a) => a.source === source);

  const name = query.get('name');
  if (name) result.push((a) => includesFold(a.asset_name, name));
  const tag = query.get('tag');
  if (tag) result.push((a) => a.tags.some((t) => includesFold(t, tag)));
  const oneOf = (param: string, value: (a: AssetRecord) => Json | undefined) => {
    const wanted = listParam(query, param);
    if (wanted) result.push((a) => wanted.includes(String(value(a))));
  };
  oneOf('asset_type', (a) => a.asset_type);
  oneOf('asset_state', (a) => a.asset_state);
  oneOf('asset_id', (a) => a.asset_id);
  oneOf('sex', (a) => voiceMeta(a)?.sex);
  oneOf('language', (a) => voiceMeta(a)?.language);
  oneOf('human_model_2d_version', (a) => (a.asset_extra_meta?.human_model_2d_meta as JsonObject | undefined)?.model_version);

  const realtime = query.get('is_realtime_voice');
  if (realtime !== null) {
    if (realtime !== 'true' && realtime !== 'false') throw invalid('is_realtime_voice must be true or false');
    result.push((a) => voiceMeta(a) !== undefined && voiceMeta(a)!.is_realtime_voice === (realtime === 'true'));
  }
  const provider = query.get('voice_provider');
  if (provider !== null) {
    if (provider !== 'HUAWEI_METASTUDIO' && provider !== 'MOBVOI') throw invalid('voice_provider must be HUAWEI_METASTUDIO or MOBVOI');
    result.push((a) => {
      const meta = voiceMeta(a);
      if (!meta) return false;
      const external = (meta.external_voice_meta as JsonObject | undefined)?.provider;
      return (external === 'MOBVOI' ? 'MOBVOI' : 'HUAWEI_METASTUDIO') === provider;
    });
  }
  for (const pair of listParam(query, 'system_property') ?? []) {
    const [key, value] = pair.split(':');
    result.push((a) => (a.system_properties ?? []).some((p) => p.key === key && (value === undefined || p.value === value)));
  }
  const since = timeParam(query, 'start_time', invalid);
  if (since !== undefined) result.push((a) => Date.parse(a.create_time) >= since);
  const until = timeParam(query, 'end_time', invalid);
  if (until !== undefined) result.push((a) => Date.parse(a.create_time) <= until);
  return result;
}


export const assetRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/digital-assets$/,
    handler: (ctx) => {
      const checks = filters(ctx.query);
      const matching = [...ctx.store.assets.values()].filter((a) => visibleTo(a, ctx.projectId) && checks.every((f) => f(a)));
      const shown = page(sortRecords(matching, ctx.query, invalid), ctx.query, invalid);
      return ok({ count: matching.length, assets: shown.map((a) => renderAsset(a, ctx)) });
    },
  },
  {
    method: 'GET',
    pattern: /^\/digital-assets\/([^/]+)$/,
    handler: (ctx) => {
      const asset = ctx.store.assets.get(ctx.params[0]);
      if (!asset || !visibleTo(asset, ctx.projectId)) throw new ApiError(404, 'MSS.10001001', 'Asset not found');
      return ok(renderAsset(asset, ctx));
    },
  },
];
