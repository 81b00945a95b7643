/**
 * A small playable MP4: one H.264 (Baseline) picture of one colour, shown once a second for the whole
 * duration (a single frame held for it would make a browser jump straight to the end). The frame is
 * coded with I_PCM macroblocks, i.e. raw samples, so no encoder is needed: a 64x64 picture takes 16
 * macroblocks of 384 bytes; every sample is that same picture, an IDR frame.
 */
const SIZE = 64;
const MACROBLOCKS = (SIZE / 16) ** 2;
const PROFILE_BASELINE = 66;
const CONSTRAINTS = 0xc0; // constraint_set0 and set1: decodable by any Baseline/Main decoder
const LEVEL = 30;

class BitWriter {
  private readonly bytes: number[] = [];
  private current = 0;
  private filled = 0;

  bits(value: number, count: number): this {
    for (let i = count - 1; i >= 0; i--) {
      this.current = (this.current << 1) | ((value >> i) & 1);
      if (++this.filled === 8) this.flush();
    }
    return this;
  }

  /** Unsigned Exp-Golomb. */
  ue(value: number): this {
    const code = value + 1;
    const length = Math.floor(Math.log2(code));
    return this.bits(0, length).bits(code, length + 1);
  }

  alignZero(): this {
    while (this.filled !== 0) this.bits(0, 1);
    return this;
  }

  bytesOf(data: Uint8Array): this {
    for (const byte of data) this.bits(byte, 8);
    return this;
  }

  /** rbsp_trailing_bits: a stop bit, then zeros to the byte boundary. */
  trailing(): Buffer {
    this.bits(1, 1).alignZero();
    return Buffer.from(this.bytes);
  }

  private flush(): void {
    this.bytes.push(this.current);
    this.current = 0;
    this.filled = 0;
  }
}

/** A NAL unit: header byte, then the payload with emulation-prevention bytes inserted. */
function nal(header: number, rbsp: Buffer): Buffer {
  const out = [header];
  let zeros = 0;
  for (const byte of rbsp) {
    if (zeros >= 2 && byte <= 3) {
      out.push(3);
      zeros = 0;
    }
    out.push(byte);
    zeros = byte === 0 ? zeros + 1 : 0;
  }
  return Buffer.from(out);
}

function sequenceParameterSet(): Buffer {
  const w = new BitWriter().bits(PROFILE_BASELINE, 8).bits(CONSTRAINTS, 8).bits(LEVEL, 8);
  w.ue(0); // seq_parameter_set_id
  w.ue(0); // log2_max_frame_num_minus4
  w.ue(2); // pic_order_cnt_type: no POC in slice headers
  w.ue(1); // max_num_ref_frames
  w.bits(0, 1); // gaps_in_frame_num_value_allowed_flag
  w.ue(SIZE / 16 - 1).ue(SIZE / 16 - 1); // width and height in macroblocks, minus 1
  w.bits(1, 1).bits(1, 1); // frame_mbs_only_flag, direct_8x8_inference_flag
  w.bits(0, 1).bits(0, 1); // no cropping, no VUI
  return nal(0x67, w.trailing());
}

function pictureParameterSet(): Buffer {
  const w = new BitWriter().ue(0).ue(0); // pic_parameter_set_id, seq_parameter_set_id
  w.bits(0, 1).bits(0, 1); // CAVLC, no bottom_field_pic_order_in_frame_present_flag
  w.ue(0).ue(0).ue(0); // one slice group; one reference index in each list
  w.bits(0, 1).bits(0, 2); // no weighted prediction
  w.ue(0).ue(0).ue(0); // pic_init_qp/qs_minus26 and chroma_qp_index_offset, all 0 (se(0) = ue(0))
  w.bits(1, 1); // deblocking_filter_control_present_flag
  w.bits(0, 1).bits(0, 1); // constrained_intra_pred_flag, redundant_pic_cnt_present_flag
  return nal(0x68, w.trailing());
}

/** ITU-R BT.601 limited range. */
function toYCbCr([r, g, b]: readonly [number, number, number]): [number, number, number] {
  const clamp = (v: number) => Math.max(16, Math.min(240, Math.round(v)));
  return [
    clamp(16 + 0.257 * r + 0.504 * g + 0.098 * b),
    clamp(128 - 0.148 * r - 0.291 * g + 0.439 * b),
    clamp(128 + 0.439 * r - 0.368 * g - 0.071 * b),
  ];
}

function idrSlice(rgb: readonly [number, number, number]): Buffer {
  const [y, cb, cr] = toYCbCr(rgb);
  const samples = Buffer.concat([Buffer.alloc(256, y), Buffer.alloc(64, cb), Buffer.alloc(64, cr)]);
  const w = new BitWriter();
  w.ue(0).ue(7).ue(0); // first_mb_in_slice, slice_type I (all slices), pic_parameter_set_id
  w.bits(0, 4); // frame_num
  w.ue(0); // idr_pic_id
  w.bits(0, 1).bits(0, 1); // dec_ref_pic_marking: no_output_of_prior_pics_flag, long_term_reference_flag
  w.ue(0); // slice_qp_delta (se(0))
  w.ue(1); // disable_deblocking_filter_idc: off
  for (let i = 0; i < MACROBLOCKS; i++) {
    w.ue(25); // mb_type I_PCM
    w.alignZero().bytesOf(samples);
  }
  return nal(0x65, w.trailing());
}

function box(type: string, ...payload: Buffer[]): Buffer {
  const body = Buffer.concat(payload);
  const head = Buffer.alloc(8);
  head.writeUInt32BE(8 + body.length, 0);
  head.write(type, 4, 'ascii');
  return Buffer.concat([head, body]);
}

function u32(...values: number[]): Buffer {
  const out = Buffer.alloc(values.length * 4);
  values.forEach((v, i) => out.writeUInt32BE(v >>> 0, i * 4));
  return out;
}

const UNITY_MATRIX = u32(0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000);

const FRAME_MS = 1000;

export function stillMp4(durationMs: number, rgb: readonly [number, number, number]): Buffer {
  const sps = sequenceParameterSet();
  const pps = pictureParameterSet();
  const slice = idrSlice(rgb);
  const sample = Buffer.concat([u32(slice.length), slice]);
  const duration = Math.max(1, Math.round(durationMs));
  // A frame a second, the last one shorter: the time-to-sample table's runs.
  const frames = Math.ceil(duration / FRAME_MS);
  const last = duration - (frames - 1) * FRAME_MS;
  const timeToSample = frames === 1 ? u32(0, 1, 1, duration) : u32(0, 2, frames - 1, FRAME_MS, 1, last);

  const avcC = box('avcC',
    Buffer.from([1, PROFILE_BASELINE, CONSTRAINTS, LEVEL, 0xff, 0xe1]), Buffer.from([sps.length >> 8, sps.length & 0xff]), sps,
    Buffer.from([1, pps.length >> 8, pps.length & 0xff]), pps);
  const compressor = Buffer.alloc(32);
  const visualEntry = Buffer.concat([
    Buffer.alloc(6), Buffer.from([0, 1]), // reserved, data_reference_index
    Buffer.alloc(16), // pre_defined and reserved
    Buffer.from([SIZE >> 8, SIZE & 0xff, SIZE >> 8, SIZE & 0xff]),
    u32(0x00480000, 0x00480000, 0), Buffer.from([0, 1]), // 72 dpi, reserved, frame_count
    compressor, Buffer.from([0, 0x18, 0xff, 0xff]), // depth 24, pre_defined -1
  ]);
  const stbl = (chunkOffset: number) => box('stbl',
    box('stsd', u32(0, 1), box('avc1', visualEntry, avcC)),
    box('stts', timeToSample),
    box('stsc', u32(0, 1, 1, frames, 1)), // one chunk holds every sample
    box('stsz', u32(0, sample.length, frames)), // every sample the same size
    box('stco', u32(0, 1, chunkOffset)));
  const moov = (chunkOffset: number) => box('moov',
    box('mvhd', u32(0, 0, 0, 1000, duration, 0x00010000), Buffer.from([1, 0]), Buffer.alloc(10), UNITY_MATRIX, Buffer.alloc(24), u32(2)),
    box('trak',
      box('tkhd', u32(3, 0, 0, 1, 0, duration, 0, 0, 0, 0), UNITY_MATRIX, u32(SIZE << 16, SIZE << 16)),
      box('mdia',
        box('mdhd', u32(0, 0, 0, 1000, duration), Buffer.from([0x55, 0xc4, 0, 0])),
        box('hdlr', u32(0, 0), Buffer.from('vide', 'ascii'), u32(0, 0, 0), Buffer.from('VideoHandler\0', 'ascii')),
        box('minf',
          box('vmhd', u32(1, 0, 0)),
          box('dinf', box('dref', u32(0, 1), box('url ', u32(1)))),
          stbl(chunkOffset)))));
  const ftyp = box('ftyp', Buffer.from('isom', 'ascii'), u32(0x200), Buffer.from('isomiso2avc1mp41', 'ascii'));
  const offset = ftyp.length + moov(0).length + 8;
  return Buffer.concat([ftyp, moov(offset), box('mdat', ...Array<Buffer>(frames).fill(sample))]);
}
