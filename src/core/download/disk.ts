/**
 * A download to disk with progress, for big files (produced videos). The bytes go to
 * `<destination>.part`, moved into place when complete (over an existing file only when asked to);
 * an interrupted download is tried again from where it stopped (`Range`), or from the start when the
 * server does not do ranges. A download that fails for good, or is cancelled, leaves no partial
 * file behind.
 */
import { createWriteStream } from 'node:fs';
import { link, lstat, mkdir, rename, stat, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import * as l10n from '@vscode/l10n';
import { systemClock, type Clock } from '../cloud/clock';
import { DownloadError, openDownload, statusError, type OpenOptions } from './request';

/** What an answer that never ends may write to the disk at most (8 GiB). */
const DEFAULT_MAX_BYTES = 8 * 1024 * 1024 * 1024;

export interface DiskDownloadOptions extends Omit<OpenOptions, 'range'> {
  /** The size cap of the whole file. */
  readonly maxBytes?: number;
  /** Bytes on disk so far, and the total when the server said. */
  readonly onProgress?: (received: number, total: number | undefined) => void;
  /** Tries in all (default 3). */
  readonly attempts?: number;
  readonly clock?: Clock;
  /** Replace a file already at the destination (default: refuse, and keep it). */
  readonly overwrite?: boolean;
}

export interface DiskDownload {
  readonly bytes: number;
  /** Tries it took (1 = no interruption). */
  readonly attempts: number;
}

async function sizeOf(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    return 0;
  }
}

/** `bytes 100-199/1000` → 1000. */
function totalOfRange(header: string | null): number | undefined {
  const total = header ? /\/(\d+)\s*$/.exec(header)?.[1] : undefined;
  return total === undefined ? undefined : Number(total);
}

/** A network or disk error, a server error, a cut body, or a 416 (the partial file was dropped, so a new try starts afresh). */
function isWorthRetrying(err: unknown): boolean {
  return !(err instanceof DownloadError) || err.transient || err.status === 416;
}

export async function downloadToFile(url: string, destination: string, options: DiskDownloadOptions = {}): Promise<DiskDownload> {
  const clock = options.clock ?? systemClock;
  const attempts = options.attempts ?? 3;
  const part = `${destination}.part`;
  await mkdir(dirname(destination), { recursive: true });
  // A leftover from an earlier download of something else must not be resumed.
  await unlink(part).catch(() => undefined);
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        const bytes = await downloadOnce(url, part, options);
        await moveIntoPlace(part, destination, options.overwrite ?? false);
        return { bytes, attempts: attempt };
      } catch (err) {
        if (options.signal?.aborted || attempt >= attempts || !isWorthRetrying(err)) throw err;
        await clock.sleep(1000 * attempt, options.signal);
      }
    }
  } catch (err) {
    await unlink(part).catch(() => undefined);
    throw err;
  }
}

/** Without `overwrite`, a file that is at the destination by now is kept: `link`, unlike `rename`, refuses to replace it. */
async function moveIntoPlace(part: string, destination: string, overwrite: boolean): Promise<void> {
  if (overwrite) return rename(part, destination);
  try {
    await link(part, destination);
  } catch (err) {
    // A file system without hard links gets the same check, only not atomic.
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST' && !(await exists(destination))) return rename(part, destination);
    throw new DownloadError(l10n.t('{0} already exists; it was not replaced.', destination));
  }
  await unlink(part);
}

async function exists(path: string): Promise<boolean> {
  return lstat(path).then(() => true, () => false);
}

/** One request: resumes `part` if it has bytes; returns the complete size. */
async function downloadOnce(url: string, part: string, options: DiskDownloadOptions): Promise<number> {
  const have = await sizeOf(part);
  const download = await openDownload(url, { ...options, ...(have > 0 ? { range: `bytes=${have}-` } : {}) }).catch(async (err: unknown) => {
    if (err instanceof DownloadError && err.status === 416) await unlink(part).catch(() => undefined);
    throw err;
  });
  const { response } = download;
  let offset: number;
  let total: number | undefined;
  if (response.status === 206 && have > 0) {
    offset = have;
    total = totalOfRange(response.headers.get('content-range'));
  } else if (response.status === 200) {
    offset = 0;
    const length = Number(response.headers.get('content-length') ?? Number.NaN);
    total = Number.isFinite(length) ? length : undefined;
  } else {
    await download.discard();
    throw statusError(response.status, download.url);
  }
  if (!response.body) {
    await download.discard();
    throw new DownloadError(l10n.t('The download answered without a body.'), { transient: true });
  }
  const out = createWriteStream(part, { flags: offset > 0 ? 'a' : 'w' });
  const closed = new Promise<void>((resolve, reject) => {
    out.once('close', resolve);
    out.once('error', reject);
  });
  let received = offset;
  try {
    options.onProgress?.(received, total);
    await download.readBody((options.maxBytes ?? DEFAULT_MAX_BYTES) - offset, async (chunk) => {
      if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      received += chunk.byteLength;
      options.onProgress?.(received, total);
    });
  } finally {
    out.end();
    await closed;
  }
  if (total !== undefined && received < total) {
    throw new DownloadError(l10n.t('The download stopped after {0} of {1} bytes.', received, total), { transient: true });
  }
  return received;
}
