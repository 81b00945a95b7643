import { resolve } from 'node:path';
import type { MetaStudioClient } from '../../core/cloud/client';
import { isJobSucceeded } from '../../core/cloud/jobState';
import type { VideoJobDetails } from '../../core/cloud/types';
import { createUndiciTransport } from '../../core/cloud/undiciTransport';
import { downloadToFile } from '../../core/download/disk';
import { DownloadError, downloadFetchOf } from '../../core/download/request';
import { followJob, JobWaitTimeoutError } from '../../core/remote/followJob';
import { jobErrorWithShot, JobOutputError, outputVideo } from '../../core/remote/jobOutcome';
import { unchangedLinkId } from '../../core/remote/linkedFiles';
import { fileExtension, nameOfFile } from '../../core/remote/scriptBody';
import { outputFormat, parseCommandArgs, timeoutOption } from '../args';
import { connectionOptions, connectionUsage, withClient } from '../connection';
import { ExitCode, UsageError } from '../exitCodes';
import type { CliCommand, CliIo } from '../io';
import { fail, printResult, report } from '../output';
import { linkPlace, pushForCli, readScriptArg, reportLintErrors } from './push';

const usage = `Usage: metastudio render FILE|--script-id ID [--name NAME] [--wait] [--download PATH] [--timeout SECONDS]

Starts a 2D avatar video job for a video script: FILE (a *.video.json, pushed first when it changed
since its last push) or the remote script ID. The video becomes the output asset NAME.

Options:
  --script-id ID      render this remote video script instead of a file
  --name NAME         output asset name (default: the file name without .video.json; required with --script-id)
  --wait              follow the job until it ends (progress on stderr)
  --download PATH     wait, then download the video to PATH
  --timeout SECONDS   give up waiting after this long (exit 4)
  --force             push although the file has lint errors
  --recreate          create the script again when the linked one was deleted remotely
  --format text|json  json: {"job_id","state","asset_id"}

${connectionUsage}

Exit codes: 0 the job was started (without --wait) or succeeded; 1 the job failed, was cancelled or
blocked, lint errors, or an API error; 2 usage error; 3 no credentials; 4 timed out waiting.`;

function seconds(ms: number): string {
  return `${Math.round(ms / 1000)} s`;
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
      io.stderr(`job ${jobId}: ${job.state} (${seconds(Date.now() - started)})\n`);
    },
    onPollError: (err) => io.stderr(`job ${jobId}: ${err.message}; trying again\n`),
  });
}

async function download(io: CliIo, client: MetaStudioClient, job: VideoJobDetails, path: string): Promise<void> {
  const video = await outputVideo(client, job, io.signal);
  const transport = createUndiciTransport(io.env);
  let shownTenth = -1;
  try {
    const result = await downloadToFile(video.url, path, {
      fetch: downloadFetchOf(transport.fetch),
      signal: io.signal,
      onProgress: (received, total) => {
        const tenth = total ? Math.floor((received / total) * 10) : -1;
        if (tenth > shownTenth) {
          shownTenth = tenth;
          io.stderr(`download: ${tenth * 10}% of ${total} bytes\n`);
        }
      },
    });
    io.stderr(`download: ${result.bytes} bytes written to ${path}\n`);
  } finally {
    await transport.close();
  }
}

export const renderCommand: CliCommand = {
  name: 'render',
  summary: 'start a video job for a video script, optionally wait for it and download the video',
  usage,
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
      throw new UsageError('give one video script file or --script-id ID');
    }
    const timeoutMs = timeoutOption(values.timeout);
    const script = scriptId === undefined ? await readScriptArg(io, positionals[0]) : undefined;
    if (script && !script.file.endsWith(fileExtension('video'))) throw new UsageError('only a video script (*.video.json) can be rendered');
    const name = values.name ?? (script ? nameOfFile(script.file) : undefined);
    if (!name) throw new UsageError('give the output asset name with --name NAME');
    if (script && reportLintErrors(io, positionals[0], script.file, script.text, script.problems) && !values.force) {
      return fail(io, 'render', 'the file has lint errors; nothing was pushed or started (--force goes on anyway)');
    }
    const downloadPath = values.download === undefined ? undefined : resolve(io.cwd, values.download);

    return withClient('render', values, io, async (client, connection) => {
      let id = scriptId;
      if (script) {
        const place = await linkPlace(io, connection);
        id = await unchangedLinkId(place, script.file, script.text);
        if (!id) {
          const pushed = await pushForCli(io, 'render', client, place, script.file, script.text, values.recreate);
          if (!pushed) return ExitCode.Failed;
          io.stderr(`${pushed.created ? 'created' : 'updated'} video script ${pushed.id} from ${positionals[0]}\n`);
          id = pushed.id;
        }
      }
      const { job_id: jobId } = await client.createVideoJob({ script_id: id, output_asset_config: { asset_name: name } }, { signal: io.signal });
      io.stderr(`started video job ${jobId} (output asset "${name}")\n`);
      const print = (job: Pick<VideoJobDetails, 'job_id' | 'state' | 'output_asset_config' | 'error_info'>) => {
        const assetId = job.output_asset_config?.asset_id ?? null;
        printResult(io, format, { job_id: job.job_id, state: job.state, asset_id: assetId }, () => {
          const error = jobErrorWithShot(job as VideoJobDetails);
          return [`job ${job.job_id} ${job.state}${assetId ? `, output asset ${assetId}` : ''}${error ? `: ${error}` : ''}`];
        });
      };
      if (!values.wait && downloadPath === undefined) {
        print(await client.getVideoJob(jobId, { signal: io.signal }));
        return ExitCode.Ok;
      }
      let job: VideoJobDetails;
      try {
        job = await waitForJob(io, client, jobId, timeoutMs);
      } catch (err) {
        if (!(err instanceof JobWaitTimeoutError)) throw err;
        report(io, 'render', err.message);
        print({ job_id: jobId, state: err.lastState ?? 'UNKNOWN' });
        return ExitCode.TimedOut;
      }
      print(job);
      if (!isJobSucceeded(job.state)) return ExitCode.Failed;
      if (downloadPath === undefined) return ExitCode.Ok;
      try {
        await download(io, client, job, downloadPath);
      } catch (err) {
        if (!(err instanceof DownloadError || err instanceof JobOutputError)) throw err;
        return fail(io, 'render', `the job succeeded but the download failed: ${err.message}`);
      }
      return ExitCode.Ok;
    });
  },
};
