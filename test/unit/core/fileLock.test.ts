import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileLockTimeoutError, withFileLock } from '../../../src/core/files/fileLock';

/** A pid no process has any more: a child that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('core/files fileLock', () => {
  let folder: string;
  let lock: string;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'file-lock-'));
    lock = join(folder, 'data.json.lock');
  });
  afterEach(() => rm(folder, { recursive: true, force: true }));

  /** Runs `count` holders at once; the most that were inside together. */
  async function mostInside(count: number, options = {}): Promise<number> {
    let inside = 0;
    let most = 0;
    await Promise.all(Array.from({ length: count }, () => withFileLock(lock, async () => {
      most = Math.max(most, ++inside);
      await new Promise((resolve) => setTimeout(resolve, 2));
      inside--;
    }, options)));
    return most;
  }

  it('lets one holder in at a time and removes the lock file after', async () => {
    assert.equal(await mostInside(12), 1);
    assert.deepEqual(await readdir(folder), []);
  });

  it('makes the folder of the lock file', async () => {
    const deep = join(folder, 'a', 'b', 'x.lock');
    assert.equal(await withFileLock(deep, async () => existsSync(deep)), true);
  });

  it('releases the lock when the work throws', async () => {
    await assert.rejects(withFileLock(lock, async () => { throw new Error('boom'); }), /boom/);
    assert.equal(existsSync(lock), false);
  });

  it('takes over the lock of a dead process of this host at once, one waiter at a time', async () => {
    await writeFile(lock, JSON.stringify({ host: hostname(), pid: deadPid(), token: 'dead0000dead0000' }));
    const started = Date.now();
    assert.equal(await mostInside(8, { waitMs: 5_000 }), 1);
    assert.ok(Date.now() - started < 4_000);
    assert.deepEqual(await readdir(folder), [], 'no lock and no takeover marker left');
  });

  it('waits for a live holder, then says who holds the lock', async () => {
    await writeFile(lock, JSON.stringify({ host: 'elsewhere', pid: 4242, token: 'live0000live0000' }));
    await assert.rejects(withFileLock(lock, async () => 'never', { waitMs: 300 }), (err: unknown) => {
      assert.ok(err instanceof FileLockTimeoutError);
      assert.match(err.message, /data\.json\.lock stayed locked for 0 s by process 4242 on elsewhere\. .*delete the lock file\./);
      return true;
    });
    assert.ok(existsSync(lock), 'a live lock is left alone');
  });

  it('takes over a lock not refreshed for staleMs (a holder on another host), also one without readable content', async () => {
    for (const content of [JSON.stringify({ host: 'elsewhere', pid: 4242, token: 'old00000old00000' }), '', 'null', '{"__proto__": {"pid": 1}}']) {
      await writeFile(lock, content);
      const old = new Date(Date.now() - 60_000);
      await utimes(lock, old, old);
      assert.equal(await withFileLock(lock, async () => 'mine', { waitMs: 1_000, staleMs: 30_000 }), 'mine');
      assert.equal(existsSync(lock), false);
    }
  });

  it('keeps its lock fresh while held, so that it is never taken for stale', async () => {
    let firstDone = 0;
    const [, secondIn] = await Promise.all([
      withFileLock(lock, () => new Promise<void>((resolve) => setTimeout(() => { firstDone = Date.now(); resolve(); }, 800)), { staleMs: 300 }),
      new Promise((resolve) => setTimeout(resolve, 50)).then(() => withFileLock(lock, async () => Date.now(), { staleMs: 300 })),
    ]);
    assert.ok(secondIn >= firstDone, 'the second holder came in after the first left');
  });

  it('clears a takeover marker left by a waiter that died', async () => {
    await writeFile(lock, JSON.stringify({ host: hostname(), pid: deadPid(), token: 'dead1111dead1111' }));
    const marker = `${lock}.dead1111dead1111.stale`;
    await writeFile(marker, '');
    const old = new Date(Date.now() - 60_000);
    await utimes(marker, old, old);
    assert.equal(await withFileLock(lock, async () => 'mine', { waitMs: 2_000, staleMs: 1_000 }), 'mine');
  });

  it('stops waiting when its signal aborts', async () => {
    await writeFile(lock, JSON.stringify({ host: 'elsewhere', pid: 4242, token: 'live2222live2222' }));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await assert.rejects(withFileLock(lock, async () => 'never', { waitMs: Infinity, signal: controller.signal }), { name: 'AbortError' });
  });
});
