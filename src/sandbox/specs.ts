/**
 * Request-body specs of the endpoints the sandbox implements: every field of the official SDK's
 * request models (docs/decisions/sdk-wire-truth.md), with the SDK's names, types, enum values and mandatory fields,
 * and the ranges the reference or the SDK states. A body is stored as these specs see it: a field
 * they do not know is dropped, as the live service does. They are the sandbox's own reading, kept
 * apart from the linter's schemas on purpose: the sandbox plays the cloud, which checks less than
 * the linter warns of. A unit test keeps them equal to the SDK's field table.
 */
import type { Spec } from './validate';

const str: Spec = { type: 'string' };
const int: Spec = { type: 'integer' };
const num: Spec = { type: 'number' };
const bool: Spec = { type: 'boolean' };
const required = <S extends Spec>(spec: S): S => ({ ...spec, required: true });
const strings: Spec = { type: 'array', items: str };
const enumOf = (...values: string[]): Spec => ({ type: 'string', enum: values });
const object = (props: Record<string, Spec>): Spec => ({ type: 'object', props });
const arrayOf = (items: Spec): Spec => ({ type: 'array', items });
const intRange = (min: number, max: number): Spec => ({ type: 'integer', min, max });

/** A text longer than 131,072 characters is refused (docs/decisions/script-texts.md). */
const MAX_TEXT_LENGTH = 131_072;
const FONTS = ['HarmonyOS_Sans_SC_Black', 'HarmonyOS_Sans_SC_Regular', 'HarmonyOS_Sans_SC_Thin'];

/** Reference 5.1.1: speed and pitch 50–200, volume 90–240. */
const voiceConfig = object({
  voice_asset_id: required(str),
  speed: intRange(50, 200),
  pitch: intRange(50, 200),
  volume: intRange(90, 240),
});

const videoConfig = object({
  clip_mode: enumOf('RESIZE', 'CROP'),
  codec: enumOf('H264', 'VP8', 'VP9', 'QTRLE'),
  bitrate: { type: 'integer', required: true, min: 40, max: 30000 },
  width: required(int),
  height: required(int),
  frame_rate: enumOf('24', '25', '30'),
  is_subtitle_enable: bool,
  subtitle_config: object({
    dx: int, dy: int, h: int, w: int,
    font_name: enumOf(...FONTS),
    // The SDK's API range; the reference's 4–120 is the linter's.
    font_size: intRange(0, 120),
    font_color: str,
    stroke_color: str,
    stroke_thickness: { type: 'number', min: 0, max: 50 },
    opacity: { type: 'number', min: 0, max: 1 },
  }),
  dx: int,
  dy: int,
  is_enable_super_resolution: bool,
  is_end_at_first_frame: bool,
  output_external_url: str,
  is_vocabulary_config_enable: bool,
});

const textConfig = object({ text: { type: 'string', required: true, maxLength: MAX_TEXT_LENGTH } });

const backgroundConfig = arrayOf(object({
  background_type: required(enumOf('IMAGE', 'COLOR', 'IMAGE_2D', 'VIDEO', 'AUDIO')),
  background_config: str,
  background_color_config: str,
  background_asset_id: str,
  background_image_config: object({ dx: required(int), dy: required(int), width: required(int), height: required(int) }),
}));

const position = object({ dx: required(int), dy: required(int), layer_index: { type: 'integer', required: true, min: 1 } });
const size = object({ width: int, height: int });

const layerConfig = arrayOf(object({
  layer_type: required(enumOf('HUMAN', 'IMAGE', 'VIDEO', 'TEXT')),
  asset_id: str,
  group_id: str,
  sequence_no: int,
  position,
  size,
  rotation: object({ angle: intRange(0, 360) }),
  image_config: object({ image_url: str }),
  video_config: object({ video_url: str, video_cover_url: str, loop_count: int, video_sound: intRange(0, 100), is_play_the_entire_video: bool }),
  text_config: object({
    text_context: str,
    font_name: enumOf(...FONTS, 'fzyouh'),
    font_size: intRange(0, 120),
    font_color: str,
  }),
}));

const backgroundMusicConfig = object({ music_asset_id: str, volume: intRange(0, 100) });
const reviewConfig = object({ no_need_review: bool });
const actionConfig = object({ action_interval: num });

const subtitleFile = object({
  subtitle_file_download_url: str,
  subtitle_file_upload_url: str,
  subtitle_file_state: enumOf('GENERATE_SUCCEED', 'GENERATE_FAILED', 'GENERATING'),
  job_id: str,
});

const shootScripts = arrayOf(object({
  sequence_no: int,
  shoot_script: object({
    script_type: enumOf('TEXT', 'AUDIO'),
    text_config: textConfig,
    audio_duration: num,
    audio_drive_action_config: arrayOf(object({ action_tag: required(str), action_name: str, action_start_time: required(num) })),
    audio_drive_file_external_url: str,
    background_config: backgroundConfig,
    layer_config: layerConfig,
    audio_config: object({ audio_id: int }),
  }),
  subtitle_file_info: object({ text_subtitle_file: subtitleFile, audio_subtitle_file: subtitleFile }),
}));

/** The SDK's `CreateVideoScriptsReq` and `UpdateVideoScriptsReq`: the same fields, none mandatory. */
export const videoScript: Spec = object({
  script_name: { type: 'string', nonEmpty: true },
  script_description: str,
  view_mode: enumOf('LANDSCAPE', 'VERTICAL'),
  model_asset_id: str,
  model_asset_type: enumOf('HUMAN_MODEL_2D'),
  voice_config: voiceConfig,
  video_config: videoConfig,
  priv_data: str,
  background_music_config: backgroundMusicConfig,
  review_config: reviewConfig,
  audio_files: object({
    audio_file_url: arrayOf(object({ sequence_no: required(int), audio_file_upload_url: str, audio_file_download_url: str, audio_id: int })),
  }),
  action_config: actionConfig,
  shoot_scripts: shootScripts,
});

export const videoJobCreate: Spec = object({
  script_id: str,
  model_asset_id: str,
  voice_config: voiceConfig,
  video_config: videoConfig,
  shoot_scripts: shootScripts,
  output_asset_config: object({ asset_name: { type: 'string', required: true, nonEmpty: true } }),
  background_music_config: backgroundMusicConfig,
  review_config: reviewConfig,
  // docs/decisions/case-insensitive-enums.md: auth_type in any case.
  callback_config: object({
    callback_url: required(str),
    auth_type: { type: 'string', enum: ['NONE', 'MSS_A'], ignoreCase: true },
    key: str,
  }),
  action_config: actionConfig,
});

const smartLayer = object({
  layer_type: required(enumOf('IMAGE', 'VIDEO', 'TEXT')),
  asset_id: str,
  position,
  size,
  image_config: object({ image_url: required(str), display_duration: int }),
  video_config: object({ video_url: required(str), video_cover_url: str, display_duration: int }),
  text_config: object({
    text_type: enumOf('DYNAMIC', 'STATIC'),
    text_context: str,
    font_name: str,
    font_size: int,
    font_color: str,
    display_duration: int,
  }),
});

const playType = enumOf('APPEND', 'INSERT', 'PLAY_NOW');

/** A live room's interaction rule (the SDK's `LiveRoomInteractionRuleInfo`). */
const interactionRule = object({
  rule_index: str,
  rule_name: str,
  enabled: bool,
  // The SDK's API range; the reference lists the values in use (1, 2, 3, 4, 10).
  event_type: intRange(0, 100),
  hit_condition: object({
    relation: { type: 'string', enum: ['AND', 'OR', 'RESERVED'], ignoreCase: true },
    priority: intRange(0, 999),
    tags: arrayOf(object({
      tag: str,
      operation: enumOf('SUM', 'AVG', 'COUNT', 'NONE'),
      match: enumOf('EQUAL', 'REGEX', 'MATH_GT', 'MATH_GE', 'MATH_LT', 'MATH_LE', 'MATH_EQ'),
      value: str,
    })),
  }),
  trigger: object({
    time_window: int,
    reply_mode: enumOf('SYSTEM_REPLY', 'CALLBACK', 'SYSTEM_REPLY_AND_CALLBACK', 'SHOW_LAYER', 'INTELLIGENT_REPLY'),
    layer_config: smartLayer,
    extra_layer_config: smartLayer,
    reply_texts: strings,
    reply_audios: arrayOf(object({ audio_url: str, audio_name: str })),
    reply_order: enumOf('RANDOM', 'ORDER'),
    reply_role: enumOf('STREAMER', 'CO_STREAMER'),
    robot_id: str,
    play_type: playType,
  }),
  review_config: reviewConfig,
  group_id: str,
  group_name: str,
  enabled_scenes: strings,
});

/** The fields a rule library's rule has (the SDK's `InteractionRuleInfo`): a room's rule without the library and scene fields. */
const { group_id: _groupId, group_name: _groupName, enabled_scenes: _scenes, ...libraryRuleProps } = (interactionRule as { props: Record<string, Spec> }).props;

/** The SDK's `InteractionRuleGroup`, for create and update (reference 6.1.6, 6.1.8). */
export const ruleGroup: Spec = object({
  group_name: { type: 'string', required: true, nonEmpty: true },
  interaction_rules: arrayOf(object(libraryRuleProps)),
});

const livePlayPolicy = object({
  repeat_count: int,
  auto_play_script: bool,
  play_mode: enumOf('TEXT', 'AUDIO', 'NO_PRESET'),
  random_play_mode: enumOf('NONE', 'SCENE', 'SCRIPT_ITEM', 'SCENE_AND_SCRIPT_ITEM'),
  need_independent_capture_client: bool,
  live_exit_config: object({
    max_live_duration: intRange(0, 168),
    auto_stop_mode: enumOf('FORCE_EXIT', 'SEGMENT_END', 'SCENE_END', 'SCRIPT_END'),
    max_exception_waiting_duration: intRange(0, 60),
  }),
  is_rewrite_delay: bool,
});

const liveEventCallbackConfig = object({
  live_event_type_callback_url: str,
  auth_type: { type: 'string', enum: ['NONE', 'MSS_A', 'MSS_A_HEAD', 'MEITUAN_DEFAULT'], ignoreCase: true },
  key: str,
  callback_event_type: strings,
});

/** The SDK's `StartSmartLiveReq` (reference 6.2.1). */
export const liveJobStart: Spec = object({
  video_config: videoConfig,
  play_policy: livePlayPolicy,
  output_urls: strings,
  stream_keys: strings,
  interaction_callback_url: str,
  live_event_callback_config: liveEventCallbackConfig,
  rtc_callback_config: object({ rtc_callback_event_type: strings }),
  view_mode: enumOf('LANDSCAPE', 'VERTICAL'),
  co_streamer_config: object({ voice_config: voiceConfig, streamer_action: enumOf('SILENCE', 'VOLUME_DOWN') }),
  job_run_config: object({ allow_resource_type: enumOf('PERIOD', 'ONDEMAND', 'UNLIMITED', 'ONE_TIME'), single_job_in_room: bool }),
});

export const LIVE_COMMANDS = [
  'INSERT_PLAY_SCRIPT', 'REWRITE_PLAY_SCRIPT', 'INSERT_PLAY_AUDIO', 'REWRITE_INTERACTION_RULES', 'GET_CURRENT_PLAYING_SCRIPTS',
  'REFRESH_OUTPUT_URL', 'GET_LIVE_JOB_CONFIG_INFO', 'CLEAN_UP_INSERT_COMMAND', 'RESET_EXIT_CONFIG',
] as const;

/** The SDK's `ControlSmartLiveReq` (reference 6.2.5); `params` is checked per command by the route. */
export const liveCommand: Spec = object({
  command: required(enumOf(...LIVE_COMMANDS)),
  params: { type: 'any' },
  review_config: reviewConfig,
});

/** INSERT_PLAY_SCRIPT's params (the reference's example: the text, how it enters the playback, the rule it answers). */
export const insertPlayScriptParams: Spec = object({ text_config: required(textConfig), play_type: playType, rule_index: str });

/** The SDK's `ReportLiveEventReq` (reference 6.2.7). */
export const liveEventReport: Spec = object({
  total: required(int),
  events: arrayOf(object({ timestamp: required(int), type: int, content: str })),
  review_config: reviewConfig,
});

/** The SDK's `CreateSmartLiveRoomReq`, for create and update. */
export const liveRoom: Spec = object({
  room_name: { type: 'string', required: true, nonEmpty: true },
  room_description: str,
  room_type: enumOf('NORMAL', 'TEMP', 'TEMPLATE'),
  scene_scripts: arrayOf(object({
    script_id: str,
    script_name: required(str),
    script_description: str,
    dh_id: str,
    model_asset_id: str,
    voice_config: voiceConfig,
    background_config: backgroundConfig,
    layer_config: layerConfig,
    shoot_scripts: required(arrayOf(object({
      sequence_no: int,
      title: str,
      text_config: textConfig,
      audio_config: object({ asset_id: str, audio_url: str, subtitle_url: str }),
      relation_product: object({ product_id: str, product_title: str }),
    }))),
  })),
  interaction_config: object({ play_type: playType, ignore_current_sentence: bool }),
  interaction_rules: arrayOf(interactionRule),
  play_policy: livePlayPolicy,
  video_config: videoConfig,
  output_urls: strings,
  stream_keys: strings,
  backup_model_asset_ids: strings,
  /** The create table's misprint (docs/decisions/field-spellings.md): taken, stored under the right name. */
  backup_mode_l_asset_ids: strings,
  live_event_callback_config: object({
    live_event_type_callback_url: str,
    auth_type: { type: 'string', enum: ['NONE', 'MSS_A', 'MSS_A_HEAD', 'MEITUAN_DEFAULT'], ignoreCase: true },
    key: str,
    callback_event_type: strings,
    is_inheritance_platform_callback: bool,
  }),
  rtc_callback_config: object({ rtc_callback_event_type: strings }),
  review_config: reviewConfig,
  shared_config: object({
    shared_type: enumOf('PRIVATE', 'PUBLIC', 'SHARED'),
    shared_state: enumOf('PUBLISHED', 'DRAFT', 'REVIEW'),
    expire_time: str,
    allowed_project_ids: strings,
  }),
  view_mode: enumOf('LANDSCAPE', 'VERTICAL'),
  co_streamer_config: object({ voice_config: voiceConfig, streamer_action: enumOf('SILENCE', 'VOLUME_DOWN') }),
  priv_data: str,
  relation_live_platform_info: object({ platform_id: required(str), live_id: required(str) }),
});

export const ttsAudition: Spec = object({
  text: { type: 'string', required: true, nonEmpty: true, maxLength: MAX_TEXT_LENGTH },
  tts_text: str,
  emotion: { type: 'string', required: true, nonEmpty: true },
  speed: intRange(50, 200),
  pitch: intRange(50, 200),
  volume: intRange(90, 240),
  business_type: str,
  style: str,
  channels: intRange(1, 2),
  is_vocabulary_config_enable: bool,
});

/** Reference 5.1.1 VideoConfig: the sizes allowed with clip_mode RESIZE (docs/decisions/video-output-rules.md). */
export const RESIZE_SIZES: ReadonlySet<string> = new Set(['1920x1080', '1080x1920', '1280x720', '720x1280', '3840x2160', '2160x3840']);

/** The SDK's asset types (`CreateDigitalAssetRequestBody`). */
export const ASSET_TYPES = [
  'HUMAN_MODEL', 'VOICE_MODEL', 'SCENE', 'ANIMATION', 'VIDEO', 'IMAGE', 'PPT', 'MATERIAL', 'NORMAL_MODEL', 'COMMON_FILE',
  'HUMAN_MODEL_2D', 'BUSINESS_CARD_TEMPLET', 'MUSIC', 'AUDIO',
];

/**
 * "Creating an Asset" (reference 4.1.1). Its metadata (`asset_extra_meta`) is taken unchecked: the
 * sandbox derives nothing from it.
 */
export const assetCreate: Spec = object({
  asset_name: { type: 'string', required: true, nonEmpty: true },
  asset_description: str,
  asset_type: required(enumOf(...ASSET_TYPES)),
  review_config: reviewConfig,
  tags: strings,
  asset_extra_meta: object({}),
  system_properties: arrayOf(object({
    action: enumOf('ADD', 'DELETE'),
    key: str,
    value: str,
  })),
  shared_config: object({ shared_type: enumOf('PRIVATE', 'PUBLIC', 'SHARED'), expire_time: str, allowed_project_ids: strings }),
  is_need_generate_cover: bool,
  asset_order: int,
  supported_service: strings,
  auto_operation_config: arrayOf(object({ operation: enumOf('BLOCK', 'DELETE'), operation_time: str })),
});

/** "Creating a File and Obtaining the URL for File Upload" (reference 4.2.1): a name of 1–256 characters, 1 byte to 5 GiB. */
export const fileCreate: Spec = object({
  file_name: { type: 'string', required: true, nonEmpty: true, maxLength: 256 },
  file_md5: { type: 'string', required: true, nonEmpty: true },
  file_size: { type: 'integer', required: true, min: 1, max: 5_368_709_120 },
  file_type: { type: 'string', required: true, nonEmpty: true },
  asset_id: { type: 'string', required: true, nonEmpty: true },
  asset_file_category: required(str),
});

/** "Confirming the Upload of a File" (reference 4.2.3, the SDK's model). */
export const fileConfirm: Spec = object({ state: required(enumOf('CREATED', 'FAILED', 'CANCELLED')) });
