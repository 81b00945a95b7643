/** What a CLI command may touch of the outside world, so that tests can run commands in-process. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  /** Aborted on Ctrl+C. */
  readonly signal: AbortSignal;
}

export type OutputFormat = 'text' | 'json';

export interface CliCommand {
  readonly name: string;
  readonly summary: string;
  /** Usage text shown by `metastudio <name> --help` and after a usage error. */
  readonly usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}
