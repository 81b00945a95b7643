import assert from 'node:assert/strict';
import { AKSKSigner } from '@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner';
import { MAX_CLOCK_SKEW_MS, verifySignature, type SignedRequest } from '../../../src/sandbox/verifier';
import { signingVectors } from '../cloud/signingVectors';
import { queryString, sdkDate } from './support';

const keys = { ak: 'KAT-AK-0001', sk: 'kat/secret+key==' };
const NOW = Date.UTC(2024, 3, 16, 9, 53, 41);

interface Input {
  method: string;
  origin: string;
  path: string;
  query?: Record<string, string | string[]>;
  headers?: Record<string, string>;
  body?: object;
}

/** Signs with the official signer and returns the request as the sandbox would receive it. */
function officiallySigned(input: Input, dateMs = NOW): SignedRequest {
  const query = input.query ?? {};
  const signed = AKSKSigner.sign(
    {
      endpoint: `${input.origin}${input.path}`,
      method: input.method,
      headers: { 'Content-Type': 'application/json', ...input.headers, 'X-Sdk-Date': sdkDate(dateMs) },
      queryParams: Object.fromEntries(Object.entries(query).map(([k, v]) => [k, Array.isArray(v) ? [...v] : v])),
      data: input.body,
    },
    { getAk: () => keys.ak, getSk: () => keys.sk } as never,
  ) as Record<string, string>;
  const headers = Object.fromEntries(Object.entries(signed).map(([k, v]) => [k.toLowerCase(), v]));
  return {
    method: input.method,
    rawPath: input.path,
    rawQuery: queryString(query).slice(1),
    headers,
    body: Buffer.from(input.body === undefined ? '' : JSON.stringify(input.body)),
  };
}

const cases: Input[] = [
  {
    method: 'GET', origin: 'https://metastudio.cn-north-4.myhuaweicloud.com', path: '/v1/p1/digital-assets',
    query: { asset_type: ['VOICE_MODEL', 'IMAGE', 'HUMAN_MODEL_2D'], name: '主播 Ünï ~(x)*', offset: '0', limit: '100', flag: '' },
  },
  {
    method: 'POST', origin: 'http://127.0.0.1:40123', path: '/v1/p1/ttsc/audition',
    headers: { 'X-Project-Id': 'p1' }, body: { text: '你好，世界 — “quotes” & emoji 🎙', emotion: 'abc' },
  },
  { method: 'PUT', origin: 'http://localhost:8080', path: '/v1/p-2/smart-live-rooms/r1', body: { room_name: '直播间' } },
  { method: 'DELETE', origin: 'https://metastudio.cn-east-3.myhuaweicloud.com:8443', path: '/v1/p1/digital-human-video-scripts/s1' },
];

describe('sandbox verifier (known answers from the official signer)', () => {
  for (const input of cases) {
    it(`accepts ${input.method} ${input.origin}${input.path}`, () => {
      assert.deepEqual(verifySignature(officiallySigned(input), keys, NOW), { ok: true });
    });
  }

  for (const vector of signingVectors) {
    it(`accepts the shared vector: ${vector.name}`, () => {
      const url = new URL(vector.url);
      const headers: Record<string, string> = { host: url.host, 'x-sdk-date': vector.sdkDate, authorization: vector.authorization };
      for (const [name, value] of Object.entries(vector.headers)) headers[name.toLowerCase()] = value;
      const request: SignedRequest = {
        method: vector.method,
        rawPath: url.pathname,
        rawQuery: url.search.slice(1),
        headers,
        body: Buffer.from(vector.body),
      };
      assert.deepEqual(verifySignature(request, { ak: vector.ak, sk: vector.sk }, vector.date.getTime()), { ok: true });
    });
  }

  const base = cases[0];
  const refused = (request: SignedRequest, now = NOW) => {
    const result = verifySignature(request, keys, now);
    assert.equal(result.ok, false);
    return (result as { reason: string }).reason;
  };

  it('refuses a flipped signature character', () => {
    const request = officiallySigned(base);
    const auth = request.headers.authorization as string;
    const flipped = auth.slice(0, -1) + (auth.endsWith('0') ? '1' : '0');
    assert.equal(refused({ ...request, headers: { ...request.headers, authorization: flipped } }), 'signature mismatch');
  });

  it('refuses a changed query, path, method or body', () => {
    const request = officiallySigned(cases[1]);
    assert.equal(refused({ ...request, rawQuery: 'x=1' }), 'signature mismatch');
    assert.equal(refused({ ...request, rawPath: '/v1/p2/ttsc/audition' }), 'signature mismatch');
    assert.equal(refused({ ...request, method: 'PUT' }), 'signature mismatch');
    assert.equal(refused({ ...request, body: Buffer.from('{"text":"other"}') }), 'signature mismatch');
  });

  it('refuses another key pair', () => {
    assert.equal(verifySignature(officiallySigned(base), { ...keys, ak: 'OTHER' }, NOW).ok, false);
    assert.equal(verifySignature(officiallySigned(base), { ...keys, sk: 'other' }, NOW).ok, false);
  });

  it('refuses a date more than 15 minutes off, either way, and accepts one just inside', () => {
    assert.match(refused(officiallySigned(base, NOW - MAX_CLOCK_SKEW_MS - 1000)), /15 minutes/);
    assert.match(refused(officiallySigned(base, NOW + MAX_CLOCK_SKEW_MS + 1000)), /15 minutes/);
    assert.deepEqual(verifySignature(officiallySigned(base, NOW - MAX_CLOCK_SKEW_MS + 1000), keys, NOW), { ok: true });
  });

  it('refuses a missing or malformed Authorization or date', () => {
    const request = officiallySigned(base);
    const without = (name: string) => {
      const headers = { ...request.headers };
      delete headers[name];
      return { ...request, headers };
    };
    assert.match(refused(without('authorization')), /missing Authorization/);
    assert.match(refused(without('x-sdk-date')), /X-Sdk-Date/);
    assert.match(refused({ ...request, headers: { ...request.headers, authorization: 'Basic abc' } }), /SDK-HMAC-SHA256/);
    assert.match(refused({ ...request, headers: { ...request.headers, 'x-sdk-date': '2024-04-16T09:53:41Z' } }), /format/);
  });

  it('refuses a signature whose signed header is absent from the request', () => {
    const request = officiallySigned(base);
    const headers = { ...request.headers };
    delete headers['content-type'];
    assert.match(refused({ ...request, headers }), /content-type is missing/);
  });
});
