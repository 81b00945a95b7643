/**
 * The sandbox's state: seeded assets plus what clients create, in memory, optionally persisted to
 * `<dataDir>/sandbox-state.json`. A change is on disk before it is acknowledged (see `StateWriter`).
 */
import { errorMessage } from '../core/errors';
import { createHash } from 'node:crypto';
import { mkdir, open, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomically } from '../core/files/atomicWrite';
import { isObject, parseUntrustedJson } from '../core/json';
import { renderFile } from './media';
import type { AssetRecord, FileRecord, JobRecord, LiveJobRecord, PersistedState, RoomRecord, RuleGroupRecord, ScriptRecord, TtsRecord, UploadRecord } from './model';
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
  readonly liveJobs = new Map<string, LiveJobRecord>();
  readonly ruleGroups = new Map<string, RuleGroupRecord>();
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
    for (const job of persisted?.liveJobs ?? []) this.liveJobs.set(job.job_id, job);
    for (const group of persisted?.ruleGroups ?? []) this.ruleGroups.set(group.group_id, group);
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
      liveJobs: [...this.liveJobs.values()],
      ruleGroups: [...this.ruleGroups.values()],
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

const COLLECTIONS = ['assets', 'scripts', 'rooms', 'jobs', 'tts'] as const;
/** Added later: a state saved before them loads without them. */
const OPTIONAL_COLLECTIONS = ['uploads', 'liveJobs', 'ruleGroups'] as const;
const isTemporary = (name: string) => name.startsWith(`${STATE_FILE}.`) && name.endsWith('.tmp');

/** The saved state, if any, after removing the temporary files a killed sandbox left behind. */
export async function loadState(dataDir: string): Promise<PersistedState | undefined> {
  let names: string[];
  try {
    names = await readdir(dataDir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  await Promise.all(names.filter(isTemporary).map((name) => rm(join(dataDir, name), { force: true })));
  if (!names.includes(STATE_FILE)) return undefined;
  let state: unknown;
  try {
    state = parseUntrustedJson(await readFile(join(dataDir, STATE_FILE), 'utf8'));
  } catch (err) {
    throw new Error(`${STATE_FILE}: ${errorMessage(err)}`);
  }
  if (!isObject(state)) throw new Error(`${STATE_FILE}: not a JSON object`);
  if (state.version !== 1) throw new Error(`${STATE_FILE}: unsupported version ${JSON.stringify(state.version)}`);
  const wrong = COLLECTIONS.find((name) => !Array.isArray(state[name]))
    ?? OPTIONAL_COLLECTIONS.find((name) => state[name] !== undefined && !Array.isArray(state[name]));
  if (wrong) throw new Error(`${STATE_FILE}: "${wrong}" is not a list`);
  return state as unknown as PersistedState;
}

/**
 * Saves the whole state before a change is acknowledged: a temporary file written and fsynced,
 * renamed over the state file, the folder fsynced. Saves asked for while one is running share the
 * next one (a group commit), so a burst of changes costs a few writes, not one each.
 */
export class StateWriter {
  private waiting: { resolve: () => void; reject: (err: unknown) => void }[] = [];
  private idle: Promise<void> = Promise.resolve();
  private busy = false;

  constructor(private readonly dataDir: string, private readonly snapshot: () => PersistedState) {}

  /** Resolves once the state as it is now is on disk; rejects when that write failed. */
  save(): Promise<void> {
    const saved = new Promise<void>((resolve, reject) => this.waiting.push({ resolve, reject }));
    if (!this.busy) {
      this.busy = true;
      this.idle = this.drain();
    }
    return saved;
  }

  flush(): Promise<void> {
    return this.idle;
  }

  private async drain(): Promise<void> {
    while (this.waiting.length > 0) {
      const batch = this.waiting;
      this.waiting = [];
      try {
        // Taken now: later changes wait for the next write.
        await writeDurably(this.dataDir, JSON.stringify(this.snapshot()));
        for (const waiter of batch) waiter.resolve();
      } catch (err) {
        for (const waiter of batch) waiter.reject(err);
      }
    }
    this.busy = false; // in the same step as the last check, so no save can slip between them
  }
}

async function writeDurably(dataDir: string, text: string): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  await writeFileAtomically(join(dataDir, STATE_FILE), text);
  // The rename itself is durable once the folder is synced (not possible on Windows).
  if (process.platform !== 'win32') {
    const folder = await open(dataDir, 'r');
    try {
      await folder.sync();
    } finally {
      await folder.close();
    }
  }
}
