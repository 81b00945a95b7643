/** Intelligent live rooms: create, list, details, update (whole-object replace), delete (reference 6.1.1–6.1.5). */
import { ApiError, fieldVerifyFail, notFound } from '../errors';
import { liveJobState } from '../livePlayback';
import { rfc3339, type Json, type JsonObject, type LiveJobRecord, type RoomRecord } from '../model';
import { liveRoom } from '../specs';
import { SCRIPT_COVER } from '../store';
import { byCreateTime, DAY_URL_TTL_MS, includesFold, listParam, newId, ok, page, readBody, type RequestContext, type Route } from './context';
import { roomIsLive } from './liveJobs';
import { videoConfigProblem, withVideoDefaults } from './videoScripts';


/** The create table prints `backup_mode_l_asset_ids` (docs/decisions/field-spellings.md); both spellings are taken, the right one is kept. */
function readRoom(ctx: RequestContext): JsonObject {
  const { backup_mode_l_asset_ids: misspelt, ...body } = readBody(ctx, liveRoom, fieldVerifyFail);
  const problem = videoConfigProblem(body.video_config);
  if (problem) throw fieldVerifyFail(problem);
  if (body.backup_model_asset_ids === undefined && misspelt !== undefined) body.backup_model_asset_ids = misspelt;
  return body;
}

function assertUniqueName(ctx: RequestContext, name: Json, except?: string): void {
  for (const room of ctx.store.rooms.values()) {
    if (room.project_id === ctx.projectId && room.room_id !== except && room.body.room_name === name) {
      throw new ApiError(400, 'MSS.20010031', 'room name duplicate');
    }
  }
}

export function findRoom(ctx: RequestContext): RoomRecord {
  const room = ctx.store.rooms.get(ctx.params[0]);
  if (!room || room.project_id !== ctx.projectId) throw notFound(`live room ${ctx.params[0]}`);
  return room;
}

export function renderDetails(room: RoomRecord, ctx: RequestContext): JsonObject {
  const body = room.body;
  const coverUrl = ctx.fileUrl(SCRIPT_COVER, DAY_URL_TTL_MS);
  const result: JsonObject = { ...body, view_mode: body.view_mode ?? 'VERTICAL' };
  if (body.video_config) result.video_config = withVideoDefaults(body.video_config as JsonObject);
  if (body.play_policy) result.play_policy = { play_mode: 'TEXT', ...(body.play_policy as JsonObject) };
  return {
    ...result,
    room_id: room.room_id,
    create_time: room.create_time,
    update_time: room.update_time,
    cover_url: coverUrl,
    thumbnail: coverUrl,
    room_state: 'ENABLE',
    // The SDK's model: the time of the last update, which versions the room's scripts.
    script_version: String(Date.parse(room.update_time)),
  };
}

function renderBase(room: RoomRecord, ctx: RequestContext): JsonObject {
  const coverUrl = ctx.fileUrl(SCRIPT_COVER, DAY_URL_TTL_MS);
  const models = new Map<string, JsonObject>();
  for (const scene of (room.body.scene_scripts ?? []) as JsonObject[]) {
    const id = scene.model_asset_id as string | undefined;
    if (id && !models.has(id)) {
      models.set(id, {
        model_asset_id: id,
        asset_name: ctx.store.assets.get(id)?.asset_name ?? '',
        backup_model_asset_ids: room.body.backup_model_asset_ids ?? [],
      });
    }
  }
  const base: JsonObject = {
    room_id: room.room_id,
    project_id: room.project_id,
    room_name: room.body.room_name,
    room_type: room.body.room_type ?? 'NORMAL',
    room_state: 'ENABLE',
    view_mode: room.body.view_mode ?? 'VERTICAL',
    cover_url: coverUrl,
    thumbnail: coverUrl,
    model_infos: [...models.values()],
    create_time: room.create_time,
    update_time: room.update_time,
  };
  for (const key of ['room_description', 'priv_data', 'shared_config']) {
    if (room.body[key] !== undefined) base[key] = room.body[key];
  }
  const last = newestJob(ctx, room.room_id);
  if (last) {
    base.last_job_statuses = last.state;
    if (last.start) base.last_job_start_time = last.start;
    if (last.end) base.last_job_end_time = last.end;
  }
  return base;
}

/** The room's newest live job: its state and start and end times, as the room list shows them. */
function newestJob(ctx: RequestContext, roomId: string): { state: string; start?: string; end?: string } | undefined {
  let newest: LiveJobRecord | undefined;
  for (const job of ctx.store.liveJobs.values()) {
    if (job.room_id === roomId && (!newest || job.created_ms >= newest.created_ms)) newest = job;
  }
  if (!newest) return undefined;
  const started = newest.created_ms + ctx.timings.jobStepMs;
  const hasStarted = newest.cursor_ms !== undefined && (newest.ended_ms === undefined || newest.ended_ms >= started);
  return {
    state: liveJobState(newest),
    ...(hasStarted ? { start: rfc3339(started) } : {}),
    ...(newest.ended_ms !== undefined ? { end: rfc3339(newest.ended_ms) } : {}),
  };
}

export const liveRoomRoutes: Route[] = [
  {
    method: 'POST',
    pattern: /^\/smart-live-rooms$/,
    handler: (ctx) => {
      const body = readRoom(ctx);
      assertUniqueName(ctx, body.room_name);
      const time = rfc3339(ctx.now);
      const room: RoomRecord = { room_id: newId(), project_id: ctx.projectId, body, create_time: time, update_time: time };
      ctx.store.rooms.set(room.room_id, room);
      return ok({ room_id: room.room_id });
    },
  },
  {
    method: 'GET',
    pattern: /^\/smart-live-rooms$/,
    handler: (ctx) => {
      const name = ctx.query.get('room_name');
      const types = listParam(ctx.query, 'room_type');
      const dhId = ctx.query.get('dh_id');
      const modelName = ctx.query.get('model_name');
      // A room's live state is the state of its newest job, `NULL` when it has none.
      const liveStates = listParam(ctx.query, 'live_state');
      const matching = [...ctx.store.rooms.values()].filter((room) => {
        const scenes = (room.body.scene_scripts ?? []) as JsonObject[];
        return room.project_id === ctx.projectId
          && (!name || includesFold(room.body.room_name as string, name))
          && (!types || types.includes((room.body.room_type as string | undefined) ?? 'NORMAL'))
          && (!dhId || scenes.some((s) => s.dh_id === dhId))
          && (!modelName || scenes.some((s) => includesFold(ctx.store.assets.get(s.model_asset_id as string)?.asset_name, modelName)))
          && (!liveStates || liveStates.includes(newestJob(ctx, room.room_id)?.state ?? 'NULL'));
      });
      const shown = page(byCreateTime(matching), ctx.query, fieldVerifyFail);
      return ok({ count: matching.length, smart_live_rooms: shown.map((r) => renderBase(r, ctx)) });
    },
  },
  {
    method: 'GET',
    pattern: /^\/smart-live-rooms\/([^/]+)$/,
    handler: (ctx) => ok(renderDetails(findRoom(ctx), ctx)),
  },
  {
    method: 'PUT',
    pattern: /^\/smart-live-rooms\/([^/]+)$/,
    handler: (ctx) => {
      const room = findRoom(ctx);
      const body = readRoom(ctx);
      assertUniqueName(ctx, body.room_name, room.room_id);
      room.body = body;
      room.update_time = rfc3339(ctx.now);
      return ok(renderDetails(room, ctx));
    },
  },
  {
    method: 'DELETE',
    pattern: /^\/smart-live-rooms\/([^/]+)$/,
    handler: (ctx) => {
      const room = findRoom(ctx);
      if (roomIsLive(ctx.store, room.room_id)) throw new ApiError(500, 'MSS.20010036', 'There are several jobs in progress in this room');
      ctx.store.rooms.delete(room.room_id);
      for (const job of ctx.store.liveJobs.values()) if (job.room_id === room.room_id) ctx.store.liveJobs.delete(job.job_id);
      return ok();
    },
  },
];
