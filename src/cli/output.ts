/** What the commands print, in the one shape all of them share (docs/decisions/cli-contract.md). */
import { displayText } from '../core/text/displayText';
import { ExitCode } from './exitCodes';
import type { CliIo, OutputFormat } from './io';

/**
 * The command's result on stdout: with --format json exactly one JSON value (a list indented, one
 * record on one line), else `lines()`, each on its one line (see displayText) and ended by a newline.
 */
export function printResult(io: CliIo, format: OutputFormat, json: unknown, lines: () => readonly string[]): void {
  io.stdout(format === 'json' ? `${JSON.stringify(json, null, Array.isArray(json) ? 2 : undefined)}\n` : lines().map((l) => `${displayText(l)}\n`).join(''));
}

/** One line of progress or information on stderr (text from a server stays on its line). */
export function note(io: CliIo, line: string): void {
  io.stderr(`${displayText(line)}\n`);
}

/** One line on stderr, `metastudio COMMAND: MESSAGE` (a message from a server stays on its line). */
export function report(io: CliIo, command: string, message: string): void {
  io.stderr(`metastudio ${command}: ${displayText(message)}\n`);
}

/** Reports `message` and returns the exit code it means (by default 1, failed). */
export function fail(io: CliIo, command: string, message: string, code: ExitCode = ExitCode.Failed): ExitCode {
  report(io, command, message);
  return code;
}

/** A problem in a file as compilers print it: `PATH:LINE:COL: SEVERITY CODE MESSAGE`, from a zero-based position. */
export function problemLine(path: string, start: { readonly line: number; readonly character: number }, severity: string, code: string, message: string): string {
  return `${displayText(path)}:${start.line + 1}:${start.character + 1}: ${severity} ${code} ${displayText(message)}`;
}
