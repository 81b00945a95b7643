import assert from 'node:assert/strict';
import { api, call, sandboxSuite, scriptBody } from './support';

describe('sandbox fault injection', () => {
  const suite = sandboxSuite();
  afterEach(() => suite.sandbox.clearFaults());

  const listAssets = () => call(suite.sandbox, 'GET', api('/digital-assets'));
  const admin = (method: string, path: string, body?: unknown) =>
    fetch(`${suite.sandbox.url}${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });

  it('429 with an MSS body and Retry-After, then normal answers once the count is used up', async () => {
    suite.sandbox.injectFault({ kind: '429', retryAfterSeconds: 2, count: 2 });
    for (let i = 0; i < 2; i++) {
      const limited = await listAssets();
      assert.equal(limited.status, 429);
      assert.equal(limited.headers.get('retry-after'), '2');
      assert.equal(limited.json.error_code, 'MSS.47010004');
      assert.ok(limited.headers.get('x-request-id'));
    }
    assert.equal((await listAssets()).status, 200);
  });

  it('500 and 503 with MSS bodies, 502 and 504 with a gateway HTML page', async () => {
    const expected: [('500' | '502' | '503' | '504'), string | undefined][] = [
      ['500', 'MSS.00000004'], ['503', 'MSS.00020008'], ['502', undefined], ['504', undefined],
    ];
    for (const [kind, code] of expected) {
      suite.sandbox.injectFault({ kind });
      const result = await listAssets();
      assert.equal(result.status, Number(kind));
      if (code) {
        assert.equal(result.json.error_code, code);
      } else {
        assert.match(result.headers.get('content-type') ?? '', /text\/html/);
        assert.match(result.text, new RegExp(kind));
      }
    }
  });

  it('only hits requests matching method and path pattern', async () => {
    suite.sandbox.injectFault({ kind: '503', method: 'POST', pathPattern: '/digital-human-video-scripts$' });
    assert.equal((await listAssets()).status, 200);
    assert.equal((await call(suite.sandbox, 'GET', api('/digital-human-video-scripts'))).status, 200);
    const post = await call(suite.sandbox, 'POST', api('/digital-human-video-scripts'), { body: scriptBody('faulted', suite.assets) });
    assert.equal(post.status, 503);
    const list = await call(suite.sandbox, 'GET', api('/digital-human-video-scripts'), { query: { name: 'faulted' } });
    assert.equal(list.json.count, 0, 'a status fault leaves the request unhandled');
  });

  it('slow: answers after the delay', async () => {
    suite.sandbox.injectFault({ kind: 'slow', delayMs: 300 });
    const started = performance.now();
    const result = await listAssets();
    const elapsed = performance.now() - started;
    assert.equal(result.status, 200);
    assert.ok(elapsed >= 290, `answered after ${elapsed.toFixed(0)} ms`);
  });

  it('drop: handles the request, then closes the connection unanswered', async () => {
    suite.sandbox.injectFault({ kind: 'drop', method: 'POST' });
    await assert.rejects(call(suite.sandbox, 'POST', api('/digital-human-video-scripts'), { body: scriptBody('dropped create', suite.assets) }));
    const list = await call(suite.sandbox, 'GET', api('/digital-human-video-scripts'), { query: { name: 'dropped create' } });
    assert.equal(list.json.count, 1, 'the create happened although the client saw no answer');
    const logged = suite.sandbox.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/digital-human-video-scripts'));
    assert.equal(logged.at(-1)?.status, 0);
  });

  it('malformed-json: a 200 whose JSON is cut off', async () => {
    suite.sandbox.injectFault({ kind: 'malformed-json' });
    const result = await listAssets();
    assert.equal(result.status, 200);
    assert.match(result.headers.get('content-type') ?? '', /application\/json/);
    assert.ok(result.text.length > 0);
    assert.throws(() => JSON.parse(result.text));
  });

  it('refuses a fault with an unknown kind or a bad pattern', () => {
    assert.throws(() => suite.sandbox.injectFault({ kind: '418' as never }), /kind must be one of/);
    assert.throws(() => suite.sandbox.injectFault({ kind: '500', pathPattern: '(' }));
  });

  it('admin endpoints: unsigned POST/DELETE /_sandbox/faults and GET /_sandbox/requests', async () => {
    const added = await admin('POST', '/_sandbox/faults', { kind: '500', pathPattern: '/digital-assets$', count: 1 });
    assert.equal(added.status, 200);
    assert.equal(((await added.json()) as { faults: unknown[] }).faults.length, 1);
    assert.equal((await listAssets()).status, 500);
    assert.equal((await listAssets()).status, 200);

    await admin('POST', '/_sandbox/faults', { kind: '503' });
    assert.equal((await admin('DELETE', '/_sandbox/faults')).status, 200);
    assert.equal((await listAssets()).status, 200, 'cleared');

    const invalid = await admin('POST', '/_sandbox/faults', { kind: 'explode' });
    assert.equal(invalid.status, 400);

    assert.equal((await admin('DELETE', '/_sandbox/requests')).status, 200);
    await call(suite.sandbox, 'POST', api('/digital-human-video-scripts'), { body: scriptBody('logged once', suite.assets) });
    await listAssets();
    const log = (await (await admin('GET', '/_sandbox/requests')).json()) as { method: string; path: string; status: number }[];
    assert.deepEqual(log.map((r) => [r.method, r.path, r.status]), [
      ['POST', api('/digital-human-video-scripts'), 200],
      ['GET', api('/digital-assets'), 200],
    ]);
    assert.deepEqual(suite.sandbox.requests.map((r) => r.path), log.map((r) => r.path));
  });
});
