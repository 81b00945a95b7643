import assert from 'node:assert/strict';
import { downloadToMemory } from '../../../src/core/download/memory';
import { DownloadError } from '../../../src/core/download/request';
import { audioExtension } from '../../../src/core/preview/audioFormat';
import { wavTone } from '../../../src/sandbox/media';
import { startLocalServer, type LocalServer } from '../cloud/support';
import { recordingFetch } from './support';

describe('download/memory', () => {
  let server: LocalServer;
  let seen: string[];
  before(async () => { server = await startLocalServer(); });
  after(() => server.close());
  beforeEach(() => { seen = []; });

  it('refuses a body that grows past the cap even without a Content-Length', async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'audio/wav' }); // chunked: no length announced
      for (let i = 0; i < 20; i++) res.write(Buffer.alloc(1000));
      res.end();
    });
    await assert.rejects(downloadToMemory(`${server.url}/big.wav`, { fetch: recordingFetch(seen), maxBytes: 5000 }), /larger than/);
    const ok = await downloadToMemory(`${server.url}/big.wav`, { fetch: recordingFetch(seen), maxBytes: 20_000 });
    assert.equal(ok.data.length, 20_000);
  });

  it('refuses an announced size over the cap before reading', async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { 'Content-Length': '9000' });
      res.end(Buffer.alloc(9000));
    });
    await assert.rejects(downloadToMemory(`${server.url}/a.wav`, { fetch: recordingFetch(seen), maxBytes: 8999 }), DownloadError);
  });

  it('answers with the bytes, their type and the URL after redirects', async () => {
    server.handle((req, res) => {
      if (req.url === '/moved') return void res.writeHead(302, { Location: '/here.wav' }).end();
      res.writeHead(200, { 'Content-Type': 'audio/wav' });
      res.end(wavTone(100, 440, 0.3));
    });
    const moved = await downloadToMemory(`${server.url}/moved`, { fetch: recordingFetch(seen) });
    assert.equal(moved.contentType, 'audio/wav');
    assert.equal(moved.url.pathname, '/here.wav');
    assert.equal(audioExtension(moved.data, moved.contentType, moved.url), 'wav');
  });

  it('refuses an insecure link and a redirect to one', async () => {
    server.handle((_req, res) => void res.writeHead(302, { Location: 'http://obs.example.com/x.wav' }).end());
    await assert.rejects(downloadToMemory('http://obs.example.com/a.wav', { fetch: recordingFetch(seen) }), /only https/);
    assert.deepEqual(seen, []);
    await assert.rejects(downloadToMemory(`${server.url}/away`, { fetch: recordingFetch(seen) }), /only https/);
    assert.equal(seen.length, 1, 'the insecure target was never requested');
  });

  it('reports an HTTP error, or any answer but 200, with its status', async () => {
    server.handle((req, res) => void (req.url === '/empty' ? res.writeHead(204).end() : res.writeHead(403).end('<Error><Code>AccessDenied</Code></Error>')));
    await assert.rejects(downloadToMemory(`${server.url}/a.wav`, { fetch: recordingFetch(seen) }), /HTTP 403/);
    await assert.rejects(downloadToMemory(`${server.url}/empty`, { fetch: recordingFetch(seen) }), /HTTP 204/);
  });
});
