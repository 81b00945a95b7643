import assert from 'node:assert/strict';
import { NoCredentialsError, resolveConnection } from '../../../src/core/cloud/connection';
import { EndpointError } from '../../../src/core/cloud/endpoint';

const ENV = {
  METASTUDIO_ENDPOINT: 'http://127.0.0.1:9000',
  HUAWEICLOUD_SDK_PROJECT_ID: 'env-project',
  HUAWEICLOUD_SDK_AK: 'env-ak',
  HUAWEICLOUD_SDK_SK: 'env-sk',
};

describe('cli/connection', () => {
  it('reads everything from the environment', () => {
    assert.deepEqual(resolveConnection({}, ENV), {
      endpoint: 'http://127.0.0.1:9000', projectId: 'env-project', credentials: { kind: 'aksk', ak: 'env-ak', sk: 'env-sk' },
    });
  });

  it('lets each flag beat its variable', () => {
    const c = resolveConnection({ 'project-id': 'flag-project', sk: 'flag-sk', endpoint: 'https://ms.example.com' }, ENV);
    assert.deepEqual(c, { endpoint: 'https://ms.example.com', projectId: 'flag-project', credentials: { kind: 'aksk', ak: 'env-ak', sk: 'flag-sk' } });
  });

  it('lets a --region flag beat METASTUDIO_ENDPOINT, and defaults to cn-north-4', () => {
    assert.equal(resolveConnection({ region: 'cn-east-3' }, ENV).endpoint, 'https://metastudio.cn-east-3.myhuaweicloud.com');
    assert.equal(resolveConnection({}, { ...ENV, METASTUDIO_ENDPOINT: undefined }).endpoint, 'https://metastudio.cn-north-4.myhuaweicloud.com');
    assert.equal(resolveConnection({}, { ...ENV, METASTUDIO_ENDPOINT: '', METASTUDIO_REGION: 'cn-east-3' }).endpoint, 'https://metastudio.cn-east-3.myhuaweicloud.com');
  });

  it('adds the security token of temporary keys', () => {
    const c = resolveConnection({ 'security-token': 'st' }, ENV);
    assert.deepEqual(c.credentials, { kind: 'aksk', ak: 'env-ak', sk: 'env-sk', securityToken: 'st' });
    assert.deepEqual(resolveConnection({}, { ...ENV, HUAWEICLOUD_SDK_SECURITY_TOKEN: 'st2' }).credentials, { kind: 'aksk', ak: 'env-ak', sk: 'env-sk', securityToken: 'st2' });
  });

  it('uses a token: from --token over an env AK/SK, from the env when no AK/SK', () => {
    assert.deepEqual(resolveConnection({ token: 'flag-token' }, ENV).credentials, { kind: 'token', token: 'flag-token' });
    const env = { METASTUDIO_TOKEN: 'env-token', HUAWEICLOUD_SDK_PROJECT_ID: 'p' };
    assert.deepEqual(resolveConnection({}, env).credentials, { kind: 'token', token: 'env-token' });
    assert.deepEqual(resolveConnection({}, { ...ENV, ...env }).credentials.kind, 'aksk', 'AK/SK wins within the environment');
    assert.deepEqual(resolveConnection({ ak: 'a', sk: 's' }, { ...env }).credentials, { kind: 'aksk', ak: 'a', sk: 's' });
  });

  it('throws NoCredentialsError without credentials, half an access key, or no project', () => {
    assert.throws(() => resolveConnection({}, {}), NoCredentialsError);
    assert.throws(() => resolveConnection({ ak: 'a' }, { HUAWEICLOUD_SDK_PROJECT_ID: 'p', METASTUDIO_TOKEN: 't' }), /needs both parts.*--sk/);
    assert.throws(() => resolveConnection({}, { ...ENV, HUAWEICLOUD_SDK_PROJECT_ID: undefined }), /no project ID/);
  });

  it('refuses a bad endpoint or region (the CLI exits 2)', () => {
    assert.throws(() => resolveConnection({ endpoint: 'http://10.1.2.3' }, ENV), EndpointError);
    assert.throws(() => resolveConnection({ region: 'mars-1' }, ENV), EndpointError);
  });

  it('never puts a secret in its messages', () => {
    try {
      resolveConnection({ ak: 'the-ak', token: undefined }, { HUAWEICLOUD_SDK_PROJECT_ID: 'p', METASTUDIO_TOKEN: 'tok-secret' });
      assert.fail('should throw');
    } catch (err) {
      assert.ok(!(err as Error).message.includes('tok-secret'));
    }
  });
});
