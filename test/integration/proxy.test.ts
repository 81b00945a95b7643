import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as vscode from 'vscode';
import { signIn, waitFor } from './util';

/**
 * A proxy that records the CONNECT requests it gets and refuses them, so that nothing leaves this
 * machine while the test proves where the extension's requests go.
 */
async function startRecordingProxy(): Promise<{ url: string; connects: string[]; close(): Promise<void> }> {
  const connects: string[] = [];
  const server = http.createServer((_req, res) => { res.writeHead(403); res.end(); });
  server.on('connect', (req, socket) => {
    connects.push(req.url ?? '');
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((res) => server.listen(0, '127.0.0.1', res));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    connects,
    close: () => new Promise((res) => { server.closeAllConnections(); server.close(() => res()); }),
  };
}

describe('proxy', () => {
  it('sends the extension\'s requests through VS Code\'s http.proxy setting', async () => {
    const proxy = await startRecordingProxy();
    const httpConfig = vscode.workspace.getConfiguration('http');
    await httpConfig.update('proxy', proxy.url, vscode.ConfigurationTarget.Global);
    try {
      // The sign-in check is a signed request made with the extension host's fetch; the proxy
      // refuses the tunnel, so the sign-in fails, and nothing reaches the real endpoint.
      const { result } = await signIn('it-proxied', 'https://metastudio.cn-north-4.myhuaweicloud.com', 'p-proxy-test', { ak: 'AK-PROXY-TEST', sk: 'sk-proxy-test' });
      assert.equal(result, undefined, 'the refused tunnel fails the sign-in');
      await waitFor(() => proxy.connects.length > 0, 10_000, 'the request at the proxy');
      assert.deepEqual([...new Set(proxy.connects)], ['metastudio.cn-north-4.myhuaweicloud.com:443']);
    } finally {
      await httpConfig.update('proxy', undefined, vscode.ConfigurationTarget.Global);
      await proxy.close();
    }
  });
});
