import assert from 'node:assert/strict';
import { AKSKSigner } from '@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner';
import { formatSdkDate, percentEncode, signRequest } from '../../../src/core/cloud/signer';
import { authenticate } from '../../../src/core/cloud/auth';
import { signingVectors } from './signingVectors';

describe('cloud/signer', () => {
  for (const v of signingVectors) {
    it(`matches the official signer: ${v.name}`, () => {
      const signed = signRequest({ method: v.method, url: new URL(v.url), headers: v.headers, body: v.body }, v, v.date);
      assert.equal(signed['X-Sdk-Date'], v.sdkDate);
      assert.equal(signed.Authorization, v.authorization);
    });
  }

  it('signs the body bytes: a changed body changes the signature', () => {
    const v = signingVectors[1];
    const signed = signRequest({ method: v.method, url: new URL(v.url), headers: v.headers, body: `${v.body} ` }, v, v.date);
    assert.notEqual(signed.Authorization, v.authorization);
  });

  it('accepts the body as bytes', () => {
    const v = signingVectors[1];
    const signed = signRequest({ method: v.method, url: new URL(v.url), headers: v.headers, body: new TextEncoder().encode(v.body) }, v, v.date);
    assert.equal(signed.Authorization, v.authorization);
  });

  it('formats X-Sdk-Date as YYYYMMDDTHHMMSSZ in UTC', () => {
    assert.equal(formatSdkDate(new Date('2024-04-16T09:53:41.987+02:00')), '20240416T075341Z');
  });

  it('percent-encodes like the official signer', () => {
    const official = (AKSKSigner as unknown as { urlEncode(s: string): string });
    for (const s of ["a b+c*d'(e)!~-._", '女声/主播', '😀%20', '']) assert.equal(percentEncode(s), official.urlEncode(s), s);
  });
});

describe('cloud/auth', () => {
  const request = { method: 'GET', url: new URL('https://metastudio.cn-north-4.myhuaweicloud.com/v1/p1/digital-assets'), headers: { 'Content-Type': 'application/json' } };
  const now = new Date(Date.UTC(2024, 3, 16, 9, 53, 41));

  it('AK/SK: signs X-Project-Id along with host and date', () => {
    const headers = authenticate(request, { kind: 'aksk', ak: 'AK1', sk: 'SK1' }, 'p1', now);
    assert.equal(headers['X-Project-Id'], 'p1');
    assert.equal(headers['X-Sdk-Date'], '20240416T095341Z');
    assert.match(headers.Authorization, /^SDK-HMAC-SHA256 Access=AK1, SignedHeaders=content-type;host;x-project-id;x-sdk-date, Signature=[0-9a-f]{64}$/);
    assert.equal(headers['X-Security-Token'], undefined);
    assert.equal(headers['X-Auth-Token'], undefined);
  });

  it('temporary AK/SK: adds and signs X-Security-Token', () => {
    const headers = authenticate(request, { kind: 'aksk', ak: 'AK1', sk: 'SK1', securityToken: 'ST' }, 'p1', now);
    assert.equal(headers['X-Security-Token'], 'ST');
    assert.match(headers.Authorization, /SignedHeaders=content-type;host;x-project-id;x-sdk-date;x-security-token,/);
  });

  it('IAM token: X-Auth-Token only, nothing signed', () => {
    const headers = authenticate(request, { kind: 'token', token: 'TOKEN' }, 'p1', now);
    assert.deepEqual(headers, { 'Content-Type': 'application/json', 'X-Auth-Token': 'TOKEN' });
  });
});
