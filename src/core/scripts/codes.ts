import { defineCodes } from '../diagnostics';

/** Every diagnostic of video and live script files, with its one severity and the rule it enforces. */
export const scriptCodes = defineCodes({
  // JSON and schema (docs/decisions/script-files.md, docs/decisions/unknown-properties.md).
  'script/json-syntax': { severity: 'error', rule: 'A script file is strict JSON: no comments, no trailing commas, one value, nested at most 1,000 deep.' },
  'script/unknown-property': { severity: 'warning', rule: 'A property neither the SDK\'s request model nor the reference lists; a near miss of a known name (edit distance ≤ 2 and less than half the name\'s length) offers the rename.' },
  'script/misnamed-field': { severity: 'warning', rule: 'A name the reference misprints is written as the service reads it: `is_subtitle_enabled` and `is_subtitle_able` are `is_subtitle_enable`.' },
  'script/duplicate-property': { severity: 'warning', rule: 'A key appears once per object; of repeated keys only the last counts.' },
  'script/missing-property': { severity: 'error', rule: 'The SDK\'s mandatory properties are present (e.g. `voice_asset_id`, `bitrate`, `width`, `height`, a live room\'s `room_name`).' },
  'script/wrong-type': { severity: 'error', rule: 'Each value has its documented type (string, integer, number, boolean, object, array).' },
  'script/invalid-enum': { severity: 'error', rule: 'Enumerated values come from the documented set (`auth_type` and `relation` ignore case).' },
  'script/out-of-range': { severity: 'error', rule: 'Numbers stay in their documented range, e.g. voice `speed`/`pitch` 50–200, `volume` 90–240, `bitrate` 40–30000, `font_size` 4–120, subtitle `stroke_thickness` 0–50 and `opacity` 0–1, music `volume` 0–100, `video_sound` 0–100, `angle` 0–360, `layer_index` ≥ 1, `priority` 0–999.' },
  'script/too-many-items': { severity: 'error', rule: 'Lists stay within their documented size: at most 5 `reply_texts`, `reply_audios` and `backup_model_asset_ids`, at most 100 `enabled_scenes` and `allowed_project_ids`.' },
  'script/not-base64': { severity: 'error', rule: 'A text layer\'s `text_context` is Base64-encoded.' },
  // Backgrounds (docs/decisions/backgrounds.md).
  'script/background-config-required': { severity: 'error', rule: 'A background of type `IMAGE` has `background_config` (its URL).' },
  'script/background-config-not-url': { severity: 'warning', rule: '`background_config` is a URL, not an asset ID (put asset IDs in `background_asset_id`).' },
  'script/background-color-required': { severity: 'error', rule: 'A background of type `COLOR` has `background_color_config` (its RGB value).' },
  'script/background-field-ignored': { severity: 'warning', rule: '`background_image_config` only takes effect in an `IMAGE` background, `background_color_config` only in a `COLOR` one.' },
  // Layout (docs/layout.md): boxes in canvas pixels, 1920x1080 landscape, 1080x1920 portrait.
  'layout/background-gap': { severity: 'error', rule: 'A background image placed by `background_image_config` covers the whole canvas (1920x1080 landscape, 1080x1920 portrait): `dx`, `dy` ≤ 0, `dx + width` and `dy + height` reach the far edges.' },
  'layout/outside-canvas': { severity: 'error', rule: 'A layer placed by `position` and `size` (turned by its `rotation`) shares some area with the canvas; one wholly outside it is never seen.' },
  'layout/partly-outside-canvas': { severity: 'warning', rule: 'A layer placed by `position` and `size` (turned by its `rotation`) lies wholly inside the canvas; the part outside is cut off.' },
  'layout/duplicate-layer-index': { severity: 'error', rule: 'The layers of one shot or scene each have their own `layer_index`.' },
  'layout/group-mismatch': { severity: 'warning', rule: 'Layers with the same `group_id` share one placement (position, size, rotation) across shots.' },
  'layout/video-rotation': { severity: 'warning', rule: 'A `VIDEO` layer has no `rotation` angle other than 0: the service does not turn video layers.' },
  'layout/avatar-covered': { severity: 'warning', rule: 'No `IMAGE`, `VIDEO` or `TEXT` layer drawn above the shot\'s `HUMAN` layer hides more than half of its box.' },
  // Video output (docs/decisions/video-output-rules.md).
  'script/resize-resolution': { severity: 'error', rule: 'With `clip_mode` RESIZE, width x height is 1920x1080, 1080x1920, 1280x720, 720x1280, 3840x2160 or 2160x3840.' },
  'script/crop-offset-ignored': { severity: 'warning', rule: '`video_config.dx`/`dy` only take effect with `clip_mode` CROP.' },
  'script/avatar-bitrate': { severity: 'warning', rule: 'Avatar video production uses a bitrate of 1000–8000 kbit/s.' },
  'script/avatar-frame-rate': { severity: 'warning', rule: 'Avatar videos are produced at 25 FPS (`frame_rate` "25").' },
  'script/live-resolution': { severity: 'warning', rule: 'Avatar livestreaming supports only 1080x1920.' },
  'script/stream-keys-mismatch': { severity: 'warning', rule: '`stream_keys` has one key per URL of `output_urls`.' },
  'script/subtitle-font-size': { severity: 'warning', rule: 'Subtitles use a `font_size` of 24–120 (the SDK\'s range in practice; the API takes 4–120).' },
  'script/setting-ignored': { severity: 'warning', rule: 'A setting is used where the service applies it: `is_subtitle_enable`, `is_enable_super_resolution`, `is_end_at_first_frame`, `is_vocabulary_config_enable` and the VP8/QTRLE codecs only in video production, a layer\'s `sequence_no` only in live rooms, a scene\'s audio-drive fields only with `script_type` AUDIO.' },
  'script/action-interval': { severity: 'warning', rule: '`action_interval` is a number of seconds up to 255 (255 turns automatic gestures off; larger values are not documented).' },
  'script/robot-id-required': { severity: 'error', rule: 'A trigger with `reply_mode` INTELLIGENT_REPLY names its bot in `robot_id`.' },
  // Texts and production limits (docs/decisions/script-texts.md).
  'script/text-too-long': { severity: 'error', rule: 'A `text_config.text` has at most 131,072 characters.' },
  'script/scene-text-too-long': { severity: 'warning', rule: 'A video scene\'s text has at most 10,000 characters without its SSML tags.' },
  'script/total-text-too-long': { severity: 'warning', rule: 'All scenes of a video script together have at most 100,000 characters without SSML tags.' },
  'script/too-many-scenes': { severity: 'warning', rule: 'A video script has at most 50 scenes (`shoot_scripts`).' },
  'script/multiple-avatars': { severity: 'warning', rule: 'A video script uses one avatar: `model_asset_id` and the `HUMAN` layers\' `asset_id` agree.' },
  // Never expected: a bug of the linter, reported instead of thrown.
  'script/internal-error': { severity: 'error', rule: 'The linter failed on this file; please report it with the file.' },
});

export type ScriptCode = keyof typeof scriptCodes;
