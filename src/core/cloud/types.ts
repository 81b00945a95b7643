/**
 * Wire types of the MetaStudio APIs the extension uses (reference chapters 4, 5, 6, 9; digest
 * assets.md, video-script.md, video-job.md, live-room.md, tts.md). Field names are the API's.
 * Response types list what the reference prints; the live API may add fields, which pass through.
 */

// ---- shared ----------------------------------------------------------------------------------

export interface ErrorInfo {
  error_code?: string;
  error_msg?: string;
}

export interface VoiceConfig {
  voice_asset_id: string;
  speed?: number;
  pitch?: number;
  volume?: number;
}

export interface SubtitleConfig {
  dx?: number;
  dy?: number;
  font_name?: string;
  font_size?: number;
  h?: number;
  w?: number;
}

export interface VideoConfig {
  clip_mode?: 'RESIZE' | 'CROP';
  codec?: 'H264' | 'VP8' | 'VP9' | 'QTRLE';
  bitrate: number;
  width: number;
  height: number;
  frame_rate?: string;
  /** The SDK's name; the client reads the reference's `is_subtitle_enabled` and `is_subtitle_able` as it (docs/decisions/field-spellings.md). */
  is_subtitle_enable?: boolean;
  subtitle_config?: SubtitleConfig;
  dx?: number;
  dy?: number;
  is_enable_super_resolution?: boolean;
}

export interface BackgroundMusicConfig {
  music_asset_id?: string;
  volume?: number;
}

export interface ReviewConfig {
  no_need_review?: boolean;
}

export interface TextConfig {
  text: string;
}

export interface BackgroundConfigInfo {
  background_type: 'IMAGE' | 'COLOR' | 'IMAGE_2D' | 'VIDEO' | 'AUDIO';
  background_config?: string;
  background_color_config?: string;
  background_asset_id?: string;
}

export interface LayerPositionConfig {
  dx: number;
  dy: number;
  layer_index: number;
}

export interface LayerSizeConfig {
  width?: number;
  height?: number;
}

export interface LayerConfig {
  layer_type: 'HUMAN' | 'IMAGE' | 'VIDEO' | 'TEXT';
  asset_id?: string;
  group_id?: string;
  position?: LayerPositionConfig;
  size?: LayerSizeConfig;
  image_config?: { image_url?: string };
  video_config?: { video_url?: string; video_cover_url?: string; loop_count?: number };
  text_config?: { text_context?: string; font_name?: string; font_size?: number; font_color?: string };
}

export type ViewMode = 'LANDSCAPE' | 'VERTICAL';

/** Paging parameters every list API takes. */
export interface PageQuery {
  offset?: number;
  limit?: number;
}

// ---- assets (4.1.2, 4.1.5) --------------------------------------------------------------------

export type AssetType =
  | 'VOICE_MODEL' | 'VIDEO' | 'IMAGE' | 'PPT' | 'MUSIC' | 'AUDIO' | 'COMMON_FILE'
  | 'HUMAN_MODEL_2D' | 'BUSINESS_CARD_TEMPLET' | 'HUMAN_MODEL' | 'SCENE' | 'ANIMATION' | 'MATERIAL' | 'NORMAL_MODEL';
export type AssetSource = 'SYSTEM' | 'CUSTOMIZATION' | 'ALL';
export type AssetState = 'CREATING' | 'FAILED' | 'UNACTIVED' | 'ACTIVED' | 'DELETING' | 'DELETED' | 'BLOCK';

/** Query of "Querying the Asset List" (Table 4-30). Lists are sent comma-separated. */
export interface ListAssetsQuery extends PageQuery {
  name?: string;
  tag?: string;
  tag_combination_type?: 'INTERSECTION' | 'UNION_SET';
  start_time?: string;
  end_time?: string;
  asset_type?: AssetType | readonly AssetType[] | string;
  sort_key?: 'create_time';
  sort_dir?: 'asc' | 'desc';
  asset_source?: AssetSource;
  asset_state?: AssetState | readonly AssetState[];
  style_id?: string;
  render_engine?: 'UE' | 'MetaEngine';
  /** Sent as a repeated `asset_id` parameter. */
  asset_id?: readonly string[];
  sex?: string | readonly string[];
  language?: string | readonly string[];
  /** `key:value` pairs, e.g. `BACKGROUND_IMG:Yes`. */
  system_property?: string | readonly string[];
  action_editable?: boolean;
  is_movable?: boolean;
  voice_provider?: 'HUAWEI_METASTUDIO' | 'MOBVOI';
  role?: 'SHARER' | 'SHAREE';
  is_realtime_voice?: boolean;
  human_model_2d_version?: string;
  include_device_name?: string;
  exclude_device_name?: string;
}

export interface VoiceCapability {
  is_support_phoneme_en?: boolean;
  is_support_phoneme?: boolean;
  is_support_break_time?: boolean;
  is_support_break_strength?: boolean;
  is_support_speed?: boolean;
  is_support_prosody?: boolean;
  is_support_ssml_say_as?: boolean;
  is_support_ssml_sub?: boolean;
  is_support_word?: boolean;
}

export interface VoiceModelAssetMeta {
  order?: number;
  model_type?: 'COMMON' | 'CLONE';
  sex?: string;
  language?: string;
  speed_ratio?: number;
  volume_ratio?: number;
  is_realtime_voice?: boolean;
  voice_capability?: VoiceCapability;
  external_voice_meta?: { provider: string };
}

export interface HumanModel2DAssetMeta {
  is_action_editable?: boolean;
  is_real_background?: boolean;
  support_live?: boolean;
  model_version?: string;
  model_resolution?: string;
  device_names?: string[];
}

export interface AssetExtraMeta {
  human_model_meta?: Record<string, unknown>;
  voice_model_meta?: VoiceModelAssetMeta;
  ppt_meta?: Record<string, unknown>;
  animation_meta?: Record<string, unknown>;
  scene_meta?: Record<string, unknown>;
  material_meta?: Record<string, unknown>;
  human_model_2d_meta?: HumanModel2DAssetMeta;
  image_meta?: Record<string, unknown>;
  video_meta?: Record<string, unknown>;
  audio_meta?: Record<string, unknown>;
}

export interface AssetFileInfo {
  file_id?: string;
  file_name?: string;
  file_md5?: string;
  file_size?: number;
  file_type?: string;
  asset_file_category?: string;
  download_url?: string;
  state?: string;
  reason?: string;
}

export interface SystemProperty {
  action?: 'ADD' | 'DELETE';
  key?: string;
  value?: string;
}

export interface DigitalAssetInfo {
  project_id?: string;
  asset_id: string;
  asset_name: string;
  asset_description?: string;
  app_user_id?: string;
  create_time?: string;
  update_time?: string;
  asset_type: string;
  asset_state?: string;
  fail_type?: string;
  reason?: string;
  tags?: string[];
  /** The SDK's name; the client reads the reference's `asset_extra_metadata` as it (docs/decisions/field-spellings.md). */
  asset_extra_meta?: AssetExtraMeta;
  system_properties?: SystemProperty[];
  files?: AssetFileInfo[];
  asset_order?: number;
}

export interface ListAssetsResponse {
  count: number;
  assets: DigitalAssetInfo[];
}

// ---- creating and deleting assets, their files (4.1.1, 4.1.4, 4.2.1–4.2.3) ---------------------

/** Body of "Creating an Asset" as the SDK's `CreateDigitalAssetRequestBody` has it (the part the extension sends). */
export interface CreateAssetRequest {
  asset_name: string;
  asset_type: AssetType;
  asset_description?: string;
  tags?: string[];
  /** VIDEO only: the asset library makes a cover of the video. */
  is_need_generate_cover?: boolean;
}

export interface CreateAssetResponse {
  asset_id: string;
  produce_id?: string;
}

/** Categories of an asset's files (reference Table 4-172). */
export type AssetFileCategory = 'MAIN' | 'COVER' | 'PAGE' | 'SAMPLE' | 'OTHER' | 'WHOLE_MODEL' | 'USER_MODIFIED_MODEL';

/** Body of "Creating a File and Obtaining the URL for File Upload" (the SDK's `FilesCreateReq`). */
export interface CreateFileRequest {
  file_name: string;
  /** Base64 of the content's MD5 (24 characters). */
  file_md5: string;
  /** 1 to 5,368,709,120 bytes. */
  file_size: number;
  /** The file name's extension. */
  file_type: string;
  asset_id: string;
  asset_file_category: AssetFileCategory;
}

export interface CreateFileResponse {
  file_id: string;
  /** Pre-signed, valid 24 hours: PUT the bytes there with `Content-MD5`. Never logged. */
  upload_url: string;
}

/** `state` of "Confirming the Upload of a File" (the SDK's enum; the SDK has no `auto_meta_analysis`). */
export type FileUploadState = 'CREATED' | 'FAILED' | 'CANCELLED';

// ---- video scripts (5.1) ----------------------------------------------------------------------

export interface ShootScript {
  script_type?: 'TEXT' | 'AUDIO';
  text_config?: TextConfig;
  background_config?: BackgroundConfigInfo[];
  layer_config?: LayerConfig[];
}

export interface ShootScriptItem {
  sequence_no?: number;
  shoot_script: ShootScript;
}

/** Body of "Creating a Video Script" (and of its update, where every root field is optional). */
export interface VideoScriptRequest {
  script_name: string;
  script_description?: string;
  view_mode?: ViewMode;
  model_asset_id?: string;
  model_asset_type?: 'HUMAN_MODEL_2D' | 'HUMAN_MODEL_3D';
  voice_config?: VoiceConfig;
  video_config?: VideoConfig;
  scene_asset_id?: string;
  priv_data?: string;
  background_music_config?: BackgroundMusicConfig;
  review_config?: ReviewConfig;
  shoot_scripts: ShootScriptItem[];
}

export interface ShootScriptAudioFiles {
  audio_file_url?: { sequence_no?: number; audio_file_upload_url?: string; audio_file_download_url?: string; audio_id?: number }[];
}

export interface VideoScriptWriteResponse {
  script_id: string;
  audio_files?: ShootScriptAudioFiles;
}

export interface VideoScriptDetails extends Partial<Omit<VideoScriptRequest, 'shoot_scripts'>> {
  script_id: string;
  shoot_scripts?: { sequence_no?: number; shoot_script: ShootScript & { thumbnail_url?: string } }[];
  create_time?: string;
  update_time?: string;
  audio_files?: ShootScriptAudioFiles;
  script_cover_url?: string;
}

export interface ListVideoScriptsQuery extends PageQuery {
  name?: string;
  script_catalog?: 'VIDEO_DRAFT' | 'SYSTEM_VIDEO_TEMPLET';
  view_mode?: ViewMode;
}

export interface VideoScriptBaseInfo {
  script_id: string;
  script_name: string;
  script_description?: string;
  model_asset_id?: string;
  model_asset_type?: string;
  script_cover_url?: string;
  script_type?: string;
  text?: string;
  create_time?: string;
  update_time?: string;
}

export interface ListVideoScriptsResponse {
  count: number;
  video_scripts: VideoScriptBaseInfo[];
}

// ---- 2D video jobs (5.2.1, 5.3) ---------------------------------------------------------------

/** `SUCCEED`/`SUCCESS` and `BLOCK`/`BLOCKED` are the same states (docs/decisions/video-jobs.md). */
export type JobState = 'WAITING' | 'PROCESSING' | 'SUCCEED' | 'SUCCESS' | 'FAILED' | 'CANCELED' | 'BLOCK' | 'BLOCKED';

export interface CreateVideoJobRequest {
  script_id?: string;
  model_asset_id?: string;
  voice_config?: VoiceConfig;
  video_config?: VideoConfig;
  shoot_scripts?: ShootScriptItem[];
  output_asset_config?: { asset_name: string };
  background_music_config?: BackgroundMusicConfig;
  review_config?: ReviewConfig;
  callback_config?: { callback_url: string; auth_type?: string; key?: string };
}

export interface OutputAssetInfo {
  asset_id?: string;
  asset_name?: string;
  cover_url?: string;
  preview_video_url?: string;
}

export interface VideoJobSummary {
  job_id: string;
  state: JobState | string;
  job_type?: string;
  start_time?: string;
  end_time?: string;
  duration?: number;
  output_asset_config?: OutputAssetInfo;
  error_info?: ErrorInfo | null;
  create_time?: string;
  lastupdate_time?: string;
}

export interface VideoJobDetails extends VideoJobSummary {
  script_id?: string;
  model_asset_id?: string;
  voice_config?: VoiceConfig;
  video_config?: VideoConfig;
  shoot_scripts?: ShootScriptItem[];
  background_music_config?: BackgroundMusicConfig;
}

export interface ListVideoJobsQuery extends PageQuery {
  state?: string | readonly string[];
  create_until?: string;
  create_since?: string;
  script_id?: string;
  asset_name?: string;
  job_id?: string;
}

export interface ListVideoJobsResponse {
  count: number;
  jobs: VideoJobSummary[];
}

// ---- live rooms (6.1) -------------------------------------------------------------------------

export interface LiveShootScriptItem {
  sequence_no?: number;
  title?: string;
  text_config?: TextConfig;
  audio_config?: { asset_id?: string; audio_url?: string; subtitle_url?: string };
}

export interface LiveVideoScriptInfo {
  script_id?: string;
  script_name: string;
  script_description?: string;
  dh_id?: string;
  model_asset_id?: string;
  voice_config?: VoiceConfig;
  background_config?: BackgroundConfigInfo[];
  layer_config?: LayerConfig[];
  shoot_scripts: LiveShootScriptItem[];
}

/** Interaction rules, callbacks and sharing are passed through as the user wrote them. */
export interface LiveRoomRequest {
  room_name: string;
  room_description?: string;
  room_type?: 'NORMAL' | 'TEMP' | 'TEMPLATE';
  scene_scripts?: LiveVideoScriptInfo[];
  interaction_rules?: Record<string, unknown>[];
  play_policy?: {
    repeat_count?: number;
    auto_play_script?: boolean;
    play_mode?: 'TEXT' | 'AUDIO' | 'NO_PRESET';
    random_play_mode?: string;
    need_independent_capture_client?: boolean;
  };
  video_config?: VideoConfig;
  output_urls?: string[];
  stream_keys?: string[];
  backup_model_asset_ids?: string[];
  live_event_callback_config?: Record<string, unknown>;
  rtc_callback_config?: Record<string, unknown>;
  review_config?: ReviewConfig;
  shared_config?: Record<string, unknown>;
  view_mode?: ViewMode;
  co_streamer_config?: { voice_config?: VoiceConfig; streamer_action?: 'SILENCE' | 'VOLUME_DOWN' };
  priv_data?: string;
}

export interface LiveRoomDetails extends Partial<LiveRoomRequest> {
  room_id: string;
  create_time?: string;
  update_time?: string;
  cover_url?: string;
  thumbnail?: string;
  room_state?: string;
  error_info?: ErrorInfo | null;
}

export interface ListLiveRoomsQuery extends PageQuery {
  room_name?: string;
  dh_id?: string;
  model_name?: string;
  live_state?: string | readonly string[];
  start_time?: string;
  end_time?: string;
  room_type?: 'NORMAL' | 'TEMP' | 'TEMPLATE';
  template_own_type?: string;
}

export interface LiveRoomBaseInfo {
  room_id: string;
  project_id?: string;
  room_name: string;
  room_type?: string;
  room_state?: string;
  view_mode?: string;
  error_info?: ErrorInfo | null;
  shared_config?: Record<string, unknown>;
  room_description?: string;
  cover_url?: string;
  thumbnail?: string;
  model_infos?: { model_asset_id?: string; asset_name?: string; backup_model_asset_ids?: string[] }[];
  create_time?: string;
  update_time?: string;
  last_job_start_time?: string;
  last_job_end_time?: string;
  last_job_statuses?: string;
  priv_data?: string;
}

export interface ListLiveRoomsResponse {
  count: number;
  smart_live_rooms: LiveRoomBaseInfo[];
}

// ---- interaction rule libraries (6.1.6–6.1.9; the SDK's InteractionRuleGroup) ---------------

/** A rule as a library holds it; a live room's rule has the same fields and a few more. */
export type InteractionRule = Record<string, unknown>;

export interface InteractionRuleGroupRequest {
  group_name: string;
  interaction_rules?: InteractionRule[];
}

export interface InteractionRuleGroupDetails extends InteractionRuleGroupRequest {
  group_id: string;
  create_time?: string;
  update_time?: string;
}

export interface ListInteractionRuleGroupsQuery extends PageQuery {
  group_name?: string;
  create_since?: string;
  create_until?: string;
}

export interface ListInteractionRuleGroupsResponse {
  count: number;
  interaction_rule_groups: InteractionRuleGroupDetails[];
}

// ---- livestreaming tasks (6.2; the SDK's StartSmartLiveReq, SmartLiveJob, ControlSmartLiveReq) ----

/** The SDK's live job states: no CANCELED (a stopped job ends SUCCEED), BLOCKED spelt so. */
export type LiveJobState = 'WAITING' | 'PROCESSING' | 'SUCCEED' | 'FAILED' | 'BLOCKED';

export interface StartLiveJobRequest {
  video_config?: VideoConfig;
  play_policy?: LiveRoomRequest['play_policy'];
  output_urls?: string[];
  stream_keys?: string[];
  interaction_callback_url?: string;
  live_event_callback_config?: Record<string, unknown>;
  rtc_callback_config?: Record<string, unknown>;
  view_mode?: ViewMode;
  co_streamer_config?: LiveRoomRequest['co_streamer_config'];
  job_run_config?: { allow_resource_type?: string; single_job_in_room?: boolean };
}

export interface StartLiveJobResponse {
  job_id: string;
  live_event_report_url?: string;
  live_warning_info?: { warning_type?: string }[];
  limit_duration?: number;
}

export interface LiveJob {
  job_id: string;
  room_id?: string;
  room_name?: string;
  state: LiveJobState | string;
  /** Seconds. */
  duration?: number;
  start_time?: string;
  end_time?: string;
  error_info?: ErrorInfo | null;
  create_time?: string;
  lastupdate_time?: string;
  live_event_report_url?: string;
  stream_duration?: number;
  block_reason?: string;
  cover_url?: string;
}

export interface ListLiveJobsQuery extends PageQuery {
  state?: string | readonly string[];
  create_since?: string;
  create_until?: string;
}

export interface ListAllLiveJobsQuery extends ListLiveJobsQuery {
  room_name?: string;
}

export interface ListLiveJobsResponse {
  count: number;
  smart_live_jobs: LiveJob[];
}

export type LiveCommandName =
  | 'INSERT_PLAY_SCRIPT' | 'REWRITE_PLAY_SCRIPT' | 'INSERT_PLAY_AUDIO' | 'REWRITE_INTERACTION_RULES' | 'GET_CURRENT_PLAYING_SCRIPTS'
  | 'REFRESH_OUTPUT_URL' | 'GET_LIVE_JOB_CONFIG_INFO' | 'CLEAN_UP_INSERT_COMMAND' | 'RESET_EXIT_CONFIG';

/** How an inserted line enters the playback: after the current sentence, at the end of the scene, or at once. */
export type PlayType = 'APPEND' | 'INSERT' | 'PLAY_NOW';

export interface LiveCommandRequest {
  command: LiveCommandName;
  params?: unknown;
  review_config?: ReviewConfig;
}

export interface LiveCommandResponse {
  command_id?: string;
  command?: LiveCommandName | string;
  /** Text; JSON for the two queries. */
  result?: string;
}

/** One entry of GET_CURRENT_PLAYING_SCRIPTS' `scene_scripts` (the SDK's LivePlayingScriptInfo). */
export interface LivePlayingScript {
  script_name?: string;
  model_asset_id?: string;
  shoot_scripts?: { sequence_no?: number; title?: string; text?: string }[];
}

/** Reference 6.2.7: 1 comment, 2 joining, 3 like, 4 gift, 5 follow, 6 viewer count; `content` is JSON text. */
export interface LiveEvent {
  timestamp: number;
  type?: number;
  content?: string;
}

export interface LiveEventReportRequest {
  total: number;
  events?: LiveEvent[];
  review_config?: ReviewConfig;
}

// ---- TTS audition (9; docs/decisions/tts-preview.md) ----------------------------------------

export interface TtsAuditionRequest {
  text: string;
  /** The voice (timbre) asset ID, despite the name. */
  emotion: string;
  speed?: number;
  pitch?: number;
  volume?: number;
}

export interface TtsAuditionFileResponse {
  is_file_complete: boolean;
  message?: string;
  files?: { download_url: string }[];
}
