/**
 * The preview cache: audio files plus an index in one folder the cache owns, bounded in size with
 * least-recently-used eviction. The extension keeps it in its global storage, the CLI under
 * `$XDG_CACHE_HOME/metastudio` (docs/decisions/cli-contract.md). Processes share it (editor windows, CLI runs):
 * every operation holds the lock file `index.json.lock`, re-reads the index under it and writes it
 * atomically, so no entry is lost; within a process the operations also run one at a time.
 */
import { mkdir, readFile, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import * as l10n from '@vscode/l10n';
import { systemClock, type Clock } from '../cloud/clock';
import { errorMessage } from '../errors';
import { writeFileAtomically } from '../files/atomicWrite';
import { withFileLock } from '../files/fileLock';
import { isObject, parseUntrustedJson } from '../json';

/** The setting `metastudio.preview.cacheSizeMB` as package.json declares it. */
export const CACHE_SIZE_MB = { default: 200, minimum: 1, maximum: 10240 } as const;
export const DEFAULT_CACHE_LIMIT_BYTES = CACHE_SIZE_MB.default * 1024 * 1024;

/** The cache limit of a `cacheSizeMB` value: a settings file can hold anything, so it is clamped to the declared range. */
export function cacheLimitOfSetting(megabytes: unknown): number {
  if (typeof megabytes !== 'number' || !Number.isFinite(megabytes)) return DEFAULT_CACHE_LIMIT_BYTES;
  return Math.round(Math.min(CACHE_SIZE_MB.maximum, Math.max(CACHE_SIZE_MB.minimum, megabytes)) * 1024 * 1024);
}
const INDEX = 'index.json';
const KEY = /^[0-9a-f]{64}$/;
/** Only files named like this are the cache's; anything else in the folder is left alone. */
const FILE_NAME = /^([0-9a-f]{64})-(\d+)\.([a-z0-9]{1,5})$/;

/** What the index remembers about an entry besides its files, for lists and logs. */
export interface CacheLabel {
  readonly text: string;
  readonly voiceAssetId: string;
  readonly speed?: number;
  readonly pitch?: number;
  readonly volume?: number;
  readonly voiceName?: string;
}

interface IndexEntry {
  readonly key: string;
  readonly files: readonly { readonly name: string; readonly bytes: number }[];
  readonly bytes: number;
  readonly createdAt: number;
  lastUsedAt: number;
  readonly label: CacheLabel;
}

/** Entries from least to most recently used. */
interface CacheIndex {
  readonly version: 1;
  entries: IndexEntry[];
}

export interface CachedPreview {
  readonly key: string;
  /** Absolute paths, in the order the API returned the files. */
  readonly files: readonly string[];
  readonly bytes: number;
  readonly label: CacheLabel;
}

export interface NewCacheFile {
  readonly data: Uint8Array;
  /** File extension without the dot, e.g. `wav`. */
  readonly extension: string;
}

export interface CacheStats {
  readonly entries: number;
  readonly bytes: number;
}

export interface PreviewCacheOptions {
  /** Default: DEFAULT_CACHE_LIMIT_BYTES. */
  readonly limitBytes?: number;
  readonly clock?: Clock;
  /** Told when an unreadable index was dropped (the cache starts again empty). */
  readonly warn?: (message: string) => void;
}

export class PreviewCache {
  private queue: Promise<unknown> = Promise.resolve();
  private limitBytes: number;
  private readonly clock: Clock;
  private readonly warn: (message: string) => void;

  constructor(readonly folder: string, options: PreviewCacheOptions = {}) {
    this.limitBytes = options.limitBytes ?? DEFAULT_CACHE_LIMIT_BYTES;
    this.clock = options.clock ?? systemClock;
    this.warn = options.warn ?? (() => undefined);
  }

  get maxBytes(): number {
    return this.limitBytes;
  }

  /** A cached preview (and marks it used), or undefined; an entry whose files vanished is dropped. */
  get(key: string): Promise<CachedPreview | undefined> {
    return this.exclusive(async () => {
      const index = await this.readIndex();
      const at = index.entries.findIndex((e) => e.key === key);
      if (at < 0) return undefined;
      const [entry] = index.entries.splice(at, 1);
      if (!(await this.filesPresent(entry))) {
        await this.removeFiles(entry);
        await this.writeIndex(index);
        return undefined;
      }
      entry.lastUsedAt = this.clock.now();
      index.entries.push(entry);
      await this.writeIndex(index);
      return this.describe(entry);
    });
  }

  /**
   * The cached previews among `keys`, looked at without counting as a use (nothing is written):
   * for showing what is cached, e.g. a preview's real duration.
   */
  peek(keys: Iterable<string>): Promise<Map<string, CachedPreview>> {
    return this.exclusive(async () => {
      const wanted = new Set(keys);
      const found = new Map<string, CachedPreview>();
      if (wanted.size === 0) return found;
      for (const entry of (await this.readIndex()).entries) {
        if (wanted.has(entry.key)) found.set(entry.key, this.describe(entry));
      }
      return found;
    });
  }

  /** Stores the files of a preview (replacing an entry of the same key), then evicts to the limit. */
  put(key: string, files: readonly NewCacheFile[], label: CacheLabel): Promise<CachedPreview> {
    if (!KEY.test(key)) throw new Error(`not a cache key: ${key}`);
    return this.exclusive(async () => {
      await mkdir(this.folder, { recursive: true });
      const index = await this.readIndex();
      const old = index.entries.find((e) => e.key === key);
      if (old) {
        index.entries = index.entries.filter((e) => e !== old);
        await this.removeFiles(old);
      }
      const written: { name: string; bytes: number }[] = [];
      for (const [i, file] of files.entries()) {
        const name = `${key}-${i + 1}.${safeExtension(file.extension)}`;
        await writeFileAtomically(join(this.folder, name), file.data);
        written.push({ name, bytes: file.data.byteLength });
      }
      const now = this.clock.now();
      const entry: IndexEntry = { key, files: written, bytes: sum(written), createdAt: now, lastUsedAt: now, label: { ...label, text: label.text.slice(0, 2000) } };
      index.entries.push(entry);
      await this.evict(index, entry);
      await this.writeIndex(index);
      return this.describe(entry);
    });
  }

  /** Applies a new size limit at once. */
  setMaxBytes(limitBytes: number): Promise<void> {
    this.limitBytes = limitBytes;
    return this.exclusive(async () => {
      const index = await this.readIndex();
      await this.evict(index, undefined);
      await this.writeIndex(index);
    });
  }

  /** Removes every entry and file of the cache; returns what was freed. */
  clear(): Promise<CacheStats> {
    return this.exclusive(async () => {
      const index = await this.readIndex();
      const freed = { entries: index.entries.length, bytes: sum(index.entries) };
      for (const entry of index.entries) await this.removeFiles(entry);
      await this.removeAudioFiles();
      index.entries = [];
      await this.writeIndex(index);
      return freed;
    });
  }

  stats(): Promise<CacheStats> {
    return this.exclusive(async () => {
      const index = await this.readIndex();
      return { entries: index.entries.length, bytes: sum(index.entries) };
    });
  }

  /** Keys from least to most recently used. */
  keys(): Promise<string[]> {
    return this.exclusive(async () => (await this.readIndex()).entries.map((e) => e.key));
  }

  private describe(entry: IndexEntry): CachedPreview {
    return { key: entry.key, files: entry.files.map((f) => join(this.folder, f.name)), bytes: entry.bytes, label: entry.label };
  }

  /** Drops least recently used entries until the total fits; the entry just stored stays. */
  private async evict(index: CacheIndex, keep: IndexEntry | undefined): Promise<void> {
    let total = sum(index.entries);
    while (total > this.limitBytes) {
      const victim = index.entries.find((e) => e !== keep);
      if (!victim) break;
      index.entries = index.entries.filter((e) => e !== victim);
      await this.removeFiles(victim);
      total -= victim.bytes;
    }
  }

  /**
   * Runs `fill` holding the key's own lock, so that processes sharing the cache make an entry once:
   * the others wait (as long as the holder lives), then find it with `get`.
   */
  filling<T>(key: string, signal: AbortSignal | undefined, fill: () => Promise<T>): Promise<T> {
    if (!KEY.test(key)) throw new Error(`not a cache key: ${key}`);
    return withFileLock(join(this.folder, `${key}.lock`), fill, { waitMs: Infinity, signal });
  }

  private exclusive<T>(operation: () => Promise<T>): Promise<T> {
    const locked = () => withFileLock(join(this.folder, `${INDEX}.lock`), operation);
    const run = this.queue.then(locked, locked);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** The index on disk; a missing or unreadable one is an empty cache (its stray files are removed). */
  private async readIndex(): Promise<CacheIndex> {
    const file = join(this.folder, INDEX);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      return { version: 1, entries: [] };
    }
    const entries = parseEntries(text);
    if (typeof entries === 'string') {
      this.warn(l10n.t('The preview cache index {0} was unreadable ({1}); the cache starts again empty.', file, entries));
      await this.removeAudioFiles();
      return { version: 1, entries: [] };
    }
    return { version: 1, entries };
  }

  private async writeIndex(index: CacheIndex): Promise<void> {
    await mkdir(this.folder, { recursive: true });
    await writeFileAtomically(join(this.folder, INDEX), JSON.stringify(index));
  }

  private async filesPresent(entry: IndexEntry): Promise<boolean> {
    for (const file of entry.files) {
      try {
        if ((await stat(join(this.folder, file.name))).size !== file.bytes) return false;
      } catch {
        return false;
      }
    }
    return true;
  }

  private async removeFiles(entry: IndexEntry): Promise<void> {
    for (const file of entry.files) await rm(join(this.folder, file.name), { force: true });
  }

  /** Every audio file of the folder, the index's or not (a cleared or unreadable index). */
  private async removeAudioFiles(): Promise<void> {
    let names: string[];
    try {
      names = await readdir(this.folder);
    } catch {
      return;
    }
    for (const name of names) {
      if (FILE_NAME.test(name)) await rm(join(this.folder, name), { force: true });
    }
  }
}

/** The entries of an index file, rebuilt field by field; a string saying why when it is not one. */
function parseEntries(text: string): IndexEntry[] | string {
  let value: unknown;
  try {
    value = parseUntrustedJson(text);
  } catch (err) {
    return errorMessage(err);
  }
  if (!isObject(value) || value.version !== 1 || !Array.isArray(value.entries)) return l10n.t('not a version 1 index');
  return value.entries.flatMap((e: unknown) => {
    const entry = entryOf(e);
    return entry ? [entry] : [];
  });
}

function entryOf(e: unknown): IndexEntry | undefined {
  if (!isObject(e) || typeof e.key !== 'string' || !KEY.test(e.key) || !Array.isArray(e.files) || typeof e.bytes !== 'number'
    || typeof e.lastUsedAt !== 'number' || !isObject(e.label) || typeof e.label.text !== 'string' || typeof e.label.voiceAssetId !== 'string') return undefined;
  const files = e.files.map((f: unknown) => (isObject(f) && typeof f.name === 'string' && FILE_NAME.test(f.name) && typeof f.bytes === 'number' ? { name: f.name, bytes: f.bytes } : undefined));
  if (files.some((f) => f === undefined)) return undefined;
  const { text, voiceAssetId, speed, pitch, volume, voiceName } = e.label;
  const label: CacheLabel = {
    text, voiceAssetId,
    ...(typeof speed === 'number' ? { speed } : {}),
    ...(typeof pitch === 'number' ? { pitch } : {}),
    ...(typeof volume === 'number' ? { volume } : {}),
    ...(typeof voiceName === 'string' ? { voiceName } : {}),
  };
  const createdAt = typeof e.createdAt === 'number' ? e.createdAt : e.lastUsedAt;
  return { key: e.key, files: files as IndexEntry['files'], bytes: e.bytes, createdAt, lastUsedAt: e.lastUsedAt, label };
}

function safeExtension(extension: string): string {
  const clean = extension.toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, 5);
  return clean || 'bin';
}

function sum(items: readonly { readonly bytes: number }[]): number {
  return items.reduce((total, item) => total + item.bytes, 0);
}
