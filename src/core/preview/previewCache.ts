/**
 * The preview cache: audio files plus an index in one folder the cache owns, bounded in size with
 * least-recently-used eviction. The extension keeps it in its global storage, the CLI under
 * `$XDG_CACHE_HOME/metastudio` (docs/decisions/cli-contract.md). Every operation re-reads the index, so two
 * processes taking turns (an editor and a CLI run) see each other's entries; within a process the
 * operations run one at a time.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { systemClock, type Clock } from '../cloud/clock';

export const DEFAULT_CACHE_LIMIT_BYTES = 200 * 1024 * 1024;
const INDEX = 'index.json';
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

export class PreviewCache {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly folder: string,
    private limitBytes: number = DEFAULT_CACHE_LIMIT_BYTES,
    private readonly clock: Clock = systemClock,
  ) {}

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
    if (!/^[0-9a-f]{64}$/.test(key)) throw new Error(`not a cache key: ${key}`);
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
        await writeAtomically(join(this.folder, name), file.data);
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

  private exclusive<T>(operation: () => Promise<T>): Promise<T> {
    const run = this.queue.then(operation, operation);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** The index on disk; a missing or unreadable one is an empty cache (its stray files are removed). */
  private async readIndex(): Promise<CacheIndex> {
    let text: string;
    try {
      text = await readFile(join(this.folder, INDEX), 'utf8');
    } catch {
      return { version: 1, entries: [] };
    }
    const entries = parseEntries(text);
    if (entries === undefined) {
      await this.removeAudioFiles();
      return { version: 1, entries: [] };
    }
    return { version: 1, entries };
  }

  private async writeIndex(index: CacheIndex): Promise<void> {
    await mkdir(this.folder, { recursive: true });
    await writeAtomically(join(this.folder, INDEX), Buffer.from(JSON.stringify(index), 'utf8'));
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

function parseEntries(text: string): IndexEntry[] | undefined {
  try {
    const value = JSON.parse(text) as Partial<CacheIndex>;
    if (value?.version !== 1 || !Array.isArray(value.entries)) return undefined;
    return value.entries.filter((e): e is IndexEntry => typeof e?.key === 'string' && Array.isArray(e.files)
      && e.files.every((f) => typeof f?.name === 'string' && FILE_NAME.test(f.name) && typeof f.bytes === 'number')
      && typeof e.bytes === 'number' && typeof e.lastUsedAt === 'number' && typeof e.label?.text === 'string');
  } catch {
    return undefined;
  }
}

function safeExtension(extension: string): string {
  const clean = extension.toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, 5);
  return clean || 'bin';
}

function sum(items: readonly { readonly bytes: number }[]): number {
  return items.reduce((total, item) => total + item.bytes, 0);
}

/** Write to a temporary name, then rename: a crash never leaves a half-written file under the real name. */
async function writeAtomically(path: string, data: Uint8Array): Promise<void> {
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, data);
    await rename(temporary, path);
  } catch (err) {
    await rm(temporary, { force: true });
    throw err;
  }
}
