/**
 * The files of assets (reference 4.2.1–4.2.3): "Creating a File" announces a file of an asset
 * still CREATING and answers with its pre-signed upload URL (uploads.ts takes the bytes);
 * confirming it CREATED adds it to the asset, and a confirmed MAIN file starts the asset's review
 * (routes/assets.ts); FAILED or CANCELLED drops it. A file is deleted whether confirmed or not.
 */
import { ApiError } from '../errors';
import type { FileRecord, UploadRecord } from '../model';
import { fileConfirm, fileCreate } from '../specs';
import { ownAsset } from './assets';
import { DAY_URL_TTL_MS, newId, ok, readBody, type RequestContext, type Route } from './context';

const invalid = (detail: string) => new ApiError(400, 'MSS.00000003', `Invalid parameter: ${detail}`);
const noFile = (fileId: string) => new ApiError(404, 'MSS.00000002', `Not Found: file ${fileId}`);

/** The file categories each asset type takes (reference Table 4-172; types it does not list take MAIN, COVER and OTHER). */
const CATEGORIES: Readonly<Record<string, readonly string[]>> = {
  IMAGE: ['MAIN'],
  VIDEO: ['MAIN', 'COVER'],
  PPT: ['MAIN', 'COVER', 'PAGE', 'OTHER'],
  HUMAN_MODEL: ['MAIN', 'COVER', 'WHOLE_MODEL', 'USER_MODIFIED_MODEL', 'OTHER'],
  VOICE_MODEL: ['MAIN', 'SAMPLE', 'OTHER'],
  HUMAN_MODEL_2D: ['MAIN', 'COVER', 'SAMPLE', 'OTHER'],
  BUSINESS_CARD_TEMPLET: ['MAIN', 'COVER'],
};
const OTHER_CATEGORIES = ['MAIN', 'COVER', 'OTHER'];

/** An announced file of the request's project (not a scene's audio). */
function announced(ctx: RequestContext, fileId: string): UploadRecord | undefined {
  const upload = ctx.store.uploads.get(fileId);
  return upload && upload.project_id === ctx.projectId && upload.asset_id !== undefined ? upload : undefined;
}

export const fileRoutes: Route[] = [
  {
    method: 'POST',
    pattern: /^\/files$/,
    handler: (ctx) => {
      const body = readBody(ctx, fileCreate, invalid);
      const md5 = body.file_md5 as string;
      if (!/^[A-Za-z0-9+/]{22}==$/.test(md5)) throw invalid('file_md5 must be the Base64 of an MD5 (24 characters)');
      const asset = ownAsset(ctx, body.asset_id as string);
      if (asset.asset_state !== 'CREATING') throw invalid(`asset ${asset.asset_id} is ${asset.asset_state}: files are added while it is CREATING`);
      const category = body.asset_file_category as string;
      const categories = CATEGORIES[asset.asset_type] ?? OTHER_CATEGORIES;
      if (!categories.includes(category)) throw invalid(`a ${asset.asset_type} asset takes files of category ${categories.join(', ')}`);
      const pending = [...ctx.store.uploads.values()].some((u) => u.asset_id === asset.asset_id && u.asset_file_category === category);
      if (category === 'MAIN' && (pending || asset.files.some((f) => f.asset_file_category === 'MAIN'))) throw invalid(`asset ${asset.asset_id} has a MAIN file already`);
      const upload: UploadRecord = {
        file_id: newId(),
        project_id: ctx.projectId,
        asset_id: asset.asset_id,
        file_name: body.file_name as string,
        file_type: (body.file_type as string).toLowerCase(),
        asset_file_category: category,
        file_md5: md5,
        file_size: body.file_size as number,
      };
      ctx.store.uploads.set(upload.file_id, upload);
      return ok({ file_id: upload.file_id, upload_url: ctx.uploadUrl(upload.file_id, DAY_URL_TTL_MS) });
    },
  },
  {
    method: 'POST',
    pattern: /^\/files\/([^/]+)\/complete$/,
    handler: (ctx) => {
      const body = readBody(ctx, fileConfirm, invalid);
      const upload = announced(ctx, ctx.params[0]);
      if (!upload) throw noFile(ctx.params[0]);
      if (body.state !== 'CREATED') {
        ctx.store.uploads.delete(upload.file_id);
        ctx.forgetUpload(upload.file_id);
        return ok();
      }
      if (!upload.received) throw invalid(`file ${upload.file_id} has not been uploaded`);
      const asset = ownAsset(ctx, upload.asset_id!);
      const file: FileRecord = {
        file_id: upload.file_id,
        file_name: upload.file_name,
        file_type: upload.file_type,
        asset_file_category: upload.asset_file_category,
        recipe: { kind: 'stored', size: upload.received.size, md5: upload.received.md5 },
      };
      ctx.store.uploads.delete(upload.file_id);
      const main = file.asset_file_category === 'MAIN';
      ctx.store.replaceAsset(asset.asset_id, {
        ...asset,
        files: [...asset.files, file],
        ...(main && asset.asset_state === 'CREATING' ? { review_due_ms: ctx.now + ctx.timings.assetReviewMs } : {}),
      });
      return ok();
    },
  },
  {
    method: 'DELETE',
    pattern: /^\/files\/([^/]+)$/,
    handler: (ctx) => {
      const fileId = ctx.params[0];
      if (announced(ctx, fileId)) {
        ctx.store.uploads.delete(fileId);
        ctx.forgetUpload(fileId);
        return ok();
      }
      const asset = [...ctx.store.assets.values()].find((a) => a.project_id === ctx.projectId && a.files.some((f) => f.file_id === fileId));
      if (!asset) throw noFile(fileId);
      ctx.store.replaceAsset(asset.asset_id, { ...asset, files: asset.files.filter((f) => f.file_id !== fileId) });
      ctx.forgetUpload(fileId);
      return ok();
    },
  },
];
