import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox } from '../../../src/sandbox';
import { AK, api, call, FakeClock, PROJECT, scriptBody, SK, usableAssets, withSandbox } from './support';

describe('sandbox persistence', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'metastudio-sandbox-'));
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('keeps scripts, rooms, jobs and auditions across a restart, and finishes jobs after it', async () => {
    const clock = new FakeClock();
    const options = { dataDir, now: clock.now, timings: { jobStepMs: 1000, ttsDelayMs: 1000 } };
    const first = await withSandbox(options);
    const assets = await usableAssets(first, clock.time);
    const at = (sandbox: { url: string }, method: string, path: string, body?: unknown) => call(sandbox, method, path, { body, date: clock.time });
    const scriptId = (await at(first, 'POST', api('/digital-human-video-scripts'), scriptBody('persisted script', assets))).json.script_id;
    const roomId = (await at(first, 'POST', api('/smart-live-rooms'), { room_name: 'persisted room' })).json.room_id;
    const jobId = (await at(first, 'POST', api('/2d-digital-human-videos'), { script_id: scriptId })).json.job_id;
    const ttsId = (await at(first, 'POST', api('/ttsc/audition'), { text: 'persisted', emotion: assets.voiceId })).json.job_id;
    await first.close();

    const saved = JSON.parse(await readFile(join(dataDir, 'sandbox-state.json'), 'utf8'));
    assert.equal(saved.version, 1);
    assert.deepEqual(await readdir(dataDir), ['sandbox-state.json'], 'no temporary file left behind');

    clock.advance(2000);
    const second = await withSandbox(options);
    try {
      assert.equal((await at(second, 'GET', api(`/digital-human-video-scripts/${scriptId}`))).json.script_name, 'persisted script');
      assert.equal((await at(second, 'GET', api(`/smart-live-rooms/${roomId}`))).json.room_name, 'persisted room');
      const duplicate = await at(second, 'POST', api('/digital-human-video-scripts'), scriptBody('persisted script', assets));
      assert.equal(duplicate.json.error_code, 'MSS.20010005', 'names stay unique across restarts');
      const job = (await at(second, 'GET', api(`/2d-digital-human-videos/${jobId}`))).json;
      assert.equal(job.state, 'SUCCEED');
      const output = await at(second, 'GET', api(`/digital-assets/${job.output_asset_config.asset_id}`));
      assert.equal(output.status, 200);
      const audition = (await at(second, 'GET', api(`/ttsc/audition-file/${ttsId}`))).json;
      assert.equal(audition.is_file_complete, true);
      assert.equal((await fetch(audition.files[0].download_url)).status, 200);
    } finally {
      await second.close();
    }

    const third = await withSandbox(options);
    try {
      const outputs = await call(third, 'GET', api('/digital-assets'), { query: { asset_type: 'VIDEO', name: 'persisted script' }, date: clock.time });
      assert.equal(outputs.json.count, 1, 'the output asset made after the restart was saved too');
    } finally {
      await third.close();
    }
  });

  it('starts empty without a state file and refuses a state file of another version', async () => {
    const fresh = await startSandbox({ ak: AK, sk: SK, dataDir });
    const list = await call(fresh, 'GET', api('/digital-human-video-scripts'));
    assert.equal(list.json.count, 0);
    await fresh.close();
    await writeFile(join(dataDir, 'sandbox-state.json'), JSON.stringify({ version: 99 }));
    await assert.rejects(startSandbox({ ak: AK, sk: SK, dataDir }), /unsupported version/);
  });

  it('refuses a state file with a __proto__, constructor or prototype key at any depth, naming where', async () => {
    const room = (body: string) => `{"room_id": "r1", "project_id": "${PROJECT}", "create_time": "2024-01-01T00:00:00Z", "update_time": "2024-01-01T00:00:00Z", "body": ${body}}`;
    const state = (rooms: string, extra = '') => `{"version": 1, "assets": [], "scripts": [], "rooms": [${rooms}], "jobs": [], "tts": []${extra}}`;
    const cases: [string, RegExp][] = [
      [state(room('{"room_name": "r", "__proto__": {"polluted": true}}')), /sandbox-state\.json: The key "__proto__" in "rooms" › \[0\] › "body" is refused/],
      [state(room('{"room_name": "r", "scene_scripts": [{"prototype": {"polluted": true}}]}')), /The key "prototype" in "rooms" › \[0\] › "body" › "scene_scripts" › \[0\] is refused/],
      [state('', ', "constructor": {"prototype": {"polluted": true}}'), /The key "constructor" in the top level is refused/],
    ];
    for (const [text, message] of cases) {
      await writeFile(join(dataDir, 'sandbox-state.json'), text);
      await assert.rejects(startSandbox({ ak: AK, sk: SK, dataDir }), message);
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
    }
    await writeFile(join(dataDir, 'sandbox-state.json'), state(room('{"room_name": "kept"}')));
    const sandbox = await startSandbox({ ak: AK, sk: SK, dataDir });
    try {
      assert.equal((await call(sandbox, 'GET', api('/smart-live-rooms/r1'))).json.room_name, 'kept');
    } finally {
      await sandbox.close();
    }
  });

  it('refuses such a key in a request body, so that what it saves loads again', async () => {
    const sandbox = await startSandbox({ ak: AK, sk: SK, dataDir });
    try {
      const body = JSON.parse('{"room_name": "r", "scene_scripts": [{"script_name": "s", "shoot_scripts": [], "__proto__": {"x": 1}}]}');
      const refused = await call(sandbox, 'POST', api('/smart-live-rooms'), { body });
      assert.equal(refused.status, 400);
      assert.match(refused.json.error_msg, /The key "__proto__" in "scene_scripts" › \[0\] is refused/);
    } finally {
      await sandbox.close();
    }
  });

  it('answers 500 without acknowledging a create it could not save, and leaves no temporary file', async () => {
    const logged: string[] = [];
    const sandbox = await startSandbox({ ak: AK, sk: SK, dataDir, log: (line) => logged.push(line) });
    try {
      await mkdir(join(dataDir, 'sandbox-state.json', 'in-the-way'), { recursive: true }); // the rename over it fails
      const failed = await call(sandbox, 'POST', api('/smart-live-rooms'), { body: { room_name: 'unsaved' } });
      assert.equal(failed.status, 500);
      assert.equal(failed.json.error_code, 'MSS.00000004');
      assert.ok(logged.some((line) => line.includes('could not save state')));
      assert.deepEqual(await readdir(dataDir), ['sandbox-state.json']);
    } finally {
      await sandbox.close();
    }
  });
});

describe('sandbox host', () => {
  it('listens on loopback only', async () => {
    await assert.rejects(startSandbox({ ak: AK, sk: SK, host: '0.0.0.0' }), /loopback only/);
    const sandbox = await startSandbox({ ak: AK, sk: SK, host: 'localhost' });
    await sandbox.close();
  });
});
