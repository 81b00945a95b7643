import assert from 'node:assert/strict';
import type { Sandbox } from '../../../src/sandbox';
import { api, call, PROJECT, withSandbox } from './support';

describe('sandbox authentication and common answers', () => {
  let sandbox: Sandbox;
  const lines: string[] = [];
  before(async () => {
    sandbox = await withSandbox({ token: 'iam-token-123', log: (line) => lines.push(line) });
  });
  after(() => sandbox.close());

  const assertUnauthorized = (result: Awaited<ReturnType<typeof call>>, reason: RegExp) => {
    assert.equal(result.status, 401);
    assert.equal(result.json.error_code, 'MSS.00000001');
    assert.match(result.json.error_msg, reason);
    assert.equal(result.json.request_id, result.headers.get('x-request-id'));
  };

  it('listens on loopback and accepts a request signed by the official signer', async () => {
    assert.match(sandbox.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const result = await call(sandbox, 'GET', api('/digital-assets'));
    assert.equal(result.status, 200);
    assert.match(result.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
  });

  it('refuses a bad signature with 401, an MSS error body and the request id', async () => {
    assertUnauthorized(await call(sandbox, 'GET', api('/digital-assets'), { sk: 'wrong-secret' }), /signature mismatch/);
  });

  it('refuses an unknown access key, a missing signature and a body changed after signing', async () => {
    assertUnauthorized(await call(sandbox, 'GET', api('/digital-assets'), { ak: 'SOMEONE-ELSE' }), /unknown access key/);
    assertUnauthorized(await call(sandbox, 'GET', api('/digital-assets'), { unsigned: true }), /missing Authorization/);
    const tampered = await call(sandbox, 'POST', api('/digital-human-video-scripts'), {
      body: { script_name: 'a' },
      tamper: (request) => { request.body = JSON.stringify({ script_name: 'b' }); },
    });
    assertUnauthorized(tampered, /signature mismatch/);
  });

  it('refuses a stale X-Sdk-Date (more than 15 minutes) and accepts 10 minutes of skew', async () => {
    assertUnauthorized(await call(sandbox, 'GET', api('/digital-assets'), { date: Date.now() - 20 * 60_000 }), /15 minutes/);
    assert.equal((await call(sandbox, 'GET', api('/digital-assets'), { date: Date.now() - 10 * 60_000 })).status, 200);
  });

  it('answers a TTS call as its tables do when the signature is bad: 400, the 9-digit "invalid access" code', async () => {
    const result = await call(sandbox, 'POST', api('/ttsc/audition'), { body: { text: 'x', emotion: 'y' }, sk: 'nope' });
    assert.equal(result.status, 400);
    assert.equal(result.json.error_code, 'MSS.000000004');
    assert.ok(result.json.request_id);
  });

  it('accepts the configured X-Auth-Token and refuses another', async () => {
    const withToken = await call(sandbox, 'GET', api('/digital-assets'), { unsigned: true, headers: { 'X-Auth-Token': 'iam-token-123' } });
    assert.equal(withToken.status, 200);
    assertUnauthorized(await call(sandbox, 'GET', api('/digital-assets'), { unsigned: true, headers: { 'X-Auth-Token': 'forged' } }), /X-Auth-Token/);
  });

  it('accepts any project ID in the path but refuses an X-Project-Id that differs from it', async () => {
    assert.equal((await call(sandbox, 'GET', api('/digital-assets', 'another-project'))).status, 200);
    const mismatch = await call(sandbox, 'GET', api('/digital-assets'), { headers: { 'X-Project-Id': 'another-project' } });
    assert.equal(mismatch.status, 403);
    assert.equal(mismatch.json.error_code, 'MSS.00020006');
    assert.equal((await call(sandbox, 'GET', api('/digital-assets'), { headers: { 'X-Project-Id': PROJECT } })).status, 200);
  });

  it('answers an unknown API with the gateway 404 and a request id header', async () => {
    const result = await call(sandbox, 'GET', api('/no-such-api'));
    assert.equal(result.status, 404);
    assert.equal(result.json.error_code, 'APIG.0101');
    assert.ok(result.headers.get('x-request-id'));
  });

  it('logs the canonical request of a mismatch without the security token', async () => {
    const result = await call(sandbox, 'GET', api('/digital-assets'), { sk: 'wrong', headers: { 'X-Security-Token': 'temporary-secret-token' } });
    assert.equal(result.status, 401);
    const line = lines.find((l) => l.includes('canonical request') && l.includes('x-security-token'));
    assert.ok(line, 'the canonical request is logged');
    assert.ok(line.includes('x-security-token:<redacted>'));
    assert.ok(!lines.join('\n').includes('temporary-secret-token'));
  });

  it('logs one line per request, never the secret key or the signature', () => {
    assert.ok(lines.some((line) => /^GET \/v1\/.*\/digital-assets -> 200/.test(line)));
    assert.ok(lines.some((line) => /-> 401 .*signature mismatch/.test(line)));
    const all = lines.join('\n');
    assert.ok(!all.includes('sandbox-test-secret'));
    assert.ok(!all.includes('Signature='), 'no Authorization value in the log');
    assert.ok(!all.includes('iam-token-123'));
  });
});
