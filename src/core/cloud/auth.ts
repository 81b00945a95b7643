/** The credential kinds MetaStudio accepts, and the headers each puts on a request. */
import { signRequest } from './signer';

export type Credentials =
  /** Permanent AK/SK, or temporary AK/SK with its security token. */
  | { readonly kind: 'aksk'; readonly ak: string; readonly sk: string; readonly securityToken?: string }
  /** An IAM user token (the `X-Subject-Token` IAM returned). */
  | { readonly kind: 'token'; readonly token: string };

export interface UnsignedRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

/**
 * The request's headers with authentication added: AK/SK calls carry `X-Project-Id` (and
 * `X-Security-Token` for temporary keys), all signed; token calls carry `X-Auth-Token` only.
 */
export function authenticate(request: UnsignedRequest, credentials: Credentials, projectId: string, now: Date): Record<string, string> {
  if (credentials.kind === 'token') return { ...request.headers, 'X-Auth-Token': credentials.token };
  const headers: Record<string, string> = { ...request.headers, 'X-Project-Id': projectId };
  if (credentials.securityToken) headers['X-Security-Token'] = credentials.securityToken;
  return { ...headers, ...signRequest({ ...request, headers }, credentials, now) };
}
