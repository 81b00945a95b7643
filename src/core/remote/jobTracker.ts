/**
 * The recent video jobs of a connection, as the Jobs view shows them: the newest from the job list
 * API plus the ones started here, newest first. Every job that is not finished is followed
 * (`followJob`: polled with backoff until a terminal state, docs/decisions/video-jobs.md); a job seen
 * unfinished that then finishes is announced.
 */
import type { MetaStudioClient } from '../cloud/client';
import type { Clock } from '../cloud/clock';
import { isJobTerminal } from '../cloud/jobState';
import type { VideoJobSummary } from '../cloud/types';
import { errorMessage } from '../errors';
import { followJob } from './followJob';

export interface TrackedJob {
  readonly job: VideoJobSummary;
  /** Where it was started here (e.g. the script file's URI), if it was. */
  readonly origin?: string;
  /** Why it is no longer followed, if following failed. */
  readonly pollError?: string;
}

export type TrackerStatus = 'idle' | 'loading' | 'loaded' | 'signed-out' | 'failed';

export interface JobTrackerOptions {
  readonly clock?: Clock;
  /** How many jobs the list brings (default 30). */
  readonly listLimit?: number;
  readonly log?: (line: string) => void;
}

interface Entry extends TrackedJob {
  following: boolean;
  seenUnfinished: boolean;
}

type Listener<T> = (value: T) => void;

function createdMs(job: VideoJobSummary): number {
  const ms = job.create_time ? Date.parse(job.create_time) : Number.NaN;
  return Number.isNaN(ms) ? 0 : ms;
}

export class JobTracker {
  private readonly entries = new Map<string, Entry>();
  private readonly changeListeners = new Set<Listener<void>>();
  private readonly finishListeners = new Set<Listener<TrackedJob>>();
  private abort = new AbortController();
  private state: TrackerStatus = 'idle';
  private lastError: Error | undefined;

  constructor(private readonly getClient: () => Promise<MetaStudioClient | undefined>, private readonly options: JobTrackerOptions = {}) {}

  get status(): TrackerStatus {
    return this.state;
  }

  get error(): Error | undefined {
    return this.lastError;
  }

  onDidChange(listener: Listener<void>): { dispose(): void } {
    this.changeListeners.add(listener);
    return { dispose: () => this.changeListeners.delete(listener) };
  }

  /** A job this tracker saw unfinished has reached a terminal state. */
  onDidFinish(listener: Listener<TrackedJob>): { dispose(): void } {
    this.finishListeners.add(listener);
    return { dispose: () => this.finishListeners.delete(listener) };
  }

  /** Newest first (by creation time). */
  jobs(): TrackedJob[] {
    return [...this.entries.values()]
      .sort((a, b) => createdMs(b.job) - createdMs(a.job))
      .map(({ job, origin, pollError }) => ({ job, origin, pollError }));
  }

  get(jobId: string): TrackedJob | undefined {
    return this.entries.get(jobId);
  }

  /** Loads the newest jobs from the list API and follows the unfinished ones. */
  async refresh(): Promise<void> {
    const signal = this.abort.signal;
    this.setState('loading');
    try {
      const client = await this.getClient();
      if (!client) {
        this.clear();
        this.setState('signed-out');
        return;
      }
      const { jobs } = await client.listVideoJobs({ limit: this.options.listLimit ?? 30 }, { signal });
      if (signal.aborted) return;
      for (const job of jobs) this.upsert(job);
      this.lastError = undefined;
      this.setState('loaded');
      for (const job of jobs) if (!isJobTerminal(job.state)) this.follow(client, job.job_id);
    } catch (err) {
      if (signal.aborted) return;
      this.lastError = err as Error;
      this.options.log?.(`jobs: loading the job list failed: ${errorMessage(err)}`);
      this.setState('failed');
    }
  }

  /** A job started here: shown at once and followed. */
  add(client: MetaStudioClient, job: VideoJobSummary, origin?: string): void {
    const now = new Date(this.options.clock?.now() ?? Date.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
    this.upsert({ create_time: now, ...job }, origin);
    this.follow(client, job.job_id);
  }

  /** Takes a fresher view of a job (e.g. after a cancel) and follows it again if it is not finished. */
  update(client: MetaStudioClient, job: VideoJobSummary): void {
    this.upsert(job);
    if (!isJobTerminal(job.state)) this.follow(client, job.job_id);
  }

  /** Forgets everything and stops following (the connection changed). */
  reset(): void {
    this.abort.abort();
    this.abort = new AbortController();
    this.clear();
    this.setState('idle');
  }

  dispose(): void {
    this.abort.abort();
    this.changeListeners.clear();
    this.finishListeners.clear();
  }

  private clear(): void {
    this.entries.clear();
    this.changed();
  }

  private upsert(job: VideoJobSummary, origin?: string): Entry {
    const old = this.entries.get(job.job_id);
    const entry: Entry = {
      job: { ...old?.job, ...job },
      origin: origin ?? old?.origin,
      following: old?.following ?? false,
      seenUnfinished: (old?.seenUnfinished ?? false) || !isJobTerminal(job.state),
    };
    this.entries.set(job.job_id, entry);
    const finished = old !== undefined && !isJobTerminal(old.job.state) && isJobTerminal(job.state) && entry.seenUnfinished;
    this.changed();
    if (finished) {
      const tracked: TrackedJob = { job: entry.job, origin: entry.origin };
      this.finishListeners.forEach((l) => l(tracked));
    }
    return entry;
  }

  private follow(client: MetaStudioClient, jobId: string): void {
    const entry = this.entries.get(jobId);
    if (!entry || entry.following) return;
    entry.following = true;
    const signal = this.abort.signal;
    followJob(client, jobId, {
      clock: this.options.clock,
      signal,
      onUpdate: (job) => { if (!signal.aborted) this.upsert(job); },
      onPollError: (err) => this.options.log?.(`jobs: polling ${jobId} failed, trying again: ${errorMessage(err)}`),
    }).catch((err: Error) => {
      if (signal.aborted) return;
      this.options.log?.(`jobs: stopped following ${jobId}: ${errorMessage(err)}`);
      const current = this.entries.get(jobId);
      if (current) this.entries.set(jobId, { ...current, pollError: errorMessage(err) });
      this.changed();
    }).finally(() => {
      const current = this.entries.get(jobId);
      if (current && !signal.aborted) current.following = false;
    });
  }

  private setState(state: TrackerStatus): void {
    this.state = state;
    this.changed();
  }

  private changed(): void {
    this.changeListeners.forEach((l) => l());
  }
}
