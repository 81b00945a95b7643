import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SANDBOX_AK, sandboxCommand } from '../../../src/cli/commands/sandbox';
import { runCli } from '../../../src/cli/main';
import type { CliIo } from '../../../src/cli/io';
import { api, call, waitFor } from './support';

interface Run {
  readonly stdout: string[];
  readonly stderr: string[];
  readonly stop: () => void;
  readonly exit: Promise<number>;
}

function runSandbox(args: string[], env: NodeJS.ProcessEnv = {}, cwd = process.cwd()): Run {
  const controller = new AbortController();
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: CliIo = {
    stdout: (text) => stdout.push(text),
    stderr: (text) => stderr.push(text),
    env,
    cwd,
    signal: controller.signal,
  };
  return { stdout, stderr, stop: () => controller.abort(), exit: runCli(['sandbox', ...args], io, [sandboxCommand]) };
}

const firstOutput = (run: Run) => waitFor(async () => run.stdout[0]);

describe('metastudio sandbox', () => {
  it('prints one JSON object with the pair it accepts, serves signed calls, and stops on Ctrl+C', async () => {
    const run = runSandbox(['--format', 'json', '--ak', 'CLI-AK', '--sk', 'cli-sk']);
    const info = JSON.parse(await firstOutput(run));
    assert.deepEqual(Object.keys(info).sort(), ['ak', 'projectId', 'sk', 'url']);
    assert.equal(info.ak, 'CLI-AK');
    assert.match(info.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const result = await call({ url: info.url }, 'GET', api('/digital-assets', info.projectId), { ak: info.ak, sk: info.sk });
    assert.equal(result.status, 200);
    assert.ok(run.stderr.some((line) => line.includes('/digital-assets -> 200')), 'requests are logged on stderr');
    run.stop();
    assert.equal(await run.exit, 0);
    await assert.rejects(fetch(info.url), 'the port is closed after Ctrl+C');
  });

  it('takes the pair from HUAWEICLOUD_SDK_AK/SK without ever printing that SK, else prints its fixed defaults, with an export line', async () => {
    const env = { HUAWEICLOUD_SDK_AK: 'ENV-AK', HUAWEICLOUD_SDK_SK: 'env-secret-key' };
    const fromEnv = runSandbox(['--format', 'json'], env);
    const info = JSON.parse(await firstOutput(fromEnv));
    assert.deepEqual([info.ak, info.sk], ['ENV-AK', null]);
    const accepted = await call({ url: info.url }, 'GET', api('/digital-assets', info.projectId), { ak: env.HUAWEICLOUD_SDK_AK, sk: env.HUAWEICLOUD_SDK_SK });
    assert.equal(accepted.status, 200);
    fromEnv.stop();
    assert.equal(await fromEnv.exit, 0);
    const inText = runSandbox([], env);
    assert.match(await firstOutput(inText), /SK: the value of HUAWEICLOUD_SDK_SK\n/);
    inText.stop();
    assert.equal(await inText.exit, 0);
    for (const run of [fromEnv, inText]) assert.ok(![...run.stdout, ...run.stderr].join('').includes(env.HUAWEICLOUD_SDK_SK));

    const defaults = runSandbox([]);
    const text = await firstOutput(defaults);
    assert.match(text, /MetaStudio sandbox listening on http:\/\/127\.0\.0\.1:\d+/);
    assert.ok(text.includes(DEFAULT_SANDBOX_AK));
    assert.match(text, /export METASTUDIO_ENDPOINT=http:\/\/127\.0\.0\.1:\d+ HUAWEICLOUD_SDK_PROJECT_ID=\S+/);
    defaults.stop();
    assert.equal(await defaults.exit, 0);
  });

  it('keeps its state in --data, resolved against the current folder', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'metastudio-cli-sandbox-'));
    try {
      const run = runSandbox(['--format', 'json', '--data', 'state'], {}, cwd);
      const info = JSON.parse(await firstOutput(run));
      const room = await call({ url: info.url }, 'POST', api('/smart-live-rooms', info.projectId), { ak: info.ak, sk: info.sk, body: { room_name: 'kept' } });
      assert.equal(room.status, 200);
      run.stop();
      assert.equal(await run.exit, 0);
      const state = JSON.parse(await readFile(join(cwd, 'state', 'sandbox-state.json'), 'utf8'));
      assert.equal(state.rooms[0].body.room_name, 'kept');
    } finally {
      await rm(cwd, { recursive: true, force: true });
    }
  });

  it('rejects a bad port as a usage error', async () => {
    const run = runSandbox(['--port', 'eighty']);
    assert.equal(await run.exit, 2);
    assert.match(run.stderr.join(''), /--port takes a whole number from 0 to 65535/);
  });
});
