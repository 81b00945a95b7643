/** Test doubles for the cloud client: a virtual clock, a recording logger and a scriptable loopback server. */
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';

export { FakeClock } from '../../support/fakeClock';

export class RecordingLogger {
  readonly lines: string[] = [];
  debug(message: string): void {
    this.lines.push(message);
  }
  warn(message: string): void {
    this.lines.push(message);
  }
}

export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

export type Handler = (request: RecordedRequest, res: ServerResponse, index: number) => void | Promise<void>;

export interface LocalServer {
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** Replaces the handler (tests set one per scenario). */
  handle(handler: Handler): void;
  close(): Promise<void>;
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/**
 * Streams a JSON list of up to `total` bytes (generated as it goes, never held whole) at the pace the
 * client reads; resolves with the bytes written once the answer ends or the client lets go.
 */
export function streamJson(res: ServerResponse, total: number, headers: Record<string, string> = {}): Promise<number> {
  const item = Buffer.from('{"asset_id":"a","asset_name":"padding padding padding padding padding"},'.repeat(900));
  let sent = 0;
  return new Promise((resolve) => {
    res.once('close', () => resolve(sent));
    res.writeHead(200, { 'Content-Type': 'application/json', ...headers });
    res.write('{"assets":[');
    const more = (): void => {
      while (sent + item.length <= total) {
        sent += item.length;
        if (!res.write(item)) return void res.once('drain', more);
      }
      res.end('{}]}');
    };
    more();
  });
}

/** An HTTP server on 127.0.0.1 that records every request before handing it to the handler. */
export async function startLocalServer(): Promise<LocalServer> {
  let handler: Handler = (_req, res) => json(res, 404, { error_code: 'TEST.404', error_msg: 'no handler' });
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const recorded = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(recorded);
      void Promise.resolve(handler(recorded, res, requests.length - 1)).catch((err: unknown) => {
        res.destroy(err instanceof Error ? err : undefined);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    handle: (h) => { handler = h; },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** A loopback port nobody listens on (connections to it are refused). */
export async function refusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * `rejects(promise, Type)`: awaits a promise that must reject with a `Type`, and returns the error;
 * every error also goes into `seen`, for a last check that none of them carries a secret.
 */
export function rejectionChecker(seen: unknown[]): <E>(promise: Promise<unknown>, type: new (...args: never[]) => E) => Promise<E> {
  return async (promise, type) => {
    try {
      await promise;
    } catch (err) {
      seen.push(err);
      assert.ok(err instanceof type, `expected ${type.name}, got ${inspect(err)}`);
      return err;
    }
    assert.fail(`expected ${type.name}`);
  };
}
