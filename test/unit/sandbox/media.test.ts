import assert from 'node:assert/strict';
import { crc32, inflateSync } from 'node:zlib';
import { renderFile } from '../../../src/sandbox/media';

interface Box {
  readonly type: string;
  readonly start: number;
  readonly payload: Buffer;
}

function boxes(data: Buffer, base = 0): Box[] {
  const found: Box[] = [];
  for (let at = 0; at < data.length;) {
    const size = data.readUInt32BE(at);
    assert.ok(size >= 8 && at + size <= data.length, `box size ${size} at ${base + at}`);
    found.push({ type: data.toString('latin1', at + 4, at + 8), start: base + at, payload: data.subarray(at + 8, at + size) });
    at += size;
  }
  return found;
}

function child(parent: Box, path: string, skip = 0): Box {
  let current = parent;
  for (const type of path.split('/')) {
    const found = boxes(current.payload.subarray(skip), current.start + 8 + skip).find((b) => b.type === type);
    assert.ok(found, `${type} inside ${current.type}`);
    current = found;
    skip = 0;
  }
  return current;
}

describe('sandbox media files', () => {
  it('MP4: ftyp, moov and mdat, a 64x64 H.264 Baseline track lasting the requested time, a frame a second from the chunk offset on', () => {
    const mp4 = renderFile({ kind: 'mp4', durationMs: 4200, rgb: [10, 200, 30] });
    const top = boxes(mp4);
    assert.deepEqual(top.map((b) => b.type), ['ftyp', 'moov', 'mdat']);
    const moov = top[1];
    assert.equal(child(moov, 'mvhd').payload.readUInt32BE(16), 4200);
    const tkhd = child(moov, 'trak/tkhd').payload;
    assert.equal(tkhd.readUInt32BE(20), 4200);
    assert.deepEqual([tkhd.readUInt32BE(76) >> 16, tkhd.readUInt32BE(80) >> 16], [64, 64]);
    assert.equal(child(moov, 'trak/mdia/hdlr').payload.toString('latin1', 8, 12), 'vide');
    const stbl = child(moov, 'trak/mdia/minf/stbl');
    const stsd = child(stbl, 'stsd');
    const avc1 = boxes(stsd.payload.subarray(8), stsd.start + 16)[0];
    assert.equal(avc1.type, 'avc1');
    const avcC = boxes(avc1.payload.subarray(78))[0];
    assert.equal(avcC.type, 'avcC');
    assert.deepEqual([...avcC.payload.subarray(0, 4)], [1, 66, 0xc0, 30], 'version 1, Baseline, level 3.0');
    const spsLength = avcC.payload.readUInt16BE(6);
    assert.equal(avcC.payload[8] & 0x1f, 7, 'an SPS NAL unit');
    assert.equal(avcC.payload[8 + spsLength + 3] & 0x1f, 8, 'then a PPS NAL unit');

    const stsz = child(stbl, 'stsz').payload;
    const [sampleSize, samples] = [stsz.readUInt32BE(4), stsz.readUInt32BE(8)];
    assert.equal(samples, 5, 'a frame a second, the last one shorter');
    const offset = child(stbl, 'stco').payload.readUInt32BE(8);
    const mdat = top[2];
    assert.equal(offset, mdat.start + 8);
    assert.equal(sampleSize * samples, mdat.payload.length);
    for (let i = 0; i < samples; i++) {
      assert.equal(mdat.payload.readUInt32BE(i * sampleSize), sampleSize - 4, 'one length-prefixed NAL unit');
      assert.equal(mdat.payload[i * sampleSize + 4], 0x65, 'an IDR slice');
    }
    const stts = child(stbl, 'stts').payload;
    assert.deepEqual([1, 2, 3, 4].map((i) => stts.readUInt32BE(4 * i)), [2, 4, 1000, 1], 'four frames of a second');
    assert.equal(stts.readUInt32BE(20), 200, 'and one of the rest');
    assert.deepEqual([...child(stbl, 'stsc').payload.subarray(8, 16)], [0, 0, 0, 1, 0, 0, 0, samples], 'one chunk holds them all');
  });

  it('PNG: valid chunks and CRCs, and every pixel the requested colour', () => {
    const png = renderFile({ kind: 'png', width: 5, height: 3, rgb: [1, 2, 3] });
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const chunks: { type: string; data: Buffer }[] = [];
    for (let at = 8; at < png.length;) {
      const length = png.readUInt32BE(at);
      const type = png.toString('latin1', at + 4, at + 8);
      const data = png.subarray(at + 8, at + 8 + length);
      assert.equal(png.readUInt32BE(at + 8 + length), crc32(png.subarray(at + 4, at + 8 + length)), `${type} CRC`);
      chunks.push({ type, data });
      at += 12 + length;
    }
    assert.deepEqual(chunks.map((c) => c.type), ['IHDR', 'IDAT', 'IEND']);
    assert.deepEqual([chunks[0].data.readUInt32BE(0), chunks[0].data.readUInt32BE(4)], [5, 3]);
    const row = [0, ...Array.from({ length: 5 }, () => [1, 2, 3]).flat()];
    assert.deepEqual([...inflateSync(chunks[1].data)], [...row, ...row, ...row]);
  });

  it('WAV: the requested length at 16 kHz, fading in and out', () => {
    const wav = renderFile({ kind: 'wav', durationMs: 250, frequencyHz: 440 });
    assert.equal(wav.readUInt32LE(40), 16000 * 0.25 * 2);
    assert.equal(wav.readInt16LE(44), 0, 'starts silent');
    assert.equal(wav.readInt16LE(wav.length - 2), 0, 'ends silent');
  });

  it('filler bytes: the requested size, the same for the same seed', () => {
    const a = renderFile({ kind: 'bytes', seed: 's', size: 1000 });
    assert.equal(a.length, 1000);
    assert.deepEqual(a, renderFile({ kind: 'bytes', seed: 's', size: 1000 }));
    assert.notDeepEqual(a, renderFile({ kind: 'bytes', seed: 't', size: 1000 }));
  });
});
