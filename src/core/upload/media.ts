/**
 * What can be uploaded as what (docs/decisions/uploads.md): the asset types a local media file
 * becomes, by its extension, and the reference's limits, all checked before any request.
 */
import { extname } from 'node:path';
import type { AssetType } from '../cloud/types';

/** The asset types an author uploads for scripts: backgrounds and layers, videos, music and audio. */
export type UploadableType = Extract<AssetType, 'IMAGE' | 'VIDEO' | 'MUSIC' | 'AUDIO'>;

export const UPLOADABLE_TYPES: readonly UploadableType[] = ['IMAGE', 'VIDEO', 'MUSIC', 'AUDIO'];

/** Extensions (lower case, no dot) per type; the first type listing an extension is its default. */
const EXTENSIONS: Readonly<Record<UploadableType, readonly string[]>> = {
  IMAGE: ['jpg', 'jpeg', 'png'],
  VIDEO: ['mp4'],
  MUSIC: ['mp3', 'wav'],
  AUDIO: ['mp3', 'wav'],
};

/** `file_size` of "Creating a File" takes 1 to 5,368,709,120 bytes (reference Table 4-172); larger files need the large-file API (4.2.4). */
export const MAX_FILE_BYTES = 5_368_709_120;

/** An audio-driven scene's audio: MP3, WAV or M4A of at most 100 MB (reference Table 5-22). */
export const SCENE_AUDIO_EXTENSIONS: readonly string[] = ['mp3', 'wav', 'm4a'];
export const MAX_SCENE_AUDIO_BYTES = 100 * 1024 * 1024;

/** A cover is an image (reference Table 4-172: VIDEO assets take MAIN and COVER files). */
export const COVER_EXTENSIONS: readonly string[] = EXTENSIONS.IMAGE;
export const TYPES_WITH_COVER: readonly UploadableType[] = ['VIDEO'];

export function isUploadableType(value: string): value is UploadableType {
  return (UPLOADABLE_TYPES as readonly string[]).includes(value);
}

/** `photo.JPG` → `jpg`; '' without an extension. */
export function extensionOf(path: string): string {
  return extname(path).slice(1).toLowerCase();
}

export function extensionsOf(type: UploadableType): readonly string[] {
  return EXTENSIONS[type];
}

/** Every type a file of this name can become, its default first; empty when none. */
export function typesForFile(path: string): UploadableType[] {
  const extension = extensionOf(path);
  return UPLOADABLE_TYPES.filter((type) => EXTENSIONS[type].includes(extension));
}

/** Every extension some type takes, for file pickers and menus. */
export function uploadableExtensions(): string[] {
  return [...new Set(Object.values(EXTENSIONS).flat())];
}

