import assert from 'node:assert/strict';
import { audioSeconds } from '../../../src/core/preview/audioDuration';
import { renderFile } from '../../../src/sandbox/media';

/** An MPEG frame header: sync, version bits, layer bits, bitrate index, sample rate index, padding. */
function mp3Frame(versionBits: number, layerBits: number, bitrateIndex: number, rateIndex: number, length: number): Buffer {
  const frame = Buffer.alloc(length);
  frame[0] = 0xff;
  frame[1] = 0xe0 | (versionBits << 3) | (layerBits << 1) | 1;
  frame[2] = (bitrateIndex << 4) | (rateIndex << 2);
  return frame;
}

describe('preview/audioDuration', () => {
  it('reads a WAV\'s length from its header, whatever chunks come first', () => {
    assert.equal(audioSeconds(renderFile({ kind: 'wav', durationMs: 1250, frequencyHz: 440 })), 1.25);
    const wav = renderFile({ kind: 'wav', durationMs: 500, frequencyHz: 440 });
    // A LIST chunk (odd length, padded) between fmt and data.
    const list = Buffer.concat([Buffer.from('LIST'), Buffer.from([3, 0, 0, 0]), Buffer.from('abc'), Buffer.alloc(1)]);
    const withList = Buffer.concat([wav.subarray(0, 36), list, wav.subarray(36)]);
    assert.equal(audioSeconds(withList), 0.5);
    // A data size larger than the file (a stream cut short) counts what is there.
    const cut = Buffer.from(wav.subarray(0, 44 + 3200));
    assert.equal(audioSeconds(cut), 0.1);
  });

  it('adds up the frames of an MP3, after an ID3 tag', () => {
    // MPEG-1 layer III, 128 kbit/s, 44.1 kHz: 417-byte frames of 1152 samples.
    const frames = Array.from({ length: 100 }, () => mp3Frame(3, 1, 9, 0, 417));
    const id3 = Buffer.concat([Buffer.from('ID3'), Buffer.from([4, 0, 0, 0, 0, 1, 0]), Buffer.alloc(128)]);
    const seconds = audioSeconds(Buffer.concat([id3, ...frames]))!;
    assert.ok(Math.abs(seconds - (100 * 1152) / 44100) < 1e-9, `${seconds}`);
    // MPEG-2 layer III, 32 kbit/s, 16 kHz: 144-byte frames of 576 samples.
    const mpeg2 = audioSeconds(Buffer.concat(Array.from({ length: 50 }, () => mp3Frame(2, 1, 4, 2, 144))))!;
    assert.ok(Math.abs(mpeg2 - (50 * 576) / 16000) < 1e-9, `${mpeg2}`);
  });

  it('has no length for other or malformed audio, and never throws', () => {
    assert.equal(audioSeconds(Buffer.from('OggS and more')), undefined);
    assert.equal(audioSeconds(Buffer.from('RIFF\0\0\0\0WAVE')), undefined);
    assert.equal(audioSeconds(Buffer.from([0xff, 0xfb, 0xf0, 0x00])), undefined, 'a bad bitrate index');
    assert.equal(audioSeconds(new Uint8Array(0)), undefined);
  });
});
