/**
 * Signed calls never follow a redirect: with every redirect status, GET and POST, each kind of
 * credentials and both transports (the CLI's undici one, the global fetch the extension host
 * passes), the client stops at the first answer, names its status and the target's origin, and
 * the target is never contacted.
 */
import assert from 'node:assert/strict';
import type { Credentials } from '../../../src/core/cloud/auth';
import { MetaStudioClient } from '../../../src/core/cloud/client';
import { MetaStudioRedirectError } from '../../../src/core/cloud/errors';
import type { FetchLike } from '../../../src/core/cloud/transport';
import { createUndiciTransport, type UndiciTransport } from '../../../src/core/cloud/undiciTransport';
import { UNTHROTTLED } from '../../support/sandboxClient';
import { FakeClock, json, startLocalServer, type LocalServer } from './support';

const SK = 'sk-SECRET-redirect-0123456789';
const SECURITY_TOKEN = 'st-SECRET-redirect';
const TOKEN = 'iam-TOKEN-SECRET-redirect';
const CREDENTIALS: Record<string, Credentials> = {
  'AK/SK': { kind: 'aksk', ak: 'AKREDIRECTTEST000001', sk: SK },
  'temporary AK/SK': { kind: 'aksk', ak: 'AKREDIRECTTEST000001', sk: SK, securityToken: SECURITY_TOKEN },
  'IAM token': { kind: 'token', token: TOKEN },
};
const STATUSES = [301, 302, 303, 307, 308];

describe('cloud/client never follows a redirect', () => {
  let endpoint: LocalServer;
  /** Where the redirects point; it answers like MetaStudio would, so following would look like success. */
  let elsewhere: LocalServer;
  let undici: UndiciTransport;
  const transports: Record<string, () => FetchLike> = {
    'undici (CLI)': () => undici.fetch,
    'global fetch (extension host)': () => (url, init) => globalThis.fetch(url, init),
  };

  before(async () => {
    endpoint = await startLocalServer();
    elsewhere = await startLocalServer();
    elsewhere.handle((_req, res) => json(res, 200, { script_id: 'elsewhere-1', count: 0, assets: [] }));
    undici = createUndiciTransport({});
  });
  after(async () => {
    await undici.close();
    await endpoint.close();
    await elsewhere.close();
  });
  beforeEach(() => {
    endpoint.requests.length = 0;
    elsewhere.requests.length = 0;
  });

  function client(fetch: FetchLike, credentials: Credentials): MetaStudioClient {
    return new MetaStudioClient({ endpoint: endpoint.url, projectId: 'p1', credentials, fetch, clock: new FakeClock(), rateLimits: UNTHROTTLED });
  }

  const calls = {
    GET: (c: MetaStudioClient) => c.listAssets({ limit: 1 }),
    POST: (c: MetaStudioClient) => c.createVideoScript({ script_name: 'stolen?', shoot_scripts: [] }),
  };

  for (const [transportName, transport] of Object.entries(transports)) {
    for (const [credentialsName, credentials] of Object.entries(CREDENTIALS)) {
      it(`${transportName}, ${credentialsName}: every 3xx, GET and POST, is an error and the target never hears of it`, async () => {
        for (const status of STATUSES) {
          for (const [method, call] of Object.entries(calls)) {
            endpoint.handle((_req, res) => void res.writeHead(status, { Location: `${elsewhere.url}/v1/p1/steal?Signature=SECRET-QUERY#frag` }).end('moved'));
            endpoint.requests.length = 0;
            const err = await call(client(transport(), credentials)).then(() => assert.fail(`${status} ${method} succeeded`), (e: unknown) => e);
            const what = `${status} ${method}`;
            assert.ok(err instanceof MetaStudioRedirectError, `${what}: ${String(err)}`);
            assert.equal(err.status, status, what);
            assert.equal(err.locationOrigin, elsewhere.url, what);
            assert.match(err.message, new RegExp(`HTTP ${status}\\) to ${elsewhere.url.replace(/\./g, '\\.')};`), what);
            for (const secret of ['/steal', 'SECRET-QUERY', SK, SECURITY_TOKEN, TOKEN]) assert.ok(!err.message.includes(secret), `${what}: ${err.message}`);
            assert.equal(endpoint.requests.length, 1, `${what}: one request, no retry`);
            assert.equal(endpoint.requests[0].method, method, what);
          }
        }
        assert.equal(elsewhere.requests.length, 0, 'the redirect target was never contacted');
      });
    }
  }

  it('refuses a redirect to the same origin, and one without a usable location', async () => {
    const c = client(undici.fetch, CREDENTIALS['IAM token']);
    endpoint.handle((_req, res) => void res.writeHead(307, { Location: '/v1/p1/digital-assets?again=1' }).end());
    const same = await c.listAssets().then(() => assert.fail('followed'), (e: unknown) => e);
    assert.ok(same instanceof MetaStudioRedirectError && same.locationOrigin === endpoint.url);
    endpoint.handle((_req, res) => void res.writeHead(302).end());
    const nowhere = await c.listAssets().then(() => assert.fail('followed'), (e: unknown) => e);
    assert.ok(nowhere instanceof MetaStudioRedirectError && nowhere.locationOrigin === undefined);
    assert.match(nowhere.message, /redirect \(HTTP 302\) to no usable location/);
    assert.equal(endpoint.requests.length, 2, 'one request each');
  });
});
