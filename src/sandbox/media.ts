/**
 * Small real files for the sandbox to serve: WAV tones, solid-colour PNGs, one-frame MP4 videos and
 * filler bytes. Each file is described by a serializable recipe, so state can be persisted
 * without the bytes and every download of a file returns the same content.
 */
import { createHash } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import { stillMp4 } from './mp4';

export type FileRecipe =
  | { readonly kind: 'wav'; readonly durationMs: number; readonly frequencyHz: number; readonly amplitude?: number }
  | { readonly kind: 'png'; readonly width: number; readonly height: number; readonly rgb: readonly [number, number, number] }
  | { readonly kind: 'mp4'; readonly durationMs: number; readonly rgb?: readonly [number, number, number] }
  | { readonly kind: 'bytes'; readonly seed: string; readonly size: number }
  /** Bytes a client uploaded, kept in the sandbox's upload folder under the file's ID, not rendered. */
  | { readonly kind: 'stored'; readonly size: number; readonly md5: string };

const WAV_SAMPLE_RATE = 16000;

export function renderFile(recipe: FileRecipe): Buffer {
  switch (recipe.kind) {
    case 'wav': return wavTone(recipe.durationMs, recipe.frequencyHz, recipe.amplitude ?? 0.3);
    case 'png': return solidPng(recipe.width, recipe.height, recipe.rgb);
    case 'mp4': return stillMp4(recipe.durationMs, recipe.rgb ?? [24, 48, 96]);
    case 'bytes': return fillerBytes(recipe.seed, recipe.size);
    case 'stored': throw new Error('uploaded bytes are read from the upload folder, never rendered');
  }
}

/** PCM 16-bit mono sine tone with 10 ms fades, so players do not click. */
export function wavTone(durationMs: number, frequencyHz: number, amplitude: number): Buffer {
  const samples = Math.round((WAV_SAMPLE_RATE * durationMs) / 1000);
  const fade = WAV_SAMPLE_RATE / 100;
  const out = Buffer.alloc(44 + samples * 2);
  out.write('RIFF', 0, 'ascii');
  out.writeUInt32LE(36 + samples * 2, 4);
  out.write('WAVEfmt ', 8, 'ascii');
  out.writeUInt32LE(16, 16); // fmt chunk size
  out.writeUInt16LE(1, 20); // PCM
  out.writeUInt16LE(1, 22); // mono
  out.writeUInt32LE(WAV_SAMPLE_RATE, 24);
  out.writeUInt32LE(WAV_SAMPLE_RATE * 2, 28); // byte rate
  out.writeUInt16LE(2, 32); // block align
  out.writeUInt16LE(16, 34); // bits per sample
  out.write('data', 36, 'ascii');
  out.writeUInt32LE(samples * 2, 40);
  for (let i = 0; i < samples; i++) {
    const envelope = Math.min(1, i / fade, (samples - 1 - i) / fade);
    const value = Math.sin((2 * Math.PI * frequencyHz * i) / WAV_SAMPLE_RATE) * amplitude * envelope;
    out.writeInt16LE(Math.round(value * 32767), 44 + i * 2);
  }
  return out;
}

function solidPng(width: number, height: number, rgb: readonly [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const frame = Buffer.alloc(8 + data.length + 4);
    frame.writeUInt32BE(data.length, 0);
    body.copy(frame, 4);
    frame.writeUInt32BE(crc32(body), 8 + data.length);
    return frame;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(2, 9); // truecolour
  const row = Buffer.alloc(1 + width * 3); // filter byte 0, then RGB triples
  for (let x = 0; x < width; x++) row.set(rgb, 1 + x * 3);
  const pixels = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Deterministic stand-in content (model archives, animations…): SHA-256 in counter mode. */
function fillerBytes(seed: string, size: number): Buffer {
  const blocks: Buffer[] = [];
  for (let i = 0; blocks.length * 32 < size; i++) blocks.push(createHash('sha256').update(`${seed}:${i}`).digest());
  return Buffer.concat(blocks).subarray(0, size);
}

export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  wav: 'audio/wav',
  png: 'image/png',
  mp4: 'video/mp4',
  zip: 'application/zip',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
};
