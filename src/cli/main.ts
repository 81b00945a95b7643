import { displayText } from '../core/text/displayText';
import { UsageError, ExitCode } from './exitCodes';
import type { CliCommand, CliIo } from './io';

declare const __VERSION__: string;

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
    if (err instanceof UsageError) {
      io.stderr(`metastudio ${command.name}: ${err.message}\n\n${command.usage}\n`);
      return ExitCode.Usage;
    }
    throw err;
  }
}
