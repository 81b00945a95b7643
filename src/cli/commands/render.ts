import * as l10n from '@vscode/l10n';
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { MetaStudioClient } from '../../core/cloud/client';
import { isJobSucceeded } from '../../core/cloud/jobState';
import type { VideoJobDetails } from '../../core/cloud/types';
import { createUndiciTransport } from '../../core/cloud/undiciTransport';
import { downloadToFile } from '../../core/download/disk';
import { errorMessage, withErrorContext } from '../../core/errors';
import { followJob, JobWaitTimeoutError } from '../../core/remote/followJob';
import { jobErrorWithShot, outputVideo } from '../../core/remote/jobOutcome';
import { unchangedLinkId } from '../../core/remote/linkedFiles';
import { nameOfFile } from '../../core/remote/scriptBody';
import { kindOfFile, scriptKinds } from '../../core/scripts/kinds';
import { outputFormat, parseCommandArgs, timeoutOption } from '../args';
import { connectionOptions, connectionUsage, withClient } from '../connection';
import { ExitCode, UsageError } from '../exitCodes';
import type { CliCommand, CliIo } from '../io';
import { fail, note, printResult, report } from '../output';
import { linkPlace, pushForCli, readScriptArg, reportLintErrors } from './push';

const usage = () => l10n.t(`Usage: metastudio render FILE|--script-id ID [--name NAME] [--wait] [--download PATH] [--timeout SECONDS]

Starts a 2D avatar video job for a video script: FILE (a *.video.json, pushed first when it changed
since its last push) or the remote script ID. The video becomes the output asset NAME.

Options:
  --script-id ID      render this remote video script instead of a file
  --name NAME         output asset name (default: the file name without .video.json; required with --script-id)
  --wait              follow the job until it ends (progress on stderr)
  --download PATH     wait, then download the video to PATH (a folder: PATH/NAME.mp4); an
                      existing file is kept unless --force (exit 2 before anything starts)
  --timeout SECONDS   give up waiting after this long (exit 4)
  --force             push although the file has lint errors, and replace an existing download
  --recreate          create the script again when the linked one was deleted remotely
  --format text|json  json: {"job_id","state","asset_id"}

{0}

Exit codes: 0 the job was started (without --wait) or succeeded; 1 the job failed, was cancelled or
blocked, lint errors, or an API error; 2 usage error, or the download file exists without --force;
3 no credentials; 4 timed out waiting.`, connectionUsage());

function seconds(ms: number): string {
  return l10n.t('{0} s', Math.round(ms / 1000));
}

/** Follows the job with a line on stderr per state change. */
async function waitForJob(io: CliIo, client: MetaStudioClient, jobId: string, timeoutMs: number | undefined): Promise<VideoJobDetails> {
  const started = Date.now();
  let shown: string | undefined;
  return followJob(client, jobId, {
    signal: io.signal,
    timeoutMs,
    onUpdate: (job) => {
      if (job.state === shown) return;
      shown = job.state;
      note(io, l10n.t('job {0}: {1} ({2})', jobId, job.state, seconds(Date.now() - started)));
    },
    onPollError: (err) => note(io, l10n.t('job {0}: {1}; trying again', jobId, errorMessage(err))),
  });
}

/** Where `--download` writes: PATH, or NAME.mp4 inside PATH when PATH is a folder or ends with a slash. */
async function downloadTarget(io: CliIo, given: string, name: string): Promise<{ path: string; shown: string; inFolder: boolean }> {
  const path = resolve(io.cwd, given);
  const isFolder = /[\\/]$/.test(given) || await stat(path).then((s) => s.isDirectory(), () => false);
  if (!isFolder) return { path, shown: given, inFolder: false };
  const file = `${name.replace(/[\\/]/g, '-')}.mp4`;
  return { path: join(path, file), shown: join(given, file), inFolder: true };
}

async function download(io: CliIo, client: MetaStudioClient, job: VideoJobDetails, path: string, overwrite: boolean): Promise<void> {
  const video = await outputVideo(client, job, io.signal);
  const transport = createUndiciTransport(io.env);
  let shownTenth = -1;
  try {
    const result = await downloadToFile(video.url, path, {
      fetch: transport.fetch,
      signal: io.signal,
      overwrite,
      onProgress: (received, total) => {
        const tenth = total ? Math.floor((received / total) * 10) : -1;
        if (tenth > shownTenth) {
          shownTenth = tenth;
          note(io, l10n.t('download: {0}% of {1} bytes', tenth * 10, total ?? 0));
        }
      },
    });
    note(io, l10n.t('download: {0} bytes written to {1}', result.bytes, path));
  } finally {
    await transport.close();
  }
}

export const renderCommand: CliCommand = {
  name: 'render',
  get summary() { return l10n.t('start a video job for a video script, optionally wait for it and download the video'); },
  get usage() { return usage(); },
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      ...connectionOptions,
      'script-id': { type: 'string' },
      name: { type: 'string' },
      wait: { type: 'boolean', default: false },
      download: { type: 'string' },
      timeout: { type: 'string' },
      force: { type: 'boolean', default: false },
      recreate: { type: 'boolean', default: false },
    });
    const format = outputFormat(values.format);
    const scriptId = values['script-id'];
    if ((scriptId === undefined) === (positionals.length === 0) || positionals.length > 1) {
      throw new UsageError(l10n.t('give one video script file or --script-id ID'));
    }
    const timeoutMs = timeoutOption(values.timeout);
    const script = scriptId === undefined ? await readScriptArg(io, positionals[0]) : undefined;
    if (script && kindOfFile(script.file) !== 'video') throw new UsageError(l10n.t('only a video script (*{0}) can be rendered', scriptKinds.video.suffix));
    const name = values.name ?? (script ? nameOfFile(script.file) : undefined);
    if (!name) throw new UsageError(l10n.t('give the output asset name with --name NAME'));
    const target = values.download === undefined ? undefined : await downloadTarget(io, values.download, name);
    if (target && !values.force && await stat(target.path).then(() => true, () => false)) {
      return fail(io, 'render', l10n.t('{0} already exists; nothing was started (--force replaces it)', target.shown), ExitCode.Usage);
    }
    if (target?.inFolder) note(io, l10n.t('download: the video will be written to {0}', target.shown));
    if (script && reportLintErrors(io, positionals[0], script.file, script.text, script.problems) && !values.force) {
      return fail(io, 'render', l10n.t('the file has lint errors; nothing was pushed or started (--force goes on anyway)'));
    }

    return withClient('render', values, io, async (client, connection) => {
      let id = scriptId;
      if (script) {
        const place = await linkPlace(io, connection);
        id = await unchangedLinkId(place, script.file, script.text);
        if (!id) {
          const pushed = await pushForCli(io, 'render', client, place, script.file, script.text, values.recreate);
          if (!pushed) return ExitCode.Failed;
          note(io, pushed.created
            ? l10n.t('created {0} {1} from {2}', scriptKinds.video.label(), pushed.id, positionals[0])
            : l10n.t('updated {0} {1} from {2}', scriptKinds.video.label(), pushed.id, positionals[0]));
          id = pushed.id;
        }
      }
      const { job_id: jobId } = await client.createVideoJob({ script_id: id, output_asset_config: { asset_name: name } }, { signal: io.signal });
      note(io, l10n.t('started video job {0} (output asset "{1}")', jobId, name));
      const print = (job: Pick<VideoJobDetails, 'job_id' | 'state' | 'output_asset_config' | 'error_info'>) => {
        const assetId = job.output_asset_config?.asset_id ?? null;
        printResult(io, format, { job_id: job.job_id, state: job.state, asset_id: assetId }, () => {
          const error = jobErrorWithShot(job as VideoJobDetails);
          const line = assetId ? l10n.t('job {0} {1}, output asset {2}', job.job_id, job.state, assetId) : l10n.t('job {0} {1}', job.job_id, job.state);
          return [error ? l10n.t('{0}: {1}', line, error) : line];
        });
      };
      if (!values.wait && target === undefined) {
        print(await client.getVideoJob(jobId, { signal: io.signal }));
        return ExitCode.Ok;
      }
      let job: VideoJobDetails;
      try {
        job = await waitForJob(io, client, jobId, timeoutMs);
      } catch (err) {
        if (!(err instanceof JobWaitTimeoutError)) throw err;
        report(io, 'render', errorMessage(err));
        print({ job_id: jobId, state: err.lastState ?? 'UNKNOWN' });
        return ExitCode.TimedOut;
      }
      print(job);
      if (!isJobSucceeded(job.state)) return ExitCode.Failed;
      if (target === undefined) return ExitCode.Ok;
      await withErrorContext(l10n.t('the job succeeded but the download failed'), () => download(io, client, job, target.path, values.force));
      return ExitCode.Ok;
    });
  },
};
