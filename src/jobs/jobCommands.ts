import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import { registerCommand } from '../commands/registerCommand';
import type { MetaStudioClient } from '../core/cloud/client';
import type { VideoJobSummary } from '../core/cloud/types';
import { downloadToFile } from '../core/download/disk';
import { ExpectedError, withErrorContext } from '../core/errors';
import { jobDisplayName, outputVideo, scriptNameOfJob, videoFileName, type OutputVideo } from '../core/remote/jobOutcome';
import type { JobTracker } from '../core/remote/jobTracker';
import { nameOfFile, safeFileName } from '../core/remote/scriptBody';
import { kindOfFile, scriptKinds } from '../core/scripts/kinds';
import { displayText } from '../core/text/displayText';
import { log } from '../logging/log';
import { withCancellableProgress } from '../commands/progress';
import type { Prompts } from '../prompts';
import type { Services } from '../services';
import { jobView, type JobsNode, type JobView } from './jobsTree';
import type { VideoPlayer } from './videoPlayer';

/** What the per-job commands take: a Jobs view row, a job, or a job ID. */
export type JobArgument = JobsNode | Pick<VideoJobSummary, 'job_id'> | string;

function jobIdOf(arg: JobArgument | undefined): string {
  if (typeof arg === 'string' && arg) return arg;
  if (arg && typeof arg === 'object') {
    if ('kind' in arg && arg.kind === 'job') return arg.tracked.job.job_id;
    if ('job_id' in arg) return arg.job_id;
  }
  throw new ExpectedError(vscode.l10n.t('Pick a job in the Jobs view first.'));
}

function pickRemoteScript(prompts: Prompts, client: MetaStudioClient): Promise<{ id: string; name: string } | undefined> {
  const items = scriptKinds.video.remote.list(client, { limit: 100 }).then(({ items }) =>
    items.map(({ id, name }) => ({ label: displayText(name), description: displayText(id), value: { id, name } })));
  return prompts.pick({ id: 'job.script', items, title: vscode.l10n.t('Start a video job'), placeHolder: vscode.l10n.t('The video script to render'), matchOnDescription: true });
}

export function registerJobCommands(context: vscode.ExtensionContext, { connections, prompts, push }: Services, tracker: JobTracker, player: VideoPlayer): void {
  /** The job as the tracker knows it, else as the API answers now. */
  const jobOf = async (arg: JobArgument | undefined, client: MetaStudioClient): Promise<VideoJobSummary> => {
    const id = jobIdOf(arg);
    return tracker.get(id)?.job ?? await withErrorContext(vscode.l10n.t('Cannot read video job {0}', id), () => client.getVideoJob(id));
  };

  registerCommand(context, 'metastudio.job.start', async (arg?: vscode.Uri | { scriptId: string }) => {
    if (arg instanceof vscode.Uri && kindOfFile(arg.path) !== 'video') {
      throw new ExpectedError(vscode.l10n.t('Only a video script (*{0}) can be rendered into a video.', scriptKinds.video.suffix));
    }
    const uri = arg instanceof vscode.Uri ? arg : arg ? undefined : vscode.window.activeTextEditor?.document.uri;
    const client = await connections.client();
    let script: { id: string; name: string; origin?: vscode.Uri } | undefined;
    if (arg && !(arg instanceof vscode.Uri)) {
      script = { id: arg.scriptId, name: arg.scriptId };
    } else if (uri && kindOfFile(uri.path) === 'video') {
      const id = await push.remoteIdOf(await vscode.workspace.openTextDocument(uri));
      if (!id) return undefined;
      script = { id, name: nameOfFile(uri.fsPath), origin: uri };
    } else {
      const picked = await pickRemoteScript(prompts, client);
      if (!picked) return undefined;
      script = picked;
    }
    const assetName = await prompts.input({
      id: 'job.assetName',
      title: vscode.l10n.t('Start Video Job'),
      prompt: vscode.l10n.t('Name of the output video asset'),
      value: script.name,
      validateInput: (value) => (value.trim() ? undefined : vscode.l10n.t('Give the video a name.')),
    });
    if (!assetName?.trim()) return undefined;
    const { job_id } = await withErrorContext(vscode.l10n.t('Cannot start the video job'), () =>
      client.createVideoJob({ script_id: script.id, output_asset_config: { asset_name: assetName.trim() } }));
    log().info(`jobs: started ${job_id} for script ${script.id} -> "${assetName.trim()}"`);
    tracker.add(client, { job_id, state: 'WAITING', output_asset_config: { asset_name: assetName.trim() } }, script.origin?.toString());
    void vscode.commands.executeCommand('metastudio.jobs.focus');
    vscode.window.setStatusBarMessage(vscode.l10n.t('Started video job "{0}"', assetName.trim()), 5000);
    return { jobId: job_id };
  });

  registerCommand(context, 'metastudio.job.cancel', async (arg?: JobArgument) => {
    const client = await connections.client();
    const job = await jobOf(arg, client);
    await withErrorContext(vscode.l10n.t('Cannot cancel video job "{0}"', jobDisplayName(job)), () => client.cancelVideoJob(job.job_id));
    tracker.update(client, await withErrorContext(vscode.l10n.t('Cannot read video job {0}', job.job_id), () => client.getVideoJob(job.job_id)));
    log().info(`jobs: cancelled ${job.job_id}`);
    void vscode.window.showInformationMessage(vscode.l10n.t('Cancelled video job "{0}".', jobDisplayName(job)));
  });

  /** The name of the script the job rendered: its file's when started here, else the API's (best effort). */
  const scriptNameOf = async (job: VideoJobSummary, client: MetaStudioClient): Promise<string | undefined> => {
    const origin = tracker.get(job.job_id)?.origin;
    if (origin) return nameOfFile(vscode.Uri.parse(origin).path);
    return scriptNameOfJob(client, job.job_id).catch((err: unknown) => {
      log().warn(`jobs: no script name for ${job.job_id}: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    });
  };

  /** Downloads to `destination` with a cancellable progress notification. */
  const download = (job: VideoJobSummary, video: OutputVideo, destination: string, what: string) => {
    let shown = 0;
    return withCancellableProgress(vscode.l10n.t('Downloading "{0}"', jobDisplayName(job)), (report, signal) => withErrorContext(what, () =>
      downloadToFile(video.url, destination, {
        signal,
        overwrite: true, // the user agreed to replace the file, or it is the player's own copy
        onProgress: (received, total) => {
          if (!total) return report(vscode.l10n.t('{0} KB', Math.round(received / 1024)));
          const percent = Math.floor((received / total) * 100);
          if (percent > shown) report(`${percent}%`, percent - shown);
          shown = Math.max(shown, percent);
        },
      })));
  };

  /** Plays the video in the player panel, from a copy in the extension's storage (downloaded once per output asset). */
  registerCommand(context, 'metastudio.job.openVideo', async (arg?: JobArgument) => {
    const client = await connections.client();
    const job = await jobOf(arg, client);
    const what = vscode.l10n.t('Cannot open the video of "{0}"', jobDisplayName(job));
    const video = await withErrorContext(what, () => outputVideo(client, job));
    const file = vscode.Uri.joinPath(player.videosFolder, safeFileName(video.assetId, 'video'), videoFileName(video, undefined));
    if (!existsSync(file.fsPath)) await download(job, video, file.fsPath, what);
    player.show(jobDisplayName(job), file, job.job_id);
    return file.fsPath;
  });

  registerCommand(context, 'metastudio.job.downloadVideo', async (arg?: JobArgument) => {
    const client = await connections.client();
    const job = await jobOf(arg, client);
    const what = vscode.l10n.t('Cannot download the video of "{0}"', jobDisplayName(job));
    const video = await withErrorContext(what, () => outputVideo(client, job));
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const fileName = videoFileName(video, await scriptNameOf(job, client));
    const target = await prompts.saveAs({
      id: 'job.saveVideo',
      title: vscode.l10n.t('Save the video as'),
      ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, fileName) } : {}),
    });
    if (!target) return undefined;
    if (target.scheme !== 'file') throw new ExpectedError(vscode.l10n.t('Videos are saved to a file on disk, not to {0}.', target.toString(true)));
    const destination = target.fsPath;
    await download(job, video, destination, what);
    log().info(`jobs: downloaded ${job.job_id} to ${destination}`);
    const open = vscode.l10n.t('Open');
    void vscode.window.showInformationMessage(vscode.l10n.t('Saved the video to {0}.', vscode.workspace.asRelativePath(target)), open).then((choice) => {
      if (choice === open) void vscode.commands.executeCommand('vscode.open', target);
    });
    return destination;
  });

  registerCommand(context, 'metastudio.job.showOutputAsset', async (arg?: JobArgument) => {
    const client = await connections.client();
    const job = await jobOf(arg, client);
    const assetId = job.output_asset_config?.asset_id;
    if (!assetId) throw new ExpectedError(vscode.l10n.t('Video job "{0}" has no output asset yet.', jobDisplayName(job)));
    const asset = await withErrorContext(vscode.l10n.t('Cannot read the output asset of "{0}"', jobDisplayName(job)), () => client.getAsset(assetId));
    return vscode.commands.executeCommand<string>('metastudio.assets.showDetails', asset);
  });

  /** Reloads the job list (unless `reload: false`, for scripted use); returns what the view shows, as data. */
  registerCommand(context, 'metastudio.jobs.refresh', async (options?: { reload?: boolean }): Promise<JobView[]> => {
    if (options?.reload !== false) await tracker.refresh();
    return tracker.jobs().map((tracked) => jobView(tracked));
  });
}
