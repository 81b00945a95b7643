/**
 * What identifies a preview's audio: the cache key over the normalized text, the voice settings
 * and the place that synthesizes it (endpoint and project), so a sandbox preview never answers
 * for the cloud and a repeated preview is never paid for twice.
 */
import { createHash } from 'node:crypto';
import { VOICE_SETTINGS } from '../voiceSettings';

/** Where a preview is synthesized: the connection's endpoint origin and project. */
export interface PreviewPlace {
  readonly endpoint: string;
  readonly projectId: string;
}

export interface PreviewRequest {
  /** Sent as written (docs/decisions/ssml-context.md); only the cache key normalizes it. */
  readonly text: string;
  readonly voiceAssetId: string;
  readonly speed?: number;
  readonly pitch?: number;
  readonly volume?: number;
}

/** The request with the API defaults filled in, so "unset" and "default" share one key. */
export interface ResolvedPreviewRequest extends PreviewRequest {
  readonly speed: number;
  readonly pitch: number;
  readonly volume: number;
}

export function resolveRequest(request: PreviewRequest): ResolvedPreviewRequest {
  return {
    text: request.text,
    voiceAssetId: request.voiceAssetId,
    speed: request.speed ?? VOICE_SETTINGS.speed.default,
    pitch: request.pitch ?? VOICE_SETTINGS.pitch.default,
    volume: request.volume ?? VOICE_SETTINGS.volume.default,
  };
}

/** Differences that cannot change the audio: Unicode composition, line endings, outer whitespace. */
export function normalizePreviewText(text: string): string {
  return text.normalize('NFC').replace(/\r\n?/g, '\n').trim();
}

/** The hex SHA-256 cache key of a preview. */
export function previewKey(request: PreviewRequest, place: PreviewPlace): string {
  const r = resolveRequest(request);
  const material = JSON.stringify(['tts-v1', normalizePreviewText(r.text), r.voiceAssetId, r.speed, r.pitch, r.volume, place.endpoint, place.projectId]);
  return createHash('sha256').update(material, 'utf8').digest('hex');
}

/** The key of a voice asset's own SAMPLE file (free to download, cached the same way). */
export function sampleKey(voiceAssetId: string, place: PreviewPlace): string {
  return createHash('sha256').update(JSON.stringify(['sample-v1', voiceAssetId, place.endpoint, place.projectId]), 'utf8').digest('hex');
}
