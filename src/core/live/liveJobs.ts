/**
 * Steering a livestream (reference 6.2, docs/decisions/live-jobs.md), for the CLI and the editor
 * alike: finding a job's room, following a job until it is on air or over, and the commands, each
 * sent only to a job that is running (PROCESSING), so that a line is never queued for a stream that
 * will not say it.
 */
import * as l10n from '@vscode/l10n';
import type { CallOptions, MetaStudioClient } from '../cloud/client';
import { isJobTerminal } from '../cloud/jobState';
import type { LiveEvent, LiveJob, LivePlayingScript, LiveVideoScriptInfo, PlayType } from '../cloud/types';
import type { CoreDiagnostic } from '../diagnostics';
import { ExpectedError } from '../errors';
import { isObject, parseUntrustedJson } from '../json';
import { follow, type FollowOptions } from '../remote/followJob';
import { lintSsml } from '../ssml/lint';

export class LiveJobNotRunningError extends ExpectedError {
  override readonly name = 'LiveJobNotRunningError';
  constructor(readonly jobId: string, readonly state: string) {
    super(l10n.t('Live job {0} is {1}, not running: nothing was sent to it.', jobId, state));
  }
}

export class LiveJobNotFoundError extends ExpectedError {
  override readonly name = 'LiveJobNotFoundError';
  constructor(readonly jobId: string) {
    super(l10n.t('No live job {0} among the newest {1} jobs of this project.', jobId, MAX_SEARCHED_JOBS));
  }
}

/** A job and the room it streams from: every call about a job names both. */
export interface LiveJobRef {
  readonly roomId: string;
  readonly jobId: string;
}

export const isLiveJobRunning = (state: string) => state === 'PROCESSING';

/** How far back `findLiveJob` looks. */
export const MAX_SEARCHED_JOBS = 1000;
const PAGE = 100;

/** The room of a job known by its ID alone, from the tenant's job list (newest first). */
export async function findLiveJob(client: MetaStudioClient, jobId: string, options?: CallOptions): Promise<LiveJob & { room_id: string }> {
  for (let offset = 0; offset < MAX_SEARCHED_JOBS; offset += PAGE) {
    const page = await client.listAllLiveJobs({ offset, limit: PAGE }, options);
    const job = page.smart_live_jobs.find((j) => j.job_id === jobId);
    if (job?.room_id) return job as LiveJob & { room_id: string };
    if (page.smart_live_jobs.length < PAGE || offset + PAGE >= page.count) break;
  }
  throw new LiveJobNotFoundError(jobId);
}

/** The job's details; a `LiveJobNotRunningError` unless it is running. */
export async function requireRunning(client: MetaStudioClient, ref: LiveJobRef, options?: CallOptions): Promise<LiveJob> {
  const job = await client.getLiveJob(ref.roomId, ref.jobId, options);
  if (!isLiveJobRunning(job.state)) throw new LiveJobNotRunningError(ref.jobId, job.state);
  return job;
}

/** Polls the job until it is on air (`running`) or over (`ended`), and returns its last details. */
export function followLiveJob(client: MetaStudioClient, ref: LiveJobRef, until: 'running' | 'ended', options: FollowOptions<LiveJob> = {}): Promise<LiveJob> {
  return follow({
    jobId: ref.jobId,
    poll: (signal) => client.getLiveJob(ref.roomId, ref.jobId, { signal }),
    done: (job) => isJobTerminal(job.state) || (until === 'running' && isLiveJobRunning(job.state)),
    kind: 'live',
  }, options);
}

/** The errors of a line to say, linted as live SSML (docs/decisions/ssml-context.md); empty when it may be sent. */
export function lineErrors(text: string): CoreDiagnostic[] {
  return lintSsml(text, { where: 'live' }).filter((d) => d.severity === 'error');
}

/** INSERT_PLAY_SCRIPT: the job says `text` (plain or SSML) next, at the end of the scene, or now. */
export async function sayNow(client: MetaStudioClient, ref: LiveJobRef, text: string, playType: PlayType = 'INSERT', options?: CallOptions): Promise<void> {
  await requireRunning(client, ref, options);
  await client.executeLiveCommand(ref.roomId, ref.jobId, { command: 'INSERT_PLAY_SCRIPT', params: { text_config: { text }, play_type: playType } }, options);
}

/** REWRITE_PLAY_SCRIPT: what the job has not played yet becomes `scenes`. */
export async function rewriteUpcoming(client: MetaStudioClient, ref: LiveJobRef, scenes: readonly LiveVideoScriptInfo[], options?: CallOptions): Promise<void> {
  await requireRunning(client, ref, options);
  await client.executeLiveCommand(ref.roomId, ref.jobId, { command: 'REWRITE_PLAY_SCRIPT', params: { scene_scripts: scenes } }, options);
}

/** REWRITE_INTERACTION_RULES: the job answers viewers by `rules` from now on. */
export async function rewriteRules(client: MetaStudioClient, ref: LiveJobRef, rules: readonly Record<string, unknown>[], options?: CallOptions): Promise<void> {
  await requireRunning(client, ref, options);
  await client.executeLiveCommand(ref.roomId, ref.jobId, { command: 'REWRITE_INTERACTION_RULES', params: { interaction_rules: rules } }, options);
}

/** GET_CURRENT_PLAYING_SCRIPTS: the scenes of this round, as the service lists them. */
export async function nowPlaying(client: MetaStudioClient, ref: LiveJobRef, options?: CallOptions): Promise<LivePlayingScript[]> {
  await requireRunning(client, ref, options);
  const answer = await client.executeLiveCommand(ref.roomId, ref.jobId, { command: 'GET_CURRENT_PLAYING_SCRIPTS' }, options);
  return playingScripts(answer.result);
}

/** The scene list of GET_CURRENT_PLAYING_SCRIPTS' `result` text; empty for anything else. */
export function playingScripts(result: string | undefined): LivePlayingScript[] {
  let value: unknown;
  try {
    value = parseUntrustedJson(result ?? '');
  } catch {
    return [];
  }
  const scenes = isObject(value) ? value.scene_scripts : value;
  if (!Array.isArray(scenes)) return [];
  return scenes.filter(isObject).map((scene) => ({
    ...(typeof scene.script_name === 'string' ? { script_name: scene.script_name } : {}),
    ...(typeof scene.model_asset_id === 'string' ? { model_asset_id: scene.model_asset_id } : {}),
    shoot_scripts: (Array.isArray(scene.shoot_scripts) ? scene.shoot_scripts : []).filter(isObject).map((shot) => ({
      ...(typeof shot.sequence_no === 'number' ? { sequence_no: shot.sequence_no } : {}),
      ...(typeof shot.title === 'string' ? { title: shot.title } : {}),
      ...(typeof shot.text === 'string' ? { text: shot.text } : {}),
    })),
  }));
}

/** The viewer event kinds of reference 6.2.7 a test event can be. */
export type TestEventKind = 'comment' | 'gift' | 'viewers';

/** A viewer event as a platform would report it: a comment's text, a gift's name and count, or a viewer count. */
export function testEvent(kind: TestEventKind, value: string, now: number, count = 1): LiveEvent {
  const user = { userId: 'metastudio-rehearsal', name: l10n.t('Rehearsal viewer'), level: 1, badge: '', badgeLevel: 0 };
  switch (kind) {
    case 'comment': return { timestamp: now, type: 1, content: JSON.stringify({ user, content: value }) };
    case 'gift': return { timestamp: now, type: 4, content: JSON.stringify({ user, gift: { giftName: value, giftNum: count, totalValue: count, giftValue: 1 } }) };
    case 'viewers': return { timestamp: now, type: 6, content: JSON.stringify({ numberOfViewers: Number(value) }) };
  }
}

/** Reports one viewer event to a running job; its room's rules answer it. */
export async function sendTestEvent(client: MetaStudioClient, ref: LiveJobRef, event: LiveEvent, options?: CallOptions): Promise<void> {
  await requireRunning(client, ref, options);
  await client.reportLiveEvents(ref.roomId, ref.jobId, { total: 1, events: [event] }, options);
}
