/** Push against the sandbox: create then update, one remote object even after lost answers, 404 handling, read-back. */
import assert from 'node:assert/strict';
import { MetaStudioApiError } from '../../../src/core/cloud/errors';
import type { FetchLike } from '../../../src/core/cloud/transport';
import { pushScript, PushDeclinedError, type PushRequest } from '../../../src/core/remote/push';
import { startSandboxClient, type SandboxClient } from '../../support/sandboxClient';
import { liveBody, videoBody } from './support';

describe('remote/push against the sandbox', () => {
  let cloud: SandboxClient;
  let counter = 0;
  const unique = (prefix: string) => `${prefix} ${++counter}`;
  before(async () => { cloud = await startSandboxClient(); });
  after(async () => { await cloud.close(); });
  afterEach(() => cloud.sandbox.clearFaults());

  const posts = (path: string) => cloud.sandbox.requests.filter((r) => r.method === 'POST' && r.path.endsWith(path)).length;
  const push = (body: Record<string, unknown>, rest: Partial<PushRequest> = {}) =>
    pushScript({ client: cloud.client(), kind: 'video', body, confirmRecreate: async () => assert.fail('not asked'), ...rest });
  async function scriptsNamed(name: string): Promise<number> {
    return (await cloud.client().listVideoScripts({ name, limit: 100 })).video_scripts.filter((s) => s.script_name === name).length;
  }

  it('creates a video script the first time and updates the same one afterwards', async () => {
    const name = unique('push twice');
    const first = await push(videoBody(name));
    assert.equal(first.created, true);
    assert.deepEqual(first.differences, []);
    const changed = videoBody(name, '第二版文字。');
    const second = await push(changed, { linkedId: first.id });
    assert.equal(second.created, false);
    assert.equal(second.id, first.id);
    assert.equal(await scriptsNamed(name), 1);
    const details = await cloud.client().getVideoScript(first.id);
    assert.equal(details.shoot_scripts?.[0].shoot_script.text_config?.text, '第二版文字。');
  });

  it('creates and updates a live room', async () => {
    const name = unique('room');
    const first = await pushScript({ client: cloud.client(), kind: 'live', body: liveBody(name), confirmRecreate: async () => false });
    assert.equal(first.created, true);
    assert.deepEqual(first.differences, []);
    const body = { ...liveBody(name), room_description: 'second' };
    const second = await pushScript({ client: cloud.client(), kind: 'live', body, linkedId: first.id, confirmRecreate: async () => false });
    assert.equal(second.id, first.id);
    assert.equal((await cloud.client().getLiveRoom(first.id)).room_description, 'second');
    const rooms = await cloud.client().listLiveRooms({ room_name: name });
    assert.equal(rooms.smart_live_rooms.filter((r) => r.room_name === name).length, 1);
  });

  it('finds the script by name instead of creating it again when the create answer was lost', async () => {
    const name = unique('dropped');
    const before = posts('/digital-human-video-scripts');
    cloud.sandbox.injectFault({ kind: 'drop', method: 'POST', pathPattern: 'digital-human-video-scripts$' });
    const recovered: string[] = [];
    const result = await push(videoBody(name), { onRecovered: (m) => recovered.push(m) });
    assert.equal(result.created, true);
    assert.equal(posts('/digital-human-video-scripts') - before, 1, 'one create reached the sandbox');
    assert.equal(await scriptsNamed(name), 1);
    assert.equal(recovered.length, 1);
    assert.match(recovered[0], /looking it up by name/);
  });

  it('recovers the same way from a half-sent JSON answer and from a live room create', async () => {
    const name = unique('malformed');
    cloud.sandbox.injectFault({ kind: 'malformed-json', method: 'POST', pathPattern: 'digital-human-video-scripts$' });
    await push(videoBody(name));
    assert.equal(await scriptsNamed(name), 1);
    const room = unique('dropped room');
    cloud.sandbox.injectFault({ kind: 'drop', method: 'POST', pathPattern: 'smart-live-rooms$' });
    const result = await pushScript({ client: cloud.client(), kind: 'live', body: liveBody(room), confirmRecreate: async () => false });
    assert.equal((await cloud.client().getLiveRoom(result.id)).room_name, room);
    assert.equal((await cloud.client().listLiveRooms({ room_name: room })).count, 1);
  });

  it('creates once more when the lost create never happened (a gateway error)', async () => {
    const name = unique('gateway');
    const before = posts('/digital-human-video-scripts');
    cloud.sandbox.injectFault({ kind: '502', method: 'POST', pathPattern: 'digital-human-video-scripts$' });
    const result = await push(videoBody(name));
    assert.equal(result.created, true);
    assert.equal(posts('/digital-human-video-scripts') - before, 2);
    assert.equal(await scriptsNamed(name), 1);
  });

  it('does not look up or retry after a definite refusal', async () => {
    const name = unique('taken');
    await push(videoBody(name));
    const before = cloud.sandbox.requests.length;
    const err = await push(videoBody(name)).then(() => assert.fail('expected a refusal'), (e: unknown) => e);
    assert.ok(err instanceof MetaStudioApiError);
    assert.equal(err.code, 'MSS.20010005');
    assert.ok(err.requestId, 'the request id is kept for the message');
    assert.equal(cloud.sandbox.requests.length - before, 1);
  });

  it('asks before creating again when the linked script was deleted', async () => {
    const name = unique('deleted');
    const first = await push(videoBody(name));
    await cloud.client().deleteVideoScript(first.id);
    const asked: string[] = [];
    await assert.rejects(push(videoBody(name), { linkedId: first.id, confirmRecreate: async (id) => { asked.push(id); return false; } }), PushDeclinedError);
    assert.deepEqual(asked, [first.id]);
    assert.equal(await scriptsNamed(name), 0, 'declining creates nothing');
    const again = await push(videoBody(name), { linkedId: first.id, confirmRecreate: async () => true });
    assert.equal(again.created, true);
    assert.notEqual(again.id, first.id);
    assert.equal(await scriptsNamed(name), 1);
  });

  it('reports where the object read back differs from what was sent', async () => {
    // A server that changes one text on the way back, as a content filter might.
    const altering: FetchLike = async (url, init) => {
      const response = await cloud.transport.fetch(url, init);
      if (init.method !== 'GET' || !/digital-human-video-scripts\/[^/?]+$/.test(new URL(url).pathname)) return response;
      const text = (await new Response(response.body as ReadableStream).text()).replace('再见', '**');
      return new Response(text, { status: response.status, headers: { 'X-Request-Id': response.headers.get('x-request-id') ?? '' } });
    };
    const result = await pushScript({ client: cloud.client({ fetch: altering }), kind: 'video', body: videoBody(unique('altered')), confirmRecreate: async () => false });
    assert.deepEqual(result.differences, ['shoot_scripts[1].shoot_script.text_config.text']);
  });

  it('refuses a body without a name before sending anything', async () => {
    const before = cloud.sandbox.requests.length;
    const { script_name: _name, ...body } = videoBody('x');
    await assert.rejects(push(body), /script_name/);
    assert.equal(cloud.sandbox.requests.length, before);
  });
});
