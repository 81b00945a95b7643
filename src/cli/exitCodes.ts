import { ExpectedError } from '../core/errors';

/** Exit codes of the `metastudio` CLI (docs/decisions/cli-contract.md). */
export const ExitCode = {
  Ok: 0,
  /** Lint errors, a job that did not succeed, or an API error. */
  Failed: 1,
  /** Bad usage or a missing path. */
  Usage: 2,
  NoCredentials: 3,
  TimedOut: 4,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** Thrown by a command for bad usage; the CLI prints the message and the command's usage and exits 2. */
export class UsageError extends ExpectedError {
  override readonly name = 'UsageError';
}
