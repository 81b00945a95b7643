/**
 * Push and pull of script files with their links (docs/decisions/links.md), shared by the editor and the
 * CLI: the link is looked up before a push and written after it, and written by a pull.
 */
import * as l10n from '@vscode/l10n';
import type { CallOptions, MetaStudioClient } from '../cloud/client';
import { linkPath, type Link } from '../links/links';
import type { LinkStore } from '../links/linkStore';
import { kindOfFile, scriptFilePatterns, scriptKinds, type ScriptKind } from '../scripts/kinds';
import { parseUntrustedJson } from '../json';
import { pushScript, remoteBody, type PushRequest, type PushResult } from './push';
import { sceneAudioOf } from './sceneAudio';
import { bodyOfText, ScriptFileError, sha256Hex, textOfBody } from './scriptBody';

/** Where a file's link lives: the store of its root and the connection in use. */
export interface LinkPlace {
  readonly store: LinkStore;
  /** `connectionKey(endpoint, projectId)`. */
  readonly connection: string;
}

export function requireScriptKind(file: string): ScriptKind {
  const kind = kindOfFile(file);
  if (!kind) throw new ScriptFileError(l10n.t('{0} is not a script file ({1}).', file, scriptFilePatterns));
  return kind;
}

function requireLinkPath(place: LinkPlace, file: string): string {
  const path = linkPath(place.store.root, file);
  if (path === undefined) throw new ScriptFileError(l10n.t('{0} is outside {1}, where its link would be kept.', file, place.store.root));
  return path;
}

/** The file's link on this connection, if it has one of the right kind (a renamed `.video.json` → `.live.json` has none). */
export async function linkOf(place: LinkPlace, file: string): Promise<Link | undefined> {
  const kind = requireScriptKind(file);
  const link = await place.store.get(place.connection, requireLinkPath(place, file));
  return link?.kind === scriptKinds[kind].remote.kind ? link : undefined;
}

/** The linked remote ID when the file's text is what was last pushed or pulled on this connection. */
export async function unchangedLinkId(place: LinkPlace, file: string, text: string): Promise<string | undefined> {
  const link = await linkOf(place, file);
  return link?.pushedSha256 === sha256Hex(text) ? link.id : undefined;
}

async function recordLink(place: LinkPlace, file: string, kind: ScriptKind, id: string, text: string): Promise<Link> {
  const link: Link = { kind: scriptKinds[kind].remote.kind, id, pushedSha256: sha256Hex(text), pushedAt: new Date().toISOString() };
  await place.store.set(place.connection, requireLinkPath(place, file), link);
  return link;
}

export interface FilePushResult extends PushResult {
  readonly kind: ScriptKind;
  readonly link: Link;
}

/**
 * Pushes the file's text (its body, exactly) to its linked object or a new one, with the audio its
 * scenes name (checked before any request), and records the link.
 */
export async function pushFile(
  place: LinkPlace, file: string, text: string, request: Omit<PushRequest, 'kind' | 'body' | 'linkedId' | 'audio'>,
): Promise<FilePushResult> {
  const kind = requireScriptKind(file);
  const body = bodyOfText(text);
  const audio = await sceneAudioOf(parseUntrustedJson(text), file, place.store.root);
  const linked = await linkOf(place, file);
  const result = await pushScript({ ...request, kind, body, linkedId: linked?.id, audio });
  const link = await recordLink(place, file, kind, result.id, text);
  return { ...result, kind, link };
}

/** The remote object as the body of a file; `previousText` is the file's text now, if it exists. */
export async function fetchRemoteBody(
  client: MetaStudioClient, kind: ScriptKind, id: string, previousText?: string, options?: CallOptions,
): Promise<Record<string, unknown>> {
  let local: Record<string, unknown> | undefined;
  try {
    local = previousText === undefined ? undefined : bodyOfText(previousText);
  } catch {
    local = undefined;
  }
  return remoteBody(client, kind, id, local, options);
}

/** The text a pull writes (the `$schema` of the old text kept). */
export async function pulledText(client: MetaStudioClient, kind: ScriptKind, id: string, previousText?: string, options?: CallOptions): Promise<string> {
  return textOfBody(await fetchRemoteBody(client, kind, id, previousText, options), previousText);
}

/** Records the link of a file a pull has just written with `text`. */
export function linkPulledFile(place: LinkPlace, file: string, id: string, text: string): Promise<Link> {
  return recordLink(place, file, requireScriptKind(file), id, text);
}
