import assert from 'node:assert/strict';
import { api, call, FakeClock, sandboxSuite, type CallOptions } from './support';

const DELAY_MS = 3000;

interface Wav {
  readonly format: number;
  readonly channels: number;
  readonly sampleRate: number;
  readonly bitsPerSample: number;
  readonly durationMs: number;
  readonly peak: number;
}

/** Reads a canonical WAV header and checks the data chunk fills the file. */
function readWav(bytes: Buffer): Wav {
  assert.equal(bytes.toString('ascii', 0, 4), 'RIFF');
  assert.equal(bytes.readUInt32LE(4), bytes.length - 8);
  assert.equal(bytes.toString('ascii', 8, 16), 'WAVEfmt ');
  assert.equal(bytes.toString('ascii', 36, 40), 'data');
  const dataBytes = bytes.readUInt32LE(40);
  assert.equal(dataBytes, bytes.length - 44);
  const sampleRate = bytes.readUInt32LE(24);
  let peak = 0;
  for (let i = 44; i < bytes.length; i += 2) peak = Math.max(peak, Math.abs(bytes.readInt16LE(i)));
  return {
    format: bytes.readUInt16LE(20),
    channels: bytes.readUInt16LE(22),
    sampleRate,
    bitsPerSample: bytes.readUInt16LE(34),
    durationMs: (dataBytes / 2 / sampleRate) * 1000,
    peak,
  };
}

describe('sandbox TTS audition', () => {
  const clock = new FakeClock();
  const suite = sandboxSuite({ now: clock.now, timings: { ttsDelayMs: DELAY_MS } }, clock.now);

  const at = (method: string, path: string, options: CallOptions = {}) => call(suite.sandbox, method, path, { ...options, date: clock.time });
  const audition = (body: Record<string, unknown>) => at('POST', api('/ttsc/audition'), { body: { emotion: suite.assets.voiceId, ...body } });
  const files = (jobId: string) => at('GET', api(`/ttsc/audition-file/${jobId}`));
  const download = async (url: string) => Buffer.from(await (await fetch(url)).arrayBuffer());

  it('is incomplete until the delay has passed, then serves a WAV whose length follows the text', async () => {
    const text = '大家好，欢迎收看。';
    const created = await audition({ text });
    assert.equal(created.status, 200);
    const jobId = created.json.job_id;
    assert.deepEqual((await files(jobId)).json, { is_file_complete: false, files: [] });
    clock.advance(DELAY_MS - 1);
    assert.equal((await files(jobId)).json.is_file_complete, false);
    clock.advance(1);
    const done = (await files(jobId)).json;
    assert.equal(done.is_file_complete, true);
    assert.equal(done.files.length, 1);
    assert.ok(done.files[0].download_url.startsWith(`${suite.sandbox.url}/`));

    const response = await fetch(done.files[0].download_url);
    assert.equal(response.headers.get('content-type'), 'audio/wav');
    const wav = readWav(Buffer.from(await response.arrayBuffer()));
    assert.deepEqual([wav.format, wav.channels, wav.sampleRate, wav.bitsPerSample], [1, 1, 16000, 16]);
    assert.equal(wav.durationMs, Math.round((7 / 4.5) * 1000), '7 Chinese characters at 4.5 a second');
    assert.ok(wav.peak > 1000, 'a tone, not silence');
  });

  it('speaks words, digits, prosody rates and breaks at the documented rates, follows speed, and splits a long text over several files', async () => {
    const tagged = (await audition({ text: '<speak>two words<break time="500ms"/>42<prosody rate="50">中文</prosody><break strength="strong"/></speak>', speed: 200 })).json.job_id;
    const long = (await audition({ text: '好'.repeat(450) })).json.job_id;
    const longest = (await audition({ text: '好'.repeat(2000) })).json.job_id;
    clock.advance(DELAY_MS);
    const short = readWav(await download((await files(tagged)).json.files[0].download_url));
    // 2 words at 2.75/s, 2 digits at 3/s and 2 characters at 4.5/s slowed to half, all at double speed; then 500 + 750 ms of breaks.
    assert.equal(short.durationMs, Math.round(((2 / 2.75 + 2 / 3 + (2 / 4.5) * 2) * 1000) / 2 + 1250));
    const parts = (await files(long)).json.files;
    assert.equal(parts.length, 3);
    const durations = await Promise.all(parts.map(async (f: { download_url: string }) => readWav(await download(f.download_url)).durationMs));
    assert.deepEqual(durations, [44_444, 44_444, 11_111], '200 + 200 + 50 characters at 4.5 a second');
    const capped = (await files(longest)).json.files;
    assert.equal(capped.length, 5);
    assert.equal(readWav(await download(capped[4].download_url)).durationMs, 60_000, 'the last of at most 5 files, capped at 60 s');
  });

  it('expires file URLs after an hour', async () => {
    const jobId = (await audition({ text: 'expiring' })).json.job_id;
    clock.advance(DELAY_MS);
    const url = (await files(jobId)).json.files[0].download_url;
    assert.equal((await fetch(url)).status, 200);
    clock.advance(3600_000 + 1000);
    const expired = await fetch(url);
    assert.equal(expired.status, 403);
    assert.match(await expired.text(), /AccessDenied/);
  });

  it('answers errors in the TTS shape: 9-digit codes and a request_id', async () => {
    const missingText = await audition({ text: undefined });
    assert.equal(missingText.status, 400);
    assert.equal(missingText.json.error_code, 'MSS.000000003');
    assert.match(missingText.json.error_msg, /text is mandatory/);
    assert.equal(missingText.json.request_id, missingText.headers.get('x-request-id'));
    const badSpeed = await audition({ text: 'x', speed: 20 });
    assert.match(badSpeed.json.error_msg, /speed must be at least 50/);
    const image = (await at('GET', api('/digital-assets'), { query: { asset_source: 'ALL', asset_type: 'IMAGE', limit: '1' } })).json.assets[0];
    const notAVoice = await audition({ text: 'x', emotion: image.asset_id });
    assert.equal(notAVoice.json.error_code, 'MSS.20050005');
    assert.ok(notAVoice.json.request_id);
    const unknownJob = await files('no-such-job');
    assert.equal(unknownJob.status, 400);
    assert.equal(unknownJob.json.error_code, 'MSS.20050013');
  });

  it('does not answer on the /tts/audition typo path (docs/decisions/tts-preview.md)', async () => {
    const result = await at('POST', api('/tts/audition'), { body: { text: 'x', emotion: suite.assets.voiceId } });
    assert.equal(result.status, 404);
  });
});
