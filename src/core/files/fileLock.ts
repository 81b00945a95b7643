/**
 * A lock shared by processes (an editor window, another window, CLI runs) around a file they all
 * rewrite: a lock file created exclusively (`wx`), holding its holder's host, pid and a random
 * token, its modification time refreshed while it is held.
 *
 * A lock is stale when its holder is a dead process of this host, or when it was not refreshed for
 * `staleMs` (a holder on another host, a reused pid). A stale lock is taken over by one waiter
 * only: the one that creates the `<lock>.<token>.stale` marker, which then removes the lock if it
 * still is the one judged stale.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { mkdir, open, readFile, stat, unlink, utimes } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import * as l10n from '@vscode/l10n';
import { systemClock } from '../cloud/clock';
import { ExpectedError } from '../errors';
import { isObject, parseUntrustedJson } from '../json';

export interface FileLockOptions {
  /** How long to wait for a live holder before giving up; default 30 s. */
  readonly waitMs?: number;
  /** A lock not refreshed for this long is stale; default 30 s (a holder refreshes it every third of that). */
  readonly staleMs?: number;
  readonly signal?: AbortSignal;
}

const DEFAULT_WAIT_MS = 30_000;
const DEFAULT_STALE_MS = 30_000;
const FIRST_RETRY_MS = 5;
const MAX_RETRY_MS = 250;

interface Holder {
  /** The token of the lock's content, or (content not yet written) its inode and time. */
  readonly id: string;
  readonly host?: string;
  readonly pid?: number;
  readonly modifiedMs: number;
}

export class FileLockTimeoutError extends ExpectedError {
  override readonly name = 'FileLockTimeoutError';
  constructor(readonly lockFile: string, holder: Holder, waitedMs: number) {
    super(l10n.t(
      '{0} stayed locked for {1} s by process {2} on {3}. If no MetaStudio command or VS Code window is still working there, delete the lock file.',
      lockFile, Math.round(waitedMs / 1000), holder.pid ?? '?', holder.host ?? '?',
    ));
  }
}

/** Runs `work` holding the lock file `lockFile`, waiting for other holders (retries with backoff). */
export async function withFileLock<T>(lockFile: string, work: () => Promise<T>, options: FileLockOptions = {}): Promise<T> {
  const release = await acquire(lockFile, options);
  try {
    return await work();
  } finally {
    await release();
  }
}

async function acquire(lockFile: string, options: FileLockOptions): Promise<() => Promise<void>> {
  const waitMs = options.waitMs ?? DEFAULT_WAIT_MS;
  const staleMs = options.staleMs ?? DEFAULT_STALE_MS;
  const token = randomBytes(8).toString('hex');
  const content = JSON.stringify({ host: hostname(), pid: process.pid, token, since: new Date().toISOString() });
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    options.signal?.throwIfAborted();
    if (await tryCreate(lockFile, content)) return holding(lockFile, token, staleMs);
    const holder = await readHolder(lockFile);
    if (!holder) continue; // released just now
    if (isStale(holder, staleMs) && (await takeOver(lockFile, holder, staleMs))) continue;
    const waited = Date.now() - started;
    if (waited >= waitMs) throw new FileLockTimeoutError(lockFile, holder, waited);
    const delay = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.min(attempt, 10));
    await systemClock.sleep(Math.min(waitMs - waited, delay / 2 + randomInt(delay)), options.signal);
  }
}

/** Creates the lock file with `content`; false when it exists. */
async function tryCreate(lockFile: string, content: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(lockFile, 'wx');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'ENOENT') throw err;
    await mkdir(dirname(lockFile), { recursive: true });
    return tryCreate(lockFile, content);
  }
  try {
    await handle.writeFile(content, 'utf8');
  } catch (err) {
    await handle.close();
    await unlink(lockFile).catch(() => undefined);
    throw err;
  }
  await handle.close();
  return true;
}

/** Keeps the lock fresh while held; the returned function releases it (if it is still ours). */
function holding(lockFile: string, token: string, staleMs: number): () => Promise<void> {
  const refresh = setInterval(() => {
    const now = new Date();
    utimes(lockFile, now, now).catch(() => undefined);
  }, staleMs / 3);
  refresh.unref();
  return async () => {
    clearInterval(refresh);
    if ((await readHolder(lockFile))?.id === token) await unlink(lockFile).catch(() => undefined);
  };
}

/** Who holds the lock, or undefined when there is no lock file. */
async function readHolder(lockFile: string): Promise<Holder | undefined> {
  try {
    const [text, info] = await Promise.all([readFile(lockFile, 'utf8'), stat(lockFile)]);
    let owner: Record<string, unknown> = {};
    try {
      const parsed = parseUntrustedJson(text);
      if (isObject(parsed)) owner = parsed;
    } catch {
      // Created, content not written yet (or its writer died in between), or not ours.
    }
    return {
      id: typeof owner.token === 'string' ? owner.token : `${info.ino}-${info.mtimeMs}`,
      host: typeof owner.host === 'string' ? owner.host : undefined,
      pid: Number.isSafeInteger(owner.pid) && (owner.pid as number) > 0 ? owner.pid as number : undefined,
      modifiedMs: info.mtimeMs,
    };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

function isStale(holder: Holder, staleMs: number): boolean {
  if (holder.host === hostname() && holder.pid !== undefined && !isAlive(holder.pid)) return true;
  return Date.now() - holder.modifiedMs > staleMs;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the stale lock `stale` unless another waiter is taking it over; true when this one did
 * (or the lock changed meanwhile), so acquiring starts again at once.
 */
async function takeOver(lockFile: string, stale: Holder, staleMs: number): Promise<boolean> {
  const marker = `${lockFile}.${stale.id}.stale`;
  try {
    await (await open(marker, 'wx')).close();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    // Only a waiter that died between creating and removing its marker leaves one behind this long.
    const info = await stat(marker).catch(() => undefined);
    if (info && Date.now() - info.mtimeMs > staleMs) await unlink(marker).catch(() => undefined);
    return false;
  }
  try {
    // The lock judged stale can only have gone by the hand of this marker's holder: check it is still there.
    if ((await readHolder(lockFile))?.id === stale.id) await unlink(lockFile).catch(() => undefined);
    return true;
  } finally {
    await unlink(marker).catch(() => undefined);
  }
}
