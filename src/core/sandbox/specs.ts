/**
 * Request-body specs of the endpoints the sandbox implements, from the reference's tables. They are
 * the sandbox's own reading of the reference, kept apart from the linter's schemas on purpose: the
 * sandbox plays the cloud, which takes unknown properties and checks less than the linter warns of.
 */
import type { Spec } from './validate';

const str: Spec = { type: 'string' };
const int: Spec = { type: 'integer' };
const bool: Spec = { type: 'boolean' };
const required = <S extends Spec>(spec: S): S => ({ ...spec, required: true });
const strings: Spec = { type: 'array', items: str };
const enumOf = (...values: string[]): Spec => ({ type: 'string', enum: values });
const object = (props: Record<string, Spec>): Spec => ({ type: 'object', props });
const arrayOf = (items: Spec): Spec => ({ type: 'array', items });

/** A text longer than 131,072 characters is refused (docs/decisions/script-texts.md). */
const MAX_TEXT_LENGTH = 131_072;
const FONTS = ['HarmonyOS_Sans_SC_Black', 'HarmonyOS_Sans_SC_Regular', 'HarmonyOS_Sans_SC_Thin'];

const voiceConfig = object({
  voice_asset_id: required(str),
  speed: { type: 'integer', min: 50, max: 200 },
  pitch: { type: 'integer', min: 50, max: 200 },
  volume: { type: 'integer', min: 90, max: 240 },
});

const videoConfig = object({
  clip_mode: enumOf('RESIZE', 'CROP'),
  codec: required(enumOf('H264', 'VP8')),
  bitrate: { type: 'integer', required: true, min: 40, max: 30000 },
  width: required(int),
  height: required(int),
  frame_rate: str,
  is_subtitle_enabled: bool,
  subtitle_config: object({
    dx: int, dy: int, h: int, w: int,
    font_name: enumOf(...FONTS),
    font_size: { type: 'integer', min: 4, max: 120 },
  }),
  dx: int,
  dy: int,
  is_enable_super_resolution: bool,
});

const textConfig = object({ text: { type: 'string', required: true, maxLength: MAX_TEXT_LENGTH } });

const backgroundConfig = arrayOf(object({
  background_type: required(enumOf('IMAGE', 'IMAGE_2D', 'VIDEO', 'AUDIO')),
  background_config: str,
  background_color_config: str,
  background_asset_id: str,
}));

const position = object({ dx: required(int), dy: required(int), layer_index: { type: 'integer', required: true, min: 1 } });
const size = object({ width: int, height: int });

const layerConfig = arrayOf(object({
  layer_type: required(enumOf('HUMAN', 'IMAGE', 'VIDEO', 'TEXT')),
  asset_id: str,
  group_id: str,
  position,
  size,
  image_config: object({ image_url: str }),
  video_config: object({ video_url: str, video_cover_url: str, loop_count: int }),
  text_config: object({
    text_context: str,
    font_name: enumOf(...FONTS, 'fzyouh'),
    font_size: { type: 'integer', min: 4, max: 120 },
    font_color: str,
  }),
}));

const backgroundMusicConfig = object({ music_asset_id: str, volume: { type: 'integer', min: 0, max: 100 } });
const reviewConfig = object({ no_need_review: bool });

const shootScripts = arrayOf(object({
  sequence_no: int,
  shoot_script: required(object({
    script_type: enumOf('TEXT', 'AUDIO'),
    text_config: textConfig,
    background_config: backgroundConfig,
    layer_config: layerConfig,
  })),
}));

const videoScriptProps = {
  script_name: str,
  script_description: str,
  view_mode: enumOf('LANDSCAPE', 'VERTICAL'),
  model_asset_id: str,
  model_asset_type: enumOf('HUMAN_MODEL_2D', 'HUMAN_MODEL_3D'),
  voice_config: voiceConfig,
  video_config: videoConfig,
  scene_asset_id: str,
  priv_data: str,
  background_music_config: backgroundMusicConfig,
  review_config: reviewConfig,
  shoot_scripts: shootScripts,
};

export const videoScriptCreate: Spec = object({
  ...videoScriptProps,
  script_name: { type: 'string', required: true, nonEmpty: true },
  shoot_scripts: required(shootScripts),
});
/** Reference 5.1.4: every root field optional on update. */
export const videoScriptUpdate: Spec = object(videoScriptProps);

export const videoJobCreate: Spec = object({
  script_id: str,
  model_asset_id: str,
  voice_config: voiceConfig,
  video_config: videoConfig,
  shoot_scripts: shootScripts,
  output_asset_config: object({ asset_name: { type: 'string', required: true, nonEmpty: true } }),
  background_music_config: backgroundMusicConfig,
  review_config: reviewConfig,
  callback_config: object({
    callback_url: required(str),
    auth_type: { type: 'string', enum: ['None', 'MSS_A'], ignoreCase: true },
    key: str,
  }),
});

const layerForRules = object({
  layer_type: required(enumOf('IMAGE', 'VIDEO', 'TEXT')),
  asset_id: str,
  position,
  size,
});

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
    }))),
  })),
  interaction_rules: arrayOf(object({
    rule_index: str,
    rule_name: str,
    enabled: bool,
    event_type: { type: 'integer', oneOf: [1, 2, 3, 4, 10] },
    hit_condition: object({
      relation: { type: 'string', enum: ['And', 'Or', 'RESERVED'], ignoreCase: true },
      priority: { type: 'integer', min: 0, max: 999 },
      tags: arrayOf(object({
        tag: str,
        operation: enumOf('SUM', 'AVG', 'COUNT', 'NONE'),
        match: enumOf('EQUAL', 'REGEX', 'MATH_GT', 'MATH_GE', 'MATH_LT', 'MATH_LE', 'MATH_EQ'),
        value: str,
      })),
    }),
    trigger: object({
      time_window: int,
      reply_mode: enumOf('SYSTEM_REPLY', 'CALLBACK', 'SHOW_LAYER', 'INTELLIGENT_REPLY'),
      layer_config: layerForRules,
      extra_layer_config: layerForRules,
      reply_texts: strings,
      reply_audios: arrayOf(object({ audio_url: str, audio_name: str })),
      reply_order: enumOf('RANDOM', 'ORDER'),
      reply_role: enumOf('STREAMER', 'CO_STREAMER'),
      robot_id: str,
    }),
    review_config: reviewConfig,
    group_id: str,
    group_name: str,
    enabled_scenes: strings,
  })),
  play_policy: object({
    repeat_count: int,
    auto_play_script: bool,
    play_mode: enumOf('TEXT', 'AUDIO', 'NO_PRESET'),
    random_play_mode: enumOf('NONE', 'SCENE', 'SCRIPT_ITEM', 'SCENE_AND_SCRIPT_ITEM'),
    need_independent_capture_client: bool,
  }),
  video_config: videoConfig,
  output_urls: strings,
  stream_keys: strings,
  backup_model_asset_ids: strings,
  backup_mode_l_asset_ids: strings,
  live_event_callback_config: object({
    live_event_type_callback_url: str,
    auth_type: { type: 'string', enum: ['None', 'MSS_A', 'MSS_A_HEAD', 'MEITUAN_DEFAULT'], ignoreCase: true },
    key: str,
    callback_event_type: arrayOf(enumOf('SHOOT_SCRIPT_SWITCH', 'RTMP_STREAM_STATE_CHANGE', 'REPLY_COMMAND_FINISH')),
  }),
  rtc_callback_config: object({ rtc_callback_event_type: arrayOf(enumOf('LIVE_PROGRESS', 'REPLY_COMMAND_FINISH')) }),
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
});

export const ttsAudition: Spec = object({
  text: { type: 'string', required: true, nonEmpty: true, maxLength: MAX_TEXT_LENGTH },
  emotion: { type: 'string', required: true, nonEmpty: true },
  speed: { type: 'integer', min: 50, max: 200 },
  pitch: { type: 'integer', min: 50, max: 200 },
  volume: { type: 'integer', min: 90, max: 240 },
});

/** Reference 5.1.1 VideoConfig: the sizes allowed with clip_mode RESIZE (docs/decisions/video-output-rules.md). */
export const RESIZE_SIZES: ReadonlySet<string> = new Set(['1920x1080', '1080x1920', '1280x720', '720x1280', '3840x2160', '2160x3840']);
