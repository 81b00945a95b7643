/**
 * MSS-style error answers (docs/decisions/api-errors.md): `{error_code, error_msg}` and, where the reference
 * prints it (TTS, and every 401 here), `request_id`. Codes come from the reference's examples and
 * error-code appendix.
 *
 * `ApiError` is what the emulator answers, not a failure of this program: it never reaches a user
 * as an error, so it stays outside the error model of docs/decisions/errors.md.
 */
// eslint-disable-next-line no-restricted-syntax -- an answer the emulator sends, not a failure of this program
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Put `request_id` in the body too, not only in the `X-Request-Id` header. */
    readonly bodyHasRequestId = false,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new ApiError(404, 'MSS.00000002', `Not Found: ${what}`);
/** "field verify fail" of the scripts, jobs and rooms family. */
export const fieldVerifyFail = (detail: string) => new ApiError(400, 'MSS.20010070', `field verify fail: ${detail}`);
/** TTS errors carry 9-digit codes and a `request_id` (reference 9.1, 9.2). */
export const ttsInvalidParameter = (detail: string) => new ApiError(400, 'MSS.000000003', `invalid parameter: ${detail}`, true);
export const unauthorized = (reason: string) => new ApiError(401, 'MSS.00000001', `Unauthorized: ${reason}`, true);

export function errorBody(error: ApiError, requestId: string): Record<string, string> {
  const body: Record<string, string> = { error_code: error.code, error_msg: error.message };
  if (error.bodyHasRequestId) body.request_id = requestId;
  return body;
}
