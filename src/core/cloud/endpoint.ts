/** Where MetaStudio is reached: a known region, or an endpoint URL (docs/decisions/endpoints.md). */
import { isIP } from 'node:net';
import * as l10n from '@vscode/l10n';
import { ExpectedError } from '../errors';

export const REGIONS = ['cn-north-4', 'cn-east-3'] as const;
export type Region = (typeof REGIONS)[number];
export const DEFAULT_REGION: Region = 'cn-north-4';

export class EndpointError extends ExpectedError {
  override readonly name = 'EndpointError';
}

export function isRegion(value: string): value is Region {
  return (REGIONS as readonly string[]).includes(value);
}

export function regionEndpoint(region: Region): string {
  return `https://metastudio.${region}.myhuaweicloud.com`;
}

/** The region a MetaStudio endpoint URL belongs to, if it is one of the public ones. */
export function regionOf(endpoint: string): Region | undefined {
  return REGIONS.find((r) => regionEndpoint(r) === endpoint);
}

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1';
}

/**
 * Checks an endpoint URL and returns its origin (scheme, host and port, no trailing slash).
 * `http:` is accepted for loopback hosts only, so that signed requests and tokens never travel in
 * clear text over a network.
 */
export function parseEndpointUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new EndpointError(l10n.t('The MetaStudio endpoint "{0}" is not a URL (expected e.g. https://metastudio.cn-north-4.myhuaweicloud.com).', text));
  }
  if (url.username || url.password) throw new EndpointError(l10n.t('The MetaStudio endpoint must not contain a user name or password.'));
  if (url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) {
    throw new EndpointError(l10n.t('The MetaStudio endpoint "{0}" must be an origin only (scheme, host and port), without a path or query.', url.origin));
  }
  if (url.protocol === 'https:') return url.origin;
  if (url.protocol === 'http:') {
    if (isLoopbackHost(url.hostname)) return url.origin;
    throw new EndpointError(l10n.t('Plain http is allowed only for loopback endpoints (127.0.0.0/8, ::1, localhost); use https for {0}.', url.host));
  }
  throw new EndpointError(l10n.t('The MetaStudio endpoint must use https (or http on a loopback address), not {0}', url.protocol));
}

/** The endpoint URL for an explicit endpoint, else the region (default cn-north-4). */
export function resolveEndpoint(options: { endpoint?: string; region?: string }): string {
  if (options.endpoint) return parseEndpointUrl(options.endpoint);
  const region = options.region ?? DEFAULT_REGION;
  if (!isRegion(region)) {
    throw new EndpointError(l10n.t('Unknown MetaStudio region "{0}": use {1}, or give an endpoint URL for any other region.', region, REGIONS.join(' or ')));
  }
  return regionEndpoint(region);
}
