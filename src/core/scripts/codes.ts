import { defineCodes } from '../diagnostics';

/** Every diagnostic of video and live script files, with its one severity and the rule it enforces. */
export const scriptCodes = defineCodes({
  // JSON and schema (DECISIONS 7, 8).
  'script/json-syntax': { severity: 'error', rule: 'A script file is strict JSON: no comments, no trailing commas, one value, nested at most 1,000 deep.' },
  'script/unknown-property': { severity: 'warning', rule: 'A property the reference does not list; a near miss of a known name (edit distance ≤ 2 and less than half the name\'s length) offers the rename.' },
  'script/duplicate-property': { severity: 'warning', rule: 'A key appears once per object; of repeated keys only the last counts.' },
  'script/missing-property': { severity: 'error', rule: 'Mandatory properties are present (e.g. `script_name`, `shoot_scripts`, `voice_asset_id`, `codec`).' },
  'script/wrong-type': { severity: 'error', rule: 'Each value has its documented type (string, integer, boolean, object, array).' },
  'script/invalid-enum': { severity: 'error', rule: 'Enumerated values come from the documented set (`auth_type` and `relation` ignore case).' },
  'script/out-of-range': { severity: 'error', rule: 'Numbers stay in their documented range, e.g. voice `speed`/`pitch` 50–200, `volume` 90–240, `bitrate` 40–30000, `font_size` 4–120, music `volume` 0–100, `layer_index` ≥ 1, `priority` 0–999.' },
  'script/not-base64': { severity: 'error', rule: 'A text layer\'s `text_context` is Base64-encoded.' },
  // Backgrounds (DECISIONS 9).
  'script/background-config-required': { severity: 'error', rule: 'A background of type `IMAGE` has `background_config` (its URL).' },
  'script/background-config-not-url': { severity: 'warning', rule: '`background_config` is a URL, not an asset ID (put asset IDs in `background_asset_id`).' },
  // Video output (DECISIONS 10).
  'script/resize-resolution': { severity: 'error', rule: 'With `clip_mode` RESIZE, width x height is 1920x1080, 1080x1920, 1280x720, 720x1280, 3840x2160 or 2160x3840.' },
  'script/crop-offset-ignored': { severity: 'warning', rule: '`video_config.dx`/`dy` only take effect with `clip_mode` CROP.' },
  'script/avatar-bitrate': { severity: 'warning', rule: 'Avatar video production uses a bitrate of 1000–8000 kbit/s.' },
  'script/avatar-frame-rate': { severity: 'warning', rule: 'Avatar videos are produced at 25 FPS (`frame_rate` "25").' },
  'script/live-resolution': { severity: 'warning', rule: 'Avatar livestreaming supports only 1080x1920.' },
  'script/stream-keys-mismatch': { severity: 'warning', rule: '`stream_keys` has one key per URL of `output_urls`.' },
  // Texts and production limits (DECISIONS 11, 11a).
  'script/text-too-long': { severity: 'error', rule: 'A `text_config.text` has at most 131,072 characters.' },
  'script/scene-text-too-long': { severity: 'warning', rule: 'A video scene\'s text has at most 10,000 characters without its SSML tags.' },
  'script/total-text-too-long': { severity: 'warning', rule: 'All scenes of a video script together have at most 100,000 characters without SSML tags.' },
  'script/too-many-scenes': { severity: 'warning', rule: 'A video script has at most 50 scenes (`shoot_scripts`).' },
  'script/multiple-avatars': { severity: 'warning', rule: 'A video script uses one avatar: `model_asset_id` and the `HUMAN` layers\' `asset_id` agree.' },
  // Never expected: a bug of the linter, reported instead of thrown.
  'script/internal-error': { severity: 'error', rule: 'The linter failed on this file; please report it with the file.' },
});

export type ScriptCode = keyof typeof scriptCodes;
