/**
 * The sandbox as a child process (what "Try the Local Sandbox" forks): credentials over IPC, a
 * loopback URL back, state kept in its data folder, the last port again when free, one sandbox per
 * data folder, and an exit when told to stop or when its parent goes away. Its secret appears
 * nowhere it prints.
 */
import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SandboxBusyError, startSandboxProcess, type FromSandbox, type SandboxProcess } from '../../../src/core/sandboxProcess';
import { api, call } from './support';

const script = join(__dirname, '../../../src/sandbox/main.ts');
const execArgv = ['--import', 'tsx'];
const ak = 'CHILDPROCESSAK000001';
const sk = 'child-process-sk-never-printed';

describe('the sandbox in a child process', function () {
  this.timeout(90_000);
  let dataDir: string;
  const running: SandboxProcess[] = [];
  const start = async (port = 0, log: string[] = []) => {
    const child = await startSandboxProcess({ script, execArgv, dataDir, ak, sk, port, log: (line) => log.push(line) });
    running.push(child);
    return child;
  };

  beforeEach(async () => { dataDir = await mkdtemp(join(tmpdir(), 'metastudio-sandbox-child-')); });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((c) => c.stop()));
    await rm(dataDir, { recursive: true, force: true });
  });

  it('serves signed calls on loopback, keeps its state and its port across a restart, and logs no secret', async () => {
    const log: string[] = [];
    const first = await start(0, log);
    assert.match(first.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal((await call(first, 'GET', api('/digital-assets'), { ak, sk })).status, 200);
    assert.equal((await call(first, 'GET', api('/digital-assets'), { ak, sk: 'wrong' })).status, 401);
    const created = await call(first, 'POST', api('/digital-human-video-scripts'), {
      ak, sk, body: { script_name: 'kept', model_asset_id: 'm', voice_config: { voice_asset_id: 'v' }, shoot_scripts: [] },
    });
    assert.equal(created.status, 200, created.text);
    assert.ok(log.some((line) => line.includes('POST') && line.includes('/digital-human-video-scripts')), 'its request log reaches the parent');
    assert.ok(!log.join('\n').includes(sk));

    await first.stop();
    await first.exited;
    await assert.rejects(fetch(`${first.url}/v1/p/digital-assets`), 'stopped: nothing listens any more');

    const second = await start(first.port);
    assert.equal(second.url, first.url, 'the last port again');
    const scripts = await call(second, 'GET', api('/digital-human-video-scripts'), { ak, sk });
    assert.deepEqual(scripts.json.video_scripts.map((s: { script_name: string }) => s.script_name), ['kept']);
  });

  it('takes another port when its last one is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    try {
      const taken = (blocker.address() as AddressInfo).port;
      const child = await start(taken);
      assert.notEqual(child.port, taken);
      assert.equal((await call(child, 'GET', api('/digital-assets'), { ak, sk })).status, 200);
    } finally {
      blocker.close();
    }
  });

  it('refuses a second sandbox on the same data folder while the first runs', async () => {
    const first = await start();
    await assert.rejects(start(), SandboxBusyError);
    assert.equal((await call(first, 'GET', api('/digital-assets'), { ak, sk })).status, 200, 'the first one still serves');
    await first.stop();
    const next = await start();
    assert.equal((await call(next, 'GET', api('/digital-assets'), { ak, sk })).status, 200, 'its lock went with it');
  });

  it('exits when its parent goes away, printing no secret', async () => {
    const child = fork(script, [dataDir], { execArgv, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    let printed = '';
    child.stdout!.on('data', (d: Buffer) => { printed += d.toString(); });
    child.stderr!.on('data', (d: Buffer) => { printed += d.toString(); });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const ready = await new Promise<FromSandbox>((resolve) => {
      child.on('message', (m: FromSandbox) => { if (m.type !== 'log') resolve(m); });
      child.send({ type: 'start', ak, sk, port: 0 });
    });
    assert.equal(ready.type, 'ready');
    child.disconnect();
    assert.equal(await exited, 0);
    assert.ok(!printed.includes(sk), printed);
  });
});
