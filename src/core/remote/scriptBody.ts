/**
 * A script file as the remote APIs see it (DECISIONS.md 7): a video script file holds the body of
 * "Creating a Video Script", a live script file the body of "Creating an Intelligent Livestreaming
 * Room"; the pushed body is the file's JSON minus an optional top-level `$schema`.
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import * as l10n from '@vscode/l10n';
import { isObject } from '../json';
import { lintFileKind } from '../lint/lintFile';
import type { LinkKind } from '../links/links';
import type { ScriptKind } from '../scripts/schemas';

export type ScriptBody = Record<string, unknown>;

const SCHEMA_KEY = '$schema';

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

/** The field that names the remote object, unique per project (DECISIONS.md 20). */
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
    value = JSON.parse(text);
  } catch (err) {
    throw new ScriptFileError(l10n.t('The file is not valid JSON: {0}', (err as Error).message));
  }
  if (!isObject(value)) {
    throw new ScriptFileError(l10n.t('The file must hold one JSON object.'));
  }
  const { [SCHEMA_KEY]: _schema, ...body } = value as ScriptBody;
  return body;
}

/**
 * The text of a file holding `body`, two-space indented. `previous` is the file's old text, if any:
 * its `$schema` is kept, first.
 */
export function textOfBody(body: ScriptBody, previous?: string): string {
  let schema: unknown;
  try {
    schema = previous === undefined ? undefined : (JSON.parse(previous) as ScriptBody)[SCHEMA_KEY];
  } catch {
    schema = undefined;
  }
  const value = schema === undefined ? body : { [SCHEMA_KEY]: schema, ...body };
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

/** Dots, spaces and dashes are trimmed off a file name's ends. */
function isEdge(char: string): boolean {
  return char === '.' || char === '-' || /\s/.test(char);
}

/** A file name for a remote object: its name with characters file systems refuse replaced. */
export function fileNameFor(kind: ScriptKind, name: string): string {
  const replaced = name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-');
  // Trimmed by index: a trailing `[.\s-]+$` would be tried again from every dot, space or dash.
  let start = 0;
  let end = replaced.length;
  while (start < end && isEdge(replaced[start])) start++;
  while (end > start && isEdge(replaced[end - 1])) end--;
  return `${replaced.slice(start, end) || kind}${fileExtension(kind)}`;
}
