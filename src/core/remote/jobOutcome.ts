/**
 * What a finished video job produced: the output asset and its MAIN file's URL (docs/decisions/video-jobs.md),
 * or, for a failed job, its error and the shot the error names.
 */
import * as l10n from '@vscode/l10n';
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import type { MetaStudioClient } from '../cloud/client';
import { isJobSucceeded } from '../cloud/jobState';
import type { DigitalAssetInfo, VideoJobSummary } from '../cloud/types';
import { checkDownloadUrl } from '../download/request';
import { ExpectedError } from '../errors';
import { displayText } from '../text/displayText';
import { safeFileName } from './scriptBody';

export interface OutputVideo {
  readonly assetId: string;
  readonly asset: DigitalAssetInfo;
  readonly url: string;
  /** The MAIN file's name, else the asset name plus `.mp4`. */
  readonly fileName: string;
}

export class JobOutputError extends ExpectedError {
  override readonly name = 'JobOutputError';
}

/**
 * The produced video: the output asset's details and the download URL of its MAIN file, which must
 * pass the download URL policy (a DownloadError otherwise).
 */
export async function outputVideo(client: MetaStudioClient, job: VideoJobSummary, signal?: AbortSignal): Promise<OutputVideo> {
  if (!isJobSucceeded(job.state)) throw new JobOutputError(l10n.t('Video job {0} has not succeeded (state {1}).', job.job_id, job.state));
  const assetId = job.output_asset_config?.asset_id;
  if (!assetId) throw new JobOutputError(l10n.t('Video job {0} names no output asset.', job.job_id));
  const asset = await client.getAsset(assetId, { signal });
  const main = asset.files?.find((f) => f.asset_file_category === 'MAIN' && f.download_url);
  if (!main?.download_url) throw new JobOutputError(l10n.t('The output asset {0} has no MAIN file to download yet.', assetId));
  // Checked here, before any download starts.
  checkDownloadUrl(main.download_url);
  const fileName = main.file_name || `${asset.asset_name || assetId}.${main.file_type || 'mp4'}`;
  return { assetId, asset, url: main.download_url, fileName };
}

/** The name of the script a job rendered, as the API says (undefined when it cannot say). */
export async function scriptNameOfJob(client: MetaStudioClient, jobId: string, signal?: AbortSignal): Promise<string | undefined> {
  const { script_id } = await client.getVideoJob(jobId, { signal });
  return script_id ? (await client.getVideoScript(script_id, { signal })).script_name || undefined : undefined;
}

/** The file a produced video is saved as: its script's name (else the output asset's) and the MAIN file's extension. */
export function videoFileName(video: OutputVideo, scriptName: string | undefined): string {
  const extension = /\.([A-Za-z0-9]{1,8})$/.exec(video.fileName)?.[1] ?? 'mp4';
  return `${safeFileName(scriptName?.trim() || video.asset.asset_name || video.assetId, 'video')}.${extension}`;
}

export interface ShotReference {
  /** 0-based index into `shoot_scripts`, when the error counts shots. */
  readonly index?: number;
  /** The `sequence_no` the error names. */
  readonly sequenceNo?: number;
}

/**
 * The shot a job error points to, if it names one: "shot 3", "scene 3" (1-based),
 * `shoot_scripts[2]` (0-based) or "sequence_no 7" / "sequence_no: 7".
 */
export function shotOfError(message: string | undefined): ShotReference | undefined {
  if (!message) return undefined;
  const indexed = /shoot_scripts\[(\d+)\]/.exec(message);
  const counted = /\b(?:shot|scene)\s*(?:#\s*)?(\d+)/i.exec(message);
  const sequence = /sequence_no\b\W{0,3}(\d+)/i.exec(message);
  const index = indexed ? Number(indexed[1]) : counted && Number(counted[1]) >= 1 ? Number(counted[1]) - 1 : undefined;
  const sequenceNo = sequence ? Number(sequence[1]) : undefined;
  return index === undefined && sequenceNo === undefined ? undefined : { index, sequenceNo };
}

/** "shot 2 (sequence_no 1)", for messages. */
export function describeShot(shot: ShotReference): string {
  if (shot.index !== undefined && shot.sequenceNo !== undefined) return l10n.t('shot {0} (sequence_no {1})', shot.index + 1, shot.sequenceNo);
  if (shot.index !== undefined) return l10n.t('shot {0}', shot.index + 1);
  return l10n.t('the shot with sequence_no {0}', shot.sequenceNo ?? '?');
}

/** What a job is called wherever it is shown: its output asset's name, else its ID (as displayText shows them). */
export function jobDisplayName(job: Pick<VideoJobSummary, 'job_id' | 'output_asset_config'>): string {
  return displayText(job.output_asset_config?.asset_name?.trim() || job.job_id);
}

/** "MSS.42000007: Infer Error …" (as displayText shows it), or undefined when the job carries no error. */
export function jobErrorText(job: VideoJobSummary): string | undefined {
  const code = job.error_info?.error_code;
  const msg = job.error_info?.error_msg;
  if (!code && !msg) return undefined;
  return displayText(code && msg ? `${code}: ${msg}` : (code ?? msg)!);
}

/** The job's error naming the shot it points to, unless the message already says it; undefined without an error. */
export function jobErrorWithShot(job: VideoJobSummary): string | undefined {
  const error = jobErrorText(job);
  const shot = shotOfError(job.error_info?.error_msg ?? undefined);
  const named = shot && describeShot(shot);
  return error && named && !error.includes(named) ? `${error} (${named})` : error;
}

/** How long the job has been (or was) processing: start to end, or to `now` while it runs. */
export function jobRunMs(job: Pick<VideoJobSummary, 'start_time' | 'end_time'>, now: number): number | undefined {
  const start = job.start_time ? Date.parse(job.start_time) : Number.NaN;
  if (Number.isNaN(start)) return undefined;
  const end = job.end_time ? Date.parse(job.end_time) : now;
  return Number.isNaN(end) ? undefined : Math.max(0, end - start);
}

/** Where a shot is in a video script's text (its `shoot_scripts` element), by index, else by `sequence_no`. */
export function shotLocation(text: string, shot: ShotReference): { start: number; end: number } | undefined {
  const root = parseTree(text);
  const shots = root && findNodeAtLocation(root, ['shoot_scripts']);
  if (!shots || shots.type !== 'array' || !shots.children) return undefined;
  const node = shot.index !== undefined && shot.index < shots.children.length
    ? shots.children[shot.index]
    : shot.sequenceNo === undefined ? undefined : shots.children.find((item) => findNodeAtLocation(item, ['sequence_no'])?.value === shot.sequenceNo);
  return node && { start: node.offset, end: node.offset + node.length };
}
