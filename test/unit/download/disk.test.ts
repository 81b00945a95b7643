/** Downloads to disk: resumed with Range after a cut, restarted when the server ignores ranges, no retry on 404 or a refused URL, clean cancel. */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createUndiciTransport } from '../../../src/core/cloud/undiciTransport';
import { downloadToFile } from '../../../src/core/download/disk';
import { DownloadError } from '../../../src/core/download/request';
import { FakeClock, startLocalServer, type LocalServer } from '../cloud/support';
import { recordingFetch } from './support';

const CONTENT = randomBytes(256 * 1024);

describe('download/disk', () => {
  let server: LocalServer;
  let folder: string;
  const clock = new FakeClock();
  before(async () => {
    server = await startLocalServer();
    folder = await mkdtemp(join(tmpdir(), 'download-'));
  });
  after(async () => {
    await server.close();
    await rm(folder, { recursive: true, force: true });
  });
  beforeEach(() => {
    server.requests.length = 0;
    clock.sleeps.length = 0;
  });

  /** Serves CONTENT; the first answer is cut after `cutAt` bytes; `ranges` says whether Range is honoured. */
  function serve(options: { cutAt?: number; ranges: boolean }): void {
    server.handle((req, res, index) => {
      const range = options.ranges ? /bytes=(\d+)-/.exec(String(req.headers.range ?? '')) : null;
      const start = range ? Number(range[1]) : 0;
      res.writeHead(range ? 206 : 200, {
        'Content-Length': String(CONTENT.length - start),
        ...(range ? { 'Content-Range': `bytes ${start}-${CONTENT.length - 1}/${CONTENT.length}` } : {}),
      });
      if (index === 0 && options.cutAt !== undefined) {
        res.write(CONTENT.subarray(0, options.cutAt), () => setTimeout(() => res.destroy(), 20));
        return;
      }
      res.end(CONTENT.subarray(start));
    });
  }

  it('resumes from where a cut download stopped', async () => {
    serve({ cutAt: 100_000, ranges: true });
    const path = join(folder, 'resumed.mp4');
    const progress: [number, number | undefined][] = [];
    const result = await downloadToFile(`${server.url}/v.mp4`, path, { clock, onProgress: (n, total) => progress.push([n, total]) });
    assert.equal(result.attempts, 2);
    assert.ok((await readFile(path)).equals(CONTENT));
    const resumedAt = Number(/^bytes=(\d+)-$/.exec(String(server.requests[1].headers.range))?.[1]);
    assert.ok(resumedAt > 0 && resumedAt <= 100_000, `resumed at ${resumedAt}, what reached the disk`);
    assert.deepEqual(progress.at(-1), [CONTENT.length, CONTENT.length]);
    assert.ok(!existsSync(`${path}.part`));
  });

  it('starts again when the server ignores ranges, and works through a client transport', async () => {
    serve({ cutAt: 50_000, ranges: false });
    const path = join(folder, 'restarted.mp4');
    const transport = createUndiciTransport({});
    try {
      const result = await downloadToFile(`${server.url}/v.mp4`, path, { clock, fetch: transport.fetch });
      assert.equal(result.attempts, 2);
      assert.equal(result.bytes, CONTENT.length);
    } finally {
      await transport.close();
    }
    assert.ok((await readFile(path)).equals(CONTENT));
  });

  it('does not retry a 404, and replaces no file', async () => {
    server.handle((_req, res) => { res.writeHead(404).end('no'); });
    const path = join(folder, 'missing.mp4');
    await writeFile(`${path}.part`, 'left over from something else');
    const err = await downloadToFile(`${server.url}/v.mp4`, path, { clock }).then(() => assert.fail('expected an error'), (e: unknown) => e);
    assert.ok(err instanceof DownloadError);
    assert.equal(err.status, 404);
    assert.equal(server.requests.length, 1);
    assert.equal(server.requests[0].headers.range, undefined, 'a stale partial file is not resumed');
    assert.ok(!existsSync(path));
    assert.ok(!existsSync(`${path}.part`));
  });

  it('keeps a file already at the destination unless asked to replace it', async () => {
    serve({ ranges: true });
    const path = join(folder, 'existing.mp4');
    await writeFile(path, 'mine');
    const err = await downloadToFile(`${server.url}/v.mp4`, path, { clock }).then(() => assert.fail('expected an error'), (e: unknown) => e);
    assert.ok(err instanceof DownloadError);
    assert.match(err.message, /existing\.mp4 already exists; it was not replaced/);
    assert.equal(await readFile(path, 'utf8'), 'mine');
    assert.ok(!existsSync(`${path}.part`));
    assert.equal(server.requests.length, 1, 'not retried');

    await downloadToFile(`${server.url}/v.mp4`, path, { clock, overwrite: true });
    assert.ok((await readFile(path)).equals(CONTENT));
  });

  it('leaves nothing behind when cancelled', async () => {
    serve({ ranges: true });
    const path = join(folder, 'cancelled.mp4');
    const controller = new AbortController();
    await assert.rejects(downloadToFile(`${server.url}/v.mp4`, path, {
      clock, signal: controller.signal, onProgress: (n) => { if (n > 0) controller.abort(); },
    }), (e: unknown) => e instanceof Error && e.name === 'AbortError');
    assert.ok(!existsSync(path));
    assert.ok(!existsSync(`${path}.part`));
  });

  it('refuses a video link that is plain http to another computer, without requesting or retrying it', async () => {
    const path = join(folder, 'insecure.mp4');
    const seen: string[] = [];
    await assert.rejects(downloadToFile('http://obs.example.com/v.mp4?Signature=secret', path, { clock, fetch: recordingFetch(seen) }),
      (e: unknown) => e instanceof DownloadError && /only https/.test(e.message) && !/secret/.test(e.message));
    assert.deepEqual(seen, []);
    assert.deepEqual(clock.sleeps, [], 'not retried');
    assert.ok(!existsSync(path));
    assert.ok(!existsSync(`${path}.part`));
  });

  it('refuses a redirect to a plain http link on another computer, without following or retrying it', async () => {
    server.handle((_req, res) => void res.writeHead(302, { Location: 'http://obs.example.com/v.mp4' }).end());
    const path = join(folder, 'redirected.mp4');
    const seen: string[] = [];
    await assert.rejects(downloadToFile(`${server.url}/v.mp4`, path, { clock, fetch: recordingFetch(seen) }), /only https/);
    assert.deepEqual(seen, [`${server.url}/v.mp4`], 'the insecure target was never requested');
    assert.equal(server.requests.length, 1);
    assert.deepEqual(clock.sleeps, [], 'not retried');
    assert.ok(!existsSync(path));
    assert.ok(!existsSync(`${path}.part`));
  });

  it('follows a redirect to an allowed link, keeping the Range on resume', async () => {
    let cut = true;
    server.handle((req, res) => {
      if (req.url === '/v.mp4') return void res.writeHead(302, { Location: '/files/v.mp4' }).end();
      const range = /bytes=(\d+)-/.exec(String(req.headers.range ?? ''));
      const start = range ? Number(range[1]) : 0;
      res.writeHead(range ? 206 : 200, {
        'Content-Length': String(CONTENT.length - start),
        ...(range ? { 'Content-Range': `bytes ${start}-${CONTENT.length - 1}/${CONTENT.length}` } : {}),
      });
      if (cut) {
        cut = false;
        res.write(CONTENT.subarray(0, 64_000), () => setTimeout(() => res.destroy(), 20));
        return;
      }
      res.end(CONTENT.subarray(start));
    });
    const path = join(folder, 'moved.mp4');
    const result = await downloadToFile(`${server.url}/v.mp4`, path, { clock });
    assert.equal(result.attempts, 2);
    assert.ok((await readFile(path)).equals(CONTENT));
    assert.deepEqual(server.requests.map((r) => r.url), ['/v.mp4', '/files/v.mp4', '/v.mp4', '/files/v.mp4']);
    assert.match(String(server.requests[3].headers.range), /^bytes=\d+-$/);
    assert.equal(server.requests[3].headers.authorization, undefined);
  });
  it('stops at its size cap, announced or not, without retrying, and leaves nothing behind', async () => {
    const path = join(folder, 'huge.mp4');
    for (const announced of [true, false]) {
      let sent = 0;
      server.handle((_req, res) => {
        res.writeHead(200, announced ? { 'Content-Length': String(CONTENT.length * 200) } : {});
        const more = (): void => {
          while (sent < CONTENT.length * 200 && res.write(CONTENT)) sent += CONTENT.length;
          if (sent < CONTENT.length * 200) res.once('drain', more); else res.end();
        };
        more();
      });
      server.requests.length = 0;
      await assert.rejects(downloadToFile(`${server.url}/v.mp4`, path, { clock, maxBytes: 1_000_000 }),
        (e: unknown) => e instanceof DownloadError && /larger than 1 MB/.test(e.message), `announced: ${announced}`);
      assert.equal(server.requests.length, 1, 'not retried');
      assert.ok(sent < CONTENT.length * 200, `stopped reading: ${sent} bytes sent`);
      assert.ok(!existsSync(path) && !existsSync(`${path}.part`));
    }
  });

  it('gives up on a stalled answer and resumes it on the next try', async () => {
    server.handle((req, res, index) => {
      const start = Number(/bytes=(\d+)-/.exec(String(req.headers.range ?? ''))?.[1] ?? 0);
      res.writeHead(start ? 206 : 200, {
        'Content-Length': String(CONTENT.length - start),
        ...(start ? { 'Content-Range': `bytes ${start}-${CONTENT.length - 1}/${CONTENT.length}` } : {}),
      });
      if (index === 0) return void res.write(CONTENT.subarray(0, 70_000)); // then nothing, for ever
      res.end(CONTENT.subarray(start));
    });
    const path = join(folder, 'stalled.mp4');
    const result = await downloadToFile(`${server.url}/v.mp4`, path, { clock, stallTimeoutMs: 300 });
    assert.equal(result.attempts, 2);
    assert.ok((await readFile(path)).equals(CONTENT));
    assert.match(String(server.requests[1].headers.range), /^bytes=\d+-$/);
  });
});
