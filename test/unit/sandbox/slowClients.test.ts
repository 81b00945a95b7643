/** The sandbox drops clients that trickle their headers or body (slowloris), and keeps serving the others. */
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import type { Sandbox } from '../../../src/sandbox';
import { api, call, withSandbox } from './support';

interface Trickle {
  /** The first line of what the sandbox answered, if anything. */
  readonly answer: string;
  /** When the sandbox closed the connection, in ms from the first byte. */
  readonly closedAfterMs: number;
  /** Bytes of `slowly` still unsent then. */
  readonly unsent: number;
}

/** Sends `first` over a raw connection, then `slowly` one byte every `everyMs`, until done or the sandbox closes it. */
function trickle(sandbox: Sandbox, first: string, slowly: string, everyMs: number): Promise<Trickle> {
  return new Promise((resolve) => {
    const socket = connect(sandbox.port, '127.0.0.1');
    const started = Date.now();
    let answer = '';
    let next = 0;
    socket.write(first);
    const timer = setInterval(() => {
      if (next < slowly.length && socket.writable) socket.write(slowly[next++]);
    }, everyMs);
    socket.on('data', (data: Buffer) => { answer += data.toString('latin1'); });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearInterval(timer);
      resolve({ answer: answer.split('\r\n')[0], closedAfterMs: Date.now() - started, unsent: slowly.length - next });
    });
  });
}

describe('sandbox drops slow clients', function () {
  this.timeout(20_000);
  let sandbox: Sandbox;
  before(async () => { sandbox = await withSandbox({ httpTimeouts: { headersMs: 400, requestMs: 1000 } }); });
  after(() => sandbox.close());

  it('cuts off headers sent byte by byte, and serves others meanwhile', async () => {
    const headers = `GET ${api('/digital-assets')} HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: ${'a'.repeat(200)}\r\n\r\n`;
    const slow = trickle(sandbox, '', headers, 20);
    const meanwhile = await call(sandbox, 'GET', api('/digital-assets'));
    assert.equal(meanwhile.status, 200);
    const cut = await slow;
    assert.equal(cut.answer, 'HTTP/1.1 408 Request Timeout');
    assert.ok(cut.unsent > 0, 'cut off before the headers were complete');
    assert.ok(cut.closedAfterMs < 400 + 1500, `closed after ${cut.closedAfterMs} ms`);
  });

  it('cuts off a body sent byte by byte', async () => {
    const body = JSON.stringify({ script_name: 'slow', padding: 'b'.repeat(200) });
    const request = `POST ${api('/digital-human-video-scripts')} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`;
    const cut = await trickle(sandbox, request, body, 20);
    assert.equal(cut.answer, 'HTTP/1.1 408 Request Timeout');
    assert.ok(cut.unsent > 0, 'cut off before the body was complete');
    assert.ok(cut.closedAfterMs < 1000 + 1500, `closed after ${cut.closedAfterMs} ms`);
  });

  it('closes a connection that sends nothing', async () => {
    const cut = await trickle(sandbox, '', '', 50);
    assert.ok(cut.closedAfterMs < 400 + 1500, `closed after ${cut.closedAfterMs} ms`);
  });
});
