/**
 * Assets: create, list, details and delete (reference 4.1.1, 4.1.2, 4.1.4, 4.1.5). A created asset
 * is CREATING until its main file is uploaded and confirmed (routes/files.ts), then under review
 * for `assetReviewMs`, then ACTIVED, or BLOCK when its name holds {@link BLOCK_MARKER}. A delete
 * moves the asset to the recycle bin (DELETED, left out of lists unless asked for), or with
 * `mode=force` removes it and its files for good.
 */
import { ApiError } from '../errors';
import { BLOCK_MARKER } from '../markers';
import { rfc3339, type AssetRecord, type Json, type JsonObject } from '../model';
import { hexId } from '../seed';
import { assetCreate } from '../specs';
import type { SandboxStore } from '../store';
import { DAY_URL_TTL_MS, includesFold, listParam, newId, ok, page, readBody, sortRecords, timeParam, type RequestContext, type Route } from './context';

/** Put this in an uploaded asset's name to have its review end in BLOCK. */

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

/** The project's own asset, or a 404 (a system asset or a sandbox sample is not the project's to change). */
export function ownAsset(ctx: RequestContext, assetId: string): AssetRecord {
  const asset = ctx.store.assets.get(assetId);
  if (!asset || !visibleTo(asset, ctx.projectId)) throw new ApiError(404, 'MSS.10001001', 'Asset not found');
  if (asset.project_id !== ctx.projectId) throw invalid(`asset ${assetId} is not this project's own`);
  return asset;
}

/** Ends the review of every uploaded asset whose time has come; true if any changed. */
export function advanceAssets(store: SandboxStore, now: number): boolean {
  let changed = false;
  for (const asset of [...store.assets.values()]) {
    if (asset.review_due_ms === undefined || asset.review_due_ms > now) continue;
    const { review_due_ms: due, generate_cover: cover, ...rest } = asset;
    const blocked = asset.asset_name.includes(BLOCK_MARKER);
    const files = cover
      ? [...asset.files, { file_id: hexId(`cover:${asset.asset_id}`), file_name: 'cover.png', file_type: 'png', asset_file_category: 'COVER', recipe: { kind: 'png', width: 32, height: 18, rgb: [90, 60, 30] } } as const]
      : asset.files;
    store.replaceAsset(asset.asset_id, {
      ...rest,
      asset_state: blocked ? 'BLOCK' : 'ACTIVED',
      ...(blocked ? { fail_type: 'AUDIT_FAILED', reason: 'The content review blocked the asset.' } : {}),
      update_time: rfc3339(due),
      files,
    });
    changed = true;
  }
  return changed;
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
  // The recycle bin is listed only when asked for.
  if (!listParam(query, 'asset_state')) result.push((a) => a.asset_state !== 'DELETED');
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
    method: 'POST',
    pattern: /^\/digital-assets$/,
    handler: (ctx) => {
      const body = readBody(ctx, assetCreate, invalid);
      const time = rfc3339(ctx.now);
      const asset: AssetRecord = {
        asset_id: newId(),
        asset_name: body.asset_name as string,
        ...(body.asset_description !== undefined ? { asset_description: body.asset_description as string } : {}),
        asset_type: body.asset_type as string,
        asset_state: 'CREATING',
        create_time: time,
        update_time: time,
        tags: (body.tags ?? []) as string[],
        source: 'CUSTOMIZATION',
        project_id: ctx.projectId,
        files: [],
        ...(body.is_need_generate_cover === true && body.asset_type === 'VIDEO' ? { generate_cover: true } : {}),
      };
      ctx.store.addAsset(asset);
      return ok({ asset_id: asset.asset_id });
    },
  },
  {
    method: 'DELETE',
    pattern: /^\/digital-assets\/([^/]+)$/,
    handler: (ctx) => {
      const asset = ownAsset(ctx, ctx.params[0]);
      const mode = ctx.query.get('mode');
      if (mode !== null && mode !== 'force') throw invalid('mode must be force');
      if (mode === 'force') {
        for (const file of asset.files) ctx.forgetUpload(file.file_id);
        for (const upload of [...ctx.store.uploads.values()]) {
          if (upload.asset_id !== asset.asset_id) continue;
          ctx.store.uploads.delete(upload.file_id);
          ctx.forgetUpload(upload.file_id);
        }
        ctx.store.replaceAsset(asset.asset_id, undefined);
      } else {
        const { review_due_ms: _due, ...rest } = asset;
        ctx.store.replaceAsset(asset.asset_id, { ...rest, asset_state: 'DELETED', update_time: rfc3339(ctx.now) });
      }
      return ok();
    },
  },
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
