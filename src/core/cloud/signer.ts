/**
 * Huawei Cloud AK/SK request signing, `SDK-HMAC-SHA256` (docs/decisions/request-signing.md): the canonical request
 * is method, URI path (each segment percent-encoded, trailing `/`), sorted query string, sorted
 * lower-cased headers, the signed header list and the hex SHA-256 of the body.
 */
import { createHash, createHmac } from 'node:crypto';

export const SIGNING_ALGORITHM = 'SDK-HMAC-SHA256';

export interface SignableRequest {
  readonly method: string;
  /** The full URL as sent; its query string is part of the signature. */
  readonly url: URL;
  /** Headers to sign (besides `host` and `x-sdk-date`, which the signer adds). */
  readonly headers: Readonly<Record<string, string>>;
  /** The body bytes as sent (a string is taken as UTF-8). */
  readonly body?: string | Uint8Array;
}

export interface AccessKeyPair {
  readonly ak: string;
  readonly sk: string;
}

/** `YYYYMMDDTHHMMSSZ` in UTC. */
export function formatSdkDate(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

/** RFC 3986 percent-encoding of UTF-8: everything but `A-Z a-z 0-9 - _ . ~`. */
export function percentEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function canonicalUri(pathname: string): string {
  const encoded = pathname.split('/').map(percentEncode).join('/');
  return encoded.endsWith('/') ? encoded : `${encoded}/`;
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function canonicalQuery(url: URL): string {
  return [...url.searchParams]
    .sort(([ka, va], [kb, vb]) => compareCodeUnits(ka, kb) || compareCodeUnits(va, vb))
    .map(([key, value]) => `${percentEncode(key)}=${percentEncode(value)}`)
    .join('&');
}

function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * Returns the headers to add to the request: `X-Sdk-Date` and `Authorization`. Every header in
 * `request.headers` is signed, plus `host` (from the URL, without a default port).
 */
export function signRequest(request: SignableRequest, key: AccessKeyPair, date: Date): { 'X-Sdk-Date': string; Authorization: string } {
  const sdkDate = formatSdkDate(date);
  const headers = new Map<string, string>();
  for (const [name, value] of Object.entries(request.headers)) headers.set(name.toLowerCase(), value.trim());
  headers.set('host', request.url.host);
  headers.set('x-sdk-date', sdkDate);
  const names = [...headers.keys()].sort(compareCodeUnits);
  const signedHeaders = names.join(';');
  const canonicalRequest = [
    request.method.toUpperCase(),
    canonicalUri(request.url.pathname),
    canonicalQuery(request.url),
    names.map((name) => `${name}:${headers.get(name)}\n`).join(''),
    signedHeaders,
    sha256Hex(request.body ?? ''),
  ].join('\n');
  const stringToSign = [SIGNING_ALGORITHM, sdkDate, sha256Hex(canonicalRequest)].join('\n');
  const signature = createHmac('sha256', key.sk).update(stringToSign).digest('hex');
  return {
    'X-Sdk-Date': sdkDate,
    Authorization: `${SIGNING_ALGORITHM} Access=${key.ak}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
  };
}
