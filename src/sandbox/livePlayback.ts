/**
 * What a sandbox live job plays, and when (reference 6.2). A job is WAITING for one `jobStepMs`
 * after it starts, then PROCESSING: it plays the room's scenes in order, each shot for as long as
 * the sandbox takes to say its text (./speech.ts), and plays them again `repeat_count` more times
 * (-1: until stopped), then ends SUCCEED. A stopped job ends SUCCEED too: the SDK's state enum has
 * no CANCELED for live jobs. A shot whose text holds FAIL_MARKER fails the job when it starts to
 * play. Scene order, not `random_play_mode`, decides what comes next, so that a test can tell.
 *
 * The queue holds the shot playing now first, then the rest of the round; commands and rule
 * replies change what follows, never what has been played.
 */
import { FAIL_MARKER } from './markers';
import type { JsonObject, LiveJobRecord, PlayItem } from './model';
import { speakingSeconds } from './speech';

export type LiveJobState = 'WAITING' | 'PROCESSING' | 'SUCCEED' | 'FAILED';
export type PlayType = 'APPEND' | 'INSERT' | 'PLAY_NOW';

export function liveJobState(job: LiveJobRecord): LiveJobState {
  if (job.end_state) return job.end_state;
  return job.cursor_ms === undefined ? 'WAITING' : 'PROCESSING';
}

export const isRunning = (job: LiveJobRecord) => liveJobState(job) === 'PROCESSING';

const textOf = (shot: JsonObject) => ((shot.text_config as JsonObject | undefined)?.text as string | undefined) ?? '';

/** Every shot of the scenes, in order, starting at scene `fromScene`, shot `fromShot`. */
export function sceneItems(scenes: readonly JsonObject[], fromScene = 0, fromShot = 0): PlayItem[] {
  const items: PlayItem[] = [];
  scenes.forEach((scene, s) => {
    if (s < fromScene) return;
    ((scene.shoot_scripts ?? []) as JsonObject[]).forEach((shot, i) => {
      if (s === fromScene && i < fromShot) return;
      const text = textOf(shot);
      items.push({
        script_name: String(scene.script_name ?? ''),
        ...(typeof scene.model_asset_id === 'string' ? { model_asset_id: scene.model_asset_id } : {}),
        sequence_no: typeof shot.sequence_no === 'number' ? shot.sequence_no : i,
        ...(typeof shot.title === 'string' ? { title: shot.title } : {}),
        text,
        duration_ms: speakingSeconds(text) * 1000,
      });
    });
  });
  return items;
}

/** A line said on demand: INSERT_PLAY_SCRIPT, or a rule's reply (titled with the rule's name). */
export function insertedItem(job: LiveJobRecord, text: string, title: string): PlayItem {
  const current = job.queue[0];
  return {
    script_name: current?.script_name ?? '',
    ...(current?.model_asset_id ? { model_asset_id: current.model_asset_id } : {}),
    sequence_no: 0,
    title,
    text,
    duration_ms: speakingSeconds(text) * 1000,
    inserted: true,
  };
}

const totalMs = (items: readonly PlayItem[]) => items.reduce((sum, item) => sum + item.duration_ms, 0);

function end(job: LiveJobRecord, at: number, state: 'SUCCEED' | 'FAILED', failure?: LiveJobRecord['failure']): void {
  job.ended_ms = at;
  job.end_state = state;
  if (failure) job.failure = failure;
}

/** Starts the next round; false when the job has played all its rounds. */
function nextRound(job: LiveJobRecord): boolean {
  if (job.repeat_count >= 0 && job.rounds_started > job.repeat_count) return false;
  job.queue = sceneItems(job.scenes);
  job.rounds_started += 1;
  return job.queue.length > 0;
}

/** Moves the job to `now`; true when anything changed. Linear in the shots passed, whole rounds skipped at once. */
export function advance(job: LiveJobRecord, now: number, stepMs: number): boolean {
  if (job.end_state) return false;
  let changed = false;
  if (job.cursor_ms === undefined) {
    if (now < job.created_ms + stepMs) return false;
    job.cursor_ms = job.created_ms + stepMs;
    changed = true;
    if (!nextRound(job)) {
      end(job, job.cursor_ms, 'SUCCEED');
      return true;
    }
  }
  for (;;) {
    const item = job.queue[0];
    if (!item) {
      const roundMs = totalMs(sceneItems(job.scenes));
      if (roundMs > 0) {
        // Rounds that both started and ended before `now` change nothing that can be seen.
        const left = job.repeat_count < 0 ? Number.POSITIVE_INFINITY : job.repeat_count + 1 - job.rounds_started;
        const skipped = Math.max(0, Math.min(Math.floor((now - job.cursor_ms) / roundMs) - 1, left));
        job.cursor_ms += skipped * roundMs;
        job.rounds_started += skipped;
      }
      if (!nextRound(job)) {
        end(job, job.cursor_ms, 'SUCCEED');
        return true;
      }
      changed = true;
      continue;
    }
    if (item.text.includes(FAIL_MARKER)) {
      end(job, job.cursor_ms, 'FAILED', {
        error_code: 'MSS.42000007',
        error_msg: `Infer Error: scene "${item.script_name}" shot ${item.sequence_no} cannot be played`,
      });
      return true;
    }
    if (job.cursor_ms + item.duration_ms > now) return changed;
    job.cursor_ms += item.duration_ms;
    job.queue.shift();
    changed = true;
  }
}

/** Puts a line into what follows: after the current shot and earlier insertions (INSERT), at the end of the current scene (APPEND), or now (PLAY_NOW). */
export function insert(job: LiveJobRecord, item: PlayItem, playType: PlayType, now: number): void {
  if (playType === 'PLAY_NOW') {
    job.queue = [item, ...job.queue.slice(1)];
    job.cursor_ms = now;
    return;
  }
  let at = 1;
  if (playType === 'INSERT') {
    while (at < job.queue.length && job.queue[at].inserted) at++;
  } else {
    const scene = job.queue[0]?.script_name;
    while (at < job.queue.length && (job.queue[at].inserted || job.queue[at].script_name === scene)) at++;
  }
  job.queue.splice(at, 0, item);
}

/**
 * REWRITE_PLAY_SCRIPT: the job plays `scenes` from now on. The shot playing now and the lines
 * inserted after it stay; the rest of this round becomes the new scenes from the shot after the
 * current one (same scene index, next shot index), and later rounds play the new scenes.
 */
export function rewrite(job: LiveJobRecord, scenes: JsonObject[]): void {
  const current = job.queue[0];
  const kept = job.queue.slice(1).filter((item) => item.inserted);
  let sceneIndex = 0;
  let shotIndex = 0;
  if (current && !current.inserted) {
    sceneIndex = job.scenes.findIndex((scene) => String(scene.script_name ?? '') === current.script_name);
    const shots = ((job.scenes[sceneIndex]?.shoot_scripts ?? []) as JsonObject[]);
    shotIndex = shots.findIndex((shot, i) => (typeof shot.sequence_no === 'number' ? shot.sequence_no : i) === current.sequence_no) + 1;
  }
  job.scenes = scenes;
  job.queue = [...(current ? [current] : []), ...kept, ...sceneItems(scenes, Math.max(0, sceneIndex), shotIndex)];
}

/** CLEAN_UP_INSERT_COMMAND: the inserted lines not yet playing are dropped. */
export function dropInserted(job: LiveJobRecord): void {
  job.queue = job.queue.filter((item, i) => i === 0 || !item.inserted);
}

/**
 * GET_CURRENT_PLAYING_SCRIPTS' result: the SDK's `LivePlayingScriptInfo` list under
 * `scene_scripts` (as its `ScriptCommand` holds one), the shot playing now first, then what follows
 * in this round; consecutive shots of one scene form one entry.
 */
export function nowPlaying(job: LiveJobRecord): JsonObject {
  const scenes: JsonObject[] = [];
  let last: { entry: JsonObject; key: string } | undefined;
  for (const item of job.queue) {
    const key = `${item.script_name}\u0000${item.model_asset_id ?? ''}`;
    if (!last || last.key !== key) {
      const entry: JsonObject = { script_name: item.script_name, shoot_scripts: [] };
      if (item.model_asset_id) entry.model_asset_id = item.model_asset_id;
      scenes.push(entry);
      last = { entry, key };
    }
    const shot: JsonObject = { sequence_no: item.sequence_no, text: item.text };
    if (item.title !== undefined) shot.title = item.title;
    (last.entry.shoot_scripts as JsonObject[]).push(shot);
  }
  return { scene_scripts: scenes };
}
