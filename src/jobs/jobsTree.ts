import * as vscode from 'vscode';
import { normalizeJobState } from '../core/cloud/jobState';
import { errorMessage } from '../core/errors';
import { jobDisplayName, jobErrorWithShot, jobRunMs } from '../core/remote/jobOutcome';
import { displayText } from '../core/text/displayText';
import type { JobTracker, TrackedJob } from '../core/remote/jobTracker';

/** A row of the Jobs view: a job, or a message (loading failed, nothing yet). */
export type JobsNode = { readonly kind: 'job'; readonly tracked: TrackedJob } | { readonly kind: 'message'; readonly item: vscode.TreeItem };

/** What a job row shows, as plain data (the view renders it; the refresh command returns it). */
export interface JobView {
  readonly jobId: string;
  readonly state: string;
  readonly label: string;
  readonly description: string;
  readonly icon: string;
  readonly contextValue: string;
  /** The job's error and the shot it names, if it failed. */
  readonly error?: string;
}

const icons: Record<string, [string, string?]> = {
  WAITING: ['clock'],
  PROCESSING: ['sync~spin'],
  SUCCEED: ['pass', 'testing.iconPassed'],
  FAILED: ['error', 'testing.iconFailed'],
  CANCELED: ['circle-slash'],
  BLOCK: ['lock', 'list.warningForeground'],
};

function stateLabel(state: string): string {
  switch (state) {
    case 'WAITING': return vscode.l10n.t('Waiting');
    case 'PROCESSING': return vscode.l10n.t('Processing');
    case 'SUCCEED': return vscode.l10n.t('Succeeded');
    case 'FAILED': return vscode.l10n.t('Failed');
    case 'CANCELED': return vscode.l10n.t('Cancelled');
    case 'BLOCK': return vscode.l10n.t('Blocked');
    default: return state;
  }
}

function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return vscode.l10n.t('{0} s', seconds);
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return vscode.l10n.t('{0} min {1} s', minutes, seconds % 60);
  return vscode.l10n.t('{0} h {1} min', Math.floor(minutes / 60), minutes % 60);
}

function formatTime(iso: string | undefined): string | undefined {
  const ms = iso ? Date.parse(iso) : Number.NaN;
  if (Number.isNaN(ms)) return undefined;
  const date = new Date(ms);
  const today = new Date().toDateString() === date.toDateString();
  return today ? date.toLocaleTimeString() : date.toLocaleString();
}

export function jobView({ job, pollError }: TrackedJob, now = Date.now()): JobView {
  const state = normalizeJobState(job.state);
  const run = jobRunMs(job, now);
  const started = formatTime(job.start_time ?? job.create_time);
  const parts = [stateLabel(state), run === undefined ? undefined : formatDuration(run), started, pollError ? vscode.l10n.t('not updating') : undefined];
  return {
    jobId: job.job_id,
    state,
    label: jobDisplayName(job),
    description: parts.filter(Boolean).join(' · '),
    icon: icons[state]?.[0] ?? 'question',
    contextValue: `metastudio.job.${state}`,
    ...(job.error_info?.error_code || job.error_info?.error_msg ? { error: jobErrorWithShot(job) } : {}),
  };
}

function tooltip({ job, pollError }: TrackedJob): vscode.MarkdownString {
  const rows: [string, string | undefined][] = [
    [vscode.l10n.t('Job ID'), displayText(job.job_id)],
    [vscode.l10n.t('State'), displayText(job.state)],
    [vscode.l10n.t('Created'), formatTime(job.create_time)],
    [vscode.l10n.t('Started'), formatTime(job.start_time)],
    [vscode.l10n.t('Ended'), formatTime(job.end_time)],
    [vscode.l10n.t('Video length'), job.duration === undefined ? undefined : vscode.l10n.t('{0} s', job.duration)],
    [vscode.l10n.t('Output asset'), job.output_asset_config?.asset_id && displayText(job.output_asset_config.asset_id)],
  ];
  const error = jobErrorWithShot(job);
  if (error) rows.push([vscode.l10n.t('Error'), error]);
  if (pollError) rows.push([vscode.l10n.t('Not updating'), pollError]);
  const md = new vscode.MarkdownString();
  for (const [name, value] of rows) if (value) md.appendMarkdown(`**${name}:** `).appendText(value).appendMarkdown('  \n');
  return md;
}

export class JobsTree implements vscode.TreeDataProvider<JobsNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<JobsNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];
  private loadedOnce = false;

  constructor(private readonly tracker: JobTracker) {
    this.subscriptions = [this.changed, tracker.onDidChange(() => this.changed.fire(undefined))];
  }

  dispose(): void {
    this.subscriptions.forEach((d) => d.dispose());
  }

  /** Forget that the view was loaded (connection changed): the next look loads it again. */
  invalidate(): void {
    this.loadedOnce = false;
    this.changed.fire(undefined);
  }

  getTreeItem(node: JobsNode): vscode.TreeItem {
    if (node.kind === 'message') return node.item;
    const view = jobView(node.tracked);
    const item = new vscode.TreeItem(view.label, vscode.TreeItemCollapsibleState.None);
    const [icon, color] = icons[view.state] ?? ['question'];
    item.id = view.jobId;
    item.description = view.description;
    item.iconPath = new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
    item.contextValue = view.contextValue;
    item.tooltip = tooltip(node.tracked);
    return item;
  }

  getChildren(node?: JobsNode): JobsNode[] {
    if (node) return [];
    if (!this.loadedOnce) {
      this.loadedOnce = true;
      void this.tracker.refresh();
    }
    const jobs = this.tracker.jobs();
    if (jobs.length) return jobs.map((tracked) => ({ kind: 'job', tracked }));
    switch (this.tracker.status) {
      case 'failed': {
        const item = new vscode.TreeItem(vscode.l10n.t('Failed to load the jobs — show logs'));
        item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
        item.tooltip = this.tracker.error && errorMessage(this.tracker.error);
        item.command = { command: 'metastudio.logs.show', title: vscode.l10n.t('Show Logs') };
        return [{ kind: 'message', item }];
      }
      case 'loaded': {
        const item = new vscode.TreeItem(vscode.l10n.t('No video jobs yet: start one from a video script'));
        item.iconPath = new vscode.ThemeIcon('info');
        return [{ kind: 'message', item }];
      }
      case 'loading': {
        const item = new vscode.TreeItem(vscode.l10n.t('Loading…'));
        item.iconPath = new vscode.ThemeIcon('loading~spin');
        return [{ kind: 'message', item }];
      }
      default:
        return [];
    }
  }
}
