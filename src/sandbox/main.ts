/**
 * `dist/sandbox.js DATA_DIR`: the sandbox as a child process of the extension host ("Try the Local
 * Sandbox", src/core/sandboxProcess.ts). It waits for its credentials on the IPC channel, listens on
 * 127.0.0.1, answers with its URL, and stops on "stop" or when its parent goes away. One sandbox at a
 * time keeps DATA_DIR (a lock file), so two windows never overwrite each other's state.
 */
import { join } from 'node:path';
import { FileLockTimeoutError, withFileLock } from '../core/files/fileLock';
import type { FromSandbox, ToSandbox } from '../core/sandboxProcess';
import { startSandbox, type Sandbox, type SandboxOptions } from './index';

const LOCK_FILE = 'sandbox.lock';

function send(message: FromSandbox): void {
  if (process.connected) process.send!(message);
}

/** The preferred port, or any free one when another program holds it. */
async function listen(options: SandboxOptions & { port: number }): Promise<Sandbox> {
  try {
    return await startSandbox(options);
  } catch (err) {
    if (options.port === 0 || (err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    return startSandbox({ ...options, port: 0 });
  }
}

async function run(dataDir: string, start: Extract<ToSandbox, { type: 'start' }>, stopped: Promise<void>): Promise<void> {
  const sandbox = await listen({ host: '127.0.0.1', port: start.port, ak: start.ak, sk: start.sk, dataDir, log: (line) => send({ type: 'log', line }) });
  send({ type: 'ready', url: sandbox.url, port: sandbox.port });
  await stopped;
  await sandbox.close();
}

function main(): void {
  const dataDir = process.argv[2];
  if (!process.send || !dataDir) {
    process.stderr.write('dist/sandbox.js is started by the extension (child_process.fork with an IPC channel) and takes the data folder as its argument.\n');
    process.exitCode = 2;
    return;
  }
  let stop!: () => void;
  const stopped = new Promise<void>((resolve) => { stop = resolve; });
  // The extension host went away (VS Code closed or crashed): nothing is left to serve.
  process.once('disconnect', stop);
  let started = false;
  process.on('message', (message: ToSandbox) => {
    if (message?.type === 'stop') stop();
    if (message?.type !== 'start' || started) return;
    started = true;
    // Held while the sandbox runs: refreshed, and stale as soon as this process is gone.
    withFileLock(join(dataDir, LOCK_FILE), () => run(dataDir, message, stopped), { waitMs: 0 }).catch((err: unknown) => {
      send(err instanceof FileLockTimeoutError
        ? { type: 'failed', reason: 'busy', message: 'another sandbox (in another VS Code window) is using its data folder' }
        : { type: 'failed', reason: 'error', message: err instanceof Error ? err.message : String(err) });
    }).finally(() => {
      if (process.connected) process.disconnect();
    });
  });
}

main();
