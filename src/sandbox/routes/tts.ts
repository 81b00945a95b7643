/**
 * TTS audition (reference 9.1, 9.2; docs/decisions/tts-preview.md). The "speech" is a WAV tone: 60 ms per
 * spoken character (SSML tags removed) at the voice's speed, at most 10 s a file, one file per 200
 * characters and at most 5 files; higher for female voices and with `pitch`, louder with `volume`.
 * Files are complete `ttsDelayMs` after the create and their URLs are valid for one hour.
 */
import { withoutTags } from '../../core/ssml/spokenText';
import { ApiError, ttsInvalidParameter } from '../errors';
import type { FileRecord, JsonObject, TtsRecord } from '../model';
import { ttsAudition } from '../specs';
import { hexId } from '../seed';
import { usableAsset } from './assets';
import { newId, ok, readBody, type RequestContext, type Route } from './context';

const MS_PER_CHARACTER = 60;
const MAX_FILE_MS = 10_000;
const CHARACTERS_PER_FILE = 200;
const MAX_FILES = 5;
const URL_TTL_MS = 3600_000;
const BASE_FREQUENCY_HZ: Readonly<Record<string, number>> = { MALE: 165, FEMALE: 330 };

function audition(ctx: RequestContext, jobId: string): FileRecord[] {
  const body = readBody(ctx, ttsAudition, ttsInvalidParameter);
  if (!usableAsset(ctx, body.emotion, 'VOICE_MODEL')) {
    throw new ApiError(400, 'MSS.20050005', 'Failed to obtain asset information. The asset ID or project ID is invalid.', true);
  }
  const voice = ctx.store.assets.get(body.emotion as string)!;
  const characters = [...withoutTags(body.text as string).replace(/\s+/g, ' ').trim()];
  if (characters.length === 0) throw ttsInvalidParameter('text has nothing to speak');
  const speed = (body.speed as number | undefined) ?? 100;
  const pitch = (body.pitch as number | undefined) ?? 100;
  const volume = (body.volume as number | undefined) ?? 140;
  const sex = ((voice.asset_extra_meta?.voice_model_meta as JsonObject | undefined)?.sex as string | undefined) ?? '';
  const frequencyHz = Math.round(((BASE_FREQUENCY_HZ[sex] ?? 247) * pitch) / 100);
  const amplitude = Math.min(0.9, (0.3 * volume) / 140);
  const count = Math.min(MAX_FILES, Math.ceil(characters.length / CHARACTERS_PER_FILE));
  return Array.from({ length: count }, (_, i) => {
    const spoken = i < count - 1 ? CHARACTERS_PER_FILE : characters.length - CHARACTERS_PER_FILE * (count - 1);
    const durationMs = Math.min(MAX_FILE_MS, Math.round((spoken * MS_PER_CHARACTER * 100) / speed));
    return {
      file_id: hexId(`audition:${jobId}:${i}`),
      file_name: `audition-${i + 1}.wav`,
      file_type: 'wav',
      asset_file_category: 'MAIN',
      recipe: { kind: 'wav', durationMs, frequencyHz, amplitude },
    };
  });
}

export const ttsRoutes: Route[] = [
  {
    method: 'POST',
    pattern: /^\/ttsc\/audition$/,
    tts: true,
    handler: (ctx) => {
      const jobId = newId();
      const record: TtsRecord = { job_id: jobId, project_id: ctx.projectId, created_ms: ctx.now, files: audition(ctx, jobId) };
      ctx.store.addTts(record);
      return ok({ job_id: jobId });
    },
  },
  {
    method: 'GET',
    pattern: /^\/ttsc\/audition-file\/([^/]+)$/,
    tts: true,
    handler: (ctx) => {
      const record = ctx.store.tts.get(ctx.params[0]);
      if (!record || record.project_id !== ctx.projectId) {
        throw new ApiError(400, 'MSS.20050013', 'Failed to obtain the task information. The task ID or project ID is invalid.', true);
      }
      if (ctx.now - record.created_ms < ctx.timings.ttsDelayMs) return ok({ is_file_complete: false, files: [] });
      return ok({ is_file_complete: true, files: record.files.map((f) => ({ download_url: ctx.fileUrl(f, URL_TTL_MS) })) });
    },
  },
];
