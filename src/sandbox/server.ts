/**
 * The sandbox's HTTP handling: request log, `X-Request-Id` on every answer, injected faults,
 * authentication, routing to the API handlers, pre-signed file downloads and uploads, and the
 * unsigned `/_sandbox/*` admin endpoints.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerOptions, ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { errorMessage } from '../core/errors';
import { ApiError, errorBody, unauthorized } from './errors';
import { DEFAULT_SLOW_MS, FaultQueue, parseFaultSpec, type FaultSpec } from './faults';
import { CONTENT_TYPES } from './media';
import type { FileRecord, Json } from './model';
import { advanceAssets, assetRoutes } from './routes/assets';
import type { RequestContext, Route, Timings } from './routes/context';
import { fileRoutes } from './routes/files';
import { advanceLiveJobs, liveJobRoutes } from './routes/liveJobs';
import { liveRoomRoutes } from './routes/liveRooms';
import { ruleGroupRoutes } from './routes/ruleGroups';
import { ttsRoutes } from './routes/tts';
import { advanceJobs, videoJobRoutes } from './routes/videoJobs';
import { videoScriptRoutes } from './routes/videoScripts';
import type { SandboxStore, StateWriter } from './store';
import { drain, obsError, UPLOADS_PREFIX, type UploadFolder } from './uploads';
import { constantTimeEqual, verifySignature } from './verifier';

const ROUTES: readonly Route[] = [
  ...assetRoutes, ...fileRoutes, ...videoScriptRoutes, ...videoJobRoutes, ...liveRoomRoutes, ...liveJobRoutes, ...ruleGroupRoutes, ...ttsRoutes,
];
/** AK/SK requests are limited to 12 MB bodies (reference 3.2). */
const MAX_BODY_BYTES = 12 * 1024 * 1024;
const FILES_PREFIX = '/_sandbox/files/';
/** The request log keeps the latest entries only, so a long-running sandbox does not grow without end. */
const MAX_LOGGED_REQUESTS = 10_000;

/** How long a client may take to send a request's headers, and the whole request with its body. */
export interface HttpTimeouts {
  readonly headersMs: number;
  readonly requestMs: number;
}

/** Generous for a client on the same computer; a client that trickles bytes (slowloris) is dropped. */
export const DEFAULT_HTTP_TIMEOUTS: HttpTimeouts = { headersMs: 10_000, requestMs: 30_000 };

/** Node's HTTP server answers 408 and closes a connection past these; it checks at least every second. */
export function httpServerOptions(timeouts: HttpTimeouts): ServerOptions {
  return {
    headersTimeout: timeouts.headersMs,
    requestTimeout: timeouts.requestMs,
    connectionsCheckingInterval: Math.min(1000, timeouts.headersMs / 4),
  };
}

export interface LoggedRequest {
  readonly method: string;
  readonly path: string;
  /** The raw query string, without `?`; empty for a file download or upload (see `loggedQuery`). */
  readonly query: string;
  /** 0 when the connection was dropped on purpose. */
  readonly status: number;
}

export interface ServerConfig {
  readonly ak: string;
  readonly sk: string;
  readonly token?: string;
  readonly timings: Timings;
  readonly now: () => number;
  readonly log: (line: string) => void;
  readonly store: SandboxStore;
  readonly writer?: StateWriter;
  /** Where uploaded bytes go. */
  readonly uploads: UploadFolder;
  /** Aborted when the sandbox closes, to end slow answers. */
  readonly closing: AbortSignal;
}

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  /** Why a request was refused, for the log only. */
  note?: string;
  /** Sent instead of `body`: a file of this size, streamed (uploaded bytes, however large). */
  file?: { readonly path: string; readonly size: number };
}

const jsonAnswer = (status: number, body: Json | undefined): Answer => body === undefined
  ? { status, headers: {}, body: Buffer.alloc(0) }
  : { status, headers: { 'Content-Type': 'application/json;charset=UTF-8' }, body: Buffer.from(JSON.stringify(body)) };

const errorAnswer = (error: ApiError, requestId: string): Answer => jsonAnswer(error.status, errorBody(error, requestId));

export class SandboxServer {
  readonly faults = new FaultQueue();
  private log: LoggedRequest[] = [];
  private baseUrl = '';

  constructor(private readonly config: ServerConfig) {}

  get requests(): ReadonlyArray<LoggedRequest> {
    return this.log;
  }

  listeningAt(url: string): void {
    this.baseUrl = url;
  }

  readonly handle = (req: IncomingMessage, res: ServerResponse): void => {
    this.serve(req, res).catch((err: unknown) => {
      this.config.log(`sandbox: ${errorMessage(err)}`);
      if (!res.headersSent) res.writeHead(500).end();
    });
  };

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = Date.now();
    const requestId = randomUUID();
    const method = (req.method ?? 'GET').toUpperCase();
    const target = req.url ?? '/';
    const q = target.indexOf('?');
    const rawPath = q < 0 ? target : target.slice(0, q);
    const rawQuery = q < 0 ? '' : target.slice(q + 1);
    if (rawPath.startsWith(UPLOADS_PREFIX)) {
      await this.serveUpload(req, res, method, rawPath, rawQuery, requestId, started);
      return;
    }
    const body = await readBody(req);

    if (rawPath.startsWith('/_sandbox/') && !rawPath.startsWith(FILES_PREFIX)) {
      send(res, this.admin(method, rawPath, body), requestId);
      return;
    }
    const fault = this.faults.take(method, rawPath);
    if (fault?.kind === 'slow') {
      try {
        await delay(fault.delayMs ?? DEFAULT_SLOW_MS, undefined, { signal: this.config.closing });
      } catch {
        req.socket.destroy();
        return;
      }
    }
    let answer = fault && /^\d+$/.test(fault.kind)
      ? faultAnswer(fault, requestId)
      : body === undefined
        ? errorAnswer(new ApiError(413, 'MSS.00000003', 'Invalid parameter: the body is larger than 12 MB'), requestId)
        : await this.dispatch(method, rawPath, rawQuery, req.headers, body, requestId);
    if (fault?.kind === 'malformed-json') answer = truncate(answer);

    this.record(method, rawPath, rawQuery, fault?.kind === 'drop' ? 0 : answer.status, started, fault, answer.note);
    if (fault?.kind === 'drop') {
      req.socket.destroy();
      return;
    }
    send(res, answer, requestId);
  }

  /** Logs a request: in the request log and as one line. */
  private record(method: string, rawPath: string, rawQuery: string, status: number, started: number, fault: FaultSpec | undefined, note: string | undefined): void {
    const query = loggedQuery(rawPath, rawQuery);
    this.log.push({ method, path: rawPath, query, status });
    if (this.log.length > MAX_LOGGED_REQUESTS) this.log.splice(0, this.log.length - MAX_LOGGED_REQUESTS);
    const why = fault ? ` [fault ${fault.kind}]` : note ? ` (${note})` : '';
    this.config.log(`${method} ${rawPath}${query ? `?${query}` : ''} -> ${status || 'dropped'} in ${Date.now() - started} ms${why}`);
  }

  /** A PUT to an upload URL: streamed to the upload folder, with the faults of uploads (a status, `bad-digest`, `slow`, `drop`). */
  private async serveUpload(
    req: IncomingMessage, res: ServerResponse, method: string, rawPath: string, rawQuery: string, requestId: string, started: number,
  ): Promise<void> {
    const fault = this.faults.take(method, rawPath);
    let answer: Answer | undefined;
    if (fault && /^\d+$/.test(fault.kind)) {
      await drain(req);
      answer = faultAnswer(fault, requestId);
    } else {
      answer = await this.config.uploads.receive(req, method, rawPath, rawQuery, fault?.kind === 'bad-digest');
    }
    if (answer && fault?.kind === 'slow') {
      try {
        await delay(fault.delayMs ?? DEFAULT_SLOW_MS, undefined, { signal: this.config.closing });
      } catch {
        answer = undefined;
      }
    }
    if (answer?.status === 200 && this.config.writer) {
      try {
        await this.config.writer.save(); // acknowledged means on disk
      } catch (err) {
        answer = obsError(500, 'InternalError', `could not save state: ${errorMessage(err)}`);
      }
    }
    const status = answer && fault?.kind !== 'drop' ? answer.status : 0;
    this.record(method, rawPath, rawQuery, status, started, fault, answer?.note);
    if (status === 0) {
      req.socket.destroy();
      return;
    }
    send(res, { ...answer!, headers: { ...answer!.headers, 'x-obs-request-id': requestId } }, requestId);
  }

  private async dispatch(
    method: string, rawPath: string, rawQuery: string, headers: IncomingMessage['headers'], body: Buffer, requestId: string,
  ): Promise<Answer> {
    if (rawPath.startsWith(FILES_PREFIX)) return this.download(method, rawPath, rawQuery);
    const match = /^\/v1\/([^/]+)(\/.*)$/.exec(rawPath);
    const route = match && ROUTES.find((r) => r.method === method && r.pattern.test(match[2]));
    if (!match || !route) {
      return errorAnswer(new ApiError(404, 'APIG.0101', 'The API does not exist or has not been published in the environment.'), requestId);
    }
    const refusal = this.authenticate(method, rawPath, rawQuery, headers, body, route);
    if (refusal) return { ...errorAnswer(refusal, requestId), note: refusal.message };
    const projectId = safeDecode(match[1]);
    const declaredProject = headers['x-project-id'];
    if (declaredProject !== undefined && declaredProject !== projectId) {
      return errorAnswer(new ApiError(403, 'MSS.00020006', 'projectid not match'), requestId);
    }

    const { store, timings, writer } = this.config;
    const now = this.config.now();
    const advanced = [advanceJobs(store, now, timings.jobStepMs), advanceLiveJobs(store, now, timings.jobStepMs), advanceAssets(store, now)].some(Boolean);
    const ctx: RequestContext = {
      projectId,
      params: route.pattern.exec(match[2])!.slice(1).map(safeDecode),
      query: new URLSearchParams(rawQuery),
      bodyText: body.toString('utf8'),
      now,
      store,
      timings,
      fileUrl: (file, ttlMs) => this.fileUrl(file, now + ttlMs),
      uploadUrl: (fileId, ttlMs) => this.config.uploads.url(this.baseUrl, fileId, ttlMs),
      forgetUpload: (fileId) => this.config.uploads.forget(fileId),
      apiUrl: (path) => `${this.baseUrl}/v1/${match[1]}${path}`,
    };
    let answer: Answer;
    try {
      const reply = route.handler(ctx);
      answer = jsonAnswer(reply.status, reply.body);
    } catch (err) {
      if (!(err instanceof ApiError)) this.config.log(`sandbox: ${method} ${rawPath} failed: ${err instanceof Error ? err.stack : String(err)}`);
      const error = err instanceof ApiError ? err : internalError(route);
      answer = { ...errorAnswer(error, requestId), note: error.message };
    }
    if (writer && (advanced || (method !== 'GET' && answer.status < 400))) {
      try {
        await writer.save(); // acknowledged means on disk
      } catch (err) {
        const reason = `could not save state: ${errorMessage(err)}`;
        this.config.log(`sandbox: ${reason}`);
        answer = { ...errorAnswer(internalError(route), requestId), note: reason };
      }
    }
    return answer;
  }

  private authenticate(
    method: string, rawPath: string, rawQuery: string, headers: IncomingMessage['headers'], body: Buffer, route: Route,
  ): ApiError | undefined {
    // The TTS tables list no 401: "invalid access" is one of their 400 codes (reference 9.1, 9.2).
    const refuse = (reason: string) => route.tts
      ? new ApiError(400, 'MSS.000000004', `invalid access. The access is not authenticated or fails to be authenticated: ${reason}`, true)
      : unauthorized(reason);
    const token = headers['x-auth-token'];
    if (token !== undefined && headers.authorization === undefined) {
      return this.config.token !== undefined && constantTimeEqual(String(token), this.config.token) ? undefined : refuse('invalid X-Auth-Token');
    }
    const result = verifySignature({ method, rawPath, rawQuery, headers, body }, this.config, this.config.now());
    if (result.ok) return undefined;
    if (result.canonicalRequest !== undefined) {
      const shown = result.canonicalRequest.replace(/^(x-security-token|x-auth-token):.*$/gm, '$1:<redacted>');
      this.config.log(`sandbox: signature mismatch; canonical request was ${JSON.stringify(shown)}`);
    }
    return refuse(result.reason);
  }

  /** Download URLs are pre-signed like OBS ones: `Expires` (epoch seconds) and an HMAC of the file ID and expiry. */
  private fileUrl(file: FileRecord, expiresMs: number): string {
    const expires = Math.floor(expiresMs / 1000);
    const name = encodeURIComponent(file.file_name);
    return `${this.baseUrl}${FILES_PREFIX}${file.file_id}/${name}?Expires=${expires}&Signature=${this.fileSignature(file.file_id, expires)}`;
  }

  private fileSignature(fileId: string, expires: number): string {
    return createHmac('sha256', this.config.sk).update(`${fileId}\n${expires}`).digest('base64url');
  }

  private download(method: string, rawPath: string, rawQuery: string): Answer {
    if (method !== 'GET' && method !== 'HEAD') return obsError(405, 'MethodNotAllowed', 'The specified method is not allowed.');
    const fileId = rawPath.slice(FILES_PREFIX.length).split('/')[0];
    const file = this.config.store.file(fileId);
    const query = new URLSearchParams(rawQuery);
    const expires = Number(query.get('Expires'));
    const signature = query.get('Signature') ?? '';
    if (!file) return obsError(404, 'NoSuchKey', 'The specified key does not exist.');
    if (!Number.isInteger(expires) || !constantTimeEqual(signature, this.fileSignature(fileId, expires))) {
      return obsError(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.');
    }
    if (expires * 1000 < this.config.now()) return obsError(403, 'AccessDenied', 'Request has expired.');
    if (file.recipe.kind === 'stored') {
      return {
        status: 200,
        headers: { 'Content-Type': CONTENT_TYPES[file.file_type] ?? 'application/octet-stream' },
        body: Buffer.alloc(0),
        file: { path: this.config.uploads.path(fileId), size: file.recipe.size }, // Node leaves it out of a HEAD answer
      };
    }
    const content = this.config.store.content(file);
    return {
      status: 200,
      headers: { 'Content-Type': CONTENT_TYPES[file.file_type] ?? 'application/octet-stream', 'Content-Length': String(content.length) },
      body: content, // Node leaves it out of a HEAD answer
    };
  }

  private admin(method: string, rawPath: string, body: Buffer | undefined): Answer {
    const key = `${method} ${rawPath}`;
    if (key === 'GET /_sandbox/requests') return jsonAnswer(200, this.log as unknown as Json);
    if (key === 'DELETE /_sandbox/requests') {
      this.log = [];
      return jsonAnswer(200, []);
    }
    if (key === 'DELETE /_sandbox/faults') {
      this.faults.clear();
      return jsonAnswer(200, { faults: [] });
    }
    if (key === 'POST /_sandbox/faults') {
      let spec: FaultSpec;
      try {
        spec = parseFaultSpec(JSON.parse(body?.toString('utf8') ?? ''));
      } catch (err) {
        return jsonAnswer(400, { error: errorMessage(err) });
      }
      this.faults.add(spec);
      return jsonAnswer(200, { faults: this.faults.list() as unknown as Json });
    }
    return jsonAnswer(404, { error: `no sandbox admin endpoint ${key}` });
  }
}

/** The query as both logs show it: a download or upload URL's query is its pre-signed capability (`Signature`), left out. */
function loggedQuery(rawPath: string, rawQuery: string): string {
  return rawPath.startsWith(FILES_PREFIX) || rawPath.startsWith(UPLOADS_PREFIX) ? '' : rawQuery;
}

function internalError(route: Route): ApiError {
  return route.tts ? new ApiError(500, 'MSS.000000002', 'internal error', true) : new ApiError(500, 'MSS.00000004', 'Internal Error');
}

function faultAnswer(fault: FaultSpec, requestId: string): Answer {
  const answer = fault.kind === '502' || fault.kind === '504'
    ? {
      status: Number(fault.kind),
      headers: { 'Content-Type': 'text/html' },
      body: Buffer.from(`<html><head><title>${fault.kind === '502' ? '502 Bad Gateway' : '504 Gateway Time-out'}</title></head><body></body></html>`),
    }
    : errorAnswer(
      fault.kind === '429' ? new ApiError(429, 'MSS.47010004', 'Request too frequently.')
        : fault.kind === '503' ? new ApiError(503, 'MSS.00020008', 'service unavailable')
          : new ApiError(500, 'MSS.00000004', 'Internal Error'),
      requestId,
    );
  if (fault.retryAfterSeconds !== undefined) answer.headers['Retry-After'] = String(fault.retryAfterSeconds);
  return answer;
}

function truncate(answer: Answer): Answer {
  const text = answer.body.length > 0 ? answer.body.toString('utf8') : '{"';
  return {
    ...answer,
    headers: { ...answer.headers, 'Content-Type': 'application/json;charset=UTF-8' },
    body: Buffer.from(text.slice(0, Math.max(2, Math.floor(text.length / 2)))),
  };
}

function send(res: ServerResponse, answer: Answer, requestId: string): void {
  res.writeHead(answer.status, { ...answer.headers, 'X-Request-Id': requestId, 'Content-Length': String(answer.file?.size ?? answer.body.length) });
  if (!answer.file) {
    res.end(answer.body);
    return;
  }
  createReadStream(answer.file.path).on('error', () => res.destroy()).pipe(res);
}

/** The body, or undefined when it is over the size limit. */
async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk as Buffer);
  }
  return size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
