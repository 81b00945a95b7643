/**
 * Faults a test asks the sandbox to inject into its next matching requests: error statuses as the
 * cloud or its gateway sends them, slow answers, dropped connections, truncated JSON and uploads
 * whose bytes arrive damaged.
 */
import { isObject } from '../core/json';

const FAULT_KINDS = ['429', '500', '502', '503', '504', 'slow', 'drop', 'malformed-json', 'bad-digest'] as const;
type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultSpec {
  /** Only requests with this method (any when absent). */
  readonly method?: string;
  /** A regular expression (source text) the request path must match (any when absent). */
  readonly pathPattern?: string;
  /**
   * - `429`, `500`, `503`: an MSS error body; `502`, `504`: a gateway's HTML page. The request is not handled.
   * - `slow`: the request is handled after `delayMs` (default 5000).
   * - `drop`: the request IS handled (a create happens), then the connection is destroyed unanswered.
   * - `malformed-json`: the request is handled and the answer's JSON is cut in half.
   * - `bad-digest`: an upload (`PUT /_sandbox/uploads/…`) is received, then refused as OBS refuses
   *   bytes that do not match their `Content-MD5` (400 BadDigest), as if damaged on the way.
   */
  readonly kind: FaultKind;
  /** How many matching requests get the fault (default 1). */
  readonly count?: number;
  /** Sent as `Retry-After` with the status kinds. */
  readonly retryAfterSeconds?: number;
  readonly delayMs?: number;
}

export const DEFAULT_SLOW_MS = 5000;

/** Checks a fault that came as JSON (the admin endpoint); throws a readable error. */
export function parseFaultSpec(value: unknown): FaultSpec {
  if (!isObject(value)) throw new Error('a fault must be a JSON object');
  const spec = value;
  if (!FAULT_KINDS.includes(spec.kind as FaultKind)) throw new Error(`kind must be one of ${FAULT_KINDS.join(', ')}`);
  for (const name of ['method', 'pathPattern']) {
    if (spec[name] !== undefined && typeof spec[name] !== 'string') throw new Error(`${name} must be a string`);
  }
  for (const name of ['count', 'retryAfterSeconds', 'delayMs']) {
    const n = spec[name];
    if (n !== undefined && (typeof n !== 'number' || !Number.isInteger(n) || n < 0)) throw new Error(`${name} must be a non-negative integer`);
  }
  if (typeof spec.pathPattern === 'string') new RegExp(spec.pathPattern); // throws on a bad pattern
  return spec as unknown as FaultSpec;
}

interface Armed {
  readonly spec: FaultSpec;
  readonly pattern?: RegExp;
  remaining: number;
}

export class FaultQueue {
  private armed: Armed[] = [];

  add(spec: FaultSpec): void {
    const pattern = spec.pathPattern === undefined ? undefined : new RegExp(spec.pathPattern);
    this.armed.push({ spec, pattern, remaining: spec.count ?? 1 });
  }

  clear(): void {
    this.armed = [];
  }

  /** The first armed fault matching the request, used up once. */
  take(method: string, path: string): FaultSpec | undefined {
    const hit = this.armed.find((a) =>
      (a.spec.method === undefined || a.spec.method.toUpperCase() === method) && (a.pattern === undefined || a.pattern.test(path)));
    if (!hit) return undefined;
    hit.remaining -= 1;
    this.armed = this.armed.filter((a) => a.remaining > 0);
    return hit.spec;
  }

  list(): FaultSpec[] {
    return this.armed.map((a) => ({ ...a.spec, count: a.remaining }));
  }
}
