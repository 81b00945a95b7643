import assert from 'node:assert/strict';
import { audioExtension, checkDownloadUrl, downloadFile, DownloadError } from '../../../src/core/preview/download';
import { wavTone } from '../../../src/core/sandbox/media';
import { startLocalServer, type LocalServer } from '../cloud/support';
import { recordingFetch } from './support';

describe('preview/download', () => {
  let server: LocalServer;
  let seen: string[];
  before(async () => { server = await startLocalServer(); });
  after(() => server.close());
  beforeEach(() => { seen = []; });

  it('accepts https, and http only on loopback', () => {
    assert.equal(checkDownloadUrl('https://obs.cn-north-4.myhuaweicloud.com/a.wav?x=1').protocol, 'https:');
    assert.equal(checkDownloadUrl('http://127.0.0.1:8080/a.wav').hostname, '127.0.0.1');
    assert.equal(checkDownloadUrl('http://[::1]/a.wav').hostname, '[::1]');
    for (const bad of ['http://obs.example.com/a.wav', 'ftp://127.0.0.1/a', 'file:///etc/passwd', 'not a url']) {
      assert.throws(() => checkDownloadUrl(bad), DownloadError, bad);
    }
  });

  it('never requests a link past its validity', async () => {
    await assert.rejects(downloadFile('https://obs.example.com/a.wav', { fetch: recordingFetch(seen), validUntil: 1000, now: () => 1000 }), /expired/);
    assert.deepEqual(seen, []);
  });

  it('refuses a body that grows past the cap even without a Content-Length', async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'audio/wav' }); // chunked: no length announced
      for (let i = 0; i < 20; i++) res.write(Buffer.alloc(1000));
      res.end();
    });
    await assert.rejects(downloadFile(`${server.url}/big.wav`, { fetch: recordingFetch(seen), maxBytes: 5000 }), /larger than/);
    const ok = await downloadFile(`${server.url}/big.wav`, { fetch: recordingFetch(seen), maxBytes: 20_000 });
    assert.equal(ok.data.length, 20_000);
  });

  it('refuses an announced size over the cap before reading', async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { 'Content-Length': '9000' });
      res.end(Buffer.alloc(9000));
    });
    await assert.rejects(downloadFile(`${server.url}/a.wav`, { fetch: recordingFetch(seen), maxBytes: 8999 }), DownloadError);
  });

  it('follows a redirect only to an allowed URL', async () => {
    server.handle((req, res) => {
      if (req.url === '/moved') return void res.writeHead(302, { Location: '/here.wav' }).end();
      if (req.url === '/away') return void res.writeHead(302, { Location: 'http://obs.example.com/x.wav' }).end();
      res.writeHead(200, { 'Content-Type': 'audio/wav' });
      res.end(wavTone(100, 440, 0.3));
    });
    const moved = await downloadFile(`${server.url}/moved`, { fetch: recordingFetch(seen) });
    assert.equal(audioExtension(moved.data, moved.contentType, moved.url), 'wav');
    seen = [];
    await assert.rejects(downloadFile(`${server.url}/away`, { fetch: recordingFetch(seen) }), /only https/);
    assert.equal(seen.length, 1, 'the insecure target was never requested');
  });

  it('reports an HTTP error with its status', async () => {
    server.handle((_req, res) => void res.writeHead(403).end('<Error><Code>AccessDenied</Code></Error>'));
    await assert.rejects(downloadFile(`${server.url}/a.wav`, { fetch: recordingFetch(seen) }), /HTTP 403/);
  });

  it('tells audio formats by their first bytes, else by type or name', () => {
    assert.equal(audioExtension(Buffer.from('ID3\x04rest', 'latin1')), 'mp3');
    assert.equal(audioExtension(Buffer.from('OggS....', 'latin1')), 'ogg');
    assert.equal(audioExtension(Buffer.from('????'), 'audio/mpeg'), 'mp3');
    assert.equal(audioExtension(Buffer.from('????'), undefined, new URL('https://h/x/a.flac?sig=1')), 'flac');
    assert.equal(audioExtension(Buffer.from('????')), 'bin');
  });
});
