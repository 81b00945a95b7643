/**
 * The sandbox's state: seeded assets plus what clients create, in memory, optionally persisted to
 * `<dataDir>/sandbox-state.json` (written to a temporary file, then renamed over the old one).
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { renderFile } from './media';
import type { AssetRecord, FileRecord, JobRecord, PersistedState, RoomRecord, ScriptRecord, TtsRecord, UploadRecord } from './model';
import { seedAssets } from './seed';

export const STATE_FILE = 'sandbox-state.json';

/** The thumbnail every video script and scene shows. */
export const SCRIPT_COVER: FileRecord = {
  file_id: 'script-cover',
  file_name: 'cover.png',
  file_type: 'png',
  asset_file_category: 'COVER',
  recipe: { kind: 'png', width: 32, height: 18, rgb: [40, 90, 160] },
};

export class SandboxStore {
  readonly assets = new Map<string, AssetRecord>();
  readonly scripts = new Map<string, ScriptRecord>();
  readonly rooms = new Map<string, RoomRecord>();
  readonly jobs = new Map<string, JobRecord>();
  readonly tts = new Map<string, TtsRecord>();
  /** Announced files and scene audio, by file ID. */
  readonly uploads = new Map<string, UploadRecord>();
  private readonly files = new Map<string, FileRecord>([[SCRIPT_COVER.file_id, SCRIPT_COVER]]);
  private readonly contents = new Map<string, Buffer>();
  private readonly digests = new Map<string, { file_size: number; file_md5: string }>();
  private readonly seededIds: ReadonlySet<string>;

  constructor(persisted?: PersistedState) {
    const seeded = seedAssets();
    this.seededIds = new Set(seeded.map((a) => a.asset_id));
    for (const asset of [...seeded, ...(persisted?.assets ?? [])]) this.addAsset(asset);
    for (const script of persisted?.scripts ?? []) this.scripts.set(script.script_id, script);
    for (const room of persisted?.rooms ?? []) this.rooms.set(room.room_id, room);
    for (const job of persisted?.jobs ?? []) this.jobs.set(job.job_id, job);
    for (const tts of persisted?.tts ?? []) this.addTts(tts);
    for (const upload of persisted?.uploads ?? []) {
      this.uploads.set(upload.file_id, upload);
      if (upload.received && upload.script_id) this.addFile(sceneAudioFile(upload));
    }
  }

  addAsset(asset: AssetRecord): void {
    this.assets.set(asset.asset_id, asset);
    for (const file of asset.files) this.files.set(file.file_id, file);
  }

  addTts(record: TtsRecord): void {
    this.tts.set(record.job_id, record);
    for (const file of record.files) this.files.set(file.file_id, file);
  }

  /** Replaces an asset (its files with it), or removes it when `next` is undefined. */
  replaceAsset(assetId: string, next: AssetRecord | undefined): void {
    for (const file of this.assets.get(assetId)?.files ?? []) this.files.delete(file.file_id);
    this.assets.delete(assetId);
    if (next) this.addAsset(next);
  }

  /** A downloadable file that belongs to no asset (a scene's uploaded audio). */
  addFile(file: FileRecord): void {
    this.files.set(file.file_id, file);
  }

  removeFile(fileId: string): void {
    this.files.delete(fileId);
  }

  file(fileId: string): FileRecord | undefined {
    return this.files.get(fileId);
  }

  /** The file's bytes, rendered from its recipe once. */
  content(file: FileRecord): Buffer {
    let bytes = this.contents.get(file.file_id);
    if (!bytes) {
      bytes = renderFile(file.recipe);
      this.contents.set(file.file_id, bytes);
    }
    return bytes;
  }

  /** `file_md5` is the Base64 MD5 of the content (24 characters, reference Table 4-55). */
  digest(file: FileRecord): { file_size: number; file_md5: string } {
    if (file.recipe.kind === 'stored') return { file_size: file.recipe.size, file_md5: file.recipe.md5 };
    let digest = this.digests.get(file.file_id);
    if (!digest) {
      const bytes = this.content(file);
      digest = { file_size: bytes.length, file_md5: createHash('md5').update(bytes).digest('base64') };
      this.digests.set(file.file_id, digest);
    }
    return digest;
  }

  snapshot(): PersistedState {
    return {
      version: 1,
      assets: [...this.assets.values()].filter((a) => !this.seededIds.has(a.asset_id)),
      scripts: [...this.scripts.values()],
      rooms: [...this.rooms.values()],
      jobs: [...this.jobs.values()],
      tts: [...this.tts.values()],
      uploads: [...this.uploads.values()],
    };
  }
}

/** The downloadable file of a scene's received audio. */
export function sceneAudioFile(upload: UploadRecord): FileRecord {
  return {
    file_id: upload.file_id, file_name: upload.file_name, file_type: upload.file_type, asset_file_category: upload.asset_file_category,
    recipe: { kind: 'stored', size: upload.received!.size, md5: upload.received!.md5 },
  };
}

export async function loadState(dataDir: string): Promise<PersistedState | undefined> {
  let text: string;
  try {
    text = await readFile(join(dataDir, STATE_FILE), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  const state = JSON.parse(text) as PersistedState;
  if (state.version !== 1) throw new Error(`${STATE_FILE}: unsupported version ${String(state.version)}`);
  return state;
}

/** Serializes writes: at most one in flight, and the last snapshot asked for is the one that lands. */
export class StateWriter {
  private pending: PersistedState | undefined;
  private running: Promise<void> | undefined;

  constructor(private readonly dataDir: string, private readonly onError: (err: unknown) => void) {}

  save(state: PersistedState): void {
    this.pending = state;
    this.running ??= this.drain().finally(() => { this.running = undefined; });
  }

  async flush(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    await mkdir(this.dataDir, { recursive: true });
    while (this.pending) {
      const state = this.pending;
      this.pending = undefined;
      const target = join(this.dataDir, STATE_FILE);
      const temporary = `${target}.${process.pid}.tmp`;
      try {
        await writeFile(temporary, JSON.stringify(state, null, 1));
        await rename(temporary, target);
      } catch (err) {
        this.onError(err);
      }
    }
  }
}
