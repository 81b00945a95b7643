/**
 * `metastudio stats` in-process: per-shot and total durations and characters against the limits
 * (docs/decisions/cli-contract.md), and a shot previewed with `metastudio tts` against the sandbox
 * counted as measured from the CLI's cache.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commands } from '../../../src/cli/commands';
import { runCli } from '../../../src/cli/main';
import { MetaStudioClient } from '../../../src/core/cloud/client';
import { createUndiciTransport } from '../../../src/core/cloud/undiciTransport';
import { startSandbox, type Sandbox } from '../../../src/sandbox';
import { recordingIo } from '../../support/cliIo';

const repo = join(__dirname, '../../..');
const AK = 'STATSCLITESTAK000001';
const SK = 'stats-cli-test-sk-0123456789';
const PROJECT = 'stats-cli-project';

interface Stats {
  file: string;
  kind: string;
  shots: { shot: string | null; characters: number; seconds: number; estimated_seconds: number; measured_seconds: number | null; hanzi: number; words: number; digits: number; breaks: number; pause_seconds: number }[];
  total: { characters: number; seconds: number; shots: number; measured: number };
  limits: { scene_characters: number; total_characters: number; scenes: number } | null;
}

describe('metastudio stats', () => {
  let dir: string;
  let sandbox: Sandbox;
  let voice: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'metastudio-stats-'));
    cpSync(join(repo, 'examples'), join(dir, 'examples'), { recursive: true });
    sandbox = await startSandbox({ ak: AK, sk: SK, timings: { ttsDelayMs: 0 } });
    const transport = createUndiciTransport({});
    const client = new MetaStudioClient({ endpoint: sandbox.url, projectId: PROJECT, credentials: { kind: 'aksk', ak: AK, sk: SK }, fetch: transport.fetch });
    voice = (await client.listAssets({ asset_source: 'ALL', asset_type: 'VOICE_MODEL', asset_state: 'ACTIVED', limit: 100 })).assets
      .find((v) => !v.asset_extra_meta?.voice_model_meta?.external_voice_meta)!.asset_id;
    await transport.close();
  });
  after(async () => {
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints each file\'s shots and total in JSON, the video limits with video scripts', async () => {
    const io = recordingIo({ cwd: dir });
    assert.equal(await runCli(['stats', 'examples', '--format', 'json'], io, commands), 0);
    const stats = JSON.parse(io.out) as Stats[];
    assert.deepEqual(stats.map((s) => [s.file, s.kind, s.shots.length]), [
      ['examples/product-launch.video.json', 'video', 3],
      ['examples/store-live.live.json', 'live', 2],
      ['examples/welcome.ssml', 'ssml', 1],
    ]);
    const [video, live, ssml] = stats;
    assert.deepEqual(video.limits, { scene_characters: 10_000, total_characters: 100_000, scenes: 50 });
    assert.equal(live.limits, null);
    assert.deepEqual(live.shots.map((s) => s.shot), ['scene_scripts[0].shoot_scripts[0]', 'scene_scripts[0].shoot_scripts[1]']);
    assert.deepEqual(ssml.shots[0], {
      shot: null, characters: 54, seconds: 4.1, estimated_seconds: 4.1, measured_seconds: null, hanzi: 7, words: 5, digits: 0, breaks: 1, pause_seconds: 0.5,
    });
    assert.equal(video.total.characters, video.shots.reduce((sum, s) => sum + s.characters, 0));
    assert.equal(video.total.measured, 0);
  });

  it('prints a line per shot and a total against the limits, marking what is over', async () => {
    writeFileSync(join(dir, 'long.video.json'), JSON.stringify({ shoot_scripts: [{ shoot_script: { text_config: { text: '好'.repeat(10_001) } } }] }));
    const io = recordingIo({ cwd: dir });
    assert.equal(await runCli(['stats', 'long.video.json', 'examples/welcome.ssml'], io, commands), 0);
    assert.deepEqual(io.out.split('\n'), [
      'examples/welcome.ssml (ssml)',
      `  ${'text'.padEnd(36)} ${'≈ 4.1 s'.padEnd(22)} 54 characters`,
      `  ${'total'.padEnd(36)} ${'≈ 4.1 s'.padEnd(22)} 54 characters`,
      'long.video.json (video)',
      `  ${'shoot_scripts[0]'.padEnd(36)} ${'≈ 37 min 2 s'.padEnd(22)} 10,001 characters  OVER THE LIMIT`,
      `  ${'total'.padEnd(36)} ${'≈ 37 min 2 s'.padEnd(22)} 10,001 of 100,000 characters, 1 of 50 scenes`,
      '',
    ]);
    rmSync(join(dir, 'long.video.json'));
  });

  it('counts a shot previewed at the endpoint and project given as measured', async () => {
    const text = '<speak>欢迎来到直播间<break time="1s"/></speak>';
    writeFileSync(join(dir, 'measured.video.json'), JSON.stringify({ voice_config: { voice_asset_id: voice, speed: 150 }, shoot_scripts: [{ shoot_script: { text_config: { text } } }, { shoot_script: { text_config: { text: '没有预览' } } }] }));
    const env = { XDG_CACHE_HOME: join(dir, 'cache'), METASTUDIO_ENDPOINT: sandbox.url, HUAWEICLOUD_SDK_PROJECT_ID: PROJECT, HUAWEICLOUD_SDK_AK: AK, HUAWEICLOUD_SDK_SK: SK };
    const tts = recordingIo({ cwd: dir, env });
    assert.equal(await runCli(['tts', text, '--voice', voice, '--speed', '150', '-o', 'out.wav'], tts, commands), 0, tts.err);

    const json = recordingIo({ cwd: dir, env });
    assert.equal(await runCli(['stats', 'measured.video.json', '--format', 'json'], json, commands), 0, json.err);
    const [stats] = JSON.parse(json.out) as Stats[];
    assert.deepEqual(stats.shots.map((s) => s.measured_seconds), [Math.round(((7 / 4.5) / 1.5 + 1) * 10) / 10, null]);
    assert.equal(stats.total.measured, 1);
    const text1 = recordingIo({ cwd: dir, env });
    await runCli(['stats', 'measured.video.json'], text1, commands);
    assert.match(text1.out, /shoot_scripts\[0\] +2\.0 s \(measured\) /);
    assert.match(text1.out, /, 1 of 2 measured\n$/);
    // Another project's previews are not this one's; without a project none is looked up.
    for (const other of [{ ...env, HUAWEICLOUD_SDK_PROJECT_ID: 'another' }, { XDG_CACHE_HOME: env.XDG_CACHE_HOME }]) {
      const io = recordingIo({ cwd: dir, env: other });
      await runCli(['stats', 'measured.video.json', '--format', 'json'], io, commands);
      assert.equal((JSON.parse(io.out) as Stats[])[0].total.measured, 0);
    }
  });

  it('exits 2 on a missing path, an unsupported file, a bad endpoint or a bad option', async () => {
    for (const args of [['stats', 'nowhere'], ['stats', 'examples/../package.json'], ['stats', '--endpoint', 'http://example.com', '--project-id', 'p'], ['stats', '--fix']]) {
      writeFileSync(join(dir, 'package.json'), '{}');
      const io = recordingIo({ cwd: dir });
      assert.equal(await runCli(args, io, commands), 2, args.join(' '));
      assert.match(io.err, /^metastudio stats: .+\nRun "metastudio stats --help" for its usage\.\n$/);
      assert.equal(io.out, '');
    }
  });
});
