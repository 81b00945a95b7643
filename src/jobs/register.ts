import * as vscode from 'vscode';
import { normalizeJobState } from '../core/cloud/jobState';
import { jobDisplayName, jobErrorText, jobErrorWithShot, shotLocation, shotOfError } from '../core/remote/jobOutcome';
import { JobTracker, type TrackedJob } from '../core/remote/jobTracker';
import { log } from '../logging/log';
import type { Services } from '../services';
import { registerJobCommands } from './jobCommands';
import { JobsTree } from './jobsTree';
import { VideoPlayer } from './videoPlayer';

async function goToShot(origin: vscode.Uri, job: TrackedJob['job']): Promise<void> {
  const shot = shotOfError(job.error_info?.error_msg ?? undefined);
  const editor = await vscode.window.showTextDocument(origin);
  const where = shot && shotLocation(editor.document.getText(), shot);
  if (!where) return;
  const range = new vscode.Range(editor.document.positionAt(where.start), editor.document.positionAt(where.end));
  editor.selection = new vscode.Selection(range.start, range.start);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** The notification of a job followed here that has just ended. */
async function announce({ job, origin }: TrackedJob): Promise<void> {
  const name = jobDisplayName(job);
  const state = normalizeJobState(job.state);
  log().info(`jobs: ${job.job_id} ended ${state}${jobErrorText(job) ? `: ${jobErrorText(job)}` : ''}`);
  if (state === 'SUCCEED') {
    const open = vscode.l10n.t('Open Video');
    const download = vscode.l10n.t('Download Video');
    const show = vscode.l10n.t('Show Output Asset');
    const choice = await vscode.window.showInformationMessage(vscode.l10n.t('Video "{0}" is ready.', name), open, download, show);
    const command = choice === open ? 'metastudio.job.openVideo' : choice === download ? 'metastudio.job.downloadVideo' : choice === show ? 'metastudio.job.showOutputAsset' : undefined;
    if (command) await vscode.commands.executeCommand(command, job.job_id);
    return;
  }
  if (state === 'CANCELED') return;
  const shot = shotOfError(job.error_info?.error_msg ?? undefined);
  const error = jobErrorWithShot(job) ?? vscode.l10n.t('no error given');
  const message = state === 'FAILED' ? vscode.l10n.t('Video job "{0}" failed: {1}', name, error) : vscode.l10n.t('Video job "{0}" was blocked: {1}', name, error);
  const goTo = vscode.l10n.t('Go to Shot');
  const choice = await vscode.window.showErrorMessage(message, ...(shot && origin ? [goTo] : []));
  if (choice === goTo && origin) await goToShot(vscode.Uri.parse(origin), job);
}

/** The Jobs view and the job commands. */
export function register(context: vscode.ExtensionContext, services: Services): VideoPlayer {
  const player = new VideoPlayer(context.extensionUri, vscode.Uri.joinPath(context.globalStorageUri, 'videos'));
  const tracker = new JobTracker(() => services.connections.tryClient(), { log: (line) => log().info(line) });
  const tree = new JobsTree(tracker);
  context.subscriptions.push(
    tree,
    vscode.window.createTreeView('metastudio.jobs', { treeDataProvider: tree }),
    tracker.onDidFinish((job) => { void announce(job); }),
    services.connections.onDidChange(() => {
      tracker.reset();
      tree.invalidate();
    }),
    tracker,
    player,
  );
  registerJobCommands(context, services, tracker, player);
  return player;
}
