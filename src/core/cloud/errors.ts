/**
 * What can go wrong with a MetaStudio call, one class per kind so that callers can tell them
 * apart. Messages are one line and never carry a credential (the client never passes headers in).
 * Cancellation is not one of these: an aborted call rejects with the signal's `AbortError`.
 */
import * as l10n from '@vscode/l10n';
import { displayText } from '../text/displayText';

export abstract class MetaStudioError extends Error {
  /** `GET /v1/{project_id}/digital-assets`-style description of the call. */
  abstract readonly operation: string;
}

/** The API answered with an HTTP error status (DECISIONS.md 5). */
export class MetaStudioApiError extends MetaStudioError {
  override readonly name = 'MetaStudioApiError';
  constructor(
    readonly operation: string,
    readonly status: number,
    readonly errorCode: string | undefined,
    readonly errorMsg: string | undefined,
    readonly requestId: string | undefined,
  ) {
    super(apiErrorMessage(operation, status, errorCode, errorMsg, requestId));
  }
}

function apiErrorMessage(operation: string, status: number, code?: string, msg?: string, requestId?: string): string {
  const where = requestId ? l10n.t('HTTP {0}, request id {1}', status, displayText(requestId)) : l10n.t('HTTP {0}', status);
  const what = code && msg ? `${code}: ${msg}` : code ?? msg ?? l10n.t('{0} failed', operation);
  return `${oneLine(what)} (${where})`;
}

/** The request did not get an HTTP answer: DNS, refused or reset connection, TLS, proxy. */
export class MetaStudioNetworkError extends MetaStudioError {
  override readonly name = 'MetaStudioNetworkError';
  constructor(
    readonly operation: string,
    /** System or undici error code (ECONNREFUSED, ECONNRESET, UND_ERR_SOCKET…), when known. */
    readonly code: string | undefined,
    detail: string,
    /** False only when the connection was refused, so the server cannot have seen the request. */
    readonly mayHaveReachedServer: boolean,
  ) {
    super(l10n.t('Cannot reach MetaStudio ({0}): {1}', operation, oneLine(detail)));
  }
}

/** No complete answer within the call's timeout. */
export class MetaStudioTimeoutError extends MetaStudioError {
  override readonly name = 'MetaStudioTimeoutError';
  constructor(readonly operation: string, readonly timeoutMs: number) {
    super(l10n.t('MetaStudio did not answer within {0} s ({1})', timeoutMs / 1000, operation));
  }
}

/** A 2xx answer whose body is not the JSON the API documents. */
export class MetaStudioResponseError extends MetaStudioError {
  override readonly name = 'MetaStudioResponseError';
  constructor(
    readonly operation: string,
    readonly status: number,
    readonly requestId: string | undefined,
    detail: string,
  ) {
    super(requestId
      ? l10n.t('MetaStudio sent an unreadable answer to {0} (HTTP {1}, request id {2}): {3}', operation, status, displayText(requestId), oneLine(detail))
      : l10n.t('MetaStudio sent an unreadable answer to {0} (HTTP {1}): {2}', operation, status, oneLine(detail)));
  }
}

/** Server text on one line, cut at 300 characters, its control characters escaped (see displayText). */
function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return displayText(flat.length > 300 ? `${flat.slice(0, 299)}…` : flat);
}
