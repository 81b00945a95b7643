import * as l10n from '@vscode/l10n';
import type { MetaStudioClient } from '../../core/cloud/client';
import { isJobTerminal } from '../../core/cloud/jobState';
import type { LiveJob, LivePlayingScript, LiveVideoScriptInfo, PlayType, StartLiveJobRequest } from '../../core/cloud/types';
import { errorMessage } from '../../core/errors';
import {
  findLiveJob, followLiveJob, isLiveJobRunning, lineErrors, nowPlaying, rewriteUpcoming, sayNow, type LiveJobRef,
} from '../../core/live/liveJobs';
import { unchangedLinkId } from '../../core/remote/linkedFiles';
import { bodyOfText } from '../../core/remote/scriptBody';
import { kindOfFile, scriptKinds } from '../../core/scripts/kinds';
import { integerOption, outputFormat, parseCommandArgs, timeoutOption } from '../args';
import { connectionOptions, connectionUsage, withClient } from '../connection';
import { ExitCode, UsageError } from '../exitCodes';
import type { CliCommand, CliIo, OutputFormat } from '../io';
import { fail, note, printResult, report } from '../output';
import { linkPlace, pushForCli, readScriptArg, reportLintErrors } from './push';
import { printTextErrors, readTextArg } from './tts';

const PLAY_TYPES: readonly PlayType[] = ['INSERT', 'APPEND', 'PLAY_NOW'];
const DEFAULT_LIMIT = 20;

const usage = () => l10n.t(`Usage: metastudio live start FILE|--room-id ID [--wait] [--output-url URL --stream-key KEY] [--timeout SECONDS]
       metastudio live status [JOB]
       metastudio live say JOB TEXT|@FILE [--play-type INSERT|APPEND|PLAY_NOW]
       metastudio live rewrite JOB FILE
       metastudio live stop JOB
       metastudio live list [--limit N]

Starts, watches, steers and stops livestreams of live rooms. A livestream is billed and public.
JOB is a live job ID, or ROOM_ID/JOB_ID. Commands go only to a running (PROCESSING) job.

  start     goes live with the room of FILE (a *.live.json, pushed first when it changed since its
            last push) or the remote room ID; the stream goes to the room's output URLs unless
            --output-url names another; its key comes from METASTUDIO_STREAM_KEY (or
            --stream-key, which other users can read in the process list). --wait waits until it
            is on air.
  status    the job's state and, while it runs, what it plays now; without JOB, the jobs waiting
            or running
  say       says TEXT (plain or SSML, linted as live SSML first) next (INSERT, default), at the end
            of the current scene (APPEND) or at once (PLAY_NOW)
  rewrite   replaces the scenes not yet played with the scene scripts of FILE
  stop      ends the livestream
  list      the project's newest live jobs (--limit, default {1})

Options:
  --force             push or say although there are lint errors
  --recreate          create the room again when the linked one was deleted remotely
  --format text|json  json: start and stop {"job_id","room_id","state"}; say and rewrite
                      {"job_id","room_id","command",…}; status with JOB the job and "now_playing";
                      status without JOB and list an array of jobs

{0}

Exit codes: 0 ok; 1 lint errors, a job that failed or is not running, or an API error; 2 usage error
or missing file; 3 no credentials; 4 timed out waiting.`, connectionUsage(), DEFAULT_LIMIT);

/** `ROOM_ID/JOB_ID`, or a job ID whose room the tenant's job list tells. */
async function jobRef(io: CliIo, client: MetaStudioClient, given: string | undefined): Promise<LiveJobRef> {
  if (!given) throw new UsageError(l10n.t('give the live job ID'));
  const slash = given.indexOf('/');
  if (slash > 0 && slash < given.length - 1) return { roomId: given.slice(0, slash), jobId: given.slice(slash + 1) };
  const job = await findLiveJob(client, given, { signal: io.signal });
  return { roomId: job.room_id, jobId: given };
}

function jobLine(job: LiveJob): string {
  const error = job.error_info?.error_code ? l10n.t('{0}: {1}', job.error_info.error_code, job.error_info.error_msg ?? '') : undefined;
  const line = l10n.t('live job {0} of room "{1}" ({2}): {3}', job.job_id, job.room_name ?? '', job.room_id ?? '', job.state);
  return error ? l10n.t('{0}: {1}', line, error) : line;
}

const summary = (job: LiveJob, ref: LiveJobRef) => ({ job_id: job.job_id, room_id: job.room_id ?? ref.roomId, state: job.state });

function playingLines(scenes: readonly LivePlayingScript[]): string[] {
  const shots = scenes.flatMap((scene) => (scene.shoot_scripts ?? []).map((shot) => ({ scene: scene.script_name ?? '', shot })));
  return shots.map(({ scene, shot }, i) => `${i === 0 ? l10n.t('now') : l10n.t('next')}  ${scene}${shot.title ? ` / ${shot.title}` : ''}: ${shot.text ?? ''}`);
}

/** The scene scripts of a live script file, after its lint gate. */
async function scenesOfFile(io: CliIo, given: string | undefined, force: boolean): Promise<LiveVideoScriptInfo[] | undefined> {
  const { file, text, problems } = await readScriptArg(io, given);
  if (kindOfFile(file) !== 'live') throw new UsageError(l10n.t('only a live script (*{0}) has scenes for a live room', scriptKinds.live.suffix));
  if (reportLintErrors(io, given!, file, text, problems) && !force) return undefined;
  const scenes = bodyOfText(text).scene_scripts;
  if (!Array.isArray(scenes) || scenes.length === 0) throw new UsageError(l10n.t('{0} has no scene scripts', given!));
  return scenes as LiveVideoScriptInfo[];
}

/** Where a stream key comes from when not on the command line, which any user of the machine can read. */
export const STREAM_KEY_VARIABLE = 'METASTUDIO_STREAM_KEY';

/** The stream's destination: the room's own unless --output-url names one; its key from --stream-key or the environment. */
export function streamOutput(values: { readonly 'output-url'?: string; readonly 'stream-key'?: string }, env: NodeJS.ProcessEnv): StartLiveJobRequest {
  const url = values['output-url'];
  if (url === undefined) return {};
  const key = values['stream-key'] ?? (env[STREAM_KEY_VARIABLE] || undefined);
  return { output_urls: [url], ...(key === undefined ? {} : { stream_keys: [key] }) };
}

async function start(io: CliIo, format: OutputFormat, values: Values, positionals: string[]): Promise<number> {
  const roomIdFlag = values['room-id'];
  if ((roomIdFlag === undefined) === (positionals.length === 0) || positionals.length > 1) {
    throw new UsageError(l10n.t('give one live script file or --room-id ID'));
  }
  if (values['stream-key'] !== undefined && values['output-url'] === undefined) throw new UsageError(l10n.t('--stream-key goes with --output-url'));
  if (values['stream-key'] !== undefined) {
    report(io, 'live', l10n.t('warning: a stream key on the command line can be read by every user of this machine (in its process list); set {0} instead', STREAM_KEY_VARIABLE));
  }
  const timeoutMs = timeoutOption(values.timeout);
  const script = roomIdFlag === undefined ? await readScriptArg(io, positionals[0]) : undefined;
  if (script && kindOfFile(script.file) !== 'live') throw new UsageError(l10n.t('only a live script (*{0}) can go live', scriptKinds.live.suffix));
  if (script && reportLintErrors(io, positionals[0], script.file, script.text, script.problems) && !values.force) {
    return fail(io, 'live', l10n.t('the file has lint errors; nothing was pushed or started (--force goes on anyway)'));
  }
  return withClient('live', values, io, async (client, connection) => {
    let roomId = roomIdFlag;
    if (script) {
      const place = await linkPlace(io, connection);
      roomId = await unchangedLinkId(place, script.file, script.text);
      if (!roomId) {
        const pushed = await pushForCli(io, 'live', client, place, script.file, script.text, values.recreate);
        note(io, pushed.created
          ? l10n.t('created {0} {1} from {2}', scriptKinds.live.label(), pushed.id, positionals[0])
          : l10n.t('updated {0} {1} from {2}', scriptKinds.live.label(), pushed.id, positionals[0]));
        roomId = pushed.id;
      }
    }
    const request = streamOutput(values, io.env);
    const started = await client.startLiveJob(roomId!, request, { signal: io.signal });
    const ref = { roomId: roomId!, jobId: started.job_id };
    note(io, l10n.t('started live job {0} in room {1}', ref.jobId, ref.roomId));
    for (const warning of started.live_warning_info ?? []) if (warning.warning_type) report(io, 'live', l10n.t('warning: {0}', warning.warning_type));
    let job = await client.getLiveJob(ref.roomId, ref.jobId, { signal: io.signal });
    if (values.wait) {
      let shown = job.state;
      job = await followLiveJob(client, ref, 'running', {
        signal: io.signal,
        timeoutMs,
        onUpdate: (update) => {
          if (update.state !== shown) note(io, l10n.t('live job {0}: {1}', ref.jobId, update.state));
          shown = update.state;
        },
        onPollError: (err) => note(io, l10n.t('live job {0}: {1}; trying again', ref.jobId, errorMessage(err))),
      });
    }
    printResult(io, format, summary(job, ref), () => [jobLine(job)]);
    return isJobTerminal(job.state) ? ExitCode.Failed : ExitCode.Ok;
  });
}

async function status(io: CliIo, format: OutputFormat, values: Values, given: string | undefined): Promise<number> {
  return withClient('live', values, io, async (client) => {
    if (given === undefined) {
      const page = await client.listAllLiveJobs({ state: ['WAITING', 'PROCESSING'], limit: 100 }, { signal: io.signal });
      const jobs = page.smart_live_jobs;
      printResult(io, format, jobs, () => (jobs.length ? jobs.map(jobLine) : [l10n.t('no live job is waiting or running')]));
      return ExitCode.Ok;
    }
    const ref = await jobRef(io, client, given);
    const job = await client.getLiveJob(ref.roomId, ref.jobId, { signal: io.signal });
    const playing = isLiveJobRunning(job.state) ? await nowPlaying(client, ref, { signal: io.signal }) : undefined;
    printResult(io, format, { ...job, now_playing: playing ?? null }, () => [jobLine(job), ...playingLines(playing ?? [])]);
    return job.state === 'FAILED' || job.state === 'BLOCKED' ? ExitCode.Failed : ExitCode.Ok;
  });
}

async function say(io: CliIo, format: OutputFormat, values: Values, positionals: string[]): Promise<number> {
  if (positionals.length !== 2) throw new UsageError(l10n.t('give the job and one TEXT or @FILE'));
  const { text, problems } = await readTextArg(positionals[1], io);
  if (!text.trim()) throw new UsageError(l10n.t('the text is empty'));
  const playType = (values['play-type']?.toUpperCase() ?? 'INSERT') as PlayType;
  if (!PLAY_TYPES.includes(playType)) throw new UsageError(l10n.t('--play-type takes {0}, not "{1}"', PLAY_TYPES.join(', '), values['play-type'] ?? ''));
  const errors = [...problems, ...lineErrors(text)];
  if (errors.length > 0) {
    printTextErrors(io, positionals[1], text, errors);
    if (!values.force) return fail(io, 'live', l10n.t('the text has SSML errors; nothing was sent (--force sends it anyway)'));
  }
  return withClient('live', values, io, async (client) => {
    const ref = await jobRef(io, client, positionals[0]);
    await sayNow(client, ref, text, playType, { signal: io.signal });
    printResult(io, format, { job_id: ref.jobId, room_id: ref.roomId, command: 'INSERT_PLAY_SCRIPT', play_type: playType },
      () => [l10n.t('live job {0} will say the text ({1})', ref.jobId, playType)]);
    return ExitCode.Ok;
  });
}

async function rewrite(io: CliIo, format: OutputFormat, values: Values, positionals: string[]): Promise<number> {
  if (positionals.length !== 2) throw new UsageError(l10n.t('give the job and one live script file'));
  const scenes = await scenesOfFile(io, positionals[1], values.force);
  if (!scenes) return fail(io, 'live', l10n.t('the file has lint errors; nothing was sent (--force sends it anyway)'));
  return withClient('live', values, io, async (client) => {
    const ref = await jobRef(io, client, positionals[0]);
    await rewriteUpcoming(client, ref, scenes, { signal: io.signal });
    printResult(io, format, { job_id: ref.jobId, room_id: ref.roomId, command: 'REWRITE_PLAY_SCRIPT', scenes: scenes.length },
      () => [l10n.t('live job {0} plays the {1} scenes of {2} from its next shot', ref.jobId, scenes.length, positionals[1])]);
    return ExitCode.Ok;
  });
}

async function stop(io: CliIo, format: OutputFormat, values: Values, given: string | undefined): Promise<number> {
  return withClient('live', values, io, async (client) => {
    const ref = await jobRef(io, client, given);
    await client.stopLiveJob(ref.roomId, ref.jobId, { signal: io.signal });
    const job = await client.getLiveJob(ref.roomId, ref.jobId, { signal: io.signal });
    printResult(io, format, summary(job, ref), () => [jobLine(job)]);
    return job.state === 'FAILED' ? ExitCode.Failed : ExitCode.Ok;
  });
}

async function list(io: CliIo, format: OutputFormat, values: Values): Promise<number> {
  const limit = integerOption(values.limit, '--limit', 1, 100) ?? DEFAULT_LIMIT;
  return withClient('live', values, io, async (client) => {
    const jobs = (await client.listAllLiveJobs({ limit }, { signal: io.signal })).smart_live_jobs;
    printResult(io, format, jobs, () => (jobs.length ? jobs.map(jobLine) : [l10n.t('no live jobs')]));
    return ExitCode.Ok;
  });
}

const OPTIONS = {
  ...connectionOptions,
  'room-id': { type: 'string' },
  'output-url': { type: 'string' },
  'stream-key': { type: 'string' },
  'play-type': { type: 'string' },
  wait: { type: 'boolean', default: false },
  timeout: { type: 'string' },
  limit: { type: 'string' },
  force: { type: 'boolean', default: false },
  recreate: { type: 'boolean', default: false },
} as const;
type Values = ReturnType<typeof parseCommandArgs<typeof OPTIONS>>['values'];

export const liveCommand: CliCommand = {
  name: 'live',
  get summary() { return l10n.t('start, watch, steer and stop livestreams of live rooms'); },
  get usage() { return usage(); },
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, OPTIONS);
    const format = outputFormat(values.format);
    const [verb, ...rest] = positionals;
    const one = () => {
      if (rest.length !== 1) throw new UsageError(l10n.t('give one live job ID'));
      return rest[0];
    };
    switch (verb) {
      case 'start': return start(io, format, values, rest);
      case 'status':
        if (rest.length > 1) throw new UsageError(l10n.t('give at most one live job ID'));
        return status(io, format, values, rest[0]);
      case 'say': return say(io, format, values, rest);
      case 'rewrite': return rewrite(io, format, values, rest);
      case 'stop': return stop(io, format, values, one());
      case 'list':
        if (rest.length > 0) throw new UsageError(l10n.t('live list takes no argument'));
        return list(io, format, values);
      default: throw new UsageError(l10n.t('expected: live start|status|say|rewrite|stop|list'));
    }
  },
};
