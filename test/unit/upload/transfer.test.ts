/** The streamed MD5 and PUT: what is sent, what is refused, and what an answer means; never the URL in a message. */
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createUndiciTransport } from '../../../src/core/cloud/undiciTransport';
import { UploadTransferError } from '../../../src/core/upload/errors';
import { digestFile, putFile } from '../../../src/core/upload/transfer';
import { startLocalServer, type LocalServer } from '../cloud/support';

const CONTENT = randomBytes(3 * 1024 * 1024 + 17);
const MD5 = createHash('md5').update(CONTENT).digest('base64');
const HEX = createHash('md5').update(CONTENT).digest('hex');

describe('upload/transfer', () => {
  let server: LocalServer;
  let folder: string;
  let file: string;
  const transport = createUndiciTransport({});
  before(async () => {
    server = await startLocalServer();
    folder = await mkdtemp(join(tmpdir(), 'transfer-'));
    file = join(folder, 'clip.mp4');
    await writeFile(file, CONTENT);
  });
  after(async () => {
    await transport.close();
    await server.close();
    await rm(folder, { recursive: true, force: true });
  });
  beforeEach(() => { server.requests.length = 0; });

  it('reads the size and the Base64 MD5 of a file in chunks, with progress', async () => {
    const seen: number[] = [];
    const digest = await digestFile(file, { onProgress: (n) => seen.push(n) });
    assert.deepEqual(digest, { size: CONTENT.length, md5: MD5 });
    assert.equal(digest.md5.length, 24);
    assert.ok(seen.length >= 4, 'one step per chunk');
    assert.equal(seen.at(-1), CONTENT.length);
  });

  it('PUTs the bytes with Content-MD5 and Content-Length only: no credential, no content type', async () => {
    server.handle((_req, res) => void res.writeHead(200, { ETag: `"${HEX}"` }).end());
    const progress: number[] = [];
    await putFile(`${server.url}/bucket/object.mp4?AccessKeyId=AK&Signature=sig`, file, { size: CONTENT.length, md5: MD5 }, {
      fetch: transport.fetch, onProgress: (n) => progress.push(n),
    });
    const [request] = server.requests;
    assert.equal(request.method, 'PUT');
    assert.equal(request.url, '/bucket/object.mp4?AccessKeyId=AK&Signature=sig');
    assert.equal(request.headers['content-md5'], MD5);
    assert.equal(request.headers['content-length'], String(CONTENT.length));
    for (const header of ['authorization', 'x-auth-token', 'x-sdk-date', 'x-project-id', 'x-security-token', 'content-type']) {
      assert.equal(request.headers[header], undefined, header);
    }
    assert.ok(Buffer.from(request.body, 'utf8').length > 0);
    assert.equal(progress.at(-1), CONTENT.length);
  });

  it('refuses plain http to another computer, and never shows the link\'s query', async () => {
    for (const url of ['http://obs.example.com/o?Signature=SECRET', 'ftp://127.0.0.1/o?Signature=SECRET', 'no url?Signature=SECRET']) {
      await assert.rejects(putFile(url, file, { size: CONTENT.length, md5: MD5 }, { fetch: transport.fetch }),
        (err: unknown) => err instanceof UploadTransferError && !/SECRET/.test(err.message), url);
    }
    assert.equal(server.requests.length, 0);
  });

  it('says what the storage answered to a refusal: status, code, message and request id, not the link', async () => {
    server.handle((_req, res) => void res.writeHead(400, { 'x-obs-request-id': 'req-42', 'Content-Type': 'application/xml' })
      .end('<?xml version="1.0"?><Error><Code>BadDigest</Code><Message>The Content-MD5 you specified did not match what was received.</Message></Error>'));
    await assert.rejects(putFile(`${server.url}/o?Signature=SECRET`, file, { size: CONTENT.length, md5: MD5 }, { fetch: transport.fetch }),
      (err: unknown) => err instanceof UploadTransferError && err.status === 400
        && /HTTP 400: BadDigest: The Content-MD5 you specified/.test(err.message) && /req-42/.test(err.message) && !/SECRET/.test(err.message));
  });

  it('never follows a redirect', async () => {
    server.handle((req, res) => void (req.url?.startsWith('/moved') ? res.writeHead(307, { Location: '/there' }).end() : res.writeHead(200).end()));
    await assert.rejects(putFile(`${server.url}/moved`, file, { size: CONTENT.length, md5: MD5 }, { fetch: transport.fetch }), /upload to 127\.0\.0\.1:\d+ failed: .*redirect/);
    assert.deepEqual(server.requests.map((r) => r.url), ['/moved']);
  });

  it('notices storage that kept other bytes (an ETag that is not their MD5)', async () => {
    server.handle((_req, res) => void res.writeHead(200, { ETag: '"0123456789abcdef0123456789abcdef"' }).end());
    await assert.rejects(putFile(`${server.url}/o`, file, { size: CONTENT.length, md5: MD5 }, { fetch: transport.fetch }), /kept other bytes/);
  });

  it('stops when the file no longer has the bytes it was hashed with', async () => {
    server.handle((_req, res) => void res.writeHead(200).end());
    const wrong = createHash('md5').update('other bytes').digest('base64');
    await assert.rejects(putFile(`${server.url}/o`, file, { size: CONTENT.length, md5: wrong }, { fetch: transport.fetch }), /changed while it was being read/);
    await assert.rejects(putFile(`${server.url}/o`, file, { size: CONTENT.length + 10, md5: MD5 }, { fetch: transport.fetch }), /changed while it was being read/);
  });

  it('gives up on storage that takes no bytes, and is cancelled by its signal', async () => {
    server.handle(() => undefined); // never answers
    await assert.rejects(putFile(`${server.url}/o`, file, { size: CONTENT.length, md5: MD5 }, { fetch: transport.fetch, stallTimeoutMs: 200 }), /stalled/);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    await assert.rejects(putFile(`${server.url}/o`, file, { size: CONTENT.length, md5: MD5 }, { fetch: transport.fetch, signal: controller.signal }), { name: 'AbortError' });
  });
});
