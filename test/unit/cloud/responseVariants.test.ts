/**
 * The client reads every variant of a response as the SDK's shape (docs/decisions/field-spellings.md): recorded
 * bodies in the SDK's names and the same bodies in the names the reference prints, served over
 * loopback, give the same result.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MetaStudioClient } from '../../../src/core/cloud/client';
import { createUndiciTransport, type UndiciTransport } from '../../../src/core/cloud/undiciTransport';
import { UNTHROTTLED } from '../../support/sandboxClient';
import { conformanceProblems, sdkWire, type OperationName } from '../../support/sdkWire';
import { FakeClock, json, startLocalServer, type LocalServer } from './support';

const recorded = (name: string) => JSON.parse(readFileSync(join(__dirname, '../../fixtures/responses', `${name}.json`), 'utf8')) as Record<string, unknown>;

/** Each recorded response: the SDK operation it answers and how the client asks for it. */
const ENDPOINTS: [string, OperationName, (c: MetaStudioClient) => Promise<unknown>][] = [
  ['asset-details', 'ShowAsset', (c) => c.getAsset('a')],
  ['asset-list', 'ListAssets', (c) => c.listAssets()],
  ['video-script-details', 'ShowVideoScript', (c) => c.getVideoScript('s')],
  ['video-job-details', 'Show2DDigitalHumanVideo', (c) => c.getVideoJob('j')],
  ['video-job-list', 'ListDigitalHumanVideo', (c) => c.listVideoJobs()],
  ['live-room-details', 'ShowSmartLiveRoom', (c) => c.getLiveRoom('r')],
];

describe('cloud/client reads every response variant (recorded bodies)', () => {
  let server: LocalServer;
  let transport: UndiciTransport;
  let client: MetaStudioClient;
  before(async () => {
    server = await startLocalServer();
    transport = createUndiciTransport({});
    client = new MetaStudioClient({
      endpoint: server.url, projectId: 'p', credentials: { kind: 'aksk', ak: 'AK', sk: 'SK' }, fetch: transport.fetch, clock: new FakeClock(), rateLimits: UNTHROTTLED,
    });
  });
  after(async () => {
    await transport.close();
    await server.close();
  });

  async function read(body: unknown, ask: (c: MetaStudioClient) => Promise<unknown>): Promise<unknown> {
    server.handle((_req, res) => json(res, 200, body));
    return ask(client);
  }

  for (const [name, operation, ask] of ENDPOINTS) {
    it(`${name}: the reference's names read as the SDK's`, async () => {
      const sdk = recorded(`${name}.sdk`);
      assert.deepEqual(conformanceProblems(sdkWire.operations[operation].response, sdk), [], 'the SDK variant is the SDK\'s shape');
      const reference = recorded(`${name}.reference`);
      assert.notDeepEqual(reference, sdk);
      const fromSdk = await read(sdk, ask);
      assert.deepEqual(fromSdk, sdk, 'the SDK\'s shape is read as it is');
      assert.deepEqual(await read(reference, ask), sdk);
    });
  }

  it('reads the subtitle switch from any of its three names, and leaves a config without one alone', async () => {
    const script = recorded('video-script-details.sdk') as { video_config: Record<string, unknown> };
    const { is_subtitle_enable: _sdkName, ...withoutSwitch } = script.video_config;
    for (const variant of ['is_subtitle_enable', 'is_subtitle_enabled', 'is_subtitle_able']) {
      const details = await read({ ...script, video_config: { ...withoutSwitch, [variant]: true } }, (c) => c.getVideoScript('s')) as typeof script;
      assert.equal(details.video_config.is_subtitle_enable, true, variant);
      assert.deepEqual(Object.keys(details.video_config).filter((k) => k.startsWith('is_subtitle')), ['is_subtitle_enable'], variant);
    }
    const both = await read({ ...script, video_config: { ...withoutSwitch, is_subtitle_enable: false, is_subtitle_able: true } }, (c) => c.getVideoScript('s')) as typeof script;
    assert.equal(both.video_config.is_subtitle_enable, false, 'the SDK\'s name wins');
    const none = await read({ ...script, video_config: withoutSwitch }, (c) => c.getVideoScript('s')) as typeof script;
    assert.deepEqual(none.video_config, withoutSwitch);
  });
});
