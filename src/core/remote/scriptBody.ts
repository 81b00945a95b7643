/**
 * A script file as the remote APIs see it (docs/decisions/script-files.md): a video script file holds the body of
 * "Creating a Video Script", a live script file the body of "Creating an Intelligent Livestreaming
 * Room"; the pushed body is the file's JSON minus its local keys: an optional top-level `$schema`,
 * and the `$audio_file` of scenes (docs/decisions/uploads.md).
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import * as l10n from '@vscode/l10n';
import { errorMessage, ExpectedError } from '../errors';
import { isObject, parseUntrustedJson, UnsafeJsonKeyError } from '../json';
import { kindOfFile, scriptKinds, type ScriptKind } from '../scripts/kinds';

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

export class ScriptFileError extends ExpectedError {
  override readonly name = 'ScriptFileError';
}

/** The name of the remote object a body makes (its kind's name field), if it has one. */
export function remoteName(kind: ScriptKind, body: ScriptBody): string | undefined {
  const name = body[scriptKinds[kind].remote.nameField];
  return typeof name === 'string' && name !== '' ? name : undefined;
}

/** The request body of a script file's text; throws a `ScriptFileError` for text that is not one JSON object. */
export function bodyOfText(text: string): ScriptBody {
  let value: unknown;
  try {
    value = parseUntrustedJson(text);
  } catch (err) {
    if (err instanceof UnsafeJsonKeyError) throw new ScriptFileError(err.message, { cause: err });
    throw new ScriptFileError(l10n.t('The file is not valid JSON: {0}', errorMessage(err)), { cause: err });
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
  const kind = kindOfFile(name);
  return kind ? name.slice(0, -scriptKinds[kind].suffix.length) : name;
}

/** Dots, spaces and dashes are trimmed off a file name's ends. */
function isEdge(char: string): boolean {
  return char === '.' || char === '-' || /\s/.test(char);
}

/** A name with the characters file systems refuse replaced (`fallback` when nothing is left). */
export function safeFileName(name: string, fallback: string): string {
  const replaced = name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-');
  // Trimmed by index: a trailing `[.\s-]+$` would be tried again from every dot, space or dash.
  let start = 0;
  let end = replaced.length;
  while (start < end && isEdge(replaced[start])) start++;
  while (end > start && isEdge(replaced[end - 1])) end--;
  return replaced.slice(start, end) || fallback;
}

/** A file name for a remote object: its name with characters file systems refuse replaced. */
export function fileNameFor(kind: ScriptKind, name: string): string {
  return `${safeFileName(name, kind)}${scriptKinds[kind].suffix}`;
}
