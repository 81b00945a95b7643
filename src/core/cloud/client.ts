/**
 * The MetaStudio client: typed calls over an injected `fetch`, with authentication, a timeout and
 * an AbortSignal on every call, retries where they are safe, client-side throttling, and response
 * variants normalised. It implements docs/decisions/endpoints.md, docs/decisions/request-signing.md,
 * docs/decisions/api-errors.md, docs/decisions/field-spellings.md, docs/decisions/video-jobs.md and
 * docs/decisions/tts-preview.md. A redirect is refused, never followed (the credentials and the body
 * would go along), and no answer is read past MAX_RESPONSE_BYTES.
 */
import * as l10n from '@vscode/l10n';
import { authenticate, type Credentials } from './auth';
import { systemClock, type Clock } from './clock';
import { regionOf } from './endpoint';
import {
  MetaStudioApiError, MetaStudioError, MetaStudioNetworkError, MetaStudioRedirectError, MetaStudioResponseError, MetaStudioTimeoutError,
} from './errors';
import { queryString, type QueryValue } from './query';
import { normalizeAsset, normalizeJob, withNormalizedVideoConfig } from './responseVariants';
import { isRetryableStatus, MAX_ATTEMPTS, MAX_RETRY_AFTER_MS, parseRetryAfter, retryDelay, type RetryMode } from './retry';
import { percentEncode } from './signer';
import { rateLimitsFor, Throttle, type ApiName, type RateLimits } from './throttle';
import { discardBody, readBodyCapped, type FetchLike, type FetchResponse } from './transport';
import type {
  CreateAssetRequest, CreateAssetResponse, CreateFileRequest, CreateFileResponse, CreateVideoJobRequest, DigitalAssetInfo,
  FileUploadState, InteractionRuleGroupDetails, InteractionRuleGroupRequest, ListAllLiveJobsQuery, ListAssetsQuery,
  ListAssetsResponse, ListInteractionRuleGroupsQuery, ListInteractionRuleGroupsResponse, ListLiveJobsQuery, ListLiveJobsResponse,
  ListLiveRoomsQuery, ListLiveRoomsResponse, ListVideoJobsQuery, ListVideoJobsResponse, ListVideoScriptsQuery,
  ListVideoScriptsResponse, LiveCommandRequest, LiveCommandResponse, LiveEventReportRequest, LiveJob, LiveRoomDetails,
  LiveRoomRequest, StartLiveJobRequest, StartLiveJobResponse, TtsAuditionFileResponse, TtsAuditionRequest, VideoJobDetails,
  VideoScriptDetails, VideoScriptRequest, VideoScriptWriteResponse,
} from './types';
import { errorMessage } from '../errors';
import { isObject, parseUntrustedJson } from '../json';

export const DEFAULT_TIMEOUT_MS = 30_000;
/** Larger answers are refused unread: the API's largest (a page of scripts with their texts) stay far below. */
export const MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

/** One line per event; never given a credential. */
export interface ClientLogger {
  debug(message: string): void;
  warn(message: string): void;
}

export interface MetaStudioClientOptions {
  /** Endpoint origin, as `resolveEndpoint` returns it. */
  readonly endpoint: string;
  readonly projectId: string;
  readonly credentials: Credentials;
  readonly fetch: FetchLike;
  readonly clock?: Clock;
  readonly logger?: ClientLogger;
  /** Per attempt; default 30 s. */
  readonly timeoutMs?: number;
  /** Requests per second per API; default Table 1-2 for the endpoint's region (strictest column elsewhere). */
  readonly rateLimits?: RateLimits;
}

export interface CallOptions {
  readonly signal?: AbortSignal;
  /** Overrides the client's timeout for this call (per attempt). */
  readonly timeoutMs?: number;
}

interface Call {
  readonly api: ApiName;
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path after `/v1/{project_id}`, already encoded. */
  readonly path: string;
  readonly query?: string;
  readonly body?: unknown;
  readonly retry: RetryMode;
  /** False for calls documented without a response body (delete, cancel). */
  readonly expectBody: boolean;
}

/** Node's network errors carry a code somewhere down their `cause` chain. */
function networkErrorCode(err: unknown): { code: string | undefined; detail: string } {
  let current: unknown = err;
  let detail = errorMessage(err);
  for (let depth = 0; current instanceof Error && depth < 5; depth++) {
    detail = current.message || detail;
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return { code, detail };
    current = current.cause;
  }
  return { code: undefined, detail };
}

/** Failures that happen before a byte of the request is sent. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);

const seg = percentEncode;
const RULE_GROUPS = '/smart-live-interaction-rule-groups';
const liveJobsPath = (roomId: string) => `/smart-live-rooms/${seg(roomId)}/smart-live-jobs`;
const liveJobPath = (roomId: string, jobId: string) => `${liveJobsPath(roomId)}/${seg(jobId)}`;

export class MetaStudioClient {
  private readonly clock: Clock;
  private readonly timeoutMs: number;
  private readonly throttle: Throttle;

  constructor(private readonly options: MetaStudioClientOptions) {
    this.clock = options.clock ?? systemClock;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.throttle = new Throttle(options.rateLimits ?? rateLimitsFor(regionOf(options.endpoint)), this.clock);
  }

  /** Endpoint origin; with the project ID, it keys anything cached per connection. */
  get endpoint(): string {
    return this.options.endpoint;
  }

  get projectId(): string {
    return this.options.projectId;
  }

  /** The transport, for pre-signed upload and download URLs: it adds no credentials. */
  get transport(): FetchLike {
    return this.options.fetch;
  }

  // ---- assets ----

  async listAssets(query: ListAssetsQuery = {}, options?: CallOptions): Promise<ListAssetsResponse> {
    const result = await this.call<ListAssetsResponse>({
      api: 'assets.list', method: 'GET', path: '/digital-assets',
      query: queryString(query as Record<string, QueryValue>, ['asset_id']), retry: 'idempotent', expectBody: true,
    }, options);
    return { ...result, assets: (result.assets ?? []).map(normalizeAsset) };
  }

  async getAsset(assetId: string, options?: CallOptions): Promise<DigitalAssetInfo> {
    return normalizeAsset(await this.call<DigitalAssetInfo>({
      api: 'assets.details', method: 'GET', path: `/digital-assets/${seg(assetId)}`, retry: 'idempotent', expectBody: true,
    }, options));
  }

  createAsset(body: CreateAssetRequest, options?: CallOptions): Promise<CreateAssetResponse> {
    return this.call({ api: 'assets.create', method: 'POST', path: '/digital-assets', body, retry: 'unsafe', expectBody: true }, options);
  }

  /** To the recycle bin; with `force`, for good (reference 4.1.4). */
  async deleteAsset(assetId: string, options?: CallOptions & { force?: boolean }): Promise<void> {
    await this.call({
      api: 'assets.delete', method: 'DELETE', path: `/digital-assets/${seg(assetId)}`,
      query: queryString({ mode: options?.force ? 'force' : undefined }), retry: 'unsafe', expectBody: false,
    }, options);
  }

  // ---- files of assets (4.2) ----

  createFile(body: CreateFileRequest, options?: CallOptions): Promise<CreateFileResponse> {
    return this.call({ api: 'files.create', method: 'POST', path: '/files', body, retry: 'unsafe', expectBody: true }, options);
  }

  async confirmFileUpload(fileId: string, state: FileUploadState, options?: CallOptions): Promise<void> {
    await this.call({
      api: 'files.confirm', method: 'POST', path: `/files/${seg(fileId)}/complete`, body: { state }, retry: 'unsafe', expectBody: false,
    }, options);
  }

  async deleteFile(fileId: string, options?: CallOptions): Promise<void> {
    await this.call({ api: 'files.delete', method: 'DELETE', path: `/files/${seg(fileId)}`, retry: 'unsafe', expectBody: false }, options);
  }

  // ---- video scripts ----

  createVideoScript(body: VideoScriptRequest, options?: CallOptions): Promise<VideoScriptWriteResponse> {
    return this.call({ api: 'videoScripts.create', method: 'POST', path: '/digital-human-video-scripts', body, retry: 'unsafe', expectBody: true }, options);
  }

  async listVideoScripts(query: ListVideoScriptsQuery = {}, options?: CallOptions): Promise<ListVideoScriptsResponse> {
    const result = await this.call<ListVideoScriptsResponse>({
      api: 'videoScripts.list', method: 'GET', path: '/digital-human-video-scripts',
      query: queryString(query as Record<string, QueryValue>), retry: 'idempotent', expectBody: true,
    }, options);
    return { ...result, video_scripts: result.video_scripts ?? [] };
  }

  async getVideoScript(scriptId: string, options?: CallOptions): Promise<VideoScriptDetails> {
    return withNormalizedVideoConfig(await this.call<VideoScriptDetails>({
      api: 'videoScripts.details', method: 'GET', path: `/digital-human-video-scripts/${seg(scriptId)}`, retry: 'idempotent', expectBody: true,
    }, options));
  }

  /** Replaces the script (a PUT, so retried like a read). */
  updateVideoScript(scriptId: string, body: Partial<VideoScriptRequest>, options?: CallOptions): Promise<VideoScriptWriteResponse> {
    return this.call({
      api: 'videoScripts.update', method: 'PUT', path: `/digital-human-video-scripts/${seg(scriptId)}`, body, retry: 'idempotent', expectBody: true,
    }, options);
  }

  async deleteVideoScript(scriptId: string, options?: CallOptions): Promise<void> {
    await this.call({ api: 'videoScripts.delete', method: 'DELETE', path: `/digital-human-video-scripts/${seg(scriptId)}`, retry: 'unsafe', expectBody: false }, options);
  }

  // ---- 2D video jobs ----

  createVideoJob(body: CreateVideoJobRequest, options?: CallOptions): Promise<{ job_id: string }> {
    return this.call({ api: 'videoJobs.create', method: 'POST', path: '/2d-digital-human-videos', body, retry: 'unsafe', expectBody: true }, options);
  }

  async getVideoJob(jobId: string, options?: CallOptions & { showScript?: boolean }): Promise<VideoJobDetails> {
    return normalizeJob(await this.call<VideoJobDetails>({
      api: 'videoJobs.details', method: 'GET', path: `/2d-digital-human-videos/${seg(jobId)}`,
      query: queryString({ show_script: options?.showScript }), retry: 'idempotent', expectBody: true,
    }, options));
  }

  async cancelVideoJob(jobId: string, options?: CallOptions): Promise<void> {
    await this.call({ api: 'videoJobs.cancel', method: 'POST', path: `/2d-digital-human-videos/${seg(jobId)}/cancel`, retry: 'unsafe', expectBody: false }, options);
  }

  /** 2D avatar video jobs, newest first (docs/decisions/video-jobs.md). */
  async listVideoJobs(query: ListVideoJobsQuery = {}, options?: CallOptions): Promise<ListVideoJobsResponse> {
    const full = { ...query, job_type: '2D_DIGITAL_HUMAN_VIDEO', sort_key: 'create_time', sort_dir: 'desc' };
    const result = await this.call<ListVideoJobsResponse>({
      api: 'videoJobs.list', method: 'GET', path: '/digital-human-videos',
      query: queryString(full as Record<string, QueryValue>), retry: 'idempotent', expectBody: true,
    }, options);
    return { ...result, jobs: (result.jobs ?? []).map(normalizeJob) };
  }

  // ---- live rooms ----

  createLiveRoom(body: LiveRoomRequest, options?: CallOptions): Promise<{ room_id: string }> {
    return this.call({ api: 'liveRooms.create', method: 'POST', path: '/smart-live-rooms', body, retry: 'unsafe', expectBody: true }, options);
  }

  async listLiveRooms(query: ListLiveRoomsQuery = {}, options?: CallOptions): Promise<ListLiveRoomsResponse> {
    const result = await this.call<ListLiveRoomsResponse>({
      api: 'liveRooms.list', method: 'GET', path: '/smart-live-rooms',
      query: queryString(query as Record<string, QueryValue>), retry: 'idempotent', expectBody: true,
    }, options);
    return { ...result, smart_live_rooms: result.smart_live_rooms ?? [] };
  }

  async getLiveRoom(roomId: string, options?: CallOptions): Promise<LiveRoomDetails> {
    return withNormalizedVideoConfig(await this.call<LiveRoomDetails>({
      api: 'liveRooms.details', method: 'GET', path: `/smart-live-rooms/${seg(roomId)}`, retry: 'idempotent', expectBody: true,
    }, options));
  }

  /** Replaces the room (a PUT, so retried like a read); answers with the whole room. */
  async updateLiveRoom(roomId: string, body: LiveRoomRequest, options?: CallOptions): Promise<LiveRoomDetails> {
    return withNormalizedVideoConfig(await this.call<LiveRoomDetails>({
      api: 'liveRooms.update', method: 'PUT', path: `/smart-live-rooms/${seg(roomId)}`, body, retry: 'idempotent', expectBody: true,
    }, options));
  }

  /** Deletes the room (reference 6.1.5); the service refuses while it is live. */
  async deleteLiveRoom(roomId: string, options?: CallOptions): Promise<void> {
    await this.call({ api: 'liveRooms.delete', method: 'DELETE', path: `/smart-live-rooms/${seg(roomId)}`, retry: 'unsafe', expectBody: false }, options);
  }

  // ---- interaction rule libraries (6.1.6–6.1.9) ----

  createRuleGroup(body: InteractionRuleGroupRequest, options?: CallOptions): Promise<{ group_id: string }> {
    return this.call({ api: 'ruleGroups.create', method: 'POST', path: RULE_GROUPS, body, retry: 'unsafe', expectBody: true }, options);
  }

  async listRuleGroups(query: ListInteractionRuleGroupsQuery = {}, options?: CallOptions): Promise<ListInteractionRuleGroupsResponse> {
    const result = await this.call<ListInteractionRuleGroupsResponse>({
      api: 'ruleGroups.list', method: 'GET', path: RULE_GROUPS, query: queryString(query as Record<string, QueryValue>), retry: 'idempotent', expectBody: true,
    }, options);
    return { ...result, interaction_rule_groups: result.interaction_rule_groups ?? [] };
  }

  getRuleGroup(groupId: string, options?: CallOptions): Promise<InteractionRuleGroupDetails> {
    return this.call({ api: 'ruleGroups.details', method: 'GET', path: `${RULE_GROUPS}/${seg(groupId)}`, retry: 'idempotent', expectBody: true }, options);
  }

  /** Replaces the library (a PUT, so retried like a read); answers with the whole library. */
  updateRuleGroup(groupId: string, body: InteractionRuleGroupRequest, options?: CallOptions): Promise<InteractionRuleGroupDetails> {
    return this.call({ api: 'ruleGroups.update', method: 'PUT', path: `${RULE_GROUPS}/${seg(groupId)}`, body, retry: 'idempotent', expectBody: true }, options);
  }

  async deleteRuleGroup(groupId: string, options?: CallOptions): Promise<void> {
    await this.call({ api: 'ruleGroups.delete', method: 'DELETE', path: `${RULE_GROUPS}/${seg(groupId)}`, retry: 'unsafe', expectBody: false }, options);
  }

  // ---- livestreaming tasks (6.2) ----

  /** Goes live: a billed, public stream starts (reference 6.2.1). Never retried. */
  startLiveJob(roomId: string, body: StartLiveJobRequest, options?: CallOptions): Promise<StartLiveJobResponse> {
    return this.call({ api: 'liveJobs.start', method: 'POST', path: liveJobsPath(roomId), body, retry: 'unsafe', expectBody: true }, options);
  }

  /** A room's jobs, newest first (reference 6.2.2). */
  async listLiveJobs(roomId: string, query: ListLiveJobsQuery = {}, options?: CallOptions): Promise<ListLiveJobsResponse> {
    return this.listJobsAt(liveJobsPath(roomId), query, options);
  }

  /** The tenant's jobs in every room, newest first (reference 6.2.6). */
  async listAllLiveJobs(query: ListAllLiveJobsQuery = {}, options?: CallOptions): Promise<ListLiveJobsResponse> {
    return this.listJobsAt('/smart-live-jobs', query, options);
  }

  getLiveJob(roomId: string, jobId: string, options?: CallOptions): Promise<LiveJob> {
    return this.call({ api: 'liveJobs.details', method: 'GET', path: liveJobPath(roomId, jobId), retry: 'idempotent', expectBody: true }, options);
  }

  async stopLiveJob(roomId: string, jobId: string, options?: CallOptions): Promise<void> {
    await this.call({ api: 'liveJobs.stop', method: 'POST', path: `${liveJobPath(roomId, jobId)}/stop`, retry: 'unsafe', expectBody: false }, options);
  }

  /** A control command (reference 6.2.5); never retried, as a repeated insert would be said twice. */
  executeLiveCommand(roomId: string, jobId: string, body: LiveCommandRequest, options?: CallOptions): Promise<LiveCommandResponse> {
    return this.call({ api: 'liveJobs.command', method: 'POST', path: `${liveJobPath(roomId, jobId)}/command`, body, retry: 'unsafe', expectBody: true }, options);
  }

  /** Viewer events, as a platform reports them (reference 6.2.7); the room's rules answer them. */
  reportLiveEvents(roomId: string, jobId: string, body: LiveEventReportRequest, options?: CallOptions): Promise<{ live_event_report_url?: string }> {
    return this.call({ api: 'liveJobs.event', method: 'POST', path: `${liveJobPath(roomId, jobId)}/live-event-report`, body, retry: 'unsafe', expectBody: true }, options);
  }

  private async listJobsAt(path: string, query: ListAllLiveJobsQuery, options?: CallOptions): Promise<ListLiveJobsResponse> {
    const full = { ...query, sort_key: 'create_time', sort_dir: 'desc' };
    const result = await this.call<ListLiveJobsResponse>({
      api: 'liveJobs.list', method: 'GET', path, query: queryString(full as Record<string, QueryValue>), retry: 'idempotent', expectBody: true,
    }, options);
    return { ...result, smart_live_jobs: result.smart_live_jobs ?? [] };
  }

  // ---- TTS audition (docs/decisions/tts-preview.md) ----

  createTtsAudition(body: TtsAuditionRequest, options?: CallOptions): Promise<{ job_id: string }> {
    return this.call({ api: 'tts.create', method: 'POST', path: '/ttsc/audition', body, retry: 'unsafe', expectBody: true }, options);
  }

  getTtsAuditionFile(jobId: string, options?: CallOptions): Promise<TtsAuditionFileResponse> {
    return this.call({ api: 'tts.file', method: 'GET', path: `/ttsc/audition-file/${seg(jobId)}`, retry: 'idempotent', expectBody: true }, options);
  }

  // ---- the one way out ----

  private async call<T>(call: Call, options: CallOptions = {}): Promise<T> {
    const operation = `${call.method} ${call.path}`;
    const url = `${this.options.endpoint}/v1/${seg(this.options.projectId)}${call.path}${call.query ?? ''}`;
    const body = call.body === undefined ? undefined : JSON.stringify(call.body);
    const timeoutMs = options.timeoutMs ?? this.timeoutMs;
    for (let attempt = 1; ; attempt++) {
      await this.throttle.take(call.api, options.signal);
      const outcome = await this.attempt(call, operation, url, body, timeoutMs, options.signal);
      const retry = attempt < MAX_ATTEMPTS ? this.retryAfter(call, outcome) : undefined;
      if (retry === undefined) {
        if (outcome.kind === 'response') return this.readBody<T>(call, operation, outcome);
        throw outcome.error;
      }
      const delay = retryDelay(attempt, retry);
      this.options.logger?.warn(l10n.t('{0}: {1}; retrying in {2} s (attempt {3} of {4})',
        operation, outcome.kind === 'response' ? `HTTP ${outcome.response.status}` : outcome.error.message, (delay / 1000).toFixed(1), attempt + 1, MAX_ATTEMPTS));
      await this.clock.sleep(delay, options.signal);
    }
  }

  /** The server-requested wait (0 if none) when the outcome may be retried, else undefined. */
  private retryAfter(call: Call, outcome: Outcome): number | undefined {
    if (outcome.kind === 'network') {
      return call.retry === 'idempotent' || !outcome.error.mayHaveReachedServer ? 0 : undefined;
    }
    if (call.retry !== 'idempotent' || !isRetryableStatus(outcome.response.status)) return undefined;
    const asked = parseRetryAfter(outcome.response.headers.get('retry-after'), this.clock.now()) ?? 0;
    return asked <= MAX_RETRY_AFTER_MS ? asked : undefined;
  }

  private async attempt(call: Call, operation: string, url: string, body: string | undefined, timeoutMs: number, signal?: AbortSignal): Promise<Outcome> {
    signal?.throwIfAborted();
    const headers = authenticate(
      { method: call.method, url: new URL(url), headers: { 'Content-Type': 'application/json' }, ...(body === undefined ? {} : { body }) },
      this.options.credentials, this.options.projectId, new Date(this.clock.now()),
    );
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), timeoutMs);
    const started = this.clock.now();
    try {
      const response = await this.options.fetch(url, {
        method: call.method, headers, ...(body === undefined ? {} : { body }), redirect: 'manual',
        signal: signal ? AbortSignal.any([signal, timeout.signal]) : timeout.signal,
      });
      const headerRequestId = response.headers.get('x-request-id') ?? undefined;
      const logAnswer = (requestId: string | undefined) => this.options.logger?.debug(
        `${operation}${call.query ?? ''} -> ${response.status} in ${this.clock.now() - started} ms${requestId ? `, request id ${requestId}` : ''}`);
      if (response.status >= 300 && response.status < 400) {
        logAnswer(headerRequestId);
        await discardBody(response);
        throw new MetaStudioRedirectError(operation, response.status, originOf(response.headers.get('location'), url));
      }
      const json = parseJson(await readText(response, operation, headerRequestId));
      const requestId = (json.ok && isObject(json.value) ? stringField(json.value, 'request_id') : undefined) ?? headerRequestId;
      logAnswer(requestId);
      return { kind: 'response', response, json, requestId };
    } catch (err) {
      if (err instanceof MetaStudioError) throw err;
      if (signal?.aborted) throw signal.reason;
      if (timeout.signal.aborted) throw new MetaStudioTimeoutError(operation, timeoutMs);
      const { code, detail } = networkErrorCode(err);
      this.options.logger?.debug(`${operation} -> ${code ?? 'network error'}: ${detail}`);
      return { kind: 'network', error: new MetaStudioNetworkError(operation, code, detail, !(code && NOT_SENT_CODES.has(code))) };
    } finally {
      clearTimeout(timer);
    }
  }

  private readBody<T>(call: Call, operation: string, outcome: ResponseOutcome): T {
    const { response, json, requestId } = outcome;
    if (response.status < 200 || response.status >= 300) {
      const error = json.ok && isObject(json.value) ? json.value : {};
      throw new MetaStudioApiError(operation, response.status, stringField(error, 'error_code'), stringField(error, 'error_msg'), requestId);
    }
    if (!json.ok) throw new MetaStudioResponseError(operation, response.status, requestId, json.error);
    if (call.expectBody && !isObject(json.value)) {
      throw new MetaStudioResponseError(operation, response.status, requestId, l10n.t('expected a JSON object'));
    }
    return json.value as T;
  }
}

type Json = { ok: true; value: unknown } | { ok: false; error: string };
type ResponseOutcome = { kind: 'response'; response: FetchResponse; json: Json; requestId: string | undefined };
type Outcome = ResponseOutcome | { kind: 'network'; error: MetaStudioNetworkError };

/** The body as text; an error, and no more read, past MAX_RESPONSE_BYTES (declared or received). */
async function readText(response: FetchResponse, operation: string, requestId: string | undefined): Promise<string> {
  const tooLarge = () => new MetaStudioResponseError(operation, response.status, requestId,
    l10n.t('the answer is larger than {0} MiB, so it was not read to the end', MAX_RESPONSE_BYTES / 1024 / 1024));
  if (Number(response.headers.get('content-length')) > MAX_RESPONSE_BYTES) {
    await discardBody(response);
    throw tooLarge();
  }
  const chunks: Uint8Array[] = [];
  const { overCap } = await readBodyCapped(response.body, MAX_RESPONSE_BYTES, (chunk) => { chunks.push(chunk); });
  if (overCap) throw tooLarge();
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/** Where a redirect points, as scheme, host and port only: its path and query may carry anything. */
function originOf(location: string | null, base: string): string | undefined {
  if (!location) return undefined;
  try {
    const target = new URL(location, base);
    return target.origin === 'null' ? target.protocol : target.origin;
  } catch {
    return undefined;
  }
}

/** An empty body is no value (delete, cancel); anything else must be JSON without a key that reaches every object. */
function parseJson(text: string): Json {
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: parseUntrustedJson(text) };
  } catch (err) {
    return { ok: false, error: errorMessage(err) };
  }
}

/** Codes are strings, but a code such as 47010152 may come as a number. */
function stringField(object: Record<string, unknown>, key: string): string | undefined {
  const value = object[key];
  return (typeof value === 'string' && value !== '') || typeof value === 'number' ? String(value) : undefined;
}
