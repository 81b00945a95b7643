/**
 * The sandbox's stand-in for OBS object uploads: pre-signed PUT URLs on loopback for the files
 * "Creating a File" announces and for the audio of audio-driven scenes. A PUT is streamed to the
 * upload folder (never held in memory) while its MD5 and size are checked against `Content-MD5`
 * and what the file was announced with; errors are OBS's XML bodies. The folder is
 * `<dataDir>/uploads`, or a temporary folder removed when the sandbox closes.
 */
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { once } from 'node:events';
import { MAX_SCENE_AUDIO_BYTES } from '../core/upload/media';
import type { UploadRecord } from './model';
import type { SandboxStore } from './store';
import { sceneAudioFile } from './store';
import { constantTimeEqual } from './verifier';

export const UPLOADS_PREFIX = '/_sandbox/uploads/';

export interface Received {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: Buffer;
  /** Why it was refused, for the log. */
  readonly note?: string;
}

export function obsError(status: number, code: string, message: string): Received {
  return {
    status,
    headers: { 'Content-Type': 'application/xml' },
    body: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`),
    note: code,
  };
}

/** Reads and drops a request's body, so that an early answer does not cut the client off mid-send. */
export async function drain(req: IncomingMessage): Promise<void> {
  for await (const _chunk of req) { /* dropped */ }
}

/** The audio format of a scene's upload by its first bytes, as the service would find it. */
function audioType(head: Buffer): string {
  if (head.subarray(0, 4).toString('latin1') === 'RIFF' && head.subarray(8, 12).toString('latin1') === 'WAVE') return 'wav';
  if (head.subarray(4, 8).toString('latin1') === 'ftyp') return 'm4a';
  if (head.subarray(0, 3).toString('latin1') === 'ID3' || (head[0] === 0xff && (head[1] & 0xe0) === 0xe0)) return 'mp3';
  return 'bin';
}

export class UploadFolder {
  constructor(
    readonly dir: string,
    private readonly store: SandboxStore,
    private readonly sk: string,
    private readonly now: () => number,
  ) {}

  /** A pre-signed PUT URL for the file, valid for `ttlMs`. */
  url(baseUrl: string, fileId: string, ttlMs: number): string {
    const expires = Math.floor((this.now() + ttlMs) / 1000);
    return `${baseUrl}${UPLOADS_PREFIX}${fileId}?Expires=${expires}&Signature=${this.signature(fileId, expires)}`;
  }

  /** Where a file's bytes are kept. File IDs are the sandbox's own hex IDs, never a client's text. */
  path(fileId: string): string {
    return join(this.dir, fileId);
  }

  /** Drops a file's bytes (in the background: a route answers at once). */
  forget(fileId: string): void {
    void rm(this.path(fileId), { force: true });
  }

  /**
   * Takes a PUT to an upload URL. `corrupt` answers as if the bytes had been damaged on the way
   * (the fault `bad-digest`). Undefined when the client went away mid-upload: nothing is kept.
   */
  async receive(req: IncomingMessage, method: string, rawPath: string, rawQuery: string, corrupt: boolean): Promise<Received | undefined> {
    const refuse = async (answer: Received) => {
      await drain(req);
      return answer;
    };
    if (method !== 'PUT') return refuse(obsError(405, 'MethodNotAllowed', 'The specified method is not allowed.'));
    const fileId = rawPath.slice(UPLOADS_PREFIX.length);
    const query = new URLSearchParams(rawQuery);
    const expires = Number(query.get('Expires'));
    if (!Number.isInteger(expires) || !constantTimeEqual(query.get('Signature') ?? '', this.signature(fileId, expires))) {
      return refuse(obsError(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.'));
    }
    if (expires * 1000 < this.now()) return refuse(obsError(403, 'AccessDenied', 'Request has expired.'));
    const upload = this.store.uploads.get(fileId);
    if (!upload) return refuse(obsError(404, 'NoSuchUpload', 'The specified upload does not exist.'));
    const contentMd5 = req.headers['content-md5'];
    // The URL was made for the announced MD5: like a signature over it.
    if (upload.file_md5 !== undefined && contentMd5 !== upload.file_md5) {
      return refuse(obsError(403, 'SignatureDoesNotMatch', 'The upload URL was made for another Content-MD5 than the request carries.'));
    }
    const limit = upload.file_size ?? MAX_SCENE_AUDIO_BYTES;
    const declared = Number(req.headers['content-length']);
    if (declared > limit) return refuse(obsError(400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed object size.'));

    await mkdir(this.dir, { recursive: true });
    // One partial file per request, so that a retry racing a cut-off upload never loses its bytes.
    const part = `${this.path(fileId)}.${randomUUID()}.part`;
    const got = await this.write(req, part, limit);
    if (!got) {
      await rm(part, { force: true });
      return undefined;
    }
    const problem = got.tooLarge ? obsError(400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed object size.')
      : upload.file_size !== undefined && got.size !== upload.file_size ? obsError(400, 'IncompleteBody', `The upload has ${got.size} bytes; the file was announced with ${upload.file_size}.`)
        : corrupt || (typeof contentMd5 === 'string' && contentMd5 !== got.md5) ? obsError(400, 'BadDigest', 'The Content-MD5 you specified did not match what was received.')
          : undefined;
    if (problem) {
      await rm(part, { force: true });
      return problem;
    }
    await rename(part, this.path(fileId));
    this.store.uploads.set(fileId, this.received(upload, got));
    return {
      status: 200,
      headers: { ETag: `"${Buffer.from(got.md5, 'base64').toString('hex')}"` },
      body: Buffer.alloc(0),
    };
  }

  /** The record once its bytes are in; a scene's audio gets its format and a download. */
  private received(upload: UploadRecord, got: { size: number; md5: string; head: Buffer }): UploadRecord {
    if (!upload.script_id) return { ...upload, received: { size: got.size, md5: got.md5 } };
    const type = audioType(got.head);
    const record: UploadRecord = { ...upload, file_type: type, file_name: `scene-${upload.sequence_no}.${type}`, received: { size: got.size, md5: got.md5 } };
    this.store.addFile(sceneAudioFile(record));
    return record;
  }

  /** Streams the body to `part` while hashing it; stops keeping bytes past `limit`. Undefined when the client went away. */
  private async write(req: IncomingMessage, part: string, limit: number): Promise<{ size: number; md5: string; head: Buffer; tooLarge: boolean } | undefined> {
    const out = createWriteStream(part, { flush: true });
    const hash = createHash('md5');
    let size = 0;
    let head = Buffer.alloc(0);
    try {
      for await (const chunk of req as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > limit) continue;
        hash.update(chunk);
        if (head.length < 16) head = Buffer.concat([head, chunk.subarray(0, 16)]);
        if (!out.write(chunk)) await once(out, 'drain');
      }
    } catch {
      return undefined;
    } finally {
      out.end();
      await once(out, 'close').catch(() => undefined);
    }
    if (!req.complete) return undefined;
    return { size, md5: hash.digest('base64'), head, tooLarge: size > limit };
  }

  private signature(fileId: string, expires: number): string {
    return createHmac('sha256', this.sk).update(`PUT\n${fileId}\n${expires}`).digest('base64url');
  }
}
