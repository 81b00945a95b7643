/** The records the sandbox keeps; response bodies are rendered from them by the routes. */
import type { FileRecipe } from './media';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface FileRecord {
  readonly file_id: string;
  readonly file_name: string;
  readonly file_type: string;
  readonly asset_file_category: string;
  readonly recipe: FileRecipe;
}

export interface AssetRecord {
  readonly asset_id: string;
  asset_name: string;
  readonly asset_description?: string;
  readonly asset_type: string;
  readonly asset_state: string;
  readonly create_time: string;
  readonly update_time: string;
  readonly tags: string[];
  /** `SYSTEM` assets are visible to every project; `CUSTOMIZATION` ones to their project. */
  readonly source: 'SYSTEM' | 'CUSTOMIZATION';
  /** Null for the seeded tenant samples, which every project sees as its own. */
  readonly project_id: string | null;
  readonly asset_extra_meta?: JsonObject;
  readonly system_properties?: { key: string; value: string }[];
  readonly fail_type?: string;
  readonly reason?: string;
  readonly files: FileRecord[];
}

export interface ScriptRecord {
  readonly script_id: string;
  readonly project_id: string;
  body: JsonObject;
  readonly create_time: string;
  update_time: string;
}

export interface RoomRecord {
  readonly room_id: string;
  readonly project_id: string;
  body: JsonObject;
  readonly create_time: string;
  update_time: string;
}

export interface JobRecord {
  readonly job_id: string;
  readonly project_id: string;
  readonly created_ms: number;
  /** The resolved request: the script's settings when `script_id` was given (reference 5.3.1). */
  readonly request: JsonObject;
  readonly script_id?: string;
  readonly output_asset_id: string;
  readonly output_asset_name: string;
  readonly duration_s: number;
  /** Decided at creation, revealed when processing ends. */
  readonly failure?: { error_code: string; error_msg: string };
  /** Held in WAITING until canceled. */
  readonly queued?: boolean;
  canceled_ms?: number;
  /** Set once the output asset exists. */
  output_created?: boolean;
}

export interface TtsRecord {
  readonly job_id: string;
  readonly project_id: string;
  readonly created_ms: number;
  readonly files: FileRecord[];
}

/** Everything a `dataDir` keeps; the seeded assets are rebuilt on start instead. */
export interface PersistedState {
  readonly version: 1;
  readonly assets: AssetRecord[];
  readonly scripts: ScriptRecord[];
  readonly rooms: RoomRecord[];
  readonly jobs: JobRecord[];
  readonly tts: TtsRecord[];
}

export function rfc3339(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
