/**
 * Video scripts: create, list, details, update (whole-object replace), delete (reference 5.1).
 * A create or update answers with an upload URL for the audio of each audio-driven (`AUDIO`)
 * scene (reference Table 5-22); the details give the download URL of each audio received. A scene
 * is known by its `sequence_no`, or by its position (from 0) when it has none.
 */
import { isObject } from '../../core/json';
import { ApiError, fieldVerifyFail, notFound } from '../errors';
import { rfc3339, type Json, type JsonObject, type ScriptRecord, type UploadRecord } from '../model';
import { RESIZE_SIZES, videoScript } from '../specs';
import { SCRIPT_COVER } from '../store';
import { sha256Hex } from '../verifier';
import { byCreateTime, DAY_URL_TTL_MS, includesFold, newId, ok, page, readBody, type RequestContext, type Route } from './context';


/** The RESIZE sizes (docs/decisions/video-output-rules.md): scripts, jobs and live rooms. */
export function videoConfigProblem(video: Json | undefined): string | undefined {
  if (!isObject(video) || (video.clip_mode ?? 'RESIZE') !== 'RESIZE') return undefined;
  return RESIZE_SIZES.has(`${String(video.width)}x${String(video.height)}`)
    ? undefined
    : `video_config: ${String(video.width)}x${String(video.height)} is not a supported size with clip_mode RESIZE`;
}

/** What a background of each type cannot go without (docs/decisions/backgrounds.md; reference 5.1.1). */
const BACKGROUND_NEEDS: Readonly<Record<string, string>> = { IMAGE: 'background_config', COLOR: 'background_color_config' };

/** Cross-field rules of a video script or job body the tables state in prose (docs/decisions/backgrounds.md, docs/decisions/video-output-rules.md). */
export function crossFieldProblem(body: JsonObject): string | undefined {
  const sizeProblem = videoConfigProblem(body.video_config);
  if (sizeProblem) return sizeProblem;
  const shots = (body.shoot_scripts ?? []) as JsonObject[];
  for (const [i, item] of shots.entries()) {
    const backgrounds = (((item.shoot_script ?? {}) as JsonObject).background_config ?? []) as JsonObject[];
    for (const [j, background] of backgrounds.entries()) {
      const needed = BACKGROUND_NEEDS[background.background_type as string];
      if (needed && !background[needed]) {
        return `shoot_scripts[${i}].shoot_script.background_config[${j}].${needed} is mandatory when background_type is ${String(background.background_type)}`;
      }
    }
  }
  return undefined;
}

/** The sequence numbers of a script's audio-driven scenes. */
function audioScenes(body: JsonObject): number[] {
  return ((body.shoot_scripts ?? []) as JsonObject[]).flatMap((item, i) =>
    ((item.shoot_script ?? {}) as JsonObject).script_type === 'AUDIO' ? [typeof item.sequence_no === 'number' ? item.sequence_no : i] : []);
}

/** Where the audio of a script's scene is uploaded, if the scene is audio-driven. */
export function sceneAudio(ctx: RequestContext, scriptId: string, sequenceNo: number): UploadRecord | undefined {
  return [...ctx.store.uploads.values()].find((u) => u.script_id === scriptId && u.sequence_no === sequenceNo);
}

function dropSceneAudio(ctx: RequestContext, upload: UploadRecord): void {
  ctx.store.uploads.delete(upload.file_id);
  ctx.store.removeFile(upload.file_id);
  ctx.forgetUpload(upload.file_id);
}

/**
 * The upload URLs of the script's audio-driven scenes, as a create or update answers them. A scene
 * keeps its upload place (and the audio already there) across updates; a scene no longer
 * audio-driven loses it.
 */
function audioUploadUrls(ctx: RequestContext, script: ScriptRecord): JsonObject | undefined {
  const scenes = audioScenes(script.body);
  for (const upload of [...ctx.store.uploads.values()]) {
    if (upload.script_id === script.script_id && !scenes.includes(upload.sequence_no!)) dropSceneAudio(ctx, upload);
  }
  if (scenes.length === 0) return undefined;
  const items = scenes.map((sequenceNo) => {
    let upload = sceneAudio(ctx, script.script_id, sequenceNo);
    if (!upload) {
      upload = {
        file_id: newId(), project_id: ctx.projectId, script_id: script.script_id, sequence_no: sequenceNo,
        file_name: `scene-${sequenceNo}`, file_type: '', asset_file_category: 'MAIN',
      };
      ctx.store.uploads.set(upload.file_id, upload);
    }
    return { sequence_no: sequenceNo, audio_file_upload_url: ctx.uploadUrl(upload.file_id, DAY_URL_TTL_MS) };
  });
  return { audio_file_url: items };
}

/** The download URLs of the audio received so far, as the details give them. */
function audioDownloadUrls(ctx: RequestContext, script: ScriptRecord): JsonObject | undefined {
  const items = audioScenes(script.body).flatMap((sequenceNo) => {
    const file = ctx.store.file(sceneAudio(ctx, script.script_id, sequenceNo)?.file_id ?? '');
    return file ? [{ sequence_no: sequenceNo, audio_file_download_url: ctx.fileUrl(file, DAY_URL_TTL_MS) }] : [];
  });
  return items.length ? { audio_file_url: items } : undefined;
}

/** What a create or update answers. */
function writeAnswer(ctx: RequestContext, script: ScriptRecord): JsonObject {
  const audioFiles = audioUploadUrls(ctx, script);
  return audioFiles ? { script_id: script.script_id, audio_files: audioFiles } : { script_id: script.script_id };
}

function readScript(ctx: RequestContext): JsonObject {
  const body = readBody(ctx, videoScript, fieldVerifyFail);
  const problem = crossFieldProblem(body);
  if (problem) throw fieldVerifyFail(problem);
  return body;
}

export function findScript(ctx: RequestContext, scriptId: string): ScriptRecord {
  const script = ctx.store.scripts.get(scriptId);
  if (!script || script.project_id !== ctx.projectId) throw notFound(`video script ${scriptId}`);
  return script;
}

function assertUniqueName(ctx: RequestContext, name: Json | undefined, except?: string): void {
  for (const script of ctx.store.scripts.values()) {
    if (script.project_id === ctx.projectId && script.script_id !== except && script.body.script_name === name) {
      throw new ApiError(400, 'MSS.20010005', 'script name duplicate');
    }
  }
}

/** Details as the SDK's `ShowVideoScriptResponse` has them, with the server defaults filled in (reference 5.1.3). */
function renderDetails(script: ScriptRecord, ctx: RequestContext): JsonObject {
  const body = script.body;
  const coverUrl = ctx.fileUrl(SCRIPT_COVER, DAY_URL_TTL_MS);
  const result: JsonObject = { ...body, view_mode: body.view_mode ?? 'LANDSCAPE' };
  if (body.voice_config) result.voice_config = { speed: 100, pitch: 100, volume: 140, ...(body.voice_config as JsonObject) };
  if (body.video_config) result.video_config = withVideoDefaults(body.video_config as JsonObject);
  if (body.background_music_config) result.background_music_config = { volume: 100, ...(body.background_music_config as JsonObject) };
  if (body.shoot_scripts) {
    result.shoot_scripts = (body.shoot_scripts as JsonObject[]).map((item) => {
      const shot: JsonObject = { script_type: 'TEXT', ...(item.shoot_script as JsonObject | undefined), thumbnail_url: coverUrl };
      const text = shotText(shot);
      // What the console's preview of the scene was made from: here only the text's hash.
      return text ? { ...item, shoot_script: shot, preview_info: { text_sha256: sha256Hex(text) } } : { ...item, shoot_script: shot };
    });
  }
  const audioFiles = audioDownloadUrls(ctx, script);
  if (audioFiles) result.audio_files = audioFiles;
  return {
    ...result,
    script_id: script.script_id,
    create_time: script.create_time,
    update_time: script.update_time,
    script_cover_url: coverUrl,
  };
}

/** A video config with the defaults the details fill in (reference 5.1.1): RESIZE, no subtitles. */
export function withVideoDefaults(video: JsonObject): JsonObject {
  return { clip_mode: 'RESIZE', is_subtitle_enable: false, ...video };
}

/** A shot's `text_config.text`, '' when it has none. */
export const shotText = (shot: JsonObject | undefined) => ((shot?.text_config as JsonObject | undefined)?.text as string | undefined) ?? '';

function renderBase(script: ScriptRecord, ctx: RequestContext): JsonObject {
  const first = ((script.body.shoot_scripts ?? []) as JsonObject[])[0]?.shoot_script as JsonObject | undefined;
  const base: JsonObject = {
    script_id: script.script_id,
    // Mandatory in the list's model, optional in the request's.
    script_name: script.body.script_name ?? '',
    script_cover_url: ctx.fileUrl(SCRIPT_COVER, DAY_URL_TTL_MS),
    script_type: first?.script_type ?? 'TEXT',
    text: shotText(first),
    create_time: script.create_time,
    update_time: script.update_time,
  };
  for (const key of ['script_description', 'model_asset_id', 'model_asset_type']) {
    if (script.body[key] !== undefined) base[key] = script.body[key];
  }
  return base;
}

export const videoScriptRoutes: Route[] = [
  {
    method: 'POST',
    pattern: /^\/digital-human-video-scripts$/,
    handler: (ctx) => {
      const body = readScript(ctx);
      if (body.script_name !== undefined) assertUniqueName(ctx, body.script_name);
      const time = rfc3339(ctx.now);
      const script: ScriptRecord = { script_id: newId(), project_id: ctx.projectId, body, create_time: time, update_time: time };
      ctx.store.scripts.set(script.script_id, script);
      return ok(writeAnswer(ctx, script));
    },
  },
  {
    method: 'GET',
    pattern: /^\/digital-human-video-scripts$/,
    handler: (ctx) => {
      const catalog = ctx.query.get('script_catalog') ?? 'VIDEO_DRAFT';
      if (catalog !== 'VIDEO_DRAFT' && catalog !== 'SYSTEM_VIDEO_TEMPLET') throw fieldVerifyFail('script_catalog must be VIDEO_DRAFT or SYSTEM_VIDEO_TEMPLET');
      const name = ctx.query.get('name');
      const viewMode = ctx.query.get('view_mode');
      const matching = catalog === 'SYSTEM_VIDEO_TEMPLET' ? [] : [...ctx.store.scripts.values()].filter((s) =>
        s.project_id === ctx.projectId
        && (!name || includesFold(s.body.script_name as string, name))
        && (!viewMode || (s.body.view_mode ?? 'LANDSCAPE') === viewMode));
      const shown = page(byCreateTime(matching), ctx.query, fieldVerifyFail);
      return ok({ count: matching.length, video_scripts: shown.map((s) => renderBase(s, ctx)) });
    },
  },
  {
    method: 'GET',
    pattern: /^\/digital-human-video-scripts\/([^/]+)$/,
    handler: (ctx) => ok(renderDetails(findScript(ctx, ctx.params[0]), ctx)),
  },
  {
    method: 'PUT',
    pattern: /^\/digital-human-video-scripts\/([^/]+)$/,
    handler: (ctx) => {
      const script = findScript(ctx, ctx.params[0]);
      const body = readScript(ctx);
      if (body.script_name !== undefined) assertUniqueName(ctx, body.script_name, script.script_id);
      // PUT replaces the whole object (docs/decisions/details-to-body.md); the name is kept when the body leaves it out.
      const name = body.script_name ?? script.body.script_name;
      script.body = name === undefined ? body : { ...body, script_name: name };
      script.update_time = rfc3339(ctx.now);
      return ok(writeAnswer(ctx, script));
    },
  },
  {
    method: 'DELETE',
    pattern: /^\/digital-human-video-scripts\/([^/]+)$/,
    handler: (ctx) => {
      const script = findScript(ctx, ctx.params[0]);
      for (const upload of [...ctx.store.uploads.values()]) if (upload.script_id === script.script_id) dropSceneAudio(ctx, upload);
      ctx.store.scripts.delete(script.script_id);
      return ok();
    },
  },
];
