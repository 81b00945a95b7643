/**
 * What can go wrong with a MetaStudio call, one class per kind so that callers can tell them
 * apart. Messages are one line and never carry a credential (the client never passes headers in).
 * Cancellation is not one of these: an aborted call rejects with the signal's `AbortError`.
 */
import * as l10n from '@vscode/l10n';
import { ExpectedError, oneLine } from '../errors';
import { displayText } from '../text/displayText';

/** Longest text from the server or the network a message quotes. */
const MAX_DETAIL = 300;

export abstract class MetaStudioError extends ExpectedError {
  /** `GET /v1/{project_id}/digital-assets`-style description of the call. */
  abstract readonly operation: string;
}

/** The API answered with an HTTP error status (docs/decisions/api-errors.md). */
export class MetaStudioApiError extends MetaStudioError {
  override readonly name = 'MetaStudioApiError';
  constructor(
    readonly operation: string,
    readonly status: number,
    code: string | undefined,
    /** The answer's `error_msg`. */
    readonly errorMsg: string | undefined,
    requestId: string | undefined,
  ) {
    super(apiErrorMessage(operation, status, code, errorMsg, requestId), { code, requestId });
  }
}

function apiErrorMessage(operation: string, status: number, code?: string, msg?: string, requestId?: string): string {
  const where = requestId ? l10n.t('HTTP {0}, request id {1}', status, displayText(requestId)) : l10n.t('HTTP {0}', status);
  const what = code && msg ? `${code}: ${msg}` : code ?? msg ?? l10n.t('{0} failed', operation);
  return `${serverText(what)} (${where})`;
}

/** The request did not get an HTTP answer: DNS, refused or reset connection, TLS, proxy. */
export class MetaStudioNetworkError extends MetaStudioError {
  override readonly name = 'MetaStudioNetworkError';
  constructor(
    readonly operation: string,
    /** System or undici error code (ECONNREFUSED, ECONNRESET, UND_ERR_SOCKET…), when known. */
    code: string | undefined,
    detail: string,
    /** False only when the connection was refused, so the server cannot have seen the request. */
    readonly mayHaveReachedServer: boolean,
  ) {
    super(l10n.t('Cannot reach MetaStudio ({0}): {1}', operation, serverText(detail)), { code });
  }
}

/** No complete answer within the call's timeout. */
export class MetaStudioTimeoutError extends MetaStudioError {
  override readonly name = 'MetaStudioTimeoutError';
  constructor(readonly operation: string, readonly timeoutMs: number) {
    super(l10n.t('MetaStudio did not answer within {0} s ({1})', timeoutMs / 1000, operation));
  }
}

/**
 * The endpoint answered with a redirect. Signed calls never follow one: the credentials and the
 * body would go to wherever it points. Only the target's origin is named, never its path or query.
 */
export class MetaStudioRedirectError extends MetaStudioError {
  override readonly name = 'MetaStudioRedirectError';
  constructor(
    readonly operation: string,
    readonly status: number,
    /** Scheme, host and port of the `Location`, when it has a usable one. */
    readonly locationOrigin: string | undefined,
  ) {
    super(locationOrigin
      ? l10n.t('MetaStudio redirected {0} (HTTP {1}) to {2}; signed calls never follow a redirect, so nothing was sent there.', operation, status, locationOrigin)
      : l10n.t('MetaStudio answered {0} with a redirect (HTTP {1}) to no usable location; signed calls never follow a redirect.', operation, status));
  }
}

/** An answer whose body cannot be used: a 2xx that is not the JSON the API documents, or any answer too large to read. */
export class MetaStudioResponseError extends MetaStudioError {
  override readonly name = 'MetaStudioResponseError';
  constructor(
    readonly operation: string,
    readonly status: number,
    requestId: string | undefined,
    detail: string,
  ) {
    super(requestId
      ? l10n.t('MetaStudio sent an unreadable answer to {0} (HTTP {1}, request id {2}): {3}', operation, status, displayText(requestId), serverText(detail))
      : l10n.t('MetaStudio sent an unreadable answer to {0} (HTTP {1}): {2}', operation, status, serverText(detail)), { requestId });
  }
}

/** Text from the server or the network on one line, cut short, its control characters escaped (see displayText). */
function serverText(text: string): string {
  return displayText(oneLine(text, MAX_DETAIL));
}
