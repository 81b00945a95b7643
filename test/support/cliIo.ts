/** A `CliIo` for running CLI commands in-process: it records stdout and stderr. */
import type { CliIo } from '../../src/cli/io';

export type RecordingIo = CliIo & { out: string; err: string };

export function recordingIo(options: { env?: NodeJS.ProcessEnv; cwd?: string; signal?: AbortSignal } = {}): RecordingIo {
  const io: RecordingIo = {
    out: '',
    err: '',
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    signal: options.signal ?? new AbortController().signal,
    stdout: (text) => { io.out += text; },
    stderr: (text) => { io.err += text; },
  };
  return io;
}
