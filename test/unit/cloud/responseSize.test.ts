/** API answers are read up to 32 MiB: past that the client stops reading, lets go of the connection and says why. */
import assert from 'node:assert/strict';
import { MAX_RESPONSE_BYTES, MetaStudioClient } from '../../../src/core/cloud/client';
import { MetaStudioResponseError } from '../../../src/core/cloud/errors';
import { readBodyCapped } from '../../../src/core/cloud/transport';
import { createUndiciTransport, type UndiciTransport } from '../../../src/core/cloud/undiciTransport';
import { UNTHROTTLED } from '../../support/sandboxClient';
import { FakeClock, startLocalServer, streamJson, type LocalServer } from './support';

describe('cloud/client reads at most 32 MiB of an answer', () => {
  let server: LocalServer;
  let transport: UndiciTransport;
  before(async () => {
    server = await startLocalServer();
    transport = createUndiciTransport({});
  });
  after(async () => {
    await transport.close();
    await server.close();
  });
  beforeEach(() => { server.requests.length = 0; });

  const client = () => new MetaStudioClient({
    endpoint: server.url, projectId: 'p1', credentials: { kind: 'token', token: 't' }, fetch: transport.fetch, clock: new FakeClock(), rateLimits: UNTHROTTLED,
  });

  it('stops reading a longer answer at the cap, closes the connection and does not retry', async () => {
    let sent: Promise<number> = Promise.resolve(0);
    const total = 4 * MAX_RESPONSE_BYTES;
    server.handle((_req, res) => { sent = streamJson(res, total, { 'X-Request-Id': 'req-big' }); });
    const err = await client().listAssets().then(() => assert.fail('expected an error'), (e: unknown) => e);
    assert.ok(err instanceof MetaStudioResponseError, String(err));
    assert.equal(err.message, 'MetaStudio sent an unreadable answer to GET /digital-assets (HTTP 200, request id req-big): the answer is larger than 32 MiB, so it was not read to the end');
    const written = await sent;
    assert.ok(written < 2 * MAX_RESPONSE_BYTES, `the server could write ${written} of ${total} bytes before the connection closed`);
    assert.equal(server.requests.length, 1, 'not retried');
  });

  it('refuses an announced length over the cap without reading the body', async () => {
    let sent: Promise<number> = Promise.resolve(0);
    server.handle((_req, res) => { sent = streamJson(res, 2 * MAX_RESPONSE_BYTES, { 'Content-Length': String(2 * MAX_RESPONSE_BYTES + 15) }); });
    await assert.rejects(client().getVideoScript('s1'), (e: unknown) => e instanceof MetaStudioResponseError && /larger than 32 MiB/.test(e.message));
    assert.ok(await sent < MAX_RESPONSE_BYTES / 2);
  });
});

describe('cloud/transport readBodyCapped', () => {
  /** A body of `count` 3-byte chunks that records whether it was cancelled. */
  function body(count: number): { stream: ReadableStream<Uint8Array>; cancelled: () => boolean } {
    let cancelled = false;
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull: (controller) => void (sent++ < count ? controller.enqueue(new Uint8Array(3)) : controller.close()),
      cancel: () => { cancelled = true; },
    });
    return { stream, cancelled: () => cancelled };
  }

  it('hands on every chunk up to the cap, none past it, and cancels the body there', async () => {
    for (const [chunks, cap, bytes, overCap] of [[3, 9, 9, false], [1000, 8, 6, true], [1000, 6, 6, true], [1000, 2, 0, true]] as const) {
      const { stream, cancelled } = body(chunks);
      let handed = 0;
      assert.deepEqual(await readBodyCapped(stream, cap, (chunk) => { handed += chunk.length; }), { bytes, overCap }, `cap ${cap}`);
      assert.equal(handed, bytes);
      assert.equal(cancelled(), overCap, `cap ${cap}`);
    }
  });

  it('cancels the body when the chunk handler fails', async () => {
    const { stream, cancelled } = body(1000);
    await assert.rejects(readBodyCapped(stream, 100, () => { throw new Error('disk full'); }), /disk full/);
    assert.ok(cancelled());
  });
});
