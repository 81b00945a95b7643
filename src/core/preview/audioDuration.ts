/**
 * The playing time of an audio file from its bytes: WAV from its header, MP3 by walking its frames.
 * Other formats (and anything malformed) have none; nothing here throws.
 */
import { audioExtension } from './audioFormat';

/** Seconds of audio in `data`, or undefined when the format is not one of these or is malformed. */
export function audioSeconds(data: Uint8Array): number | undefined {
  switch (audioExtension(data)) {
    case 'wav': return wavSeconds(data);
    case 'mp3': return mp3Seconds(data);
    default: return undefined;
  }
}

function ascii(data: Uint8Array, at: number, length: number): string {
  return String.fromCharCode(...data.subarray(at, at + length));
}

function u32(data: Uint8Array, at: number): number {
  return (data[at] | (data[at + 1] << 8) | (data[at + 2] << 16) | (data[at + 3] << 24)) >>> 0;
}

/** The `data` chunk's length over the `fmt ` chunk's byte rate; a data size past the end counts what is there. */
function wavSeconds(data: Uint8Array): number | undefined {
  let byteRate: number | undefined;
  for (let at = 12; at + 8 <= data.length;) {
    const id = ascii(data, at, 4);
    const size = u32(data, at + 4);
    if (id === 'fmt ' && at + 16 <= data.length) byteRate = u32(data, at + 16);
    if (id === 'data') return byteRate ? Math.min(size, data.length - at - 8) / byteRate : undefined;
    at += 8 + size + (size % 2);
  }
  return undefined;
}

const mp3Bitrates: Record<string, readonly number[]> = {
  '1-1': [0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
  '1-2': [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
  '1-3': [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  '2-1': [0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
  '2-2': [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
  '2-3': [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
};
/** By version bits: 0 MPEG 2.5, 2 MPEG 2, 3 MPEG 1. */
const mp3SampleRates: Record<number, readonly number[]> = { 0: [11025, 12000, 8000], 2: [22050, 24000, 16000], 3: [44100, 48000, 32000] };

/** Sums the frames' samples from the first frame (after an ID3v2 tag) until the frames stop. */
function mp3Seconds(data: Uint8Array): number | undefined {
  let at = 0;
  if (ascii(data, 0, 3) === 'ID3' && data.length >= 10) {
    at = 10 + ((data[6] & 0x7f) << 21 | (data[7] & 0x7f) << 14 | (data[8] & 0x7f) << 7 | (data[9] & 0x7f)) + (data[5] & 0x10 ? 10 : 0);
  }
  let seconds = 0;
  let frames = 0;
  while (at + 4 <= data.length && data[at] === 0xff && (data[at + 1] & 0xe0) === 0xe0) {
    const versionBits = (data[at + 1] >> 3) & 3;
    const layer = 4 - ((data[at + 1] >> 1) & 3);
    const bitrate = mp3Bitrates[`${versionBits === 3 ? 1 : 2}-${layer}`]?.[data[at + 2] >> 4];
    const sampleRate = mp3SampleRates[versionBits]?.[(data[at + 2] >> 2) & 3];
    if (!bitrate || !sampleRate || layer > 3) break;
    const padding = (data[at + 2] >> 1) & 1;
    const samples = layer === 1 ? 384 : layer === 3 && versionBits !== 3 ? 576 : 1152;
    const length = layer === 1 ? (Math.floor((12 * bitrate * 1000) / sampleRate) + padding) * 4 : Math.floor((samples / 8) * bitrate * 1000 / sampleRate) + padding;
    seconds += samples / sampleRate;
    frames++;
    at += length;
  }
  return frames > 0 ? seconds : undefined;
}
