/**
 * MetaStudio's cross-field rules (docs/decisions/backgrounds.md, docs/decisions/video-output-rules.md,
 * docs/decisions/script-texts.md,
 * and the SDK's stated conditions: docs/decisions/sdk-wire-truth.md), on a tree that ajv has already checked. Each rule looks only at
 * values of the right type, so a wrong type is reported once, by the schema.
 */
import * as l10n from '@vscode/l10n';
import type { Node } from 'jsonc-parser';
import commonSchema from '../../../schemas/common.schema.json';
import type { CoreDiagnostic, Fix } from '../diagnostics';
import { layoutChecks } from '../layout/checks';
import { layoutOfTree, type Canvas } from '../layout/model';
import { withoutTags } from '../ssml/spokenText';
import { codePointLength } from '../text/codePoints';
import { scriptCodes, type ScriptCode } from './codes';
import { insertPropertyFix, replaceValueFix } from './fixes';
import type { ScriptKind } from './kinds';
import type { ScriptText } from './texts';
import { childValue, elements, propertyNode } from './tree';

const resizeResolutions = ['1920x1080', '1080x1920', '1280x720', '720x1280', '3840x2160', '2160x3840'];
/** The SDK's subtitle sizes in practice; below the API's minimum, the schema reports. */
const minSubtitleFontSize = 24;
const minFontSize = commonSchema.definitions.fontSize.minimum;
/** `action_interval` 255 turns automatic gestures off; nothing larger is documented. */
const maxActionInterval = 255;
/** Video-config switches that only avatar video production applies. */
const videoOnlySwitches = ['is_subtitle_enable', 'is_enable_super_resolution', 'is_end_at_first_frame', 'is_vocabulary_config_enable'];
const videoOnlyCodecs = ['VP8', 'QTRLE'];
/** A scene's fields that only an audio-driven (`script_type` AUDIO) scene uses. */
const audioSceneFields = ['audio_duration', 'audio_drive_action_config', 'audio_drive_file_external_url', 'audio_config', '$audio_file'];
/** Values the API takes; any other is the schema's error, not a rule's. */
const frameRates: readonly string[] = commonSchema.definitions.videoConfig.properties.frame_rate.enum;
const backgroundTypes: readonly string[] = commonSchema.definitions.backgroundConfigInfo.properties.background_type.enum;
/** The user guide's video production limits (docs/decisions/script-texts.md). */
export const maxScenes = 50;
export const maxSceneChars = 10_000;
export const maxTotalChars = 100_000;
const maxTextChars = 131_072;

/** Where a diagnostic goes: a tree node, or any `{ offset, length }`. */
type Report = (code: ScriptCode, at: { offset: number; length: number }, message: string, fixes?: Fix[]) => void;


function typed(node: Node | undefined, type: Node['type']): Node | undefined {
  return node?.type === type ? node : undefined;
}

/** An integer value node: what the schema accepts where rules compare numbers. */
function integer(node: Node | undefined): Node | undefined {
  return node?.type === 'number' && Number.isInteger(node.value) ? node : undefined;
}

function keyNode(object: Node | undefined, name: string): Node | undefined {
  return propertyNode(object, name)?.children?.[0];
}

/** The length the production limits count: the text without its SSML tags. */
export function spokenLength(text: string): number {
  return withoutTags(text).length;
}

/** An image placed by `background_image_config` covers the whole canvas (the SDK's condition). */
function checkBackgroundGap(background: Node, canvas: Canvas, report: Report): void {
  const placement = childValue(background, 'background_image_config');
  const [dx, dy, width, height] = ['dx', 'dy', 'width', 'height'].map((name) => integer(childValue(placement, name))?.value);
  const key = keyNode(background, 'background_image_config');
  if (!key || dx === undefined || dy === undefined || width === undefined || height === undefined) return;
  if (dx > 0 || dy > 0 || dx + width < canvas.width || dy + height < canvas.height) {
    report('layout/background-gap', key, l10n.t('The background image spans x {0} to {1} and y {2} to {3}: it leaves part of the {4}x{5} canvas uncovered.',
      dx, dx + width, dy, dy + height, canvas.width, canvas.height));
  }
}

function checkBackgrounds(text: string, list: Node | undefined, canvas: Canvas, report: Report): void {
  for (const background of elements(list)) {
    const type = typed(childValue(background, 'background_type'), 'string');
    const config = childValue(background, 'background_config');
    if (type?.value === 'IMAGE' && !config) {
      report('script/background-config-required', type, l10n.t('A background of type IMAGE needs "background_config" (the image URL).'),
        [insertPropertyFix(text, background, 'background_config', '')]);
    }
    if (type?.value === 'COLOR' && !childValue(background, 'background_color_config')) {
      report('script/background-color-required', type, l10n.t('A background of type COLOR needs "background_color_config" (its RGB value).'),
        [insertPropertyFix(text, background, 'background_color_config', '#FFFFFF')]);
    }
    if (config?.type === 'string' && !/^[a-z][a-z0-9+.-]*:\/\//i.test(config.value)) {
      report('script/background-config-not-url', config, l10n.t('"background_config" expects a URL, not an asset ID or other text; put an image asset ID in "background_asset_id".'));
    }
    if (!type || !backgroundTypes.includes(type.value)) continue;
    for (const [name, only] of [['background_image_config', 'IMAGE'], ['background_color_config', 'COLOR']]) {
      const key = keyNode(background, name);
      if (key && type.value !== only) {
        report('script/background-field-ignored', key, l10n.t('"{0}" only takes effect in a background of type {1}, not {2}.', name, only, type.value));
      }
    }
    if (type.value === 'IMAGE') checkBackgroundGap(background, canvas, report);
  }
}

function checkLayers(list: Node | undefined, kind: ScriptKind, report: Report): void {
  for (const layer of elements(list)) {
    const sequenceNo = keyNode(layer, 'sequence_no');
    if (kind === 'video' && sequenceNo) {
      report('script/setting-ignored', sequenceNo, l10n.t('A layer\'s "sequence_no" only takes effect in a live room.'));
    }
  }
}

/** The audio-drive fields of a video scene that is not audio-driven. */
function checkAudioFields(scene: Node | undefined, report: Report): void {
  const scriptType = typed(childValue(scene, 'script_type'), 'string')?.value ?? 'TEXT';
  if (scriptType === 'AUDIO') return;
  for (const name of audioSceneFields) {
    const key = keyNode(scene, name);
    if (key) report('script/setting-ignored', key, l10n.t('"{0}" only takes effect in a scene whose script_type is AUDIO.', name));
  }
}

function checkActionInterval(root: Node, report: Report): void {
  const interval = childValue(childValue(root, 'action_config'), 'action_interval');
  if (interval?.type === 'number' && interval.value > maxActionInterval) {
    report('script/action-interval', interval, l10n.t('"action_interval" is at most {0} (which turns automatic gestures off); {1} is not documented.', maxActionInterval, interval.value));
  }
}

/** A bot writes intelligent replies: the trigger must name it. */
function checkTriggers(text: string, root: Node, report: Report): void {
  for (const rule of elements(childValue(root, 'interaction_rules'))) {
    const trigger = childValue(rule, 'trigger');
    const mode = typed(childValue(trigger, 'reply_mode'), 'string');
    if (!trigger || mode?.value !== 'INTELLIGENT_REPLY') continue;
    const robot = childValue(trigger, 'robot_id');
    if (robot?.type === 'string' && robot.value !== '') continue;
    report('script/robot-id-required', robot ?? mode, l10n.t('A trigger with reply_mode INTELLIGENT_REPLY needs "robot_id" (the bot that writes the replies).'),
      robot ? undefined : [insertPropertyFix(text, trigger, 'robot_id', '')]);
  }
}

/** A live room's video config set as only avatar video production uses it. */
function checkVideoOnlySettings(config: Node, report: Report): void {
  for (const name of videoOnlySwitches) {
    const key = keyNode(config, name);
    if (key && childValue(config, name)?.value === true) {
      report('script/setting-ignored', key, l10n.t('"{0}" only takes effect in avatar video production, not in a live room.', name));
    }
  }
  const codec = typed(childValue(config, 'codec'), 'string');
  if (codec && videoOnlyCodecs.includes(codec.value)) {
    report('script/setting-ignored', codec, l10n.t('The {0} codec is only for avatar video production, not for a live room.', codec.value));
  }
}

function checkVideoConfig(root: Node, kind: ScriptKind, report: Report): void {
  const config = childValue(root, 'video_config');
  if (config?.type !== 'object') return;
  const clipMode = typed(childValue(config, 'clip_mode'), 'string')?.value ?? 'RESIZE';
  const width = integer(childValue(config, 'width'));
  const height = integer(childValue(config, 'height'));
  const resolution = width && height ? `${width.value}x${height.value}` : undefined;
  let resolutionOk = true;
  if (clipMode === 'RESIZE' && width && resolution && !resizeResolutions.includes(resolution)) {
    resolutionOk = false;
    report('script/resize-resolution', width, l10n.t('With clip_mode RESIZE, the resolution must be one of {0}, not {1}.', resizeResolutions.join(', '), resolution));
  }
  if (kind === 'live' && width && resolution && resolutionOk && resolution !== '1080x1920') {
    report('script/live-resolution', width, l10n.t('Avatar livestreaming supports only 1080x1920, not {0}.', resolution));
  }
  if (clipMode !== 'CROP') {
    for (const name of ['dx', 'dy']) {
      const key = keyNode(config, name);
      if (key) report('script/crop-offset-ignored', key, l10n.t('"{0}" only takes effect when clip_mode is CROP.', name));
    }
  }
  const fontSize = integer(childValue(childValue(config, 'subtitle_config'), 'font_size'));
  if (fontSize && fontSize.value >= minFontSize && fontSize.value < minSubtitleFontSize) {
    report('script/subtitle-font-size', fontSize, l10n.t('Subtitles use a font size from {0} to 120; {1} is below what the service renders.', minSubtitleFontSize, fontSize.value));
  }
  if (kind === 'live') checkVideoOnlySettings(config, report);
  const modelType = typed(childValue(root, 'model_asset_type'), 'string')?.value;
  if (kind !== 'video' || (modelType !== undefined && modelType !== 'HUMAN_MODEL_2D')) return;
  const bitrate = integer(childValue(config, 'bitrate'));
  if (bitrate && bitrate.value >= 40 && bitrate.value <= 30000 && (bitrate.value < 1000 || bitrate.value > 8000)) {
    report('script/avatar-bitrate', bitrate, l10n.t('Avatar video production uses a bitrate from 1000 to 8000 kbit/s, not {0}.', bitrate.value));
  }
  const frameRate = typed(childValue(config, 'frame_rate'), 'string');
  if (frameRate && frameRate.value !== '25' && frameRates.includes(frameRate.value)) {
    report('script/avatar-frame-rate', frameRate, l10n.t('Avatar videos are produced at 25 FPS; frame_rate "{0}" is not used.', frameRate.value), [replaceValueFix(frameRate, '25')]);
  }
}

/** Each stream key belongs to the URL at its index; URLs without keys are allowed (the key may be in the URL). */
function checkStreamKeys(root: Node, report: Report): void {
  const keys = typed(childValue(root, 'stream_keys'), 'array');
  const key = keyNode(root, 'stream_keys');
  const urlCount = typed(childValue(root, 'output_urls'), 'array')?.children?.length ?? 0;
  const keyCount = keys?.children?.length ?? 0;
  if (keys && key && urlCount !== keyCount) {
    report('script/stream-keys-mismatch', key, l10n.t('"stream_keys" has {0} entries but "output_urls" has {1}: each URL needs its key.', keyCount, urlCount));
  }
}

function checkVideoLimits(root: Node, texts: readonly ScriptText[], report: Report): void {
  const scenesKey = keyNode(root, 'shoot_scripts');
  const scenes = elements(childValue(root, 'shoot_scripts'));
  if (scenesKey && scenes.length > maxScenes) {
    report('script/too-many-scenes', scenesKey, l10n.t('A video script has at most {0} scenes; this one has {1}.', maxScenes, scenes.length));
  }
  let total = 0;
  for (const t of texts) {
    const spoken = spokenLength(t.value);
    total += spoken;
    // Over 131,072 the schema's error says it all.
    if (spoken > maxSceneChars && codePointLength(t.value) <= maxTextChars) {
      report('script/scene-text-too-long', { offset: t.start, length: t.end - t.start }, l10n.t('A scene\'s text has at most {0} characters without tags; this one has {1}.', maxSceneChars, spoken));
    }
  }
  if (scenesKey && total > maxTotalChars) {
    report('script/total-text-too-long', scenesKey, l10n.t('All scenes together have at most {0} characters without tags; these have {1}.', maxTotalChars, total));
  }
}

function checkOneAvatar(root: Node, report: Report): void {
  const model = typed(childValue(root, 'model_asset_id'), 'string')?.value;
  let avatar = model || undefined;
  for (const item of elements(childValue(root, 'shoot_scripts'))) {
    for (const layer of elements(childValue(childValue(item, 'shoot_script'), 'layer_config'))) {
      if (typed(childValue(layer, 'layer_type'), 'string')?.value !== 'HUMAN') continue;
      const asset = typed(childValue(layer, 'asset_id'), 'string');
      if (!asset?.value) continue;
      if (avatar === undefined) avatar = asset.value;
      else if (asset.value !== avatar) {
        report('script/multiple-avatars', asset, l10n.t('A video script uses one avatar: "{0}" differs from "{1}".', asset.value, avatar));
      }
    }
  }
}

/** The cross-field rules of a parsed script whose root is an object. */
export function crossFieldRules(text: string, root: Node, kind: ScriptKind, texts: readonly ScriptText[]): CoreDiagnostic[] {
  const result: CoreDiagnostic[] = [];
  const report: Report = (code, at, message, fixes) => {
    result.push({ code, severity: scriptCodes[code].severity, message, start: at.offset, end: at.offset + at.length, ...(fixes ? { fixes } : {}) });
  };
  checkVideoConfig(root, kind, report);
  const layout = layoutOfTree(root, kind);
  const { canvas } = layout;
  layoutChecks(text, layout, report);
  if (kind === 'video') {
    for (const item of elements(childValue(root, 'shoot_scripts'))) {
      const scene = childValue(item, 'shoot_script');
      checkBackgrounds(text, childValue(scene, 'background_config'), canvas, report);
      checkLayers(childValue(scene, 'layer_config'), kind, report);
      checkAudioFields(scene, report);
    }
    checkVideoLimits(root, texts, report);
    checkOneAvatar(root, report);
    checkActionInterval(root, report);
  } else if (kind === 'live') {
    for (const scene of elements(childValue(root, 'scene_scripts'))) {
      checkBackgrounds(text, childValue(scene, 'background_config'), canvas, report);
      checkLayers(childValue(scene, 'layer_config'), kind, report);
    }
    checkStreamKeys(root, report);
    checkTriggers(text, root, report);
  }
  return result;
}
