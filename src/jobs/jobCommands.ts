import * as vscode from 'vscode';
import { registerCommand, UserFacingError } from '../commands/registerCommand';
import type { MetaStudioClient } from '../core/cloud/client';
import { MetaStudioError } from '../core/cloud/errors';
import type { VideoJobSummary } from '../core/cloud/types';
import { downloadToFile } from '../core/download/disk';
import { DownloadError } from '../core/download/request';
import { jobName, JobOutputError, outputVideo } from '../core/remote/jobOutcome';
import type { JobTracker } from '../core/remote/jobTracker';
import { unchangedLinkId } from '../core/remote/linkedFiles';
import { nameOfFile, scriptKindOf } from '../core/remote/scriptBody';
import { displayText } from '../core/text/displayText';
import { log } from '../logging/log';
import { withCancellableProgress } from '../commands/progress';
import { pushDocument, type PushContext, type PushOptions } from '../push/pushDocument';
import { jobView, type JobsNode, type JobView } from './jobsTree';

/** What the per-job commands take: a Jobs view row, a job, or a job ID. */
export type JobArgument = JobsNode | Pick<VideoJobSummary, 'job_id'> | string;

/** Answers for scripted use of "Start Video Job"; each one not given is asked. */
export interface StartOptions extends PushOptions {
  readonly assetName?: string;
}

/** API, download and output errors as one clear line, prefixed with what failed. */
function clearly<T>(what: string, work: () => Promise<T>): Promise<T> {
  return work().catch((err: unknown) => {
    if (err instanceof MetaStudioError || err instanceof DownloadError || err instanceof JobOutputError) {
      throw new UserFacingError(vscode.l10n.t('{0}: {1}', what, err.message));
    }
    throw err;
  });
}

function jobIdOf(arg: JobArgument | undefined): string {
  if (typeof arg === 'string' && arg) return arg;
  if (arg && typeof arg === 'object') {
    if ('kind' in arg && arg.kind === 'job') return arg.tracked.job.job_id;
    if ('job_id' in arg) return arg.job_id;
  }
  throw new UserFacingError(vscode.l10n.t('Pick a job in the Jobs view first.'));
}


async function pickRemoteScript(client: MetaStudioClient): Promise<{ id: string; name: string } | undefined> {
  const items = (async () => (await client.listVideoScripts({ limit: 100 })).video_scripts
    .map((s) => ({ label: displayText(s.script_name), description: displayText(s.script_id), id: s.script_id })))();
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Start a video job'), placeHolder: vscode.l10n.t('The video script to render'), matchOnDescription: true });
  return picked && { id: picked.id, name: picked.label };
}

export function registerJobCommands(context: vscode.ExtensionContext, push: PushContext, tracker: JobTracker): void {
  const { connections } = push;

  /** The job as the tracker knows it, else as the API answers now. */
  const jobOf = async (arg: JobArgument | undefined, client: MetaStudioClient): Promise<VideoJobSummary> => {
    const id = jobIdOf(arg);
    return tracker.get(id)?.job ?? await clearly(vscode.l10n.t('Cannot read video job {0}', id), () => client.getVideoJob(id));
  };

  registerCommand(context, 'metastudio.job.start', async (arg?: vscode.Uri | { scriptId: string }, options: StartOptions = {}) => {
    if (arg instanceof vscode.Uri && scriptKindOf(arg.path) !== 'video') {
      throw new UserFacingError(vscode.l10n.t('Only a video script (*.video.json) can be rendered into a video.'));
    }
    const uri = arg instanceof vscode.Uri ? arg : arg ? undefined : vscode.window.activeTextEditor?.document.uri;
    const client = await connections.client();
    let script: { id: string; name: string; origin?: vscode.Uri } | undefined;
    if (arg && !(arg instanceof vscode.Uri)) {
      script = { id: arg.scriptId, name: arg.scriptId };
    } else if (uri && scriptKindOf(uri.path) === 'video') {
      const document = await vscode.workspace.openTextDocument(uri);
      const place = push.links.placeOf(uri);
      let id = await unchangedLinkId(place, uri.fsPath, document.getText());
      if (!id) {
        const pushed = await pushDocument(push, document, options);
        if (pushed.outcome !== 'pushed') return undefined;
        id = pushed.id;
      }
      script = { id, name: nameOfFile(uri.fsPath), origin: uri };
    } else {
      const picked = await pickRemoteScript(client);
      if (!picked) return undefined;
      script = picked;
    }
    const assetName = options.assetName ?? await vscode.window.showInputBox({
      title: vscode.l10n.t('Start Video Job'),
      prompt: vscode.l10n.t('Name of the output video asset'),
      value: script.name,
      validateInput: (value) => (value.trim() ? undefined : vscode.l10n.t('Give the video a name.')),
    });
    if (!assetName?.trim()) return undefined;
    const { job_id } = await clearly(vscode.l10n.t('Cannot start the video job'), () =>
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
    await clearly(vscode.l10n.t('Cannot cancel video job "{0}"', jobName(job)), () => client.cancelVideoJob(job.job_id));
    tracker.update(client, await clearly(vscode.l10n.t('Cannot read video job {0}', job.job_id), () => client.getVideoJob(job.job_id)));
    log().info(`jobs: cancelled ${job.job_id}`);
    void vscode.window.showInformationMessage(vscode.l10n.t('Cancelled video job "{0}".', jobName(job)));
  });

  registerCommand(context, 'metastudio.job.openVideo', async (arg?: JobArgument) => {
    const client = await connections.client();
    const job = await jobOf(arg, client);
    const video = await clearly(vscode.l10n.t('Cannot open the video of "{0}"', jobName(job)), () => outputVideo(client, job));
    await vscode.env.openExternal(vscode.Uri.parse(video.url, true));
    return video.url;
  });

  registerCommand(context, 'metastudio.job.downloadVideo', async (arg?: JobArgument, target?: vscode.Uri) => {
    const client = await connections.client();
    const job = await jobOf(arg, client);
    const what = vscode.l10n.t('Cannot download the video of "{0}"', jobName(job));
    const video = await clearly(what, () => outputVideo(client, job));
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    target ??= await vscode.window.showSaveDialog({
      title: vscode.l10n.t('Save the video as'),
      ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, video.fileName) } : {}),
    });
    if (!target) return undefined;
    if (target.scheme !== 'file') throw new UserFacingError(vscode.l10n.t('Videos are saved to a file on disk, not to {0}.', target.toString(true)));
    const destination = target.fsPath;
    let shown = 0;
    await withCancellableProgress(vscode.l10n.t('Downloading "{0}"', jobName(job)), (report, signal) => clearly(what, () =>
      downloadToFile(video.url, destination, {
        signal,
        onProgress: (received, total) => {
          if (!total) return report(vscode.l10n.t('{0} KB', Math.round(received / 1024)));
          const percent = Math.floor((received / total) * 100);
          if (percent > shown) report(`${percent}%`, percent - shown);
          shown = Math.max(shown, percent);
        },
      })));
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
    if (!assetId) throw new UserFacingError(vscode.l10n.t('Video job "{0}" has no output asset yet.', jobName(job)));
    const asset = await clearly(vscode.l10n.t('Cannot read the output asset of "{0}"', jobName(job)), () => client.getAsset(assetId));
    return vscode.commands.executeCommand<string>('metastudio.assets.showDetails', asset);
  });

  /** Reloads the job list (unless `reload: false`, for scripted use); returns what the view shows, as data. */
  registerCommand(context, 'metastudio.jobs.refresh', async (options?: { reload?: boolean }): Promise<JobView[]> => {
    if (options?.reload !== false) await tracker.refresh();
    return tracker.jobs().map((tracked) => jobView(tracked));
  });
}
