import * as l10n from '@vscode/l10n';
import { NoCredentialsError } from '../core/cloud/connection';
import { EndpointError } from '../core/cloud/endpoint';
import { errorMessage, ExpectedError, isCancellation, WaitTimeoutError } from '../core/errors';
import { displayText } from '../core/text/displayText';
import { UsageError, ExitCode } from './exitCodes';
import type { CliCommand, CliIo } from './io';
import { cliLocale, cliLocales, useLocale } from './locale';
import { fail } from './output';

declare const __VERSION__: string;

/** Set (to anything but empty or 0), an unexpected error is printed with its stack trace. */
const DEBUG_VARIABLE = 'METASTUDIO_DEBUG';

function mainHelp(commands: readonly CliCommand[]): string {
  const width = Math.max(8, ...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    l10n.t('Usage: metastudio <command> [options]'),
    '',
    l10n.t('Author, check and produce Huawei Cloud MetaStudio scripts from the command line.'),
    '',
    l10n.t('Commands:'),
    ...(lines.length ? lines : [l10n.t('  (none yet)')]),
    '',
    l10n.t('Options:'),
    l10n.t('  -h, --help     show help (also: metastudio <command> --help)'),
    l10n.t('  -v, --version  print the version'),
    l10n.t('  --lang LOCALE  language of the messages: {0} (default: from LC_ALL, LC_MESSAGES or LANG)', cliLocales.join(', ')),
    '',
    l10n.t('Exit codes: 0 ok; 1 lint errors, failed job or API error; 2 usage error; 3 no credentials; 4 timed out.'),
    l10n.t('Set {0}=1 to print the stack trace of an unexpected error.', DEBUG_VARIABLE),
  ].join('\n');
}

/** `io` whose output cannot drive the terminal: names and messages from a server or a file print as text. */
function terminalSafe(io: CliIo): CliIo {
  return {
    ...io,
    stdout: (text) => io.stdout(displayText(text, { multiline: true })),
    stderr: (text) => io.stderr(displayText(text, { multiline: true })),
  };
}

/** Runs the CLI in-process and returns its exit code. */
export async function runCli(argv: string[], rawIo: CliIo, commands: readonly CliCommand[]): Promise<number> {
  const io = terminalSafe(rawIo);
  const { locale, rest: args, unknown } = cliLocale(argv, io.env);
  useLocale(locale);
  if (unknown !== undefined) {
    io.stderr(`metastudio: ${l10n.t('--lang takes {0}, not "{1}"', cliLocales.join(', '), unknown)}\n`);
    return ExitCode.Usage;
  }
  const [first, ...rest] = args;
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
    io.stderr(`metastudio: ${l10n.t('unknown command \'{0}\'', first)}\n${l10n.t('Run "metastudio --help" for the commands.')}\n`);
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
  if (isCancellation(err)) return fail(io, command.name, l10n.t('cancelled'));
  const message = errorMessage(err);
  if (!(err instanceof ExpectedError)) {
    const debug = Boolean(io.env[DEBUG_VARIABLE]) && io.env[DEBUG_VARIABLE] !== '0';
    if (debug && err instanceof Error && err.stack) {
      // Not through `fail`, which keeps a message on one line: a stack trace is read line by line.
      io.stderr(`metastudio ${command.name}: ${err.stack}\n`);
      return ExitCode.Failed;
    }
    return fail(io, command.name, l10n.t('{0} (an unexpected error: run with {1}=1 for its stack trace)', message, DEBUG_VARIABLE));
  }
  if (err instanceof UsageError || err instanceof EndpointError) {
    io.stderr(`metastudio ${command.name}: ${message}\n${l10n.t('Run "metastudio {0} --help" for its usage.', command.name)}\n`);
    return ExitCode.Usage;
  }
  if (err instanceof NoCredentialsError) return fail(io, command.name, message, ExitCode.NoCredentials);
  if (err instanceof WaitTimeoutError) return fail(io, command.name, message, ExitCode.TimedOut);
  return fail(io, command.name, message);
}
