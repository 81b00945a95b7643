import { parseArgs, type ParseArgsConfig } from 'node:util';
import * as l10n from '@vscode/l10n';
import { errorMessage } from '../core/errors';
import { UsageError } from './exitCodes';
import type { OutputFormat } from './io';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Options every command takes. */
export const commonOptions = {
  format: { type: 'string', default: 'text' },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies Options;

/** `util.parseArgs` that turns its errors into usage errors. */
export function parseCommandArgs<O extends Options>(args: string[], options: O, allowPositionals = true) {
  try {
    return parseArgs({ args, options: { ...commonOptions, ...options }, allowPositionals, strict: true });
  } catch (err) {
    throw new UsageError(errorMessage(err), { cause: err });
  }
}

export function outputFormat(value: unknown): OutputFormat {
  if (value === 'text' || value === 'json') return value;
  throw new UsageError(l10n.t('--format must be text or json, not {0}', String(value)));
}

/** A `--timeout SECONDS` value in milliseconds (undefined when not given); anything but a positive number is a usage error. */
export function timeoutOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const ms = Number(value) * 1000;
  if (!(ms > 0)) throw new UsageError(l10n.t('--timeout takes a positive number of seconds'));
  return ms;
}

/** A whole-number flag value from `min` to `max` (undefined when not given); anything else is a usage error. */
export function integerOption(value: string | undefined, flag: string, min: number, max = Infinity): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) {
    throw new UsageError(max === Infinity
      ? l10n.t('{0} takes a whole number of at least {1}, not {2}', flag, min, value)
      : l10n.t('{0} takes a whole number from {1} to {2}, not {3}', flag, min, max, value));
  }
  return n;
}
