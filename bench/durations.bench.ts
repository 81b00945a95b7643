/**
 * The duration estimate's error against measured previews (docs/duration.md): the calibration texts
 * and the first shots of the 100-shot bench script are previewed through the sandbox over loopback,
 * cached, measured from their audio and compared with the estimate of the lint pass.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MetaStudioClient } from '../src/core/cloud/client';
import { rateLimitsFor, type RateLimits } from '../src/core/cloud/throttle';
import { createUndiciTransport } from '../src/core/cloud/undiciTransport';
import { MeasuredDurations } from '../src/core/preview/measuredDurations';
import { PreviewCache } from '../src/core/preview/previewCache';
import { Previewer } from '../src/core/preview/previewer';
import { startSandbox } from '../src/sandbox';
import { previewRequestOf, scriptDuration } from '../src/core/scripts/durations';
import { analyzeScript } from '../src/core/scripts/validate';
import { estimateSeconds } from '../src/core/ssml/duration';
import { analyzeSsml } from '../src/core/ssml/lint';

const AK = 'BENCHDURATIONAK00001';
const SK = 'bench-duration-sk-0123456789';
const PROJECT = 'bench-durations';
const SHOTS = 10;

export async function run(): Promise<string[]> {
  const sandbox = await startSandbox({ ak: AK, sk: SK, timings: { ttsDelayMs: 0 } });
  const transport = createUndiciTransport({});
  const folder = mkdtempSync(join(tmpdir(), 'bench-durations-'));
  try {
    const unthrottled = Object.fromEntries(Object.keys(rateLimitsFor(undefined)).map((api) => [api, 1000])) as RateLimits;
    const client = new MetaStudioClient({ endpoint: sandbox.url, projectId: PROJECT, credentials: { kind: 'aksk', ak: AK, sk: SK }, fetch: transport.fetch, rateLimits: unthrottled });
    const voices = (await client.listAssets({ asset_source: 'ALL', asset_type: 'VOICE_MODEL', asset_state: 'ACTIVED', limit: 100 })).assets;
    const voiceAssetId = voices.find((v) => !v.asset_extra_meta?.voice_model_meta?.external_voice_meta)!.asset_id;
    const place = { endpoint: sandbox.url, projectId: PROJECT };
    const cache = new PreviewCache(folder, { limitBytes: 1024 * 1024 * 1024 });
    const previewer = new Previewer({ cache, firstCheckMs: 1, pollIntervalMs: 10 });
    const measured = new MeasuredDurations(cache);

    const calibration = JSON.parse(readFileSync(join(__dirname, '../test/fixtures/durations/calibration.json'), 'utf8')) as { text: string; speed?: number }[];
    const pairs: { estimated: number; measured: number }[] = [];
    for (const { text, speed } of calibration) {
      const request = { text, voiceAssetId, speed };
      await previewer.preview(client, place, request);
      const seconds = (await measured.of([request], place)).get(0)!;
      pairs.push({ estimated: estimateSeconds(analyzeSsml(text, { where: 'live' }).speech, speed), measured: seconds });
    }
    // The bench script's shots, spoken by the sandbox's voice (its own voice ID is not in the sandbox).
    const script = readFileSync(join(__dirname, 'fixtures/video-100-shots.video.json'), 'utf8').replace(/"voice_asset_id": "[0-9a-f]+"/, `"voice_asset_id": "${voiceAssetId}"`);
    const shots = analyzeScript(script, 'video').shots.slice(0, SHOTS);
    const requests = shots.map((s) => previewRequestOf(s.text)!);
    for (const request of requests) await previewer.preview(client, place, request);
    // Video texts are estimated as video production speaks them; their previews honour the same tags here.
    const duration = scriptDuration(shots, await measured.of(requests, place));
    for (const shot of duration.shots) pairs.push({ estimated: shot.estimatedSeconds, measured: shot.measuredSeconds! });

    const errors = pairs.map((p) => Math.abs(p.estimated - p.measured) / p.measured);
    const mean = errors.reduce((a, b) => a + b, 0) / errors.length;
    const spoken = pairs.reduce((a, p) => a + p.measured, 0);
    return [
      `durations: estimate vs measured sandbox previews, ${pairs.length} texts (${calibration.length} calibration texts, ${SHOTS} bench shots), ${spoken.toFixed(0)} s of audio:` +
        ` mean error ${(mean * 100).toFixed(2)}%, worst ${(Math.max(...errors) * 100).toFixed(2)}%`,
    ];
  } finally {
    await transport.close();
    await sandbox.close();
    rmSync(folder, { recursive: true, force: true });
  }
}
