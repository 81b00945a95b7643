/** The shared download rules: URL policy on every hop, link validity, HTTP errors, no credentials. */
import assert from 'node:assert/strict';
import type { FetchInit, FetchLike } from '../../../src/core/cloud/transport';
import { checkDownloadUrl, DownloadError, openDownload } from '../../../src/core/download/request';
import { createUndiciTransport } from '../../../src/core/cloud/undiciTransport';
import { startLocalServer, type LocalServer } from '../cloud/support';
import { recordingFetch } from './support';

describe('download/request', () => {
  let server: LocalServer;
  let seen: string[];
  before(async () => { server = await startLocalServer(); });
  after(() => server.close());
  beforeEach(() => { seen = []; server.requests.length = 0; });

  it('accepts https, and http only on loopback', () => {
    assert.equal(checkDownloadUrl('https://obs.cn-north-4.myhuaweicloud.com/a.wav?x=1').protocol, 'https:');
    assert.equal(checkDownloadUrl('http://127.0.0.1:8080/a.wav').hostname, '127.0.0.1');
    assert.equal(checkDownloadUrl('http://[::1]/a.wav').hostname, '[::1]');
    assert.equal(checkDownloadUrl('http://localhost:9/v.mp4').hostname, 'localhost');
    for (const bad of ['http://obs.example.com/a.wav', 'http://10.0.0.1/v.mp4', 'ftp://127.0.0.1/a', 'file:///etc/passwd', 'not a url']) {
      assert.throws(() => checkDownloadUrl(bad), DownloadError, bad);
    }
  });

  it('never shows the signature of a refused link', () => {
    assert.throws(() => checkDownloadUrl('http://obs.example.com/a.wav?Signature=secret'), (e: unknown) => e instanceof DownloadError && /only https/.test(e.message) && !/secret/.test(e.message));
    assert.throws(() => checkDownloadUrl('nope?Signature=secret'), (e: unknown) => e instanceof DownloadError && !/secret/.test(e.message));
  });

  it('never requests a link past its validity', async () => {
    await assert.rejects(openDownload('https://obs.example.com/a.wav', { fetch: recordingFetch(seen), validUntil: 1000, now: () => 1000 }), /expired/);
    assert.deepEqual(seen, []);
  });

  it('follows a redirect only to an allowed URL', async () => {
    server.handle((req, res) => {
      if (req.url === '/moved') return void res.writeHead(302, { Location: '/here.wav' }).end();
      if (req.url === '/away') return void res.writeHead(302, { Location: 'http://obs.example.com/x.wav' }).end();
      res.writeHead(200).end('ok');
    });
    const moved = await openDownload(`${server.url}/moved`, { fetch: recordingFetch(seen) });
    assert.equal(moved.response.status, 200);
    assert.equal(moved.url.pathname, '/here.wav');
    seen = [];
    await assert.rejects(openDownload(`${server.url}/away`, { fetch: recordingFetch(seen) }), /only https/);
    assert.equal(seen.length, 1, 'the insecure target was never requested');
  });

  it('stops after three redirects', async () => {
    server.handle((req, res) => void res.writeHead(301, { Location: `${req.url}x` }).end());
    await assert.rejects(openDownload(`${server.url}/loop`, { fetch: recordingFetch(seen) }), /redirected too often/);
    assert.equal(seen.length, 4);
  });

  it('reports an HTTP error with its status, transient only for server errors', async () => {
    server.handle((req, res) => void res.writeHead(req.url === '/busy' ? 503 : 403).end('<Error><Code>AccessDenied</Code></Error>'));
    const denied = await openDownload(`${server.url}/a.wav`, { fetch: recordingFetch(seen) }).then(() => assert.fail('expected an error'), (e: unknown) => e);
    assert.ok(denied instanceof DownloadError);
    assert.match(denied.message, /HTTP 403/);
    assert.equal(denied.status, 403);
    assert.equal(denied.transient, false);
    const busy = await openDownload(`${server.url}/busy`, { fetch: recordingFetch(seen) }).then(() => assert.fail('expected an error'), (e: unknown) => e);
    assert.ok(busy instanceof DownloadError && busy.status === 503 && busy.transient);
  });

  it('sends no credential header on any hop, through either transport', async () => {
    const other = await startLocalServer();
    try {
      server.handle((_req, res) => void res.writeHead(307, { Location: `${other.url}/hop` }).end());
      other.handle((req, res) => void (req.url === '/hop' ? res.writeHead(302, { Location: '/file.wav' }).end() : res.writeHead(206).end('ok')));
      const undici = createUndiciTransport({});
      const transports: FetchLike[] = [undici.fetch, (url, init) => globalThis.fetch(url, init)];
      for (const fetch of transports) {
        const download = await openDownload(`${server.url}/start`, { fetch, range: 'bytes=2-' });
        assert.equal(await download.readBody(100, () => undefined), 2);
      }
      await undici.close();
      const hops = [...server.requests, ...other.requests];
      assert.equal(hops.length, 6);
      for (const hop of hops) {
        assert.equal(hop.headers.range, 'bytes=2-', hop.url);
        for (const name of ['authorization', 'x-auth-token', 'x-security-token', 'x-project-id', 'x-sdk-date']) {
          assert.equal(hop.headers[name], undefined, `${name} on ${hop.url}`);
        }
      }
    } finally {
      await other.close();
    }
  });

  it('gives up, as worth another try, on an answer that does not come or stops coming', async () => {
    server.handle((req, res) => {
      if (req.url === '/silent') return; // no answer at all
      res.writeHead(200);
      res.write('first bytes'); // then nothing
    });
    for (const path of ['/silent', '/stops']) {
      const started = Date.now();
      const err = await openDownload(`${server.url}${path}`, { fetch: recordingFetch(seen), stallTimeoutMs: 200 })
        .then((download) => download.readBody(1000, () => undefined))
        .then(() => assert.fail('expected an error'), (e: unknown) => e);
      assert.ok(err instanceof DownloadError && err.transient, `${path}: ${String(err)}`);
      assert.match(err.message, /stalled: nothing arrived for 0\.2 s/);
      assert.ok(Date.now() - started < 2000, `${path}: gave up after ${Date.now() - started} ms`);
    }
  });

  it('sends a transport no header but a Range, and asks it not to follow redirects', async () => {
    const inits: FetchInit[] = [];
    const transport: FetchLike = async (_url, init) => {
      inits.push(init);
      return { status: 200, headers: new Headers(), body: null };
    };
    await openDownload('https://obs.example.com/v.mp4', { fetch: transport, range: 'bytes=5-' });
    assert.equal(inits.length, 1);
    assert.deepEqual(inits[0].headers, { Range: 'bytes=5-' });
    assert.equal(inits[0].method, 'GET');
    assert.equal(inits[0].redirect, 'manual');
  });
});
