import { NoCredentialsError } from '../core/cloud/connection';
import { EndpointError } from '../core/cloud/endpoint';
import { errorMessage, ExpectedError, isCancellation, WaitTimeoutError } from '../core/errors';
import { UsageError, ExitCode } from './exitCodes';
import type { CliCommand, CliIo } from './io';
import { fail } from './output';

declare const __VERSION__: string;

/** Set (to anything but empty or 0), an unexpected error is printed with its stack trace. */
const DEBUG_VARIABLE = 'METASTUDIO_DEBUG';

function mainHelp(commands: readonly CliCommand[]): string {
  const width = Math.max(8, ...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'Usage: metastudio <command> [options]',
    '',
    'Author, check and produce Huawei Cloud MetaStudio scripts from the command line.',
    '',
    'Commands:',
    ...(lines.length ? lines : ['  (none yet)']),
    '',
    'Options:',
    '  -h, --help     show help (also: metastudio <command> --help)',
    '  -v, --version  print the version',
    '',
    'Exit codes: 0 ok; 1 lint errors, failed job or API error; 2 usage error; 3 no credentials; 4 timed out.',
    `Set ${DEBUG_VARIABLE}=1 to print the stack trace of an unexpected error.`,
  ].join('\n');
}

/** Runs the CLI in-process and returns its exit code. */
export async function runCli(argv: string[], io: CliIo, commands: readonly CliCommand[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    io.stdout(mainHelp(commands) + '\n');
    return first === undefined ? ExitCode.Usage : ExitCode.Ok;
  }
  if (first === '--version' || first === '-v') {
    io.stdout(`${__VERSION__}\n`);
    return ExitCode.Ok;
  }
  const command = commands.find((c) => c.name === first);
  if (!command) {
    io.stderr(`metastudio: unknown command '${first}'\n\n${mainHelp(commands)}\n`);
    return ExitCode.Usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(command.usage + '\n');
    return ExitCode.Ok;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    return reportFailure(io, command, err);
  }
}

/**
 * The one place the CLI turns a failure into output and an exit code (docs/decisions/cli-contract.md,
 * docs/decisions/errors.md): one line on stderr; usage errors add the command's usage.
 */
function reportFailure(io: CliIo, command: CliCommand, err: unknown): ExitCode {
  if (isCancellation(err)) return fail(io, command.name, 'cancelled');
  const message = errorMessage(err);
  if (!(err instanceof ExpectedError)) {
    const debug = Boolean(io.env[DEBUG_VARIABLE]) && io.env[DEBUG_VARIABLE] !== '0';
    if (debug && err instanceof Error && err.stack) return fail(io, command.name, err.stack);
    return fail(io, command.name, `${message} (an unexpected error: run with ${DEBUG_VARIABLE}=1 for its stack trace)`);
  }
  if (err instanceof UsageError || err instanceof EndpointError) {
    io.stderr(`metastudio ${command.name}: ${message}\n\n${command.usage}\n`);
    return ExitCode.Usage;
  }
  if (err instanceof NoCredentialsError) return fail(io, command.name, message, ExitCode.NoCredentials);
  if (err instanceof WaitTimeoutError) return fail(io, command.name, message, ExitCode.TimedOut);
  return fail(io, command.name, message);
}
