/**
 * The local sandbox in a child process (docs/decisions/sandbox.md): the extension host forks its own
 * bundle, `dist/sandbox.js DATA_DIR`, hands it the credentials it accepts over the IPC channel and
 * learns its URL the same way. A secret never travels in argv, the environment or a log line.
 */
import { fork } from 'node:child_process';
import * as l10n from '@vscode/l10n';
import { ExpectedError } from './errors';

/** Any project ID works on the sandbox; this one names its connections and examples. */
export const SANDBOX_PROJECT_ID = 'sandbox0000000000000000000000000';

/** What the parent sends: the credentials and the port it would like (0: any), or stop. */
export type ToSandbox =
  | { readonly type: 'start'; readonly ak: string; readonly sk: string; readonly port: number }
  | { readonly type: 'stop' };

/** What the child answers. `busy`: another live sandbox holds the data folder. */
export type FromSandbox =
  | { readonly type: 'ready'; readonly url: string; readonly port: number }
  | { readonly type: 'failed'; readonly reason: 'busy' | 'error'; readonly message: string }
  | { readonly type: 'log'; readonly line: string };

export interface SandboxProcessOptions {
  /** The sandbox's bundle (`dist/sandbox.js`) or, in tests, its source run through a loader. */
  readonly script: string;
  readonly execArgv?: readonly string[];
  readonly dataDir: string;
  readonly ak: string;
  readonly sk: string;
  /** The port to try first (the last one used keeps the endpoint, and so the links, stable); 0 for any. */
  readonly port: number;
  /** The sandbox's request log, one line per request; never holds a secret. */
  readonly log: (line: string) => void;
  readonly startTimeoutMs?: number;
}

export interface SandboxProcess {
  readonly url: string;
  readonly port: number;
  readonly pid: number;
  /** Settles when the child has exited, for whatever reason. */
  readonly exited: Promise<void>;
  /** Asks the child to stop (it saves and closes), then kills it if it has not exited within 5 s. */
  stop(): Promise<void>;
}

/** Another sandbox process holds the data folder (docs/decisions/errors.md). */
export class SandboxBusyError extends ExpectedError {
  override readonly name: string = 'SandboxBusyError';
}

const DEFAULT_START_TIMEOUT_MS = 30_000;
const STOP_GRACE_MS = 5_000;

export async function startSandboxProcess(options: SandboxProcessOptions): Promise<SandboxProcess> {
  const child = fork(options.script, [options.dataDir], {
    execArgv: [...(options.execArgv ?? [])],
    // In desktop VS Code the extension host's executable is Electron: this makes it run as Node.
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => { stderr = (stderr + chunk.toString()).slice(-2000); });
  child.on('message', (message: FromSandbox) => {
    if (message?.type === 'log' && typeof message.line === 'string') options.log(message.line);
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      if (child.connected) child.send({ type: 'stop' } satisfies ToSandbox, () => undefined);
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
    }
  };

  const timeoutMs = options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;
  let timer: NodeJS.Timeout | undefined;
  try {
    const ready = await Promise.race([
      new Promise<{ url: string; port: number }>((resolve, reject) => {
        child.on('message', (message: FromSandbox) => {
          if (message?.type === 'ready') resolve({ url: message.url, port: message.port });
          else if (message?.type === 'failed') reject(message.reason === 'busy' ? new SandboxBusyError(message.message) : new ExpectedError(l10n.t('The local sandbox could not start: {0}', message.message)));
        });
        child.once('error', reject);
        void exited.then(() => reject(new ExpectedError(l10n.t('The local sandbox stopped before it was ready (exit code {0}). {1}', String(child.exitCode ?? child.signalCode), stderr.trim()))));
        child.send({ type: 'start', ak: options.ak, sk: options.sk, port: options.port } satisfies ToSandbox);
      }),
      new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new ExpectedError(l10n.t('The local sandbox did not start within {0} s.', timeoutMs / 1000))), timeoutMs);
      }),
    ]);
    return { ...ready, pid: child.pid!, exited, stop };
  } catch (err) {
    await stop();
    throw err;
  } finally {
    clearTimeout(timer);
  }
}
