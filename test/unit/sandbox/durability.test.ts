/**
 * The sandbox as a real child process (`metastudio sandbox --data DIR`), killed with SIGKILL in the
 * middle of a load of signed creates: every create it acknowledged is there after a restart.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AK, api, call, SK } from './support';

const CLI = join(__dirname, '../../../src/cli/index.ts');
/** Creates in flight at any moment, and how many acknowledged ones trigger the kill. */
const CONCURRENCY = 32;
const KILL_AFTER = 800;
/** A live room's description, so the state grows as a real one does (4 KB a room). */
const DESCRIPTION = 'x'.repeat(4096);

interface Child {
  readonly process: ChildProcess;
  readonly url: string;
  readonly exited: Promise<void>;
}

async function startChild(dataDir: string): Promise<Child> {
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', CLI, 'sandbox', '--format', 'json', '--data', dataDir, '--ak', AK, '--sk', SK], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (out.includes('\n')) resolve((JSON.parse(out) as { url: string }).url);
    });
    child.once('exit', (code) => reject(new Error(`the sandbox exited with ${String(code)} before it listened`)));
  });
  return { process: child, url, exited };
}

describe('sandbox durability', function () {
  this.timeout(120_000);
  let dataDir: string;
  const children: ChildProcess[] = [];
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'metastudio-durable-'));
  });
  afterEach(async () => {
    for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps every acknowledged create after kill -9 mid-load, and leaves no temporary file', async () => {
    const first = await startChild(dataDir);
    children.push(first.process);
    const acknowledged: string[] = [];
    let sent = 0;
    let killed = false;
    const worker = async () => {
      while (!killed) {
        const name = `room ${sent++}`;
        try {
          const result = await call(first, 'POST', api('/smart-live-rooms'), { body: { room_name: name, room_description: DESCRIPTION } });
          if (result.status === 200) acknowledged.push(result.json.room_id as string);
        } catch {
          // the connection died with the process: not acknowledged
        }
        if (!killed && acknowledged.length >= KILL_AFTER) {
          killed = true;
          first.process.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    await first.exited;
    // As a sandbox killed in the middle of a save leaves it, whatever the kill above hit.
    await writeFile(join(dataDir, 'sandbox-state.json.999999.tmp'), '{"version": 1, "roo');

    const second = await startChild(dataDir);
    children.push(second.process);
    const missing: string[] = [];
    for (const id of acknowledged) {
      const found = await call(second, 'GET', api(`/smart-live-rooms/${id}`));
      if (found.status !== 200) missing.push(id);
    }
    second.process.kill('SIGINT');
    await second.exited;
    assert.equal(missing.length, 0, `${missing.length} of ${acknowledged.length} acknowledged creates were lost (${sent} sent)`);
    assert.deepEqual((await readdir(dataDir)).filter((name) => name.endsWith('.tmp')), [], 'no temporary file is left');
  });
});
