import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { MetaStudioClient } from '../../../src/core/cloud/client';
import { MetaStudioNetworkError } from '../../../src/core/cloud/errors';
import { createUndiciTransport } from '../../../src/core/cloud/undiciTransport';
import { FakeClock, json, startLocalServer, type LocalServer } from './support';

/**
 * A tiny HTTP proxy: CONNECT tunnels to loopback targets (anything else gets 403, so no test ever
 * leaves the machine). It records what it was asked.
 */
async function startProxy(): Promise<{ url: string; seen: string[]; close(): Promise<void> }> {
  const seen: string[] = [];
  const sockets = new Set<Socket>();
  // undici tunnels every proxied request, http ones included: plain forwarding is never asked for.
  const server: Server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    res.writeHead(405).end();
  });
  server.on('connection', (s: Socket) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  server.on('connect', (req, client: Socket, head: Buffer) => {
    seen.push(`CONNECT ${req.url}`);
    const [host, port] = (req.url ?? '').split(':');
    if (host !== '127.0.0.1' && host !== 'localhost') {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () => new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
}

describe('cloud/undiciTransport through a proxy', () => {
  let target: LocalServer;
  let proxy: Awaited<ReturnType<typeof startProxy>>;

  before(async () => {
    target = await startLocalServer();
    target.handle((_req, res) => json(res, 200, { count: 0, assets: [] }));
    proxy = await startProxy();
  });
  beforeEach(() => {
    proxy.seen.length = 0;
    target.requests.length = 0;
  });
  after(async () => {
    await proxy.close();
    await target.close();
  });

  async function listAssetsVia(env: NodeJS.ProcessEnv, endpoint: string): Promise<unknown> {
    const transport = createUndiciTransport(env);
    try {
      const client = new MetaStudioClient({ endpoint, projectId: 'p', credentials: { kind: 'token', token: 't' }, fetch: transport.fetch, clock: new FakeClock() });
      return await client.listAssets().catch((err: unknown) => err);
    } finally {
      await transport.close();
    }
  }

  it('goes through HTTP_PROXY for an http endpoint', async () => {
    const result = await listAssetsVia({ HTTP_PROXY: proxy.url }, target.url);
    assert.deepEqual(result, { count: 0, assets: [] });
    assert.deepEqual(proxy.seen, [`CONNECT ${new URL(target.url).host}`]);
    assert.equal(target.requests.length, 1);
  });

  it('goes through HTTPS_PROXY for the cloud endpoint (the proxy refuses, nothing leaves the machine)', async () => {
    const result = await listAssetsVia({ HTTPS_PROXY: proxy.url }, 'https://metastudio.cn-north-4.myhuaweicloud.com');
    assert.ok(result instanceof MetaStudioNetworkError, String(result));
    // A GET is retried after a network failure: every attempt went to the proxy.
    assert.ok(proxy.seen.length >= 1);
    for (const line of proxy.seen) assert.equal(line, 'CONNECT metastudio.cn-north-4.myhuaweicloud.com:443');
  });

  it('reads the lower-case variables too', async () => {
    await listAssetsVia({ https_proxy: proxy.url }, 'https://metastudio.cn-east-3.myhuaweicloud.com');
    assert.ok(proxy.seen.length >= 1);
    for (const line of proxy.seen) assert.equal(line, 'CONNECT metastudio.cn-east-3.myhuaweicloud.com:443');
  });

  it('bypasses the proxy for NO_PROXY hosts', async () => {
    const result = await listAssetsVia({ HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url, NO_PROXY: 'example.com,127.0.0.1' }, target.url);
    assert.deepEqual(result, { count: 0, assets: [] });
    assert.deepEqual(proxy.seen, []);
    assert.equal(target.requests.length, 1);
  });

  it('connects directly when no proxy variable is set', async () => {
    await listAssetsVia({}, target.url);
    assert.deepEqual(proxy.seen, []);
    assert.equal(target.requests.length, 1);
  });
});
