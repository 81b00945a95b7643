/**
 * The one conversion of a details response into a request body (docs/decisions/details-to-body.md), used by pull,
 * compare and the read-back after a push: response-only fields are dropped, variant names mapped
 * to the request's, and server defaults left out where the local body does not have them, so that
 * a pulled file pushes back unchanged and a compare shows only real differences.
 */
import { withNormalizedVideoConfig } from '../cloud/responseVariants';
import type { VideoConfig } from '../cloud/types';
import type { ScriptKind } from '../scripts/schemas';
import type { ScriptBody } from './scriptBody';
import { isObject } from '../json';
import { VOICE_SETTINGS } from '../voiceSettings';
import responseOnlyFields from './responseOnlyFields.json';

/**
 * Paths are dotted field names with `[]` for "every element". The fields of a details response
 * that the create request lacks, as the SDK's models have them (written from the SDK by
 * scripts/sdk-wire-table.mjs); everything else is a request field and is kept.
 */
const RESPONSE_ONLY: Record<ScriptKind, ReadonlySet<string>> = {
  video: new Set(responseOnlyFields.video),
  live: new Set(responseOnlyFields.live),
};

/**
 * Request fields the service fills in: the audio scenes' URLs (reference Table 5-22), which expire.
 * Like a default, they are left out where the local body does not have them.
 */
const SERVICE_FILLED: Record<ScriptKind, ReadonlySet<string>> = {
  video: new Set(['audio_files']),
  live: new Set(),
};

/** Printed variant names and the request's names (docs/decisions/field-spellings.md); the subtitle switch is the client's to read. */
const VARIANTS: Record<ScriptKind, Readonly<Record<string, string>>> = {
  video: {},
  live: { backup_mode_l_asset_ids: 'backup_model_asset_ids' },
};

const voiceDefaults = (at: string): [string, unknown][] => Object.entries(VOICE_SETTINGS).map(([name, { default: value }]) => [`${at}.${name}`, value]);
const videoDefaults: [string, unknown][] = [['video_config.clip_mode', 'RESIZE'], ['video_config.is_subtitle_enable', false]];

/** The documented defaults (reference 5.1.1, 6.1.1), which a details response may fill in. */
const DEFAULTS: Record<ScriptKind, ReadonlyMap<string, unknown>> = {
  video: new Map([
    ['view_mode', 'LANDSCAPE'],
    ...voiceDefaults('voice_config'),
    ...videoDefaults,
    ['background_music_config.volume', 100],
    ['shoot_scripts[].shoot_script.script_type', 'TEXT'],
  ]),
  live: new Map([
    ['view_mode', 'VERTICAL'],
    ...videoDefaults,
    ...voiceDefaults('scene_scripts[].voice_config'),
    ...voiceDefaults('co_streamer_config.voice_config'),
    ['play_policy.play_mode', 'TEXT'],
    ['interaction_rules[].hit_condition.priority', 500],
  ]),
};

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  }
  if (!isObject(a) || !isObject(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]));
}

/**
 * The request body a details response stands for. `local` is the body it will be compared with or
 * written over (none for a fresh pull): its key order is kept, and a default is kept where it has one.
 */
export function detailsToBody(kind: ScriptKind, details: object, local?: ScriptBody): ScriptBody {
  return convert(kind, withNormalizedVideoConfig(details as { video_config?: VideoConfig }), local, '') as ScriptBody;
}

function convert(kind: ScriptKind, value: unknown, local: unknown, path: string): unknown {
  if (Array.isArray(value)) {
    return value.map((item, i) => convert(kind, item, Array.isArray(local) ? local[i] : undefined, `${path}[]`));
  }
  if (!isObject(value)) return value;
  const localObject = isObject(local) ? local : undefined;
  const renamed: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    const name = VARIANTS[kind][join(path, key)] ?? key;
    // When both spellings came, the request's own name wins.
    if (name !== key && Object.hasOwn(value, name)) continue;
    renamed[name] = child;
  }
  const order = [...Object.keys(localObject ?? {}).filter((k) => Object.hasOwn(renamed, k)), ...Object.keys(renamed)];
  const result: Record<string, unknown> = {};
  for (const key of new Set(order)) {
    const childPath = join(path, key);
    const child = renamed[key];
    if (RESPONSE_ONLY[kind].has(childPath)) continue;
    const local = localObject !== undefined && Object.hasOwn(localObject, key);
    if (!local && SERVICE_FILLED[kind].has(childPath)) continue;
    const defaults = DEFAULTS[kind];
    if (!local && defaults.has(childPath) && deepEqual(child, defaults.get(childPath))) continue;
    result[key] = convert(kind, child, localObject?.[key], childPath);
  }
  return result;
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

/** Where two bodies differ, as paths such as `shoot_scripts[0].shoot_script.text_config.text`. */
export function bodyDifferences(expected: unknown, actual: unknown, path = ''): string[] {
  if (deepEqual(expected, actual)) return [];
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (expected.length !== actual.length) return [path || '(root)'];
    return expected.flatMap((item, i) => bodyDifferences(item, actual[i], `${path}[${i}]`));
  }
  if (isObject(expected) && isObject(actual)) {
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
    return [...keys].flatMap((key) => bodyDifferences(expected[key], actual[key], join(path, key)));
  }
  return [path || '(root)'];
}
