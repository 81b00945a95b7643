/**
 * 2D avatar video jobs (reference 5.2.1, 5.3). A job's state follows from the clock: WAITING for
 * one `jobStepMs`, PROCESSING for another, then SUCCEED with an output VIDEO asset, or FAILED when
 * the sandbox cannot render the script; states are spelt as the SDK's enum has them
 * (docs/decisions/field-spellings.md). Render rules, checked at creation and revealed at the end:
 * - the model must be an ACTIVED HUMAN_MODEL_2D asset, the voice an ACTIVED VOICE_MODEL asset;
 * - an audio-driven (script_type AUDIO) shot fails unless the job renders a script and the shot's
 *   audio was uploaded to it as MP3, WAV or M4A; its length is the audio's at 128 kbit/s;
 * - a text shot whose text is empty once SSML tags are removed fails;
 * - a shot whose text contains {@link FAIL_MARKER} fails.
 * A job with a shot whose text contains {@link QUEUE_MARKER} stays WAITING until it is canceled, as
 * behind a long queue, so that a test can cancel it whatever the machine's load.
 */
import { normalizeJobState } from '../../core/cloud/jobState';
import { ApiError, fieldVerifyFail, notFound } from '../errors';
import { rfc3339, type AssetRecord, type JobRecord, type JsonObject } from '../model';
import { FAIL_MARKER, QUEUE_MARKER } from '../markers';
import { hexId } from '../seed';
import { shotsSeconds, spokenText } from '../speech';
import { videoJobCreate } from '../specs';
import type { SandboxStore } from '../store';
import { usableAsset } from './assets';
import { DAY_URL_TTL_MS, includesFold, listParam, newId, ok, page, readBody, sortRecords, timeParam, type RequestContext, type Route } from './context';
import { crossFieldProblem, findScript, sceneAudio, shotText } from './videoScripts';

const JOB_TYPE = '2D_DIGITAL_HUMAN_VIDEO';
const SCRIPT_SETTINGS = ['model_asset_id', 'voice_config', 'video_config', 'shoot_scripts', 'background_music_config'];

type JobState = 'WAITING' | 'PROCESSING' | 'SUCCEED' | 'FAILED' | 'CANCELED';

export function jobState(job: JobRecord, now: number, stepMs: number): JobState {
  if (job.canceled_ms !== undefined) return 'CANCELED';
  if (job.queued) return 'WAITING';
  const elapsed = now - job.created_ms;
  if (elapsed < stepMs) return 'WAITING';
  if (elapsed < 2 * stepMs) return 'PROCESSING';
  return job.failure ? 'FAILED' : 'SUCCEED';
}

const shots = (request: JsonObject) => (request.shoot_scripts as JsonObject[]).map((item) => (item.shoot_script ?? {}) as JsonObject);

/** The received audio of each audio-driven shot of a script's job, by position in `shoot_scripts`. */
function shotAudio(request: JsonObject, ctx: RequestContext, scriptId: string | undefined): Map<number, { size: number; type: string }> {
  const audio = new Map<number, { size: number; type: string }>();
  if (!scriptId) return audio;
  (request.shoot_scripts as JsonObject[]).forEach((item, i) => {
    const upload = sceneAudio(ctx, scriptId, typeof item.sequence_no === 'number' ? item.sequence_no : i);
    if (upload?.received) audio.set(i, { size: upload.received.size, type: upload.file_type });
  });
  return audio;
}

function findFailure(request: JsonObject, ctx: RequestContext, audio: ReadonlyMap<number, { size: number; type: string }>): JobRecord['failure'] {
  if (!usableAsset(ctx, request.model_asset_id, 'HUMAN_MODEL_2D')) {
    return { error_code: 'MSS.20010098', error_msg: `please use the correct role HUMAN_MODEL_2D asset: ${String(request.model_asset_id)}` };
  }
  const voiceId = (request.voice_config as JsonObject).voice_asset_id;
  if (!usableAsset(ctx, voiceId, 'VOICE_MODEL')) {
    return { error_code: 'MSS.42000002', error_msg: `TTSC task failed: ${String(voiceId)} is not an available voice asset` };
  }
  for (const [i, item] of (request.shoot_scripts as JsonObject[]).entries()) {
    const shot = (item.shoot_script ?? {}) as JsonObject;
    const where = `shot ${i + 1} (sequence_no ${String(item.sequence_no ?? i)})`;
    if (shot.script_type === 'AUDIO') {
      const received = audio.get(i);
      if (!received) return { error_code: 'MSS.20010067', error_msg: `audio file not found, please check field audio_config: ${where}` };
      if (received.type === 'bin') return { error_code: 'MSS.20010067', error_msg: `audio file is not MP3, WAV or M4A: ${where}` };
      continue;
    }
    const text = shotText(shot);
    if (spokenText(text) === '') return { error_code: 'MSS.20010089', error_msg: `The uploaded script is null: ${where} has no text` };
    if (text.includes(FAIL_MARKER)) return { error_code: 'MSS.42000007', error_msg: `Infer Error: ${where} cannot be rendered` };
  }
  return undefined;
}

function createJob(ctx: RequestContext): JobRecord {
  const body = readBody(ctx, videoJobCreate, fieldVerifyFail);
  const problem = crossFieldProblem(body);
  if (problem) throw fieldVerifyFail(problem);
  let request: JsonObject = body;
  let scriptName: string | undefined;
  if (typeof body.script_id === 'string') {
    const script = findScript(ctx, body.script_id);
    scriptName = script.body.script_name as string;
    request = { ...body };
    for (const key of SCRIPT_SETTINGS) if (script.body[key] !== undefined) request[key] = script.body[key];
  }
  for (const key of ['model_asset_id', 'voice_config', 'video_config', 'shoot_scripts']) {
    if (request[key] === undefined) throw fieldVerifyFail(`${key} is mandatory when the job has no script_id`);
  }
  if ((request.shoot_scripts as JsonObject[]).length === 0) throw fieldVerifyFail('shoot_scripts must not be empty');
  const jobId = newId();
  const scriptId = typeof body.script_id === 'string' ? body.script_id : undefined;
  const audio = shotAudio(request, ctx, scriptId);
  return {
    job_id: jobId,
    project_id: ctx.projectId,
    created_ms: ctx.now,
    request,
    script_id: scriptId,
    output_asset_id: hexId(`output:${jobId}`),
    output_asset_name: ((body.output_asset_config as JsonObject | undefined)?.asset_name as string | undefined) ?? scriptName ?? `video-${jobId.slice(0, 8)}`,
    duration_s: shotsSeconds(shots(request).map((shot, i) => audio.has(i) ? { audioBytes: audio.get(i)!.size } : shotText(shot))),
    failure: findFailure(request, ctx, audio),
    queued: shots(request).some((shot) => shotText(shot).includes(QUEUE_MARKER)),
  };
}

/** Creates the output asset of every job that has succeeded since the last call; true if any. */
export function advanceJobs(store: SandboxStore, now: number, stepMs: number): boolean {
  let changed = false;
  for (const job of store.jobs.values()) {
    if (job.output_created || jobState(job, now, stepMs) !== 'SUCCEED') continue;
    const video = job.request.video_config as JsonObject;
    const time = rfc3339(job.created_ms + 2 * stepMs);
    const asset: AssetRecord = {
      asset_id: job.output_asset_id,
      asset_name: job.output_asset_name,
      asset_type: 'VIDEO',
      asset_state: 'ACTIVED',
      create_time: time,
      update_time: time,
      tags: [],
      source: 'CUSTOMIZATION',
      project_id: job.project_id,
      asset_extra_meta: { video_meta: {
        video_codec: video.codec, width: video.width, height: video.height, frame_rate: video.frame_rate ?? '25',
        duration: Math.ceil(job.duration_s), mode: Number(video.width) >= Number(video.height) ? 'Horizontal' : 'Vertical',
        video_transcoding_status: 'SUCCEEDED',
      } },
      system_properties: [{ key: 'CREATED_BY_PLATFORM', value: 'Yes' }],
      files: [
        { file_id: hexId(`output-main:${job.job_id}`), file_name: `${job.job_id}.mp4`, file_type: 'mp4', asset_file_category: 'MAIN', recipe: { kind: 'mp4', durationMs: Math.round(job.duration_s * 1000) } },
        { file_id: hexId(`output-cover:${job.job_id}`), file_name: `${job.job_id}.png`, file_type: 'png', asset_file_category: 'COVER', recipe: { kind: 'png', width: 32, height: 18, rgb: [20, 20, 20] } },
      ],
    };
    store.addAsset(asset);
    job.output_created = true;
    changed = true;
  }
  return changed;
}

/** When the job last changed state. */
function lastUpdateMs(job: JobRecord, now: number, stepMs: number): number {
  const state = jobState(job, now, stepMs);
  if (state === 'WAITING') return job.created_ms;
  if (state === 'PROCESSING') return job.created_ms + stepMs;
  return job.canceled_ms ?? job.created_ms + 2 * stepMs;
}

function renderJob(job: JobRecord, ctx: RequestContext, details: boolean): JsonObject {
  const step = ctx.timings.jobStepMs;
  const state = jobState(job, ctx.now, step);
  const started = job.created_ms + step;
  const ended = job.canceled_ms ?? job.created_ms + 2 * step;
  const body: JsonObject = {
    job_id: job.job_id,
    state,
    job_type: JOB_TYPE,
    create_time: rfc3339(job.created_ms),
    lastupdate_time: rfc3339(lastUpdateMs(job, ctx.now, step)),
  };
  if (state !== 'WAITING' && !(state === 'CANCELED' && ended < started)) body.start_time = rfc3339(started);
  if (state !== 'WAITING' && state !== 'PROCESSING') body.end_time = rfc3339(ended);
  const output: JsonObject = { asset_name: job.output_asset_name };
  if (state === 'SUCCEED') {
    body.duration = job.duration_s;
    output.asset_id = job.output_asset_id;
    const cover = ctx.store.assets.get(job.output_asset_id)?.files.find((f) => f.asset_file_category === 'COVER');
    if (cover) output.cover_url = ctx.fileUrl(cover, DAY_URL_TTL_MS);
  }
  body.output_asset_config = output;
  if (state === 'FAILED' && job.failure) body.error_info = job.failure;
  if (details) {
    if (job.script_id) body.script_id = job.script_id;
    body.video_making_type = 'MODEL';
    body.model_asset_id = job.request.model_asset_id;
    if (ctx.query.get('show_script') === 'true') {
      for (const key of ['voice_config', 'video_config', 'shoot_scripts', 'background_music_config']) {
        if (job.request[key] !== undefined) body[key] = job.request[key];
      }
    }
  }
  return body;
}


function findJob(ctx: RequestContext): JobRecord {
  const job = ctx.store.jobs.get(ctx.params[0]);
  if (!job || job.project_id !== ctx.projectId) throw notFound(`video job ${ctx.params[0]}`);
  return job;
}

export const videoJobRoutes: Route[] = [
  {
    method: 'POST',
    pattern: /^\/2d-digital-human-videos$/,
    handler: (ctx) => {
      const job = createJob(ctx);
      ctx.store.jobs.set(job.job_id, job);
      return ok({ job_id: job.job_id });
    },
  },
  {
    method: 'GET',
    pattern: /^\/2d-digital-human-videos\/([^/]+)$/,
    handler: (ctx) => ok(renderJob(findJob(ctx), ctx, true)),
  },
  {
    method: 'POST',
    pattern: /^\/2d-digital-human-videos\/([^/]+)\/cancel$/,
    handler: (ctx) => {
      const job = findJob(ctx);
      const state = jobState(job, ctx.now, ctx.timings.jobStepMs);
      if (state !== 'WAITING') throw new ApiError(400, 'MSS.20010066', `Only a WAITING task can be canceled; this one is ${state}.`);
      job.canceled_ms = ctx.now;
      return ok();
    },
  },
  {
    method: 'GET',
    pattern: /^\/digital-human-videos$/,
    handler: (ctx) => {
      const type = ctx.query.get('job_type');
      if (type !== null && type !== JOB_TYPE && type !== 'PHOTO_DIGITAL_HUMAN_VIDEO') {
        throw fieldVerifyFail('job_type must be 2D_DIGITAL_HUMAN_VIDEO or PHOTO_DIGITAL_HUMAN_VIDEO');
      }
      const states = listParam(ctx.query, 'state')?.map(normalizeJobState);
      const scriptId = ctx.query.get('script_id');
      const jobId = ctx.query.get('job_id');
      const assetName = ctx.query.get('asset_name');
      const since = timeParam(ctx.query, 'create_since', fieldVerifyFail);
      const until = timeParam(ctx.query, 'create_until', fieldVerifyFail);
      const rows = [...ctx.store.jobs.values()]
        .filter((job) => job.project_id === ctx.projectId && (type === null || type === JOB_TYPE))
        .filter((job) => !states || states.includes(jobState(job, ctx.now, ctx.timings.jobStepMs)))
        .filter((job) => (!scriptId || job.script_id === scriptId) && (!jobId || job.job_id === jobId))
        .filter((job) => !assetName || includesFold(job.output_asset_name, assetName))
        .filter((job) => (since === undefined || job.created_ms >= since) && (until === undefined || job.created_ms <= until))
        .map((job) => ({ job, create_time: rfc3339(job.created_ms), update_time: rfc3339(lastUpdateMs(job, ctx.now, ctx.timings.jobStepMs)) }));
      const shown = page(sortRecords(rows, ctx.query, fieldVerifyFail), ctx.query, fieldVerifyFail);
      return ok({ count: rows.length, jobs: shown.map((row) => renderJob(row.job, ctx, false)) });
    },
  },
];
