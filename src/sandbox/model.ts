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
  /** An uploaded asset under review: when the review ends (epoch ms). */
  readonly review_due_ms?: number;
  /** A VIDEO asset whose cover the asset library makes when the review ends. */
  readonly generate_cover?: boolean;
}

/**
 * A file announced by "Creating a File" until its upload is confirmed, or the audio of an
 * audio-driven scene of a video script. Its bytes go to the sandbox's upload folder.
 */
export interface UploadRecord {
  readonly file_id: string;
  readonly project_id: string;
  /** The asset the file is for… */
  readonly asset_id?: string;
  /** …or the video script and the scene whose audio it is. */
  readonly script_id?: string;
  readonly sequence_no?: number;
  readonly file_name: string;
  readonly file_type: string;
  readonly asset_file_category: string;
  /** What the upload must match; a scene's audio declares neither (any MP3, WAV or M4A up to 100 MB). */
  readonly file_md5?: string;
  readonly file_size?: number;
  /** Set once the bytes are in the upload folder. */
  received?: { readonly size: number; readonly md5: string };
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

/** One shot a live job plays: a scene's shot, or a line inserted by a command or an interaction rule. */
export interface PlayItem {
  readonly script_name: string;
  readonly model_asset_id?: string;
  readonly sequence_no: number;
  readonly title?: string;
  readonly text: string;
  readonly duration_ms: number;
  /** Said because of INSERT_PLAY_SCRIPT or a rule's reply, not part of a scene. */
  readonly inserted?: boolean;
}

/** A livestreaming task (reference 6.2): what it plays follows from the clock and the commands it got. */
export interface LiveJobRecord {
  readonly job_id: string;
  readonly room_id: string;
  readonly project_id: string;
  readonly created_ms: number;
  /** The start request as the specs kept it. */
  readonly request: JsonObject;
  /** The room's scene scripts as this job plays them; REWRITE_PLAY_SCRIPT replaces them. */
  scenes: JsonObject[];
  /** The room's interaction rules as this job applies them; REWRITE_INTERACTION_RULES replaces them. */
  rules: JsonObject[];
  /** Rounds after the first; -1 repeats until stopped (the room's `play_policy.repeat_count`). */
  readonly repeat_count: number;
  rounds_started: number;
  /** When `queue[0]` started playing; absent while WAITING. */
  cursor_ms?: number;
  /** The shot playing now, then what follows in this round. */
  queue: PlayItem[];
  ended_ms?: number;
  end_state?: 'SUCCEED' | 'FAILED';
  failure?: { error_code: string; error_msg: string };
  /** When each rule (by index in `rules`) last replied, and how many times, for `time_window` and `reply_order`. */
  rule_hits: Record<string, { last_ms: number; count: number }>;
}

/** An interaction rule library (reference 6.1.6–6.1.9). */
export interface RuleGroupRecord {
  readonly group_id: string;
  readonly project_id: string;
  body: JsonObject;
  readonly create_time: string;
  update_time: string;
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
  /** Announced files and scene audio (absent in state files written before uploads existed). */
  readonly uploads?: UploadRecord[];
  /** Absent in states saved before live jobs existed. */
  readonly liveJobs?: LiveJobRecord[];
  readonly ruleGroups?: RuleGroupRecord[];
}

export function rfc3339(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
