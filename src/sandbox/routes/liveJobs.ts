/**
 * Livestreaming tasks (reference 6.2): start, list (per room and per tenant), details, stop,
 * commands and viewer events. What a job plays is ../livePlayback.ts; how it answers an event is
 * ../liveRules.ts. A command or an event for a job that is not PROCESSING is refused with the
 * appendix's "job is not running" error, a stop of a job that has ended with "the job is over".
 */
import { ApiError, fieldVerifyFail, notFound } from '../errors';
import {
  advance, dropInserted, insert, insertedItem, isRunning, liveJobState, nowPlaying, rewrite, type PlayType,
} from '../livePlayback';
import { replyTo } from '../liveRules';
import { rfc3339, type JsonObject, type LiveJobRecord, type RoomRecord } from '../model';
import { insertPlayScriptParams, liveCommand, liveEventReport, liveJobStart, liveRoom } from '../specs';
import type { SandboxStore } from '../store';
import { findProblem, known, type Spec } from '../validate';
import { listParam, newId, ok, page, readBody, sortRecords, timeParam, type RequestContext, type Route } from './context';
import { findRoom, renderDetails } from './liveRooms';

const JOBS = '/smart-live-jobs';
const roomProps = (liveRoom as { props: Record<string, Spec> }).props;

/** Moves every unfinished live job to `now`; true if any changed. */
export function advanceLiveJobs(store: SandboxStore, now: number, stepMs: number): boolean {
  let changed = false;
  for (const job of store.liveJobs.values()) changed = advance(job, now, stepMs) || changed;
  return changed;
}

/** True while a job of the room is WAITING or PROCESSING. */
export function roomIsLive(store: SandboxStore, roomId: string): boolean {
  return [...store.liveJobs.values()].some((job) => job.room_id === roomId && !job.end_state);
}

const notRunning = (job: LiveJobRecord) =>
  new ApiError(500, 'MSS.20010099', `The job is not running state. jobId is ${job.job_id}, state is ${liveJobState(job)}`);

function startJob(ctx: RequestContext, room: RoomRecord): LiveJobRecord {
  const body = readBody(ctx, liveJobStart, fieldVerifyFail);
  if (roomIsLive(ctx.store, room.room_id)) throw new ApiError(500, 'MSS.20010036', 'There are several jobs in progress in this room');
  const scenes = (room.body.scene_scripts ?? []) as JsonObject[];
  if (!scenes.some((scene) => ((scene.shoot_scripts ?? []) as JsonObject[]).length > 0)) {
    throw new ApiError(500, 'MSS.20010027', 'two digital task has not script shoot');
  }
  const policy = { ...(room.body.play_policy as JsonObject | undefined), ...(body.play_policy as JsonObject | undefined) };
  return {
    job_id: newId(),
    room_id: room.room_id,
    project_id: ctx.projectId,
    created_ms: ctx.now,
    request: body,
    scenes,
    rules: (room.body.interaction_rules ?? []) as JsonObject[],
    repeat_count: typeof policy.repeat_count === 'number' ? policy.repeat_count : -1,
    rounds_started: 0,
    queue: [],
    rule_hits: {},
  };
}

function lastUpdateMs(job: LiveJobRecord, stepMs: number): number {
  if (job.ended_ms !== undefined) return job.ended_ms;
  return job.cursor_ms === undefined ? job.created_ms : job.created_ms + stepMs;
}

function renderJob(job: LiveJobRecord, ctx: RequestContext): JsonObject {
  const step = ctx.timings.jobStepMs;
  const state = liveJobState(job);
  const started = job.created_ms + step;
  const room = ctx.store.rooms.get(job.room_id);
  const body: JsonObject = {
    job_id: job.job_id,
    room_id: job.room_id,
    room_name: (room?.body.room_name as string | undefined) ?? '',
    state,
    create_time: rfc3339(job.created_ms),
    lastupdate_time: rfc3339(lastUpdateMs(job, step)),
    live_event_report_url: ctx.apiUrl(`/smart-live-rooms/${job.room_id}${JOBS}/${job.job_id}/live-event-report`),
  };
  if (job.ended_ms === undefined ? state === 'PROCESSING' : job.ended_ms >= started) {
    const seconds = ((job.ended_ms ?? ctx.now) - started) / 1000;
    body.start_time = rfc3339(started);
    body.duration = seconds;
    body.stream_duration = seconds;
  }
  if (job.ended_ms !== undefined) body.end_time = rfc3339(job.ended_ms);
  if (state === 'FAILED' && job.failure) body.error_info = job.failure;
  return body;
}

function findJob(ctx: RequestContext): LiveJobRecord {
  const room = findRoom(ctx);
  const job = ctx.store.liveJobs.get(ctx.params[1]);
  if (!job || job.room_id !== room.room_id) throw notFound(`live job ${ctx.params[1]}`);
  return job;
}

/** A command's params, checked against `spec`, with only the fields it knows. */
function params(body: JsonObject, spec: Spec): JsonObject {
  const problem = findProblem(body.params ?? {}, spec, 'params');
  if (problem) throw fieldVerifyFail(problem);
  return known(body.params ?? {}, spec) as JsonObject;
}

const scenesParams: Spec = { type: 'object', props: { scene_scripts: { ...roomProps.scene_scripts, required: true } } };
const rulesParams: Spec = { type: 'object', props: { interaction_rules: { ...roomProps.interaction_rules, required: true } } };
const outputParams: Spec = { type: 'object', props: { output_urls: roomProps.output_urls, stream_keys: roomProps.stream_keys } };

function playTypeOf(job: LiveJobRecord, asked: unknown, ctx: RequestContext): PlayType {
  const room = ctx.store.rooms.get(job.room_id);
  const configured = (room?.body.interaction_config as JsonObject | undefined)?.play_type;
  return ((asked ?? configured ?? 'INSERT') as PlayType);
}

/** Runs a command on a running job; the answer's `result` is text (JSON for the two queries). */
function runCommand(ctx: RequestContext, job: LiveJobRecord): JsonObject {
  const body = readBody(ctx, liveCommand, fieldVerifyFail);
  if (!isRunning(job)) throw notRunning(job);
  const command = body.command as string;
  let result = 'SUCCESS';
  switch (command) {
    case 'INSERT_PLAY_SCRIPT': {
      const p = params(body, insertPlayScriptParams);
      const text = (p.text_config as JsonObject).text as string;
      insert(job, insertedItem(job, text, command), playTypeOf(job, p.play_type, ctx), ctx.now);
      break;
    }
    case 'REWRITE_PLAY_SCRIPT':
      rewrite(job, params(body, scenesParams).scene_scripts as JsonObject[]);
      break;
    case 'REWRITE_INTERACTION_RULES':
      job.rules = params(body, rulesParams).interaction_rules as JsonObject[];
      job.rule_hits = {};
      break;
    case 'GET_CURRENT_PLAYING_SCRIPTS':
      result = JSON.stringify(nowPlaying(job));
      break;
    case 'GET_LIVE_JOB_CONFIG_INFO': {
      const room = ctx.store.rooms.get(job.room_id);
      result = JSON.stringify(room ? { ...renderDetails(room, ctx), scene_scripts: job.scenes, interaction_rules: job.rules } : {});
      break;
    }
    case 'REFRESH_OUTPUT_URL':
      params(body, outputParams);
      break;
    case 'CLEAN_UP_INSERT_COMMAND':
      dropInserted(job);
      break;
    default:
      // INSERT_PLAY_AUDIO needs an uploaded audio file and RESET_EXIT_CONFIG a billing policy: neither is emulated.
      throw fieldVerifyFail(`command ${command} is not emulated by the sandbox`);
  }
  return { command_id: newId(), command, result };
}

function reportEvents(ctx: RequestContext, job: LiveJobRecord): void {
  const body = readBody(ctx, liveEventReport, fieldVerifyFail);
  if (!isRunning(job)) throw notRunning(job);
  for (const event of (body.events ?? []) as JsonObject[]) {
    const reply = replyTo(job, { type: event.type as number | undefined, content: event.content as string | undefined }, ctx.now);
    if (!reply) continue;
    const trigger = (reply.rule.trigger ?? {}) as JsonObject;
    const title = typeof reply.rule.rule_name === 'string' && reply.rule.rule_name ? reply.rule.rule_name : `rule ${reply.ruleIndex + 1}`;
    insert(job, insertedItem(job, reply.text, title), playTypeOf(job, trigger.play_type, ctx), ctx.now);
  }
}

/** The filters, order and paging both job lists share; `keep` narrows to a room's jobs or by room name. */
function listJobs(ctx: RequestContext, keep: (job: LiveJobRecord) => boolean): JsonObject {
  const states = listParam(ctx.query, 'state');
  const since = timeParam(ctx.query, 'create_since', fieldVerifyFail);
  const until = timeParam(ctx.query, 'create_until', fieldVerifyFail);
  const rows = [...ctx.store.liveJobs.values()]
    .filter((job) => job.project_id === ctx.projectId && keep(job))
    .filter((job) => !states || states.includes(liveJobState(job)))
    .filter((job) => (since === undefined || job.created_ms >= since) && (until === undefined || job.created_ms <= until))
    .map((job) => ({ job, create_time: rfc3339(job.created_ms), update_time: rfc3339(lastUpdateMs(job, ctx.timings.jobStepMs)) }));
  const shown = page(sortRecords(rows, ctx.query, fieldVerifyFail), ctx.query, fieldVerifyFail);
  return { count: rows.length, smart_live_jobs: shown.map((row) => renderJob(row.job, ctx)) };
}

const ROOM_JOBS = /^\/smart-live-rooms\/([^/]+)\/smart-live-jobs$/;
const ROOM_JOB = (tail = '') => new RegExp(`^/smart-live-rooms/([^/]+)/smart-live-jobs/([^/]+)${tail}$`);

export const liveJobRoutes: Route[] = [
  {
    method: 'POST',
    pattern: ROOM_JOBS,
    handler: (ctx) => {
      const job = startJob(ctx, findRoom(ctx));
      ctx.store.liveJobs.set(job.job_id, job);
      return {
        status: 202,
        body: { job_id: job.job_id, live_event_report_url: ctx.apiUrl(`/smart-live-rooms/${job.room_id}${JOBS}/${job.job_id}/live-event-report`) },
      };
    },
  },
  {
    method: 'GET',
    pattern: ROOM_JOBS,
    handler: (ctx) => {
      const room = findRoom(ctx);
      return ok(listJobs(ctx, (job) => job.room_id === room.room_id));
    },
  },
  {
    method: 'GET',
    pattern: /^\/smart-live-jobs$/,
    handler: (ctx) => {
      const name = ctx.query.get('room_name')?.toLowerCase();
      const nameOf = (job: LiveJobRecord) => String(ctx.store.rooms.get(job.room_id)?.body.room_name ?? '').toLowerCase();
      return ok(listJobs(ctx, (job) => !name || nameOf(job).includes(name)));
    },
  },
  {
    method: 'GET',
    pattern: ROOM_JOB(),
    handler: (ctx) => ok(renderJob(findJob(ctx), ctx)),
  },
  {
    method: 'POST',
    pattern: ROOM_JOB('/stop'),
    handler: (ctx) => {
      const job = findJob(ctx);
      if (job.end_state) throw new ApiError(400, 'MSS.20010074', 'The job info is not existed or the job is over');
      job.ended_ms = ctx.now;
      job.end_state = 'SUCCEED';
      return ok();
    },
  },
  {
    method: 'POST',
    pattern: ROOM_JOB('/command'),
    handler: (ctx) => ok(runCommand(ctx, findJob(ctx))),
  },
  {
    method: 'POST',
    pattern: ROOM_JOB('/live-event-report'),
    handler: (ctx) => {
      const job = findJob(ctx);
      reportEvents(ctx, job);
      return ok({ live_event_report_url: ctx.apiUrl(`/smart-live-rooms/${job.room_id}${JOBS}/${job.job_id}/live-event-report`) });
    },
  },
];
