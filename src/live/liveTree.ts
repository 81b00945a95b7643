import * as vscode from 'vscode';
import type { MetaStudioClient } from '../core/cloud/client';
import { isJobTerminal } from '../core/cloud/jobState';
import type { LiveJob, LiveRoomBaseInfo } from '../core/cloud/types';
import { errorMessage } from '../core/errors';
import { log } from '../logging/log';

/** A row of the Live view: a live room, one of its jobs, or a message (loading failed, nothing yet). */
export type LiveNode =
  | { readonly kind: 'room'; readonly room: LiveRoomBaseInfo }
  | { readonly kind: 'job'; readonly room: LiveRoomBaseInfo; readonly job: LiveJob }
  | { readonly kind: 'message'; readonly item: vscode.TreeItem };

/** What a job row shows, as plain data (the view renders it; the refresh command returns it). */
export interface LiveJobView {
  readonly jobId: string;
  readonly roomId: string;
  readonly state: string;
  readonly label: string;
  readonly description: string;
  readonly icon: string;
  readonly contextValue: string;
}

export interface LiveRoomView {
  readonly roomId: string;
  readonly name: string;
  readonly jobs: readonly LiveJobView[];
}

/** The reference's throttling allows 10 job lists a second in every region; one look every 5 s per open room stays far below. */
export const LIVE_POLL_MS = 5_000;
const JOBS_SHOWN = 5;

const icons: Record<string, [string, string?]> = {
  WAITING: ['clock'],
  PROCESSING: ['broadcast', 'testing.iconQueued'],
  SUCCEED: ['pass', 'testing.iconPassed'],
  FAILED: ['error', 'testing.iconFailed'],
  BLOCKED: ['lock', 'list.warningForeground'],
};

function stateLabel(state: string): string {
  switch (state) {
    case 'WAITING': return vscode.l10n.t('Waiting');
    case 'PROCESSING': return vscode.l10n.t('On air');
    case 'SUCCEED': return vscode.l10n.t('Stream ended');
    case 'FAILED': return vscode.l10n.t('Failed');
    case 'BLOCKED': return vscode.l10n.t('Blocked');
    default: return state;
  }
}

function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return vscode.l10n.t('{0} s', s);
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return vscode.l10n.t('{0} min {1} s', minutes, s % 60);
  return vscode.l10n.t('{0} h {1} min', Math.floor(minutes / 60), minutes % 60);
}

function formatTime(iso: string | undefined): string | undefined {
  const ms = iso ? Date.parse(iso) : Number.NaN;
  if (Number.isNaN(ms)) return undefined;
  const date = new Date(ms);
  return new Date().toDateString() === date.toDateString() ? date.toLocaleTimeString() : date.toLocaleString();
}

export function liveJobView(room: LiveRoomBaseInfo, job: LiveJob): LiveJobView {
  const started = formatTime(job.start_time ?? job.create_time);
  return {
    jobId: job.job_id,
    roomId: room.room_id,
    state: job.state,
    label: stateLabel(job.state),
    description: [started, job.duration === undefined ? undefined : formatDuration(job.duration)].filter(Boolean).join(' · '),
    icon: icons[job.state]?.[0] ?? 'question',
    contextValue: `metastudio.liveJob.${job.state}`,
  };
}

const isActive = (state: string | undefined) => state === 'WAITING' || state === 'PROCESSING';

/**
 * The Live view: the connection's live rooms with their newest jobs. While a job waits or runs and
 * the view is visible, it is reloaded every LIVE_POLL_MS; hidden, it is not polled at all.
 */
export class LiveTree implements vscode.TreeDataProvider<LiveNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<LiveNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private rooms: LiveRoomBaseInfo[] | undefined;
  private readonly jobs = new Map<string, LiveJob[]>();
  private failure: unknown;
  private visible = false;
  private loadedOnce = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly client: () => Promise<MetaStudioClient | undefined>) {}

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.changed.dispose();
  }

  setVisible(visible: boolean): void {
    this.visible = visible;
    this.schedule();
  }

  /** Forget what was loaded (the connection changed): the next look loads again. */
  invalidate(): void {
    this.loadedOnce = false;
    this.rooms = undefined;
    this.failure = undefined;
    this.jobs.clear();
    this.changed.fire(undefined);
  }

  /** Reloads the rooms and the jobs of every room shown so far; answers what the view shows. */
  async reload(): Promise<LiveRoomView[]> {
    const client = await this.client();
    if (!client) {
      this.rooms = undefined;
      this.jobs.clear();
      this.changed.fire(undefined);
      return [];
    }
    try {
      this.rooms = (await client.listLiveRooms({ limit: 100 })).smart_live_rooms;
      this.failure = undefined;
      const shown = [...this.jobs.keys()];
      for (const room of this.rooms) if (isActive(room.last_job_statuses) && !shown.includes(room.room_id)) shown.push(room.room_id);
      await Promise.all(shown.map(async (roomId) => this.jobs.set(roomId, (await client.listLiveJobs(roomId, { limit: JOBS_SHOWN })).smart_live_jobs)));
    } catch (err) {
      this.failure = err;
      log().warn(`live: ${errorMessage(err)}`);
    }
    this.changed.fire(undefined);
    this.schedule();
    return this.view();
  }

  /** The rooms and their jobs as loaded, as plain data. */
  view(): LiveRoomView[] {
    return (this.rooms ?? []).map((room) => ({
      roomId: room.room_id,
      name: room.room_name,
      jobs: (this.jobs.get(room.room_id) ?? []).map((job) => liveJobView(room, job)),
    }));
  }

  private anythingActive(): boolean {
    return (this.rooms ?? []).some((room) => isActive(room.last_job_statuses))
      || [...this.jobs.values()].some((jobs) => jobs.some((job) => !isJobTerminal(job.state)));
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.visible && this.anythingActive()) this.timer = setTimeout(() => { void this.reload(); }, LIVE_POLL_MS);
  }

  getTreeItem(node: LiveNode): vscode.TreeItem {
    if (node.kind === 'message') return node.item;
    if (node.kind === 'room') {
      const item = new vscode.TreeItem(node.room.room_name, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `room:${node.room.room_id}`;
      const live = isActive(node.room.last_job_statuses);
      item.iconPath = new vscode.ThemeIcon(live ? 'broadcast' : 'device-camera-video');
      item.description = node.room.last_job_statuses ? stateLabel(node.room.last_job_statuses) : undefined;
      item.contextValue = live ? 'metastudio.liveRoom.live' : 'metastudio.liveRoom';
      item.tooltip = new vscode.MarkdownString().appendMarkdown(`**${vscode.l10n.t('Live room ID')}:** `).appendText(node.room.room_id);
      item.command = { command: 'metastudio.live.openFile', title: vscode.l10n.t('Open Live Script'), arguments: [node] };
      return item;
    }
    const view = liveJobView(node.room, node.job);
    const [icon, color] = icons[view.state] ?? ['question'];
    const item = new vscode.TreeItem(view.label, vscode.TreeItemCollapsibleState.None);
    item.id = `job:${view.jobId}`;
    item.description = view.description;
    item.iconPath = new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
    item.contextValue = view.contextValue;
    const error = node.job.error_info?.error_code ? `${node.job.error_info.error_code}: ${node.job.error_info.error_msg ?? ''}` : undefined;
    const md = new vscode.MarkdownString();
    for (const [name, value] of [
      [vscode.l10n.t('Live job ID'), view.jobId], [vscode.l10n.t('State'), node.job.state], [vscode.l10n.t('Started'), formatTime(node.job.start_time)],
      [vscode.l10n.t('Ended'), formatTime(node.job.end_time)], [vscode.l10n.t('Error'), error],
    ] as const) if (value) md.appendMarkdown(`**${name}:** `).appendText(value).appendMarkdown('  \n');
    item.tooltip = md;
    return item;
  }

  async getChildren(node?: LiveNode): Promise<LiveNode[]> {
    if (node?.kind === 'room') {
      let jobs = this.jobs.get(node.room.room_id);
      const client = jobs ? undefined : await this.client();
      if (!jobs && client) {
        try {
          jobs = (await client.listLiveJobs(node.room.room_id, { limit: JOBS_SHOWN })).smart_live_jobs;
          this.jobs.set(node.room.room_id, jobs);
          this.schedule();
        } catch (err) {
          return [message(vscode.l10n.t('Failed to load the live jobs — show logs'), 'warning', err)];
        }
      }
      if (!jobs?.length) return [message(vscode.l10n.t('No livestream yet: Go Live from its live script'), 'info')];
      return jobs.map((job) => ({ kind: 'job', room: node.room, job }));
    }
    if (node) return [];
    if (!this.loadedOnce) {
      this.loadedOnce = true;
      await this.reload();
    }
    if (this.failure !== undefined && !this.rooms?.length) return [message(vscode.l10n.t('Failed to load the live rooms — show logs'), 'warning', this.failure)];
    if (!this.rooms) return []; // signed out: the view's welcome content says what to do
    if (!this.rooms.length) return [message(vscode.l10n.t('No live rooms yet: push a live script'), 'info')];
    return this.rooms.map((room) => ({ kind: 'room', room }));
  }
}

function message(text: string, icon: string, err?: unknown): LiveNode {
  const item = new vscode.TreeItem(text);
  item.iconPath = new vscode.ThemeIcon(icon, icon === 'warning' ? new vscode.ThemeColor('list.warningForeground') : undefined);
  if (err !== undefined) {
    item.tooltip = errorMessage(err);
    item.command = { command: 'metastudio.logs.show', title: vscode.l10n.t('Show Logs') };
  }
  return { kind: 'message', item };
}
