/**
 * The one error model (docs/decisions/errors.md). An `ExpectedError` is a failure the user can
 * understand and act on, so its message is all they see. A `CancelledError` or an aborted signal's
 * `AbortError` means the user stopped the work, so nothing is shown. Anything else is a bug.
 */
import * as l10n from '@vscode/l10n';
import { displayText } from './text/displayText';

export interface ExpectedErrorOptions {
  /** The failure's code: the API's `error_code`, a job's error code, a system error code. */
  readonly code?: string;
  /** The request id the server gave the failed call, which support asks for. */
  readonly requestId?: string;
  readonly cause?: unknown;
}

/**
 * A failure the user can act on, with a message in their words. The message names the code and the
 * request id: those it does not name already are added in parentheses.
 */
export class ExpectedError extends Error {
  override readonly name: string = 'ExpectedError';
  readonly code: string | undefined;
  readonly requestId: string | undefined;

  constructor(message: string, options: ExpectedErrorOptions = {}) {
    super(withDetails(message, options), 'cause' in options ? { cause: options.cause } : undefined);
    this.code = options.code;
    this.requestId = options.requestId;
  }
}

/** Longest code or request id a message adds: they come from servers. */
const MAX_ID = 100;

function withDetails(message: string, { code, requestId }: ExpectedErrorOptions): string {
  const shown = (id: string) => displayText(oneLine(id, MAX_ID));
  const missing = [
    code && !message.includes(shown(code)) ? l10n.t('code {0}', shown(code)) : undefined,
    requestId && !message.includes(shown(requestId)) ? l10n.t('request id {0}', shown(requestId)) : undefined,
  ].filter(Boolean);
  return missing.length > 0 ? `${message} (${missing.join(', ')})` : message;
}

/** The user stopped the work: declined a question, or chose not to go on. Nothing is shown. */
export class CancelledError extends ExpectedError {
  override readonly name: string = 'CancelledError';
  constructor(message = l10n.t('Cancelled.')) {
    super(message);
  }
}

/** Waiting for work in the cloud to end (a video job, a synthesis) took longer than allowed. */
export class WaitTimeoutError extends ExpectedError {
  override readonly name: string = 'WaitTimeoutError';
}

/** True for a cancellation: a `CancelledError`, or the `AbortError` an aborted signal rejects with. */
export function isCancellation(err: unknown): boolean {
  return err instanceof CancelledError || (err instanceof Error && err.name === 'AbortError');
}

/** Longest message `errorMessage` returns: enough for any message of ours, bounded for a hostile one. */
const MAX_MESSAGE = 1000;

/**
 * What the user reads of anything thrown, on one line with its control characters escaped (messages
 * quote servers and files): the message of an error (an expected error's names its code and request
 * id), else the value as text.
 */
export function errorMessage(err: unknown): string {
  return displayText(oneLine(err instanceof Error ? err.message || err.name : valueText(err), MAX_MESSAGE));
}

function valueText(value: unknown): string {
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/** `text` on one line (each run of white space one space), cut to `max` characters. */
export function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/**
 * Runs `work`; an expected error it throws is thrown again with `what` before its message (`Push
 * of "x" failed: …`), the same code and request id, and itself as the cause. Cancellations and bugs
 * pass through unchanged.
 */
export async function withErrorContext<T>(what: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof ExpectedError && !isCancellation(err)) {
      throw new ExpectedError(l10n.t('{0}: {1}', what, err.message), { code: err.code, requestId: err.requestId, cause: err });
    }
    throw err;
  }
}
