/**
 * `metastudio tts` in-process against the sandbox: files and their names, the CLI's own cache
 * (no request at all the second time, counted on the sandbox), the CLI's exit codes (docs/decisions/cli-contract.md).
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ttsCommand } from '../../../src/cli/commands/tts';
import type { CliIo } from '../../../src/cli/io';
import { runCli } from '../../../src/cli/main';
import { MetaStudioClient } from '../../../src/core/cloud/client';
import { createUndiciTransport } from '../../../src/core/cloud/undiciTransport';
import { startSandbox, type Sandbox } from '../../../src/sandbox';

const AK = 'TTSCLITESTAK00000001';
const SK = 'tts-cli-test-sk-0123456789';
const PROJECT = 'tts-cli-project';

interface Run { code: number; stdout: string; stderr: string }

describe('metastudio tts', () => {
  let sandbox: Sandbox;
  let slow: Sandbox;
  let home: string;
  let voice: string;
  let thirdParty: string;

  async function tts(args: string[], target: Sandbox = sandbox, env: NodeJS.ProcessEnv = {}): Promise<Run> {
    let stdout = '';
    let stderr = '';
    const io: CliIo = {
      stdout: (t) => { stdout += t; },
      stderr: (t) => { stderr += t; },
      env: { XDG_CACHE_HOME: join(home, 'cache'), METASTUDIO_ENDPOINT: target.url, HUAWEICLOUD_SDK_PROJECT_ID: PROJECT, HUAWEICLOUD_SDK_AK: AK, HUAWEICLOUD_SDK_SK: SK, ...env },
      cwd: home,
      signal: new AbortController().signal,
    };
    const code = await runCli(['tts', ...args], io, [ttsCommand]);
    return { code, stdout, stderr };
  }
  const creates = () => sandbox.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/ttsc/audition')).length;

  before(async () => {
    sandbox = await startSandbox({ ak: AK, sk: SK, timings: { ttsDelayMs: 100 } });
    slow = await startSandbox({ ak: AK, sk: SK, timings: { ttsDelayMs: 60_000 } });
    const transport = createUndiciTransport({});
    const client = new MetaStudioClient({ endpoint: sandbox.url, projectId: PROJECT, credentials: { kind: 'aksk', ak: AK, sk: SK }, fetch: transport.fetch });
    const voices = (await client.listAssets({ asset_source: 'ALL', asset_type: 'VOICE_MODEL', asset_state: 'ACTIVED', limit: 100 })).assets;
    await transport.close();
    voice = voices.find((v) => !v.asset_extra_meta?.voice_model_meta?.external_voice_meta)!.asset_id;
    thirdParty = voices.find((v) => v.asset_extra_meta?.voice_model_meta?.external_voice_meta)!.asset_id;
  });
  after(async () => {
    await sandbox.close();
    await slow.close();
  });
  beforeEach(() => { home = mkdtempSync(join(tmpdir(), 'tts-cli-')); });
  afterEach(() => rmSync(home, { recursive: true, force: true }));

  it('writes the audio, then writes it again from its own cache with no request', async () => {
    const first = await tts(['<speak>你好<break time="300ms"/>世界</speak>', '--voice', voice, '--speed', '120', '-o', 'out/hello.wav', '--format', 'json']);
    assert.equal(first.code, 0, first.stderr);
    const result = JSON.parse(first.stdout) as { files: string[]; cached: boolean; job_id: string | null };
    assert.deepEqual(result.files, [join(home, 'out/hello.wav')]);
    assert.equal(result.cached, false);
    assert.ok(result.job_id);
    assert.equal(readFileSync(result.files[0]).subarray(0, 4).toString('latin1'), 'RIFF');
    assert.ok(readdirSync(join(home, 'cache/metastudio/previews')).some((f) => f.endsWith('.wav')), 'cached under $XDG_CACHE_HOME/metastudio');

    const requests = sandbox.requests.length;
    const second = await tts(['<speak>你好<break time="300ms"/>世界</speak>', '--voice', voice, '--speed', '120', '-o', 'again.wav', '--format', 'json']);
    assert.equal(second.code, 0, second.stderr);
    assert.equal(JSON.parse(second.stdout).cached, true);
    assert.equal(sandbox.requests.length, requests, 'no request at all');
    assert.deepEqual(readFileSync(join(home, 'again.wav')), readFileSync(result.files[0]));
  });

  it('names several files OUT, then name-2.ext, name-3.ext, and reads @FILE', async () => {
    writeFileSync(join(home, 'long.ssml'), `\uFEFF<speak>${'一段很长的文本。'.repeat(60)}</speak>`);
    const run = await tts(['@long.ssml', '--voice', voice, '-o', 'long.wav']);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(run.stdout.trim().split('\n'), ['long.wav', 'long-2.wav', 'long-3.wav'].map((f) => join(home, f)));
  });

  it('refuses SSML errors before sending anything, unless --force', async () => {
    const before = creates();
    const run = await tts(['<speak><bogus>x</bogus></speak>', '--voice', voice, '-o', 'x.wav']);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /text:1:9: error ssml\/unknown-element/);
    assert.equal(creates(), before);
    assert.ok(!existsSync(join(home, 'x.wav')));
    const forced = await tts(['<speak><bogus>x</bogus></speak>', '--voice', voice, '-o', 'x.wav', '--force']);
    assert.equal(forced.code, 0, forced.stderr);
    assert.equal(creates(), before + 1);
  });

  it('says when a third-party voice bills the synthesis', async () => {
    const run = await tts(['第三方音色', '--voice', thirdParty, '-o', 'b.wav']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /third-party voice \(MOBVOI\): this synthesis is billed/);
  });

  it('exits 1 with code, message and request id when the API refuses', async () => {
    const run = await tts(['你好', '--voice', 'no-such-voice', '-o', 'x.wav']);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /MSS\.20050005: .*request id \S+/);
  });

  it('exits 4 when the synthesis is not ready in time', async () => {
    const run = await tts(['慢慢来', '--voice', voice, '-o', 'slow.wav', '--timeout', '1'], slow);
    assert.equal(run.code, 4, run.stderr);
    assert.match(run.stderr, /not ready within 1 s/);
  });

  it('exits 2 on bad usage and 3 without credentials', async () => {
    assert.equal((await tts(['x', '--voice', voice, '-o', 'x.wav', '--speed', '300'])).code, 2);
    assert.equal((await tts(['x', '-o', 'x.wav'])).code, 2);
    assert.equal((await tts(['@missing.txt', '--voice', voice, '-o', 'x.wav'])).code, 2);
    assert.equal((await tts(['x', '--voice', voice, '-o', 'x.wav'], sandbox, { HUAWEICLOUD_SDK_AK: '', HUAWEICLOUD_SDK_SK: '' })).code, 3);
  });
});
