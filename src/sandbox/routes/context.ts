/** What a route handler gets and returns, and the helpers the handlers share. */
import { randomUUID } from 'node:crypto';
import { parseUntrustedJson, UnsafeJsonKeyError } from '../../core/json';
import { ApiError } from '../errors';
import type { FileRecord, Json, JsonObject } from '../model';
import type { SandboxStore } from '../store';
import { findProblem, known, type Spec } from '../validate';

export interface Timings {
  /** How long a video job stays WAITING, then PROCESSING. */
  readonly jobStepMs: number;
  /** How long a TTS audition takes before its files are complete. */
  readonly ttsDelayMs: number;
  /** How long an uploaded asset stays CREATING (under review) once its main file is confirmed. */
  readonly assetReviewMs: number;
}

export interface RequestContext {
  readonly projectId: string;
  /** The path's captures after the project ID. */
  readonly params: readonly string[];
  readonly query: URLSearchParams;
  readonly bodyText: string;
  readonly now: number;
  readonly store: SandboxStore;
  readonly timings: Timings;
  /** A pre-signed download URL of a file served by the sandbox, valid for `ttlMs`. */
  readonly fileUrl: (file: FileRecord, ttlMs: number) => string;
  /** A pre-signed PUT URL of an announced file or a scene's audio, valid for `ttlMs`. */
  readonly uploadUrl: (fileId: string, ttlMs: number) => string;
  /** Drops the uploaded bytes of a file. */
  readonly forgetUpload: (fileId: string) => void;
  /** Where the sandbox serves the API path `path` (after `/v1/{project_id}`) of this project. */
  readonly apiUrl: (path: string) => string;
}

/** How long the sandbox's asset, cover and video URLs stay valid (TTS audio URLs: one hour). */
export const DAY_URL_TTL_MS = 24 * 3600_000;

export interface Reply {
  readonly status: number;
  /** No body when undefined. */
  readonly body?: Json;
}

export type Handler = (ctx: RequestContext) => Reply;

export interface Route {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Matched against the path after `/v1/{project_id}`. */
  readonly pattern: RegExp;
  readonly handler: Handler;
  /** TTS errors use their own codes and carry `request_id` (reference 9.1). */
  readonly tts?: boolean;
}

export const ok = (body?: Json): Reply => ({ status: 200, body });

/**
 * The parsed body, checked against `spec`, with only the fields `spec` knows; `fail` turns a
 * problem into the endpoint's error.
 */
export function readBody(ctx: RequestContext, spec: Spec, fail: (detail: string) => ApiError): JsonObject {
  let body: unknown;
  try {
    body = parseUntrustedJson(ctx.bodyText); // what is stored must load again after a restart
  } catch (err) {
    throw fail(err instanceof UnsafeJsonKeyError ? err.message : 'the request body is not valid JSON');
  }
  const problem = findProblem(body, spec);
  if (problem) throw fail(problem);
  return known(body, spec) as JsonObject;
}

/**
 * `offset`/`limit` paging. Neither the reference nor the SDK states a range or a default page size:
 * both are whole numbers, and without `limit` the rest of the list is one page.
 */
export function page<T>(items: readonly T[], query: URLSearchParams, fail: (detail: string) => ApiError): T[] {
  const offset = countParam(query, 'offset', fail) ?? 0;
  const limit = countParam(query, 'limit', fail);
  return items.slice(offset, limit === undefined ? undefined : offset + limit);
}

function countParam(query: URLSearchParams, name: string, fail: (detail: string) => ApiError): number | undefined {
  const raw = query.get(name);
  if (raw === null || raw === '') return undefined;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value)) throw fail(`${name} must be a whole number`);
  return value;
}

/** Records in creation order, as the lists without sort parameters answer them. */
export function byCreateTime<T extends { create_time: string }>(items: T[]): T[] {
  return items.sort((a, b) => a.create_time.localeCompare(b.create_time));
}

/**
 * Sorted as `sort_key` and `sort_dir` ask (the asset and job lists): by `create_time` (default),
 * `update_time` or `asset_order`, which the sandbox keeps as the creation order; ascending by
 * default, as the API does.
 */
export function sortRecords<T extends { create_time: string; update_time: string }>(items: T[], query: URLSearchParams, fail: (detail: string) => ApiError): T[] {
  const key = query.get('sort_key') ?? 'create_time';
  if (key !== 'create_time' && key !== 'update_time' && key !== 'asset_order') throw fail('sort_key must be create_time, update_time or asset_order');
  const dir = query.get('sort_dir') ?? 'asc';
  if (dir !== 'asc' && dir !== 'desc') throw fail('sort_dir must be asc or desc');
  // A stable ascending sort, reversed, keeps the later of two same-second records first.
  const ascending = key === 'update_time' ? items.sort((a, b) => a.update_time.localeCompare(b.update_time)) : byCreateTime(items);
  return dir === 'asc' ? ascending : ascending.reverse();
}

/** An RFC 3339 time filter in epoch ms, or undefined when absent. */
export function timeParam(query: URLSearchParams, name: string, fail: (detail: string) => ApiError): number | undefined {
  const raw = query.get(name);
  if (raw === null) return undefined;
  const ms = Date.parse(raw);
  if (Number.isNaN(ms)) throw fail(`${name} must be an RFC 3339 time`);
  return ms;
}

/** Comma-separated values of a filter, or undefined when absent. */
export function listParam(query: URLSearchParams, name: string): string[] | undefined {
  const values = query.getAll(name).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  return values.length ? values : undefined;
}

export function includesFold(text: string | undefined, needle: string): boolean {
  return (text ?? '').toLowerCase().includes(needle.toLowerCase());
}

export function newId(): string {
  return randomUUID().replace(/-/g, '');
}
