/**
 * TTS audition (reference 9.1, 9.2; docs/decisions/tts-preview.md). The "speech" is a WAV tone as long
 * as the text takes to say at the speaking rates of docs/duration.md (Chinese characters, English
 * words and digits; prosody rates, breaks and the voice's speed), read here with regular expressions
 * as a service of its own would, not with the linter's counting. One file per 200 spoken characters,
 * at most 5 files of at most 60 s each; higher for female voices and with `pitch`, louder with
 * `volume`. Files are complete `ttsDelayMs` after the create and their URLs are valid for one hour.
 */
import { BREAK_STRENGTH_MS, SPEAKING_RATES } from '../../core/ssml/duration';
import { withoutTags } from '../../core/ssml/spokenText';
import { ApiError, ttsInvalidParameter } from '../errors';
import type { FileRecord, JsonObject, TtsRecord } from '../model';
import { ttsAudition } from '../specs';
import { hexId } from '../seed';
import { usableAsset } from './assets';
import { newId, ok, readBody, type RequestContext, type Route } from './context';

const MAX_FILE_MS = 60_000;
const CHARACTERS_PER_FILE = 200;
const MAX_FILES = 5;
const URL_TTL_MS = 3600_000;
const BASE_FREQUENCY_HZ: Readonly<Record<string, number>> = { MALE: 165, FEMALE: 330 };

/** Seconds to say plain text at prosody rate 100 and speed 100. */
function sayingSeconds(text: string): number {
  const count = (pattern: RegExp) => text.match(pattern)?.length ?? 0;
  return count(/[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/g) / SPEAKING_RATES.hanzi
    + count(/[A-Za-z]+(?:['’][A-Za-z]+)*/g) / SPEAKING_RATES.words
    + count(/[0-9]/g) / SPEAKING_RATES.digits;
}

/**
 * How long the text takes to say: prosody sections at their rate, the rest at 100, all at `speed`,
 * plus the breaks. The patterns never look past the next `<`, so hostile text stays linear.
 */
function speechMs(text: string, speed: number): number {
  let seconds = 0;
  const rest = text.replace(/<prosody\b([^<>]*)>([^<]*)<\/prosody>/g, (_, attributes: string, inner: string) => {
    const rate = Number(/\brate="(\d+)"/.exec(attributes)?.[1] ?? 100);
    seconds += (sayingSeconds(inner) * 100) / Math.min(200, Math.max(50, rate));
    return '';
  });
  seconds += sayingSeconds(rest.replace(/<[^<>]*>/g, ' ').replace(/&[a-z]+;|&#x?[0-9a-f]+;/gi, ' '));
  let pauseMs = 0;
  for (const [, attributes] of text.matchAll(/<break\b([^<>]*)>/g)) {
    const time = /\btime="(\d+(?:\.\d+)?)(ms|s)"/.exec(attributes);
    const strength = /\bstrength="([a-z-]+)"/.exec(attributes)?.[1] ?? 'medium';
    pauseMs += time ? Math.min(10_000, Math.max(200, Number(time[1]) * (time[2] === 's' ? 1000 : 1))) : BREAK_STRENGTH_MS[strength] ?? 0;
  }
  return (seconds * 100_000) / speed + pauseMs;
}

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
  const totalMs = speechMs(body.text as string, speed);
  return Array.from({ length: count }, (_, i) => {
    const spoken = i < count - 1 ? CHARACTERS_PER_FILE : characters.length - CHARACTERS_PER_FILE * (count - 1);
    const durationMs = Math.min(MAX_FILE_MS, Math.round((totalMs * spoken) / characters.length));
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
