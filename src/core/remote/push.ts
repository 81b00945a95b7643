/**
 * Pushing a script body: update the linked remote object, or create one; never a second object
 * for the same file (docs/decisions/links.md): an update that gets 404 asks before creating again, and a
 * create whose answer was lost is looked up by its unique name before it is tried again. The audio
 * of audio-driven scenes then goes to the upload URLs the create or update answered with
 * (sceneAudio.ts); when that fails, a script the push created is deleted again. The object is
 * then read back and compared with what was sent.
 */
import * as l10n from '@vscode/l10n';
import type { CallOptions, MetaStudioClient } from '../cloud/client';
import { MetaStudioApiError, MetaStudioError, MetaStudioRedirectError } from '../cloud/errors';
import { collectPages } from '../cloud/paging';
import type { LiveRoomRequest, ShootScriptAudioFiles, VideoScriptRequest } from '../cloud/types';
import type { ScriptKind } from '../scripts/schemas';
import { bodyDifferences, detailsToBody } from './detailsToBody';
import { uploadSceneAudio, type SceneAudio } from './sceneAudio';
import { kindLabel, remoteName, ScriptFileError, type ScriptBody } from './scriptBody';

export type PushStep = 'updating' | 'creating' | 'looking-up' | 'uploading-audio' | 'reading-back';

export interface PushRequest {
  readonly client: MetaStudioClient;
  readonly kind: ScriptKind;
  /** Sent exactly as given. */
  readonly body: ScriptBody;
  /** The remote ID the file is linked to, if any. */
  readonly linkedId?: string;
  /** The audio files of the body's audio-driven scenes, checked (sceneAudioOf). */
  readonly audio?: readonly SceneAudio[];
  /** Asked when the linked object no longer exists; true creates it again. */
  readonly confirmRecreate: (id: string) => Promise<boolean>;
  readonly onStep?: (step: PushStep) => void;
  /** Told about an error that the push recovered from (logged by the caller). */
  readonly onRecovered?: (message: string) => void;
  readonly signal?: AbortSignal;
}

export interface PushResult {
  readonly id: string;
  readonly created: boolean;
  /** Paths where the object read back differs from what was sent, server defaults aside. */
  readonly differences: readonly string[];
}

/** The user declined to create again an object that was deleted remotely. */
export class PushDeclinedError extends Error {
  override readonly name = 'PushDeclinedError';
}

/** Most names the lookup after a lost create pages through. */
const LOOKUP_LIMIT = 1000;

/**
 * True when a create may have happened although no readable success came back: no answer, a
 * timeout, an unreadable answer, or a server-side (5xx) failure. A 3xx or 4xx answer means it did not.
 */
function createMayHaveHappened(err: unknown): boolean {
  if (err instanceof MetaStudioApiError || err instanceof MetaStudioRedirectError) return err.status >= 500;
  if (err instanceof MetaStudioError) return !('mayHaveReachedServer' in err) || err.mayHaveReachedServer === true;
  return false;
}

export async function pushScript(request: PushRequest): Promise<PushResult> {
  const { client, kind, body, signal } = request;
  const name = remoteName(kind, body);
  if (!name) throw new ScriptFileError(l10n.t('The {0} has no {1}: it is needed to create it and find it again.', kindLabel(kind), kind === 'video' ? 'script_name' : 'room_name'));
  let id: string | undefined;
  let created = false;
  let audioFiles: ShootScriptAudioFiles | undefined;
  if (request.linkedId) {
    request.onStep?.('updating');
    try {
      audioFiles = await update(client, kind, request.linkedId, body, { signal });
      id = request.linkedId;
    } catch (err) {
      if (!(err instanceof MetaStudioApiError && err.status === 404)) throw err;
      if (!(await request.confirmRecreate(request.linkedId))) {
        throw new PushDeclinedError(l10n.t('The linked {0} {1} no longer exists; nothing was pushed.', kindLabel(kind), request.linkedId));
      }
    }
  }
  if (id === undefined) {
    ({ id, audioFiles } = await createOnce(request, name));
    created = true;
  }
  if (request.audio?.length) {
    request.onStep?.('uploading-audio');
    try {
      // A script found by name after a lost create came without upload URLs: an update gives them.
      audioFiles ??= await update(client, kind, id, body, { signal });
      await uploadSceneAudio(request.audio, audioFiles, { fetch: client.transport, signal });
    } catch (err) {
      if (created) await client.deleteVideoScript(id, { signal: AbortSignal.timeout(30_000) }).catch((cleanup: unknown) => {
        request.onRecovered?.(l10n.t('The video script {0} made by this push could not be deleted after its audio failed: {1}', id!, (cleanup as Error).message));
      });
      throw err;
    }
  }
  request.onStep?.('reading-back');
  return { id, created, differences: bodyDifferences(body, await remoteBody(client, kind, id, body, { signal })) };
}

/** The remote object as a request body (docs/decisions/details-to-body.md), `local` giving the order and the optional fields it holds. */
export async function remoteBody(client: MetaStudioClient, kind: ScriptKind, id: string, local?: ScriptBody, options?: CallOptions): Promise<ScriptBody> {
  const details = kind === 'video' ? await client.getVideoScript(id, options) : await client.getLiveRoom(id, options);
  return detailsToBody(kind, details, local);
}

/** What a create or update answers: the ID, and the upload URLs of a video script's audio scenes. */
interface Written {
  readonly id: string;
  readonly audioFiles?: ShootScriptAudioFiles;
}

/** Creates the object; after a create whose fate is unknown, finds it by name or creates it (once more). */
async function createOnce(request: PushRequest, name: string): Promise<Written> {
  const { client, kind, body, signal } = request;
  request.onStep?.('creating');
  try {
    return await create(client, kind, body, { signal });
  } catch (err) {
    if (!createMayHaveHappened(err)) throw err;
    request.onRecovered?.(l10n.t('Creating the {0} "{1}" got no clear answer ({2}); looking it up by name.', kindLabel(kind), name, (err as Error).message));
    request.onStep?.('looking-up');
    const found = await findByName(client, kind, name, signal);
    if (found) return { id: found };
    request.onStep?.('creating');
    return create(client, kind, body, { signal });
  }
}

async function create(client: MetaStudioClient, kind: ScriptKind, body: ScriptBody, options: CallOptions): Promise<Written> {
  if (kind === 'live') return { id: (await client.createLiveRoom(body as unknown as LiveRoomRequest, options)).room_id };
  const answer = await client.createVideoScript(body as unknown as VideoScriptRequest, options);
  return { id: answer.script_id, audioFiles: answer.audio_files };
}

/** Updates the object; a video script's answer has the upload URLs of its audio scenes. */
async function update(client: MetaStudioClient, kind: ScriptKind, id: string, body: ScriptBody, options: CallOptions): Promise<ShootScriptAudioFiles | undefined> {
  if (kind === 'live') {
    await client.updateLiveRoom(id, body as unknown as LiveRoomRequest, options);
    return undefined;
  }
  return (await client.updateVideoScript(id, body as unknown as VideoScriptRequest, options)).audio_files;
}

/** The ID of the object with exactly this name (the list's name filter is fuzzy), if there is one. */
async function findByName(client: MetaStudioClient, kind: ScriptKind, name: string, signal?: AbortSignal): Promise<string | undefined> {
  if (kind === 'video') {
    const scripts = await collectPages(async (offset, limit) => {
      const page = await client.listVideoScripts({ name, offset, limit }, { signal });
      return { count: page.count, items: page.video_scripts };
    }, LOOKUP_LIMIT);
    return scripts.find((s) => s.script_name === name)?.script_id;
  }
  const rooms = await collectPages(async (offset, limit) => {
    const page = await client.listLiveRooms({ room_name: name, offset, limit }, { signal });
    return { count: page.count, items: page.smart_live_rooms };
  }, LOOKUP_LIMIT);
  return rooms.find((r) => r.room_name === name)?.room_id;
}
