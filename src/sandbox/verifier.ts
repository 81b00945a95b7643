/**
 * Server-side check of an `SDK-HMAC-SHA256` signature (docs/decisions/request-signing.md), written independently of
 * the client's signer so that each proves the other. The canonical request is:
 * method, URI path (each raw segment percent-encoded, trailing `/`), query string (decoded
 * parameters sorted by name, repeated values sorted, re-encoded), `name:value` lines of the signed
 * headers, the signed header list, and the hex SHA-256 of the body.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNING_ALGORITHM = 'SDK-HMAC-SHA256';
/** The cloud refuses a request whose `X-Sdk-Date` is further than this from its clock. */
export const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

export interface SignedRequest {
  readonly method: string;
  /** The path exactly as sent on the request line, without the query. */
  readonly rawPath: string;
  /** The query exactly as sent, without `?`. */
  readonly rawQuery: string;
  /** Lower-cased names, as Node's `IncomingMessage.headers`. */
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: Uint8Array;
}

export interface VerifierKeys {
  readonly ak: string;
  readonly sk: string;
}

export type VerifyResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: string; readonly canonicalRequest?: string };

interface Authorization {
  readonly access: string;
  readonly signedHeaders: string[];
  readonly signature: string;
}

export function verifySignature(request: SignedRequest, keys: VerifierKeys, nowMs: number): VerifyResult {
  const auth = parseAuthorization(header(request.headers, 'authorization'));
  if (typeof auth === 'string') return { ok: false, reason: auth };
  if (auth.access !== keys.ak) return { ok: false, reason: 'unknown access key' };

  const date = header(request.headers, 'x-sdk-date');
  if (date === undefined) return { ok: false, reason: 'missing X-Sdk-Date header' };
  const dateMs = parseSdkDate(date);
  if (dateMs === undefined) return { ok: false, reason: 'X-Sdk-Date is not in the format YYYYMMDDTHHMMSSZ' };
  if (Math.abs(nowMs - dateMs) > MAX_CLOCK_SKEW_MS) {
    return { ok: false, reason: 'X-Sdk-Date is more than 15 minutes away from the server time' };
  }
  for (const required of ['host', 'x-sdk-date']) {
    if (!auth.signedHeaders.includes(required)) return { ok: false, reason: `SignedHeaders must include ${required}` };
  }
  for (const name of auth.signedHeaders) {
    if (header(request.headers, name) === undefined) return { ok: false, reason: `signed header ${name} is missing` };
  }

  const bodyHash = sha256Hex(request.body);
  const declaredHash = header(request.headers, 'x-sdk-content-sha256');
  if (declaredHash !== undefined && declaredHash !== 'UNSIGNED-PAYLOAD' && declaredHash !== bodyHash) {
    return { ok: false, reason: 'the body does not match X-Sdk-Content-Sha256' };
  }

  let canonical: string;
  try {
    canonical = canonicalRequest(request, auth.signedHeaders, declaredHash ?? bodyHash);
  } catch {
    return { ok: false, reason: 'the request URI is not valid percent-encoded UTF-8' };
  }
  const stringToSign = [SIGNING_ALGORITHM, date, sha256Hex(canonical)].join('\n');
  const expected = createHmac('sha256', keys.sk).update(stringToSign).digest('hex');
  if (!constantTimeEqual(expected, auth.signature)) {
    return { ok: false, reason: 'signature mismatch', canonicalRequest: canonical };
  }
  return { ok: true };
}

function canonicalRequest(request: SignedRequest, signedHeaders: readonly string[], payloadHash: string): string {
  const headerLines = signedHeaders.map((name) => `${name}:${header(request.headers, name) ?? ''}\n`).join('');
  return [
    request.method.toUpperCase(),
    canonicalUri(request.rawPath),
    canonicalQuery(request.rawQuery),
    headerLines,
    signedHeaders.join(';'),
    payloadHash,
  ].join('\n');
}

function canonicalUri(rawPath: string): string {
  const encoded = rawPath.split('/').map(encodeRfc3986).join('/');
  return encoded.endsWith('/') ? encoded : `${encoded}/`;
}

function canonicalQuery(rawQuery: string): string {
  const values = new Map<string, string[]>();
  for (const part of rawQuery.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const name = formDecode(eq < 0 ? part : part.slice(0, eq));
    const value = eq < 0 ? '' : formDecode(part.slice(eq + 1));
    values.set(name, [...(values.get(name) ?? []), value]);
  }
  return [...values.keys()]
    .sort()
    .flatMap((name) => values.get(name)!.sort().map((value) => `${encodeRfc3986(name)}=${encodeRfc3986(value)}`))
    .join('&');
}

/** Percent-encodes everything but the RFC 3986 unreserved characters, over UTF-8. */
function encodeRfc3986(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function formDecode(text: string): string {
  return decodeURIComponent(text.replace(/\+/g, ' '));
}

function parseAuthorization(value: string | undefined): Authorization | string {
  if (value === undefined) return 'missing Authorization header';
  const prefix = `${SIGNING_ALGORITHM} `;
  if (!value.startsWith(prefix)) return `Authorization must use ${SIGNING_ALGORITHM}`;
  const fields = new Map<string, string>();
  for (const part of value.slice(prefix.length).split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const access = fields.get('Access');
  const signedHeaders = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (!access || !signedHeaders || !signature) return 'Authorization needs Access, SignedHeaders and Signature';
  return { access, signedHeaders: signedHeaders.split(';'), signature };
}

function parseSdkDate(value: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number);
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

function header(headers: SignedRequest['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
