/**
 * The audio of audio-driven scenes (docs/decisions/uploads.md): a video script's scene whose
 * `script_type` is AUDIO names its local audio file in `shoot_script.$audio_file`, a path relative
 * to the script file. The key is local only: stripped from the body before it is sent, like
 * `$schema` (scriptBody.ts). A create or update of the script answers with an upload URL per audio scene
 * (`audio_files`, reference Table 5-22); the push streams each file there with its MD5, under the
 * upload rules of src/core/upload. Everything about the files is checked before any request.
 */
import { realpath, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import * as l10n from '@vscode/l10n';
import type { FetchLike } from '../cloud/transport';
import type { ShootScriptAudioFiles } from '../cloud/types';
import { linkPath } from '../links/links';
import { extensionOf, MAX_SCENE_AUDIO_BYTES, SCENE_AUDIO_EXTENSIONS } from '../upload/media';
import { digestFile, putFile } from '../upload/transfer';
import { AUDIO_FILE_KEY, scenesOf, ScriptFileError } from './scriptBody';

export interface SceneAudio {
  /** The scene's position in `shoot_scripts` (from 0). */
  readonly index: number;
  /** What the service's `audio_files` calls the scene: its `sequence_no`, else its position. */
  readonly sequenceNo: number;
  /** The audio file, absolute. */
  readonly path: string;
}

/**
 * The audio files of a video script's audio-driven scenes, checked: a path relative to the script
 * (`scriptFile`), a file inside `root` (a cloned workspace cannot make a push upload files from
 * elsewhere), MP3, WAV or M4A, 1 byte to 100 MB. `value` is the file's whole JSON, local keys and all.
 */
export async function sceneAudioOf(value: unknown, scriptFile: string, root: string): Promise<SceneAudio[]> {
  const found: SceneAudio[] = [];
  for (const [index, scene] of scenesOf(value).entries()) {
    const written = scene.shoot_script?.[AUDIO_FILE_KEY];
    if (written === undefined || scene.shoot_script?.script_type !== 'AUDIO') continue;
    const where = l10n.t('scene {0}', index + 1);
    if (typeof written !== 'string' || written.trim() === '') throw new ScriptFileError(l10n.t('{0}: "{1}" must be the path of an audio file.', where, AUDIO_FILE_KEY));
    const path = resolve(dirname(scriptFile), written);
    if (!SCENE_AUDIO_EXTENSIONS.includes(extensionOf(path))) {
      throw new ScriptFileError(l10n.t('{0}: {1} is not audio MetaStudio takes for a scene ({2}).', where, written, SCENE_AUDIO_EXTENSIONS.join(', ')));
    }
    let real: string;
    let size: number;
    try {
      real = await realpath(path);
      const info = await stat(real);
      if (!info.isFile()) throw new Error();
      size = info.size;
    } catch {
      throw new ScriptFileError(l10n.t('{0}: the audio file {1} does not exist.', where, written));
    }
    if (linkPath(await realpath(root), real) === undefined) throw new ScriptFileError(l10n.t('{0}: the audio file {1} is outside {2}.', where, written, root));
    if (size === 0) throw new ScriptFileError(l10n.t('{0}: the audio file {1} is empty.', where, written));
    if (size > MAX_SCENE_AUDIO_BYTES) throw new ScriptFileError(l10n.t('{0}: the audio file {1} is larger than 100 MB, the most a scene takes.', where, written));
    const sequenceNo = typeof scene.sequence_no === 'number' ? scene.sequence_no : index;
    found.push({ index, sequenceNo, path: real });
  }
  return found;
}

export interface SceneAudioUploadOptions {
  readonly fetch: FetchLike;
  readonly signal?: AbortSignal;
}

/** Streams each scene's audio to the upload URL the create or update gave for it. */
export async function uploadSceneAudio(audio: readonly SceneAudio[], answered: ShootScriptAudioFiles | undefined, options: SceneAudioUploadOptions): Promise<void> {
  const urls = new Map((answered?.audio_file_url ?? []).map((item) => [item.sequence_no, item.audio_file_upload_url]));
  for (const scene of audio) {
    const url = urls.get(scene.sequenceNo);
    if (!url) throw new ScriptFileError(l10n.t('MetaStudio gave no upload URL for the audio of scene {0} (sequence_no {1}); is its script_type AUDIO?', scene.index + 1, scene.sequenceNo));
    const digest = await digestFile(scene.path, { signal: options.signal });
    await putFile(url, scene.path, digest, { fetch: options.fetch, signal: options.signal });
  }
}
