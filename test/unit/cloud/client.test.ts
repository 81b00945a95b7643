import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { AKSKSigner } from '@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner';
import { MetaStudioClient, type MetaStudioClientOptions } from '../../../src/core/cloud/client';
import type { Credentials } from '../../../src/core/cloud/auth';
import {
  MetaStudioApiError, MetaStudioNetworkError, MetaStudioResponseError, MetaStudioTimeoutError,
} from '../../../src/core/cloud/errors';
import { rateLimitsFor } from '../../../src/core/cloud/throttle';
import { createUndiciTransport, type UndiciTransport } from '../../../src/core/cloud/undiciTransport';
import { UNTHROTTLED } from '../../support/sandboxClient';
import { FakeClock, json, RecordingLogger, refusedPort, startLocalServer, type LocalServer, type RecordedRequest, rejectionChecker } from './support';

const AK = 'AKTESTVALUE0000000001';
const SK = 'sk-SECRET-never-printed-0123456789';
const SECURITY_TOKEN = 'st-SECRET-never-printed';
const TOKEN = 'iam-TOKEN-never-printed';
const PROJECT = 'proj-1';

/** Recomputes the Authorization of a received request with the official signer. */
function officialAuthorization(req: RecordedRequest, origin: string): string {
  const auth = String(req.headers.authorization);
  const signedNames = /SignedHeaders=([^,]+)/.exec(auth)?.[1].split(';') ?? [];
  const headers = Object.fromEntries(signedNames.filter((n) => n !== 'host').map((n) => [n === 'x-sdk-date' ? 'X-Sdk-Date' : n, String(req.headers[n])]));
  const url = new URL(req.url, origin);
  const queryParams: Record<string, string | string[]> = {};
  for (const [k, v] of url.searchParams) {
    const prior = queryParams[k];
    queryParams[k] = prior === undefined ? v : [...(Array.isArray(prior) ? prior : [prior]), v];
  }
  const signed = AKSKSigner.sign(
    { endpoint: `${origin}${url.pathname}`, method: req.method, headers, queryParams, data: req.body ? JSON.parse(req.body) : undefined },
    { getAk: () => AK, getSk: () => SK } as never,
  ) as Record<string, string>;
  return signed.Authorization;
}

describe('cloud/client over loopback', () => {
  let server: LocalServer;
  let transport: UndiciTransport;
  let clock: FakeClock;
  /** Shared by all the scenarios, so that the last test can check every line they logged. */
  const logger = new RecordingLogger();
  const errors: unknown[] = [];
  const rejects = rejectionChecker(errors);
  let release: () => void = () => undefined;

  function client(overrides: Partial<MetaStudioClientOptions> = {}, credentials: Credentials = { kind: 'aksk', ak: AK, sk: SK }): MetaStudioClient {
    return new MetaStudioClient({ endpoint: server.url, projectId: PROJECT, credentials, fetch: transport.fetch, clock, logger, rateLimits: UNTHROTTLED, ...overrides });
  }

  before(async () => {
    server = await startLocalServer();
    transport = createUndiciTransport({});
  });
  beforeEach(() => {
    server.requests.length = 0;
    clock = new FakeClock();
  });
  afterEach(() => release());
  after(async () => {
    await transport.close();
    await server.close();
  });

  it('signs AK/SK calls as the official signer does, with X-Project-Id', async () => {
    server.handle((_req, res) => json(res, 200, { count: 0, assets: [] }));
    await client().listAssets({ limit: 5, asset_type: ['VOICE_MODEL', 'IMAGE'], name: '女声 a+b', asset_id: ['a1', 'a2'] });
    const [req] = server.requests;
    assert.equal(req.url, `/v1/${PROJECT}/digital-assets?limit=5&asset_type=VOICE_MODEL%2CIMAGE&name=%E5%A5%B3%E5%A3%B0%20a%2Bb&asset_id=a1&asset_id=a2`);
    assert.equal(req.headers['x-project-id'], PROJECT);
    assert.equal(req.headers['x-auth-token'], undefined);
    assert.equal(req.headers.authorization, officialAuthorization(req, server.url));
  });

  it('signs a POST body and the security token of temporary keys', async () => {
    server.handle((_req, res) => json(res, 200, { script_id: 's1' }));
    const result = await client({}, { kind: 'aksk', ak: AK, sk: SK, securityToken: SECURITY_TOKEN })
      .createVideoScript({ script_name: '脚本 Ü', shoot_scripts: [{ shoot_script: { text_config: { text: '你好' } } }] });
    assert.deepEqual(result, { script_id: 's1' });
    const [req] = server.requests;
    assert.equal(req.headers['x-security-token'], SECURITY_TOKEN);
    assert.match(String(req.headers.authorization), /SignedHeaders=content-type;host;x-project-id;x-sdk-date;x-security-token,/);
    assert.equal(req.headers.authorization, officialAuthorization(req, server.url));
  });

  it('sends an IAM token as X-Auth-Token and nothing signed', async () => {
    server.handle((_req, res) => json(res, 200, { is_file_complete: false }));
    await client({}, { kind: 'token', token: TOKEN }).getTtsAuditionFile('job 1');
    const [req] = server.requests;
    assert.equal(req.url, `/v1/${PROJECT}/ttsc/audition-file/job%201`);
    assert.equal(req.headers['x-auth-token'], TOKEN);
    assert.equal(req.headers.authorization, undefined);
    assert.equal(req.headers['x-project-id'], undefined);
  });

  it("works over Node's global fetch, as the extension host passes it", async () => {
    server.handle((_req, res) => json(res, 200, { count: 1, smart_live_rooms: [{ room_id: 'r', room_name: 'n' }] }));
    const rooms = await client({ fetch: globalThis.fetch }).listLiveRooms();
    assert.deepEqual(rooms.smart_live_rooms.map((r) => r.room_id), ['r']);
    assert.equal(server.requests[0].headers.authorization, officialAuthorization(server.requests[0], server.url));
  });

  it('calls every API with its method and path', async () => {
    server.handle((req, res) => json(res, 200, req.method === 'DELETE' || req.url.endsWith('/cancel') ? undefined : { count: 0, job_id: 'j', room_id: 'r', script_id: 's', asset_id: 'a', asset_name: 'n', asset_type: 'IMAGE', state: 'WAITING', is_file_complete: true }));
    const c = client();
    const script = { script_name: 'n', shoot_scripts: [] };
    const room = { room_name: 'r' };
    await c.listAssets();
    await c.getAsset('a/1');
    await c.createVideoScript(script);
    await c.listVideoScripts({ offset: 10, limit: 10, name: 'x' });
    await c.getVideoScript('s1');
    await c.updateVideoScript('s1', script);
    await c.deleteVideoScript('s1');
    await c.createVideoJob({ script_id: 's1', output_asset_config: { asset_name: 'out' } });
    await c.getVideoJob('j1', { showScript: true });
    await c.cancelVideoJob('j1');
    await c.listVideoJobs({ limit: 3 });
    await c.createLiveRoom(room);
    await c.listLiveRooms({ room_name: 'r' });
    await c.getLiveRoom('r1');
    await c.updateLiveRoom('r1', room);
    await c.createTtsAudition({ text: 'hi', emotion: 'voice-1' });
    await c.getTtsAuditionFile('t1');
    const p = `/v1/${PROJECT}`;
    assert.deepEqual(server.requests.map((r) => `${r.method} ${r.url}`), [
      `GET ${p}/digital-assets`,
      `GET ${p}/digital-assets/a%2F1`,
      `POST ${p}/digital-human-video-scripts`,
      `GET ${p}/digital-human-video-scripts?offset=10&limit=10&name=x`,
      `GET ${p}/digital-human-video-scripts/s1`,
      `PUT ${p}/digital-human-video-scripts/s1`,
      `DELETE ${p}/digital-human-video-scripts/s1`,
      `POST ${p}/2d-digital-human-videos`,
      `GET ${p}/2d-digital-human-videos/j1?show_script=true`,
      `POST ${p}/2d-digital-human-videos/j1/cancel`,
      `GET ${p}/digital-human-videos?limit=3&job_type=2D_DIGITAL_HUMAN_VIDEO&sort_key=create_time&sort_dir=desc`,
      `POST ${p}/smart-live-rooms`,
      `GET ${p}/smart-live-rooms?room_name=r`,
      `GET ${p}/smart-live-rooms/r1`,
      `PUT ${p}/smart-live-rooms/r1`,
      `POST ${p}/ttsc/audition`,
      `GET ${p}/ttsc/audition-file/t1`,
    ]);
    assert.deepEqual(JSON.parse(server.requests[15].body), { text: 'hi', emotion: 'voice-1' });
    for (const r of server.requests) assert.equal(r.headers['content-type'], 'application/json');
  });

  it('turns an error body into MetaStudioApiError with code, message and request id', async () => {
    server.handle((_req, res) => json(res, 400, { error_code: 'MSS.20010005', error_msg: 'Script name duplicate' }, { 'X-Request-Id': '1234abcd' }));
    const err = await rejects(client().createVideoScript({ script_name: 'n', shoot_scripts: [] }), MetaStudioApiError);
    assert.equal(err.status, 400);
    assert.equal(err.code, 'MSS.20010005');
    assert.equal(err.errorMsg, 'Script name duplicate');
    assert.equal(err.requestId, '1234abcd');
    assert.equal(err.message, 'MSS.20010005: Script name duplicate (HTTP 400, request id 1234abcd)');
  });

  it('prefers the request_id of the body (TTS) over the header', async () => {
    server.handle((_req, res) => json(res, 400, { error_code: 'MSS.000000003', error_msg: 'invalid parameter', request_id: 'body-id' }, { 'X-Request-Id': 'header-id' }));
    const err = await rejects(client().createTtsAudition({ text: '', emotion: 'v' }), MetaStudioApiError);
    assert.equal(err.requestId, 'body-id');
    assert.equal(err.message, 'MSS.000000003: invalid parameter (HTTP 400, request id body-id)');
  });

  it('reports a non-JSON error page by status', async () => {
    server.handle((_req, res) => { res.writeHead(403, { 'Content-Type': 'text/html' }); res.end('<html>Forbidden</html>'); });
    const err = await rejects(client().getAsset('a'), MetaStudioApiError);
    assert.equal(err.status, 403);
    assert.equal(err.code, undefined);
    assert.equal(err.message, 'GET /digital-assets/a failed (HTTP 403)');
  });

  it('retries a GET on 429, waiting at least Retry-After', async () => {
    server.handle((_req, res, i) => (i === 0
      ? json(res, 429, { error_code: 'MSS.47010004', error_msg: 'Request too frequently.' }, { 'Retry-After': '7' })
      : json(res, 200, { count: 0, assets: [] })));
    await client().listAssets();
    assert.equal(server.requests.length, 2);
    assert.equal(clock.sleeps.length, 1);
    assert.ok(clock.sleeps[0] >= 7000, `slept ${clock.sleeps[0]} ms`);
  });

  for (const status of [502, 503, 504]) {
    it(`retries a GET on ${status} with growing backoff, at most 3 tries`, async () => {
      server.handle((_req, res) => json(res, status, { error_code: 'MSS.00000004', error_msg: 'Internal Error' }));
      const err = await rejects(client().getVideoJob('j'), MetaStudioApiError);
      assert.equal(err.status, status);
      assert.equal(server.requests.length, 3);
      assert.equal(clock.sleeps.length, 2);
      assert.ok(clock.sleeps[0] >= 250 && clock.sleeps[0] <= 500, `first backoff ${clock.sleeps[0]}`);
      assert.ok(clock.sleeps[1] >= 500 && clock.sleeps[1] <= 1000, `second backoff ${clock.sleeps[1]}`);
    });
  }

  it('does not retry other errors (400, 500)', async () => {
    server.handle((_req, res, i) => json(res, i === 0 ? 500 : 400, { error_code: 'MSS.00000004', error_msg: 'Internal Error' }));
    await rejects(client().listVideoScripts(), MetaStudioApiError);
    assert.equal(server.requests.length, 1);
  });

  it('does not wait for a Retry-After beyond 30 s', async () => {
    server.handle((_req, res) => json(res, 503, { error_code: 'X', error_msg: 'busy' }, { 'Retry-After': '3600' }));
    await rejects(client().listLiveRooms(), MetaStudioApiError);
    assert.equal(server.requests.length, 1);
  });

  it('never retries a create that reached the server: 503 -> exactly one create', async () => {
    server.handle((_req, res) => json(res, 503, { error_code: 'APIGW.0308', error_msg: 'busy' }, { 'Retry-After': '1' }));
    await rejects(client().createVideoJob({ script_id: 's' }), MetaStudioApiError);
    await rejects(client().createLiveRoom({ room_name: 'r' }), MetaStudioApiError);
    await rejects(client().createTtsAudition({ text: 't', emotion: 'v' }), MetaStudioApiError);
    assert.equal(server.requests.length, 3);
    assert.deepEqual(clock.sleeps, []);
  });

  it('never retries a create whose connection dropped: exactly one create', async () => {
    server.handle((_req, res) => { res.socket?.destroy(); });
    const err = await rejects(client().createVideoScript({ script_name: 'n', shoot_scripts: [] }), MetaStudioNetworkError);
    assert.equal(err.mayHaveReachedServer, true);
    assert.equal(server.requests.length, 1);
  });

  it('retries a GET whose connection dropped', async () => {
    server.handle((_req, res, i) => { if (i === 0) res.socket?.destroy(); else json(res, 200, { asset_id: 'a', asset_name: 'n', asset_type: 'IMAGE' }); });
    assert.equal((await client().getAsset('a')).asset_id, 'a');
    assert.equal(server.requests.length, 2);
  });

  it('retries a create only when the connection was refused', async () => {
    const port = await refusedPort();
    const err = await rejects(client({ endpoint: `http://127.0.0.1:${port}` }).createVideoJob({ script_id: 's' }), MetaStudioNetworkError);
    assert.equal(err.code, 'ECONNREFUSED');
    assert.equal(err.mayHaveReachedServer, false);
    assert.equal(clock.sleeps.length, 2, 'three attempts');
  });

  it('times out a slow answer with MetaStudioTimeoutError, without retrying', async () => {
    const held = new Promise<void>((resolve) => { release = resolve; });
    server.handle(async (_req, res) => {
      await held;
      json(res, 200, {});
    });
    const err = await rejects(client({ timeoutMs: 150 }).getAsset('a'), MetaStudioTimeoutError);
    assert.equal(err.timeoutMs, 150);
    assert.equal(server.requests.length, 1);
  });

  it('rejects a malformed JSON answer with MetaStudioResponseError', async () => {
    server.handle((_req, res) => { res.writeHead(200, { 'Content-Type': 'application/json', 'X-Request-Id': 'r-9' }); res.end('{"count": 1, "assets": [ {'); });
    const err = await rejects(client().listAssets(), MetaStudioResponseError);
    assert.equal(err.requestId, 'r-9');
    assert.match(err.message, /unreadable answer to GET \/digital-assets \(HTTP 200, request id r-9\)/);
    assert.equal(server.requests.length, 1);
  });

  it('rejects a 200 without the expected object', async () => {
    server.handle((_req, res) => json(res, 200, [1, 2]));
    await rejects(client().getLiveRoom('r'), MetaStudioResponseError);
  });

  it('refuses an answer with a key that reaches every object, saying which', async () => {
    server.handle((_req, res) => { res.writeHead(200, { 'Content-Type': 'application/json' }); res.end('{"count": 1, "assets": [{"asset_id": "a", "constructor": {"prototype": {"x": 1}}}]}'); });
    const err = await rejects(client().listAssets(), MetaStudioResponseError);
    assert.match(err.message, /The key "constructor" in "assets" › \[0\] is refused/);
  });

  it('cancels an in-flight call through its AbortSignal', async () => {
    const held = new Promise<void>((resolve) => { release = resolve; });
    server.handle(async (_req, res) => {
      await held;
      json(res, 200, {});
    });
    const controller = new AbortController();
    const call = client().getVideoScript('s', { signal: controller.signal });
    while (server.requests.length === 0) await new Promise((r) => setImmediate(r));
    controller.abort();
    await assert.rejects(call, { name: 'AbortError' });
  });

  it('cancels during the backoff wait, without another attempt', async () => {
    const controller = new AbortController();
    server.handle((_req, res) => json(res, 503, {}));
    const c = client({ clock: { now: () => Date.now(), sleep: async () => { controller.abort(); controller.signal.throwIfAborted(); } } });
    await assert.rejects(c.listAssets({}, { signal: controller.signal }), { name: 'AbortError' });
    assert.equal(server.requests.length, 1);
  });

  it('does not even send a call whose signal is already aborted', async () => {
    await assert.rejects(client().listAssets({}, { signal: AbortSignal.abort() }), { name: 'AbortError' });
    assert.equal(server.requests.length, 0);
  });

  it('throttles each API under its Table 1-2 limit', async () => {
    server.handle((_req, res) => json(res, 200, { job_id: 'j' }));
    const c = client({ rateLimits: rateLimitsFor(undefined) });
    const sent: number[] = [];
    for (let i = 0; i < 7; i++) {
      await c.createVideoJob({ script_id: 's' });
      sent.push(clock.now());
    }
    await c.getAsset('a');
    // 3 job creates per second at most in any one-second window (strict column).
    for (const t of sent) assert.ok(sent.filter((u) => u >= t && u < t + 1000).length <= 3, `too many near ${t}: ${sent.join(',')}`);
    assert.ok(sent[6] - sent[0] >= 2000, 'sustained rate stays under the limit');
    assert.equal(clock.now(), sent[6], 'another API has its own bucket: asset details did not wait');
  });

  it('keeps every secret out of log lines and error messages', async () => {
    // Runs after the scenarios above, whose errors were collected; adds a few of its own.
    server.handle((_req, res) => json(res, 401, { error_code: 'MSS.00000001', error_msg: 'Unauthorized' }));
    await rejects(client({}, { kind: 'aksk', ak: AK, sk: SK, securityToken: SECURITY_TOKEN }).listAssets(), MetaStudioApiError);
    await rejects(client({}, { kind: 'token', token: TOKEN }).listAssets(), MetaStudioApiError);
    const authorizations = server.requests.map((r) => String(r.headers.authorization).split('Signature=')[1]).filter((s) => s && s !== 'undefined');
    const text = [...logger.lines, ...errors.flatMap((e) => [String(e), inspect(e, { depth: 10 }), JSON.stringify(e)])].join('\n');
    assert.ok(errors.length >= 15, `collected ${errors.length} errors`);
    for (const secret of [SK, SECURITY_TOKEN, TOKEN, ...authorizations]) assert.ok(!text.includes(secret), 'a secret leaked');
  });
});
