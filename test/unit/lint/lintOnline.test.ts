import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lintCommand } from '../../../src/cli/commands/lint';
import { runCli } from '../../../src/cli/main';
import type { CliIo } from '../../../src/cli/io';
import { startSandbox, type Sandbox } from '../../../src/core/sandbox';

const ak = 'LINTONLINEAK00000001';
const sk = 'lint-online-sk';
/** 小暖: a seeded voice without pinyin (phoneme) support. */
const voiceWithoutPinyin = 'e354f2903bbdc313e390157ed66689c4';

function io(cwd: string, env: NodeJS.ProcessEnv): CliIo & { out: string; err: string } {
  const result = {
    out: '', err: '', env, cwd, signal: new AbortController().signal,
    stdout: (t: string) => { result.out += t; },
    stderr: (t: string) => { result.err += t; },
  };
  return result;
}

describe('metastudio lint --online', () => {
  let sandbox: Sandbox;
  let dir: string;
  before(async () => {
    sandbox = await startSandbox({ port: 0, ak, sk });
    dir = mkdtempSync(join(tmpdir(), 'lint-online-'));
    const live = JSON.parse(readFileSync(join(__dirname, '../../../examples/store-live.live.json'), 'utf8'));
    const scene = live.scene_scripts[0];
    scene.model_asset_id = '00000000000000000000000000000000';
    scene.voice_config.voice_asset_id = voiceWithoutPinyin;
    scene.shoot_scripts[0].text_config.text = '<speak><phoneme ph="yin2 hang2">银行</phoneme></speak>';
    writeFileSync(join(dir, 'room.live.json'), JSON.stringify(live, null, 2));
  });
  after(async () => { await sandbox.close(); });

  const env = () => ({ METASTUDIO_ENDPOINT: sandbox.url, HUAWEICLOUD_SDK_PROJECT_ID: 'p1', HUAWEICLOUD_SDK_AK: ak, HUAWEICLOUD_SDK_SK: sk });

  it('offline, knows nothing of the assets', async () => {
    const cli = io(dir, {});
    assert.equal(await runCli(['lint', '--format', 'json'], cli, [lintCommand]), 0);
    const [file] = JSON.parse(cli.out) as { diagnostics: { code: string }[] }[];
    assert.deepEqual(file.diagnostics.map((d) => d.code).filter((c) => c.startsWith('asset/') || c === 'ssml/voice-unsupported'), []);
  });

  it('online, reports the missing avatar and what the voice cannot do', async () => {
    const cli = io(dir, env());
    assert.equal(await runCli(['lint', '--online', '--format', 'json'], cli, [lintCommand]), 0, cli.err);
    const [file] = JSON.parse(cli.out) as { diagnostics: { code: string }[] }[];
    const codes = file.diagnostics.map((d) => d.code);
    assert.ok(codes.includes('asset/not-found'), codes.join(', '));
    assert.ok(codes.includes('ssml/voice-unsupported'), codes.join(', '));
    assert.ok(sandbox.requests.some((r) => r.path.endsWith(`/digital-assets/${voiceWithoutPinyin}`)));
  });

  it('online without credentials exits 3', async () => {
    const cli = io(dir, {});
    assert.equal(await runCli(['lint', '--online'], cli, [lintCommand]), 3);
    assert.match(cli.err, /no credentials/);
  });
});
