import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lintCommand } from '../../../src/cli/commands/lint';
import { runCli } from '../../../src/cli/main';
import { startSandboxClient, type SandboxClient } from '../../support/sandboxClient';
import { recordingIo } from '../../support/cliIo';

/** 小暖: a seeded voice without pinyin (phoneme) support. */
const voiceWithoutPinyin = 'e354f2903bbdc313e390157ed66689c4';

describe('metastudio lint --online', () => {
  let cloud: SandboxClient;
  let dir: string;
  before(async () => {
    cloud = await startSandboxClient();
    dir = mkdtempSync(join(tmpdir(), 'lint-online-'));
    const live = JSON.parse(readFileSync(join(__dirname, '../../../examples/store-live.live.json'), 'utf8'));
    const scene = live.scene_scripts[0];
    scene.model_asset_id = '00000000000000000000000000000000';
    scene.voice_config.voice_asset_id = voiceWithoutPinyin;
    scene.shoot_scripts[0].text_config.text = '<speak><phoneme ph="yin2 hang2">银行</phoneme></speak>';
    writeFileSync(join(dir, 'room.live.json'), JSON.stringify(live, null, 2));
  });
  after(() => cloud.close());

  const env = () => cloud.env;

  it('offline, knows nothing of the assets', async () => {
    const cli = recordingIo({ cwd: dir });
    assert.equal(await runCli(['lint', '--format', 'json'], cli, [lintCommand]), 0);
    const [file] = JSON.parse(cli.out) as { diagnostics: { code: string }[] }[];
    assert.deepEqual(file.diagnostics.map((d) => d.code).filter((c) => c.startsWith('asset/') || c === 'ssml/voice-unsupported'), []);
  });

  it('online, reports the missing avatar and what the voice cannot do', async () => {
    const cli = recordingIo({ cwd: dir, env: env() });
    assert.equal(await runCli(['lint', '--online', '--format', 'json'], cli, [lintCommand]), 0, cli.err);
    const [file] = JSON.parse(cli.out) as { diagnostics: { code: string }[] }[];
    const codes = file.diagnostics.map((d) => d.code);
    assert.ok(codes.includes('asset/not-found'), codes.join(', '));
    assert.ok(codes.includes('ssml/voice-unsupported'), codes.join(', '));
    assert.ok(cloud.sandbox.requests.some((r) => r.path.endsWith(`/digital-assets/${voiceWithoutPinyin}`)));
  });

  it('online without credentials exits 3', async () => {
    const cli = recordingIo({ cwd: dir });
    assert.equal(await runCli(['lint', '--online'], cli, [lintCommand]), 3);
    assert.match(cli.err, /no credentials/);
  });
});
