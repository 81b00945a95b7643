/**
 * Measured durations of cached previews, and the duration estimate calibrated against them: every
 * text of test/fixtures/durations/calibration.json is previewed through the sandbox over loopback
 * (real signing, real WAV files), cached, and measured from its audio (docs/duration.md).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MetaStudioClient } from '../../../src/core/cloud/client';
import { rateLimitsFor, type RateLimits } from '../../../src/core/cloud/throttle';
import { createUndiciTransport, type UndiciTransport } from '../../../src/core/cloud/undiciTransport';
import { MeasuredDurations } from '../../../src/core/preview/measuredDurations';
import { PreviewCache } from '../../../src/core/preview/previewCache';
import { previewKey, type PreviewRequest } from '../../../src/core/preview/previewKey';
import { Previewer } from '../../../src/core/preview/previewer';
import { startSandbox, type Sandbox } from '../../../src/sandbox';
import { estimateSeconds } from '../../../src/core/ssml/duration';
import { analyzeSsml } from '../../../src/core/ssml/lint';

const AK = 'DURATIONTESTAK000001';
const SK = 'duration-test-sk-0123456789';
const PROJECT = 'duration-project-0001';
const UNTHROTTLED = Object.fromEntries(Object.keys(rateLimitsFor(undefined)).map((api) => [api, 1000])) as RateLimits;
const corpus = JSON.parse(readFileSync(join(__dirname, '../../fixtures/durations/calibration.json'), 'utf8')) as { text: string; speed?: number }[];

describe('preview/measuredDurations and the estimate\'s calibration against the sandbox', () => {
  let sandbox: Sandbox;
  let transport: UndiciTransport;
  let client: MetaStudioClient;
  let folder: string;
  let cache: PreviewCache;
  let voiceAssetId: string;

  const place = () => ({ endpoint: sandbox.url, projectId: PROJECT });
  const preview = (request: PreviewRequest) =>
    new Previewer({ cache, firstCheckMs: 1, pollIntervalMs: 10 }).preview(client, place(), request);

  before(async () => {
    sandbox = await startSandbox({ ak: AK, sk: SK, timings: { ttsDelayMs: 0 } });
    transport = createUndiciTransport({});
    client = new MetaStudioClient({ endpoint: sandbox.url, projectId: PROJECT, credentials: { kind: 'aksk', ak: AK, sk: SK }, fetch: transport.fetch, rateLimits: UNTHROTTLED });
    const voices = (await client.listAssets({ asset_source: 'ALL', asset_type: 'VOICE_MODEL', asset_state: 'ACTIVED', limit: 100 })).assets;
    voiceAssetId = voices.find((v) => !v.asset_extra_meta?.voice_model_meta?.external_voice_meta)!.asset_id;
    folder = mkdtempSync(join(tmpdir(), 'measured-durations-'));
    cache = new PreviewCache(folder, { limitBytes: 200 * 1024 * 1024 });
  });
  after(async () => {
    await transport.close();
    await sandbox.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('estimates within 2% of what the sandbox speaks, for every calibration text', async () => {
    const errors: string[] = [];
    let worst = 0;
    for (const { text, speed } of corpus) {
      const request = { text, voiceAssetId, speed };
      const result = await preview(request);
      const [measured] = [...(await new MeasuredDurations(cache).of([request], place())).values()];
      assert.ok(measured > 0, `measured ${text}`);
      const estimated = estimateSeconds(analyzeSsml(text, { where: 'live' }).speech, speed);
      const error = Math.abs(estimated - measured) / measured;
      worst = Math.max(worst, error);
      if (error > 0.02) errors.push(`${text.slice(0, 30)}…: estimated ${estimated.toFixed(2)} s, measured ${measured.toFixed(2)} s in ${result.files.length} file(s)`);
    }
    assert.deepEqual(errors, []);
    assert.ok(worst > 0, 'measured, not copied: the files round to the millisecond and the sample');
  });

  it('measures only what is cached for exactly that text, voice, settings and place, without marking it used', async () => {
    const text = '<speak>测量<break time="1s"/></speak>';
    const first = { text, voiceAssetId, speed: 100 };
    await preview(first);
    await preview({ text: '另一个', voiceAssetId });
    const order = await cache.keys();
    const measured = new MeasuredDurations(cache);
    const seconds = await measured.of([first, undefined, { ...first, speed: 120 }, { ...first, voiceAssetId: 'other' }], place());
    assert.deepEqual([...seconds.keys()], [0]);
    assert.ok(Math.abs(seconds.get(0)! - (2 / 4.5 + 1)) < 0.002, `${seconds.get(0)} s`);
    assert.deepEqual(await measured.of([first], { ...place(), projectId: 'another' }), new Map());
    assert.deepEqual(await cache.keys(), order, 'peeking is no use: the LRU order stays');
    assert.equal(order.at(-1), previewKey({ text: '另一个', voiceAssetId }, place()));
  });
});
