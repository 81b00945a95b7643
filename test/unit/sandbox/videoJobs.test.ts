import assert from 'node:assert/strict';
import { FAIL_MARKER, QUEUE_MARKER } from '../../../src/sandbox';
import { api, call, FakeClock, sandboxSuite, scriptBody, usableAssets, waitFor, withSandbox, type CallOptions } from './support';

const STEP_MS = 1000;

describe('sandbox video jobs (injected clock)', () => {
  const clock = new FakeClock();
  const suite = sandboxSuite({ now: clock.now, timings: { jobStepMs: STEP_MS } }, clock.now);

  const at = (method: string, path: string, options: CallOptions = {}) => call(suite.sandbox, method, path, { ...options, date: clock.time });
  const job = (id: string, query: Record<string, string> = {}) => at('GET', api(`/2d-digital-human-videos/${id}`), { query });
  const jobBody = (texts: string[], name = 'Output video') => {
    const { script_name: _name, ...settings } = scriptBody('unused', suite.assets, texts);
    return { ...settings, output_asset_config: { asset_name: name } };
  };

  it('moves WAITING -> PROCESSING -> SUCCEED and produces a VIDEO asset with an H.264 MP4 main file', async () => {
    const created = await at('POST', api('/2d-digital-human-videos'), { body: jobBody(['Hello there, welcome!'], '成片 01') });
    assert.equal(created.status, 200);
    const id = created.json.job_id;
    assert.equal((await job(id)).json.state, 'WAITING');
    clock.advance(STEP_MS);
    const processing = (await job(id)).json;
    assert.equal(processing.state, 'PROCESSING');
    assert.ok(processing.start_time && !processing.end_time);
    clock.advance(STEP_MS);
    const done = (await job(id, { show_script: 'true' })).json;
    assert.equal(done.state, 'SUCCEED', 'details print the SDK\'s spelling');
    assert.equal(done.job_type, '2D_DIGITAL_HUMAN_VIDEO');
    assert.ok(done.end_time && done.duration > 0);
    assert.equal(done.output_asset_config.asset_name, '成片 01');
    assert.equal(done.shoot_scripts.length, 1, 'show_script=true returns the script');

    const asset = await at('GET', api(`/digital-assets/${done.output_asset_config.asset_id}`));
    assert.equal(asset.status, 200);
    assert.equal(asset.json.asset_type, 'VIDEO');
    assert.equal(asset.json.asset_state, 'ACTIVED');
    const main = asset.json.files.find((f: { asset_file_category: string }) => f.asset_file_category === 'MAIN');
    const video = Buffer.from(await (await fetch(main.download_url)).arrayBuffer());
    assert.equal(video.length, main.file_size);
    assert.equal(video.subarray(4, 8).toString('latin1'), 'ftyp');
    assert.ok(video.includes(Buffer.from('avc1')), 'an H.264 track');
  });

  it('fails a script it cannot render, naming the shot', async () => {
    const marker = await at('POST', api('/2d-digital-human-videos'), { body: jobBody(['fine', `broken ${FAIL_MARKER}`]) });
    const empty = await at('POST', api('/2d-digital-human-videos'), { body: jobBody(['<speak><break time="1s"/></speak>']) });
    clock.advance(2 * STEP_MS);
    const failed = (await job(marker.json.job_id)).json;
    assert.equal(failed.state, 'FAILED');
    assert.equal(failed.error_info.error_code, 'MSS.42000007');
    assert.match(failed.error_info.error_msg, /shot 2 \(sequence_no 1\)/);
    assert.equal(failed.output_asset_config.asset_id, undefined);
    const silent = (await job(empty.json.job_id)).json;
    assert.equal(silent.state, 'FAILED');
    assert.match(silent.error_info.error_msg, /shot 1 .* has no text/);
  });

  it('fails a job whose avatar is not a usable HUMAN_MODEL_2D asset', async () => {
    const body = { ...jobBody(['hi']), model_asset_id: suite.assets.voiceId };
    const created = await at('POST', api('/2d-digital-human-videos'), { body });
    clock.advance(2 * STEP_MS);
    assert.equal((await job(created.json.job_id)).json.error_info.error_code, 'MSS.20010098');
  });

  it('cancels a WAITING job and refuses to cancel one that has started', async () => {
    const first = (await at('POST', api('/2d-digital-human-videos'), { body: jobBody(['one']) })).json.job_id;
    const second = (await at('POST', api('/2d-digital-human-videos'), { body: jobBody(['two']) })).json.job_id;
    const cancel = await at('POST', api(`/2d-digital-human-videos/${first}/cancel`));
    assert.equal(cancel.status, 200);
    clock.advance(STEP_MS);
    assert.equal((await job(first)).json.state, 'CANCELED');
    const late = await at('POST', api(`/2d-digital-human-videos/${second}/cancel`));
    assert.equal(late.status, 400);
    assert.equal(late.json.error_code, 'MSS.20010066');
    clock.advance(STEP_MS);
    assert.equal((await job(first)).json.state, 'CANCELED', 'a canceled job stays canceled');
  });

  it('takes the settings of script_id, and refuses an unknown script or missing settings', async () => {
    const script = await at('POST', api('/digital-human-video-scripts'), { body: scriptBody('job source', suite.assets, ['from the script']) });
    const created = await at('POST', api('/2d-digital-human-videos'), { body: { script_id: script.json.script_id } });
    assert.equal(created.status, 200);
    const details = (await job(created.json.job_id, { show_script: 'true' })).json;
    assert.equal(details.script_id, script.json.script_id);
    assert.equal(details.shoot_scripts[0].shoot_script.text_config.text, 'from the script');
    assert.equal(details.output_asset_config.asset_name, 'job source');

    const unknown = await at('POST', api('/2d-digital-human-videos'), { body: { script_id: 'nope' } });
    assert.equal(unknown.status, 404);
    const bare = await at('POST', api('/2d-digital-human-videos'), { body: { output_asset_config: { asset_name: 'x' } } });
    assert.equal(bare.status, 400);
    assert.match(bare.json.error_msg, /model_asset_id is mandatory/);
    const noName = await at('POST', api('/2d-digital-human-videos'), { body: { ...jobBody(['x']), output_asset_config: {} } });
    assert.match(noName.json.error_msg, /output_asset_config.asset_name is mandatory/);
  });

  it('lists jobs newest first with sort_dir=desc, filters by state and job_type, and pages', async () => {
    const query = { job_type: '2D_DIGITAL_HUMAN_VIDEO', sort_key: 'create_time', sort_dir: 'desc', limit: '100' };
    const all = (await at('GET', api('/digital-human-videos'), { query })).json;
    assert.ok(all.count >= 7);
    const created = all.jobs.map((j: { create_time: string }) => j.create_time);
    assert.deepEqual(created, [...created].sort().reverse());
    const ascending = (await at('GET', api('/digital-human-videos'), { query: { limit: '100' } })).json.jobs;
    assert.deepEqual(ascending.map((j: { job_id: string }) => j.job_id), all.jobs.map((j: { job_id: string }) => j.job_id).reverse());
    assert.ok(all.jobs.some((j: { state: string }) => j.state === 'SUCCEED'), 'the list prints SUCCEED');
    const canceled = (await at('GET', api('/digital-human-videos'), { query: { state: 'CANCELED' } })).json;
    assert.equal(canceled.count, 1);
    const succeeded = all.jobs.filter((j: { state: string }) => j.state === 'SUCCEED').length;
    assert.equal((await at('GET', api('/digital-human-videos'), { query: { state: 'SUCCESS' } })).json.count, succeeded, 'the reference\'s spelling filters too');
    const photo = (await at('GET', api('/digital-human-videos'), { query: { job_type: 'PHOTO_DIGITAL_HUMAN_VIDEO' } })).json;
    assert.equal(photo.count, 0);
    const paged = (await at('GET', api('/digital-human-videos'), { query: { ...query, limit: '2', offset: '2' } })).json;
    assert.deepEqual(paged.jobs.map((j: { job_id: string }) => j.job_id), all.jobs.slice(2, 4).map((j: { job_id: string }) => j.job_id));
  });

  it('keeps a job with the queue marker WAITING until it is canceled', async () => {
    const queued = (await at('POST', api('/2d-digital-human-videos'), { body: jobBody([`held ${QUEUE_MARKER}`]) })).json.job_id;
    clock.advance(10 * STEP_MS);
    assert.equal((await job(queued)).json.state, 'WAITING');
    assert.equal((await at('POST', api(`/2d-digital-human-videos/${queued}/cancel`))).status, 200);
    assert.equal((await job(queued)).json.state, 'CANCELED');
  });

  it('answers 404 for an unknown job', async () => {
    const result = await job('0123');
    assert.equal(result.status, 404);
    assert.equal(result.json.error_code, 'MSS.00000002');
  });
});

describe('sandbox video jobs (real clock, short timings)', () => {
  it('reaches SUCCEED within a few steps when polled', async () => {
    const sandbox = await withSandbox({ timings: { jobStepMs: 30 } });
    try {
      const assets = await usableAssets(sandbox);
      const { script_name: _n, ...body } = scriptBody('x', assets);
      const id = (await call(sandbox, 'POST', api('/2d-digital-human-videos'), { body })).json.job_id;
      const seen = new Set<string>();
      const final = await waitFor(async () => {
        const state = (await call(sandbox, 'GET', api(`/2d-digital-human-videos/${id}`))).json.state as string;
        seen.add(state);
        return state === 'SUCCEED' ? state : undefined;
      });
      assert.equal(final, 'SUCCEED');
      assert.ok(seen.has('WAITING') || seen.has('PROCESSING'));
    } finally {
      await sandbox.close();
    }
  });
});
