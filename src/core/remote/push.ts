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
import type { ShootScriptAudioFiles } from '../cloud/types';
import { CancelledError, errorMessage } from '../errors';
import { scriptKinds, type ScriptKind, type Written } from '../scripts/kinds';
import { bodyDifferences, detailsToBody } from './detailsToBody';
import { uploadSceneAudio, type SceneAudio } from './sceneAudio';
import { remoteName, ScriptFileError, type ScriptBody } from './scriptBody';

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
export class PushDeclinedError extends CancelledError {
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
  const { label, remote } = scriptKinds[kind];
  const name = remoteName(kind, body);
  if (!name) throw new ScriptFileError(l10n.t('The {0} has no {1}: it is needed to create it and find it again.', label(), remote.nameField));
  let id: string | undefined;
  let created = false;
  let audioUploads: ShootScriptAudioFiles | undefined;
  if (request.linkedId) {
    request.onStep?.('updating');
    try {
      ({ audioUploads } = await remote.update(client, request.linkedId, body, { signal }));
      id = request.linkedId;
    } catch (err) {
      if (!(err instanceof MetaStudioApiError && err.status === 404)) throw err;
      if (!(await request.confirmRecreate(request.linkedId))) {
        throw new PushDeclinedError(l10n.t('The linked {0} {1} no longer exists; nothing was pushed.', label(), request.linkedId));
      }
    }
  }
  if (id === undefined) {
    ({ id, audioUploads } = await createOnce(request, name));
    created = true;
  }
  if (request.audio?.length) {
    request.onStep?.('uploading-audio');
    try {
      // A script found by name after a lost create came without upload URLs: an update gives them.
      audioUploads ??= (await remote.update(client, id, body, { signal })).audioUploads;
      await uploadSceneAudio(request.audio, audioUploads, { fetch: client.transport, signal });
    } catch (err) {
      if (created) await remote.delete(client, id, { signal: AbortSignal.timeout(30_000) }).catch((cleanup: unknown) => {
        request.onRecovered?.(l10n.t('The {0} {1} made by this push could not be deleted after its audio failed: {2}', label(), id!, errorMessage(cleanup)));
      });
      throw err;
    }
  }
  request.onStep?.('reading-back');
  return { id, created, differences: bodyDifferences(body, await remoteBody(client, kind, id, body, { signal })) };
}

/** The remote object as a request body (docs/decisions/details-to-body.md), `local` giving the order and the optional fields it holds. */
export async function remoteBody(client: MetaStudioClient, kind: ScriptKind, id: string, local?: ScriptBody, options?: CallOptions): Promise<ScriptBody> {
  return detailsToBody(kind, await scriptKinds[kind].remote.get(client, id, options), local);
}

/** Creates the object; after a create whose fate is unknown, finds it by name or creates it (once more). */
async function createOnce(request: PushRequest, name: string): Promise<Written> {
  const { client, kind, body, signal } = request;
  const { label, remote } = scriptKinds[kind];
  request.onStep?.('creating');
  try {
    return await remote.create(client, body, { signal });
  } catch (err) {
    if (!createMayHaveHappened(err)) throw err;
    request.onRecovered?.(l10n.t('Creating the {0} "{1}" got no clear answer ({2}); looking it up by name.', label(), name, errorMessage(err)));
    request.onStep?.('looking-up');
    const found = await findByName(client, kind, name, signal);
    if (found) return { id: found };
    request.onStep?.('creating');
    return remote.create(client, body, { signal });
  }
}

/** The ID of the object with exactly this name (the list's name filter is fuzzy), if there is one. */
async function findByName(client: MetaStudioClient, kind: ScriptKind, name: string, signal?: AbortSignal): Promise<string | undefined> {
  const found = await collectPages((offset, limit) => scriptKinds[kind].remote.list(client, { name, offset, limit }, { signal }), LOOKUP_LIMIT);
  return found.find((o) => o.name === name)?.id;
}
