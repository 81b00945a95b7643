/**
 * The preview flow (reference chapter 9, docs/decisions/tts-preview.md): the cache first; else create a TTS
 * audition, check its files every 5 seconds (the first check sooner), download every file while
 * its one-hour link is valid, and store them. Cancellation (the AbortSignal) stops waiting and
 * downloading at once. Identical previews running at the same time share one synthesis, so a
 * double click never pays twice.
 */
import * as l10n from '@vscode/l10n';
import { systemClock, type Clock } from '../cloud/clock';
import type { CallOptions } from '../cloud/client';
import type { FetchLike } from '../cloud/transport';
import type { DigitalAssetInfo, TtsAuditionFileResponse, TtsAuditionRequest } from '../cloud/types';
import { downloadToMemory } from '../download/memory';
import { DownloadError } from '../download/request';
import { ExpectedError, isCancellation, WaitTimeoutError } from '../errors';
import { audioExtension } from './audioFormat';
import { previewKey, resolveRequest, sampleKey, type PreviewPlace, type PreviewRequest } from './previewKey';
import type { CachedPreview, NewCacheFile, PreviewCache } from './previewCache';

export const POLL_INTERVAL_MS = 5_000;
export const FIRST_CHECK_MS = 1_000;
export const DEFAULT_PREVIEW_TIMEOUT_MS = 10 * 60_000;
/** Reference 9.2: "The validity period is one hour." */
export const AUDITION_URL_VALIDITY_MS = 3600_000;
/** Asset file links (SAMPLE files) last 24 hours. */
export const ASSET_URL_VALIDITY_MS = 24 * 3600_000;
/** Stop using a link a minute before it expires: clocks differ and downloads take time. */
const VALIDITY_MARGIN_MS = 60_000;

/** The client calls a preview needs (MetaStudioClient fits). */
export interface TtsApi {
  createTtsAudition(body: TtsAuditionRequest, options?: CallOptions): Promise<{ job_id: string }>;
  getTtsAuditionFile(jobId: string, options?: CallOptions): Promise<TtsAuditionFileResponse>;
}

export type PreviewProgress =
  | { readonly kind: 'creating' }
  | { readonly kind: 'waiting'; readonly jobId: string; readonly checks: number }
  | { readonly kind: 'downloading'; readonly index: number; readonly count: number };

export interface PreviewOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: PreviewProgress) => void;
  /** Runs before a synthesis that will be billed, never for a cache hit; throw to stop. */
  readonly beforeSynthesis?: () => Promise<void>;
  /** What the cache keeps about a new preview besides its request (read when storing it). */
  readonly describe?: () => { readonly voiceName?: string };
}

export interface PreviewResult extends CachedPreview {
  readonly fromCache: boolean;
  /** The audition job, when this call synthesized. */
  readonly jobId?: string;
}

/** The audition finished without audio, or reported a failure. */
export class TtsJobFailedError extends ExpectedError {
  override readonly name = 'TtsJobFailedError';
  constructor(readonly jobId: string, code: string | undefined, readonly errorMsg: string | undefined) {
    super(l10n.t('The TTS preview (job {0}) failed: {1}', jobId, [code, errorMsg].filter(Boolean).join(': ') || l10n.t('no audio file was returned')), { code });
  }
}

export class PreviewTimeoutError extends WaitTimeoutError {
  override readonly name = 'PreviewTimeoutError';
  constructor(readonly jobId: string, timeoutMs: number) {
    super(l10n.t('The TTS preview (job {0}) was not ready within {1} s.', jobId, Math.round(timeoutMs / 1000)));
  }
}

export interface PreviewerOptions {
  readonly cache: PreviewCache;
  /** Fetches preview files (never given credentials); the global `fetch` by default. */
  readonly fetchFile?: FetchLike;
  readonly clock?: Clock;
  readonly pollIntervalMs?: number;
  readonly firstCheckMs?: number;
  readonly timeoutMs?: number;
  readonly maxFileBytes?: number;
}

interface Links {
  readonly urls: readonly string[];
  readonly validUntil: number;
}

export class Previewer {
  private readonly clock: Clock;
  private readonly inflight = new Map<string, Promise<PreviewResult>>();

  constructor(private readonly options: PreviewerOptions) {
    this.clock = options.clock ?? systemClock;
  }

  get cache(): PreviewCache {
    return this.options.cache;
  }

  /** The audio of a preview: from the cache with no request at all, else synthesized through `api` and cached. */
  preview(api: TtsApi, place: PreviewPlace, request: PreviewRequest, options: PreviewOptions = {}): Promise<PreviewResult> {
    const key = previewKey(request, place);
    return this.once(key, options.signal, () => this.cachedOr(key, options.signal, async () => {
      await options.beforeSynthesis?.();
      return this.synthesize(api, key, request, options);
    }));
  }

  /**
   * A voice asset's own SAMPLE file (free), cached like a preview; undefined when it has none.
   * `getAsset` is only called on a cache miss.
   */
  sample(
    place: PreviewPlace,
    voiceAssetId: string,
    getAsset: (signal?: AbortSignal) => Promise<DigitalAssetInfo>,
    options: Pick<PreviewOptions, 'signal' | 'onProgress'> = {},
  ): Promise<PreviewResult | undefined> {
    const key = sampleKey(voiceAssetId, place);
    return this.once(key, options.signal, () => this.cachedOr(key, options.signal, async () => {
      const received = this.clock.now();
      const asset = await getAsset(options.signal);
      const urls = (asset.files ?? []).filter((f) => f.asset_file_category === 'SAMPLE' && f.download_url).map((f) => f.download_url!);
      if (urls.length === 0) return undefined;
      const files = await this.download({ urls, validUntil: received + ASSET_URL_VALIDITY_MS - VALIDITY_MARGIN_MS }, undefined, options);
      const stored = await this.options.cache.put(key, files, { text: asset.asset_name, voiceAssetId });
      return { ...stored, fromCache: false };
    }));
  }

  /**
   * The cached entry of `key`, else what `make` stores: made once among all the processes sharing
   * the cache (the others wait for it, then read it from the cache).
   */
  private async cachedOr<T extends PreviewResult | undefined>(key: string, signal: AbortSignal | undefined, make: () => Promise<T>): Promise<PreviewResult | T> {
    const cached = async () => {
      const entry = await this.options.cache.get(key);
      return entry && { ...entry, fromCache: true };
    };
    return (await cached()) ?? this.options.cache.filling(key, signal, async () => (await cached()) ?? make());
  }

  /** Runs `work` once per key at a time; a caller that joins a run its starter cancelled runs again. */
  private async once<T extends PreviewResult | undefined>(key: string, signal: AbortSignal | undefined, work: () => Promise<T>): Promise<T> {
    for (;;) {
      signal?.throwIfAborted();
      const running = this.inflight.get(key) as Promise<T> | undefined;
      if (!running) break;
      try {
        const shared = await abortable(running, signal);
        return (shared ? { ...shared, fromCache: true } : shared) as T;
      } catch (err) {
        if (!isCancellation(err) || signal?.aborted) throw err;
      }
    }
    const run = work();
    this.inflight.set(key, run as Promise<PreviewResult>);
    try {
      return await run;
    } finally {
      this.inflight.delete(key);
    }
  }

  private async synthesize(api: TtsApi, key: string, request: PreviewRequest, options: PreviewOptions): Promise<PreviewResult> {
    const r = resolveRequest(request);
    const call = { signal: options.signal };
    options.onProgress?.({ kind: 'creating' });
    const { job_id: jobId } = await api.createTtsAudition({ text: r.text, emotion: r.voiceAssetId, speed: r.speed, pitch: r.pitch, volume: r.volume }, call);
    const started = this.clock.now();
    const timeoutMs = this.options.timeoutMs ?? DEFAULT_PREVIEW_TIMEOUT_MS;
    let wait = this.options.firstCheckMs ?? FIRST_CHECK_MS;
    for (let checks = 1; ; checks++) {
      if (this.clock.now() - started + wait > timeoutMs) throw new PreviewTimeoutError(jobId, timeoutMs);
      await this.clock.sleep(wait, options.signal);
      const response = await api.getTtsAuditionFile(jobId, call);
      const links = this.linksOf(jobId, response);
      if (links) {
        const refresh = async () => this.linksOf(jobId, await api.getTtsAuditionFile(jobId, call)) ?? links;
        const files = await this.download(links, refresh, options);
        const stored = await this.options.cache.put(key, files, { ...options.describe?.(), text: r.text, voiceAssetId: r.voiceAssetId, speed: r.speed, pitch: r.pitch, volume: r.volume });
        return { ...stored, fromCache: false, jobId };
      }
      options.onProgress?.({ kind: 'waiting', jobId, checks });
      wait = this.options.pollIntervalMs ?? POLL_INTERVAL_MS;
    }
  }

  /** The file links of a complete audition, undefined while it runs; throws when it failed. */
  private linksOf(jobId: string, response: TtsAuditionFileResponse): Links | undefined {
    const failure = response as { error_code?: unknown; error_msg?: unknown };
    if (typeof failure.error_code === 'string' && failure.error_code) {
      throw new TtsJobFailedError(jobId, failure.error_code, typeof failure.error_msg === 'string' ? failure.error_msg : response.message);
    }
    if (!response.is_file_complete) return undefined;
    const urls = (response.files ?? []).map((f) => f?.download_url).filter((u): u is string => typeof u === 'string' && u !== '');
    if (urls.length === 0) throw new TtsJobFailedError(jobId, undefined, response.message);
    return { urls, validUntil: this.clock.now() + AUDITION_URL_VALIDITY_MS - VALIDITY_MARGIN_MS };
  }

  /** Every file, in order; links that ran out are asked for again once through `refresh`. */
  private async download(links: Links, refresh: (() => Promise<Links>) | undefined, options: Pick<PreviewOptions, 'signal' | 'onProgress'>): Promise<NewCacheFile[]> {
    const files: NewCacheFile[] = [];
    let current = links;
    for (let i = 0; i < links.urls.length; i++) {
      options.onProgress?.({ kind: 'downloading', index: i + 1, count: links.urls.length });
      if (this.clock.now() >= current.validUntil && refresh) current = await refresh();
      const url = current.urls[i];
      if (url === undefined) throw new DownloadError(l10n.t('The preview\'s download links changed while downloading.'));
      const { data, contentType, url: finalUrl } = await downloadToMemory(url, {
        fetch: this.options.fetchFile, signal: options.signal, maxBytes: this.options.maxFileBytes,
        validUntil: current.validUntil, now: () => this.clock.now(),
      });
      files.push({ data, extension: audioExtension(data, contentType, finalUrl) });
    }
    return files;
  }
}

/** `promise`, or the signal's reason as soon as it aborts. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
