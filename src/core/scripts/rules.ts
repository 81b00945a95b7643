/**
 * MetaStudio's cross-field rules (DECISIONS 9–11a), on a tree that ajv has already checked. Each rule
 * looks only at values of the right type, so a wrong type is reported once, by the schema.
 */
import * as l10n from '@vscode/l10n';
import type { Node } from 'jsonc-parser';
import type { CoreDiagnostic, Fix } from '../diagnostics';
import { withoutTags } from '../ssml/spokenText';
import { codePointLength } from '../text/codePoints';
import { scriptCodes, type ScriptCode } from './codes';
import { insertPropertyFix, replaceValueFix } from './fixes';
import type { ScriptKind } from './schemas';
import type { ScriptText } from './texts';
import { childValue, elements, propertyNode } from './tree';

const resizeResolutions = ['1920x1080', '1080x1920', '1280x720', '720x1280', '3840x2160', '2160x3840'];
const maxScenes = 50;
const maxSceneChars = 10_000;
const maxTotalChars = 100_000;
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
function spokenLength(text: string): number {
  return withoutTags(text).length;
}

function checkBackgrounds(text: string, list: Node | undefined, report: Report): void {
  for (const background of elements(list)) {
    const type = typed(childValue(background, 'background_type'), 'string');
    const config = childValue(background, 'background_config');
    if (type?.value === 'IMAGE' && !config) {
      report('script/background-config-required', type, l10n.t('A background of type IMAGE needs "background_config" (the image URL).'),
        [insertPropertyFix(text, background, 'background_config', '')]);
    }
    if (config?.type === 'string' && !/^[a-z][a-z0-9+.-]*:\/\//i.test(config.value)) {
      report('script/background-config-not-url', config, l10n.t('"background_config" expects a URL, not an asset ID or other text; put an image asset ID in "background_asset_id".'));
    }
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
  const modelType = typed(childValue(root, 'model_asset_type'), 'string')?.value;
  if (kind !== 'video' || (modelType !== undefined && modelType !== 'HUMAN_MODEL_2D')) return;
  const bitrate = integer(childValue(config, 'bitrate'));
  if (bitrate && bitrate.value >= 40 && bitrate.value <= 30000 && (bitrate.value < 1000 || bitrate.value > 8000)) {
    report('script/avatar-bitrate', bitrate, l10n.t('Avatar video production uses a bitrate from 1000 to 8000 kbit/s, not {0}.', bitrate.value));
  }
  const frameRate = typed(childValue(config, 'frame_rate'), 'string');
  if (frameRate && frameRate.value !== '25') {
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
  if (kind === 'video') {
    for (const item of elements(childValue(root, 'shoot_scripts'))) checkBackgrounds(text, childValue(childValue(item, 'shoot_script'), 'background_config'), report);
    checkVideoLimits(root, texts, report);
    checkOneAvatar(root, report);
  } else {
    for (const scene of elements(childValue(root, 'scene_scripts'))) checkBackgrounds(text, childValue(scene, 'background_config'), report);
    checkStreamKeys(root, report);
  }
  return result;
}
