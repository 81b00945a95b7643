/**
 * A script file as the remote APIs see it (docs/decisions/script-files.md): a video script file holds the body of
 * "Creating a Video Script", a live script file the body of "Creating an Intelligent Livestreaming
 * Room"; the pushed body is the file's JSON minus its local keys: an optional top-level `$schema`,
 * and the `$audio_file` of scenes (docs/decisions/uploads.md).
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import * as l10n from '@vscode/l10n';
import { isObject, parseUntrustedJson, UnsafeJsonKeyError } from '../json';
import { lintFileKind } from '../lint/lintFile';
import type { LinkKind } from '../links/links';
import type { ScriptKind } from '../scripts/schemas';

export type ScriptBody = Record<string, unknown>;

const SCHEMA_KEY = '$schema';
/** A scene's local audio file (`shoot_scripts[].shoot_script.$audio_file`), uploaded by the push. */
export const AUDIO_FILE_KEY = '$audio_file';

type Scene = { sequence_no?: unknown; shoot_script?: Record<string, unknown> };

/** The scenes of a video script's JSON, each as an object (an empty one where it is not). */
export function scenesOf(value: unknown): Scene[] {
  const list = isObject(value) ? value.shoot_scripts : undefined;
  return Array.isArray(list) ? list.map((item) => (isObject(item) ? item as Scene : {})) : [];
}

const hasAudioKey = (scene: Scene) => isObject(scene.shoot_script) && Object.hasOwn(scene.shoot_script, AUDIO_FILE_KEY);

/** The body without its scenes' local keys (a copy where one was there). */
function withoutSceneAudio(body: ScriptBody): ScriptBody {
  if (!scenesOf(body).some(hasAudioKey)) return body;
  return {
    ...body,
    shoot_scripts: (body.shoot_scripts as unknown[]).map((item) => {
      if (!hasAudioKey(item as Scene)) return item;
      const { [AUDIO_FILE_KEY]: _local, ...shot } = (item as Scene).shoot_script!;
      return { ...(item as Scene), shoot_script: shot };
    }),
  };
}

/** `body` with the scenes' local keys of `previous` put back, scene by scene (after `script_type`). */
function withSceneAudioOf(body: ScriptBody, previous: unknown): ScriptBody {
  const kept = scenesOf(previous).map((scene) => scene.shoot_script?.[AUDIO_FILE_KEY]);
  if (kept.every((value) => value === undefined) || !Array.isArray(body.shoot_scripts)) return body;
  return {
    ...body,
    shoot_scripts: scenesOf(body).map((scene, i) => {
      if (kept[i] === undefined || !isObject(scene.shoot_script)) return scene;
      const { script_type: type, ...rest } = scene.shoot_script;
      return { ...scene, shoot_script: { ...(type === undefined ? {} : { script_type: type }), [AUDIO_FILE_KEY]: kept[i], ...rest } };
    }),
  };
}

export class ScriptFileError extends Error {
  override readonly name = 'ScriptFileError';
}

/** `video` for `*.video.json`, `live` for `*.live.json`, else undefined. */
export function scriptKindOf(path: string): ScriptKind | undefined {
  const kind = lintFileKind(path);
  return kind === 'video' || kind === 'live' ? kind : undefined;
}

export function linkKindOf(kind: ScriptKind): LinkKind {
  return kind === 'video' ? 'video-script' : 'live-room';
}

/** The field that names the remote object, unique per project (docs/decisions/links.md). */
function nameField(kind: ScriptKind): 'script_name' | 'room_name' {
  return kind === 'video' ? 'script_name' : 'room_name';
}

export function remoteName(kind: ScriptKind, body: ScriptBody): string | undefined {
  const name = body[nameField(kind)];
  return typeof name === 'string' && name !== '' ? name : undefined;
}

/** "video script" / "live room", for messages. */
export function kindLabel(kind: ScriptKind): string {
  return kind === 'video' ? l10n.t('video script') : l10n.t('live room');
}

export function fileExtension(kind: ScriptKind): string {
  return kind === 'video' ? '.video.json' : '.live.json';
}

/** The request body of a script file's text; throws a `ScriptFileError` for text that is not one JSON object. */
export function bodyOfText(text: string): ScriptBody {
  let value: unknown;
  try {
    value = parseUntrustedJson(text);
  } catch (err) {
    if (err instanceof UnsafeJsonKeyError) throw new ScriptFileError(err.message);
    throw new ScriptFileError(l10n.t('The file is not valid JSON: {0}', (err as Error).message));
  }
  if (!isObject(value)) {
    throw new ScriptFileError(l10n.t('The file must hold one JSON object.'));
  }
  const { [SCHEMA_KEY]: _schema, ...body } = value as ScriptBody;
  return withoutSceneAudio(body);
}

/**
 * The text of a file holding `body`, two-space indented. `previous` is the file's old text, if any:
 * its local keys are kept, `$schema` first and each scene's `$audio_file` in the same scene.
 */
export function textOfBody(body: ScriptBody, previous?: string): string {
  let old: unknown;
  try {
    old = previous === undefined ? undefined : parseUntrustedJson(previous);
  } catch {
    old = undefined;
  }
  const schema = isObject(old) ? old[SCHEMA_KEY] : undefined;
  const local = withSceneAudioOf(body, old);
  const value = schema === undefined ? local : { [SCHEMA_KEY]: schema, ...local };
  return `${JSON.stringify(value, null, 2)}\n`;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The name a script file gives what is made of it (a video): its file name without the extension. */
export function nameOfFile(file: string): string {
  const name = basename(file);
  const kind = scriptKindOf(name);
  return kind ? name.slice(0, -fileExtension(kind).length) : name;
}

/** A file name for a remote object: its name with characters file systems refuse replaced. */
export function fileNameFor(kind: ScriptKind, name: string): string {
  const safe = name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-').replace(/^[.\s-]+|[.\s-]+$/g, '') || kind;
  return `${safe}${fileExtension(kind)}`;
}
