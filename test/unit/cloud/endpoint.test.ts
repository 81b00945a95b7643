import assert from 'node:assert/strict';
import { EndpointError, isLoopbackHost, parseEndpointUrl, regionOf, resolveEndpoint } from '../../../src/core/cloud/endpoint';

describe('cloud/endpoint', () => {
  it('maps the two regions, cn-north-4 by default', () => {
    assert.equal(resolveEndpoint({}), 'https://metastudio.cn-north-4.myhuaweicloud.com');
    assert.equal(resolveEndpoint({ region: 'cn-east-3' }), 'https://metastudio.cn-east-3.myhuaweicloud.com');
    assert.equal(regionOf('https://metastudio.cn-east-3.myhuaweicloud.com'), 'cn-east-3');
    assert.equal(regionOf('http://127.0.0.1:1'), undefined);
  });

  it('rejects another region with a hint to use an endpoint', () => {
    assert.throws(() => resolveEndpoint({ region: 'ap-southeast-3' }), (err: Error) => err instanceof EndpointError && /cn-north-4 or cn-east-3.*endpoint URL/.test(err.message));
  });

  it('prefers an endpoint over a region', () => {
    assert.equal(resolveEndpoint({ endpoint: 'https://ms.example.com:8443/', region: 'cn-east-3' }), 'https://ms.example.com:8443');
  });

  it('accepts http for loopback only', () => {
    for (const ok of ['http://127.0.0.1:8080', 'http://127.8.9.10', 'http://[::1]:9000', 'http://localhost:1', 'http://LOCALHOST']) {
      assert.doesNotThrow(() => parseEndpointUrl(ok), ok);
    }
    for (const bad of ['http://10.0.0.1', 'http://example.com', 'http://128.0.0.1', 'http://localhost.example.com', 'http://[::2]']) {
      assert.throws(() => parseEndpointUrl(bad), (err: Error) => err instanceof EndpointError && /loopback/.test(err.message), bad);
    }
  });

  it('rejects what is not an origin', () => {
    for (const bad of ['metastudio.cn-north-4.myhuaweicloud.com', 'ftp://x', 'https://u:p@host', 'https://host/v1', 'https://host?a=1']) {
      assert.throws(() => parseEndpointUrl(bad), EndpointError, bad);
    }
  });

  it('knows loopback hosts', () => {
    assert.ok(isLoopbackHost('127.0.0.1') && isLoopbackHost('[::1]') && isLoopbackHost('localhost'));
    assert.ok(!isLoopbackHost('0.0.0.0') && !isLoopbackHost('::ffff:10.0.0.1'));
  });
});
