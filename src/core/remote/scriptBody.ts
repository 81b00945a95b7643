/**
 * A script file as the remote APIs see it (docs/decisions/script-files.md): a video script file holds the body of
 * "Creating a Video Script", a live script file the body of "Creating an Intelligent Livestreaming
 * Room"; the pushed body is the file's JSON minus an optional top-level `$schema`.
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import * as l10n from '@vscode/l10n';
import { errorMessage, ExpectedError } from '../errors';
import { isObject, parseUntrustedJson, UnsafeJsonKeyError } from '../json';
import { kindOfFile, scriptKinds, type ScriptKind } from '../scripts/kinds';

export type ScriptBody = Record<string, unknown>;

const SCHEMA_KEY = '$schema';

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
  return body;
}

/**
 * The text of a file holding `body`, two-space indented. `previous` is the file's old text, if any:
 * its `$schema` is kept, first.
 */
export function textOfBody(body: ScriptBody, previous?: string): string {
  let schema: unknown;
  try {
    const old = previous === undefined ? undefined : parseUntrustedJson(previous);
    schema = isObject(old) ? old[SCHEMA_KEY] : undefined;
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
  const kind = kindOfFile(name);
  return kind ? name.slice(0, -scriptKinds[kind].suffix.length) : name;
}

/** A name with the characters file systems refuse replaced (`fallback` when nothing is left). */
export function safeFileName(name: string, fallback: string): string {
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-').replace(/^[.\s-]+|[.\s-]+$/g, '') || fallback;
}

/** A file name for a remote object: its name with characters file systems refuse replaced. */
export function fileNameFor(kind: ScriptKind, name: string): string {
  return `${safeFileName(name, kind)}${scriptKinds[kind].suffix}`;
}
