/**
 * "MetaStudio: Try the Local Sandbox" inside a real VS Code: the command forks the sandbox's own
 * bundle, adds and activates the "Sandbox" connection; the Assets view lists its assets, a script is
 * pushed to it and a video job runs to the end there (not on the runner's sandbox). It stops when
 * another connection becomes active and comes back, state kept, on the same endpoint when chosen.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MetaStudioApi } from '../../src/extension';
import type { PushOutcome } from '../../src/push/pushDocument';
import type { JobView } from '../../src/jobs/jobsTree';
import { readText, sandboxClient, sandboxRequests, sandboxUrl, writeText } from './remoteSupport';
import { answerPrompts, extensionId, waitFor, workspaceUri } from './util';

const scriptName = `it local sandbox ${Date.now().toString(36)}`;
const script = {
  script_name: scriptName,
  model_asset_id: '722928573bc9d8a099d400393a18d5d9',
  voice_config: { voice_asset_id: '5e93f40c9a5fb7e21cbdaf6d20b08559' },
  video_config: { codec: 'H264', bitrate: 4000, width: 1920, height: 1080, frame_rate: '25' },
  shoot_scripts: [{ sequence_no: 0, shoot_script: { text_config: { text: '你好，这是本地沙箱。' } } }],
};

async function push(uri: vscode.Uri): Promise<PushOutcome | undefined> {
  await answerPrompts({});
  return vscode.commands.executeCommand<PushOutcome | undefined>('metastudio.script.push', uri);
}

const answers = (url: string) => fetch(`${url}/v1/p/digital-assets`).then(() => true, () => false);

async function linkOf(endpoint: string, projectId: string, path: string): Promise<{ id: string } | undefined> {
  return JSON.parse(await readText(workspaceUri('.metastudio', 'links.json'))).links[`${endpoint}|${projectId}`]?.[path];
}

describe('try the local sandbox', () => {
  let api: MetaStudioApi;
  const uri = workspaceUri('sandbox', 'try.video.json');
  before(async () => {
    api = await vscode.extensions.getExtension<MetaStudioApi>(extensionId)!.activate();
  });
  after(async () => {
    await vscode.commands.executeCommand('metastudio.connection.switch', 'Environment');
  });

  it('starts the sandbox and activates its connection; assets, push and a video job work against it', async () => {
    // Background reads of the previous connection (the Jobs view's poller) may still reach the runner's sandbox; no write may.
    const runnerWrites = async () => (await sandboxRequests()).filter((r) => r.method !== 'GET').length;
    const writesBefore = await runnerWrites();
    assert.equal(await vscode.commands.executeCommand('metastudio.sandbox.try'), 'Sandbox');
    const active = api.activeConnection();
    assert.equal(active?.name, 'Sandbox');
    assert.equal(active?.source, 'sandbox');
    assert.match(active.endpoint, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.notEqual(active.endpoint, new URL(sandboxUrl).origin, 'a sandbox of its own, not the runner\'s');
    assert.ok(await answers(active.endpoint));

    // The Assets view's voices group, loaded from the active connection: the seeded voices.
    await vscode.commands.executeCommand('metastudio.assets.clearFilters');
    const seededVoices = (await sandboxClient().listAssets({ asset_type: 'VOICE_MODEL', asset_source: 'ALL', limit: 50 })).assets.length;
    assert.ok(seededVoices > 0);
    assert.equal(await vscode.commands.executeCommand<number>('metastudio.assets.loadMore', 'voices'), seededVoices);

    await writeText(uri, `${JSON.stringify(script, null, 2)}\n`);
    const pushed = await push(uri);
    assert.ok(pushed?.outcome === 'pushed' && pushed.created, JSON.stringify(pushed));
    assert.equal((await linkOf(active.endpoint, active.projectId, 'sandbox/try.video.json'))?.id, pushed.id);

    await answerPrompts({ 'job.assetName': `${scriptName} video` });
    const job = await vscode.commands.executeCommand<{ jobId: string }>('metastudio.job.start', uri);
    assert.ok(job?.jobId);
    await waitFor(async () => {
      const rows = await vscode.commands.executeCommand<JobView[]>('metastudio.jobs.refresh', { reload: false });
      return rows?.find((r) => r.jobId === job.jobId)?.state === 'SUCCEED';
    }, 60_000, 'the job to succeed on the local sandbox');

    assert.equal((await sandboxClient().listVideoScripts({ name: scriptName, limit: 10 })).video_scripts.length, 0, 'nothing reached the runner\'s sandbox');
    assert.equal(await runnerWrites(), writesBefore, 'nothing was written to the runner\'s sandbox');
  });

  it('stops when another connection is chosen and starts again, its state kept, when "Sandbox" is', async () => {
    const sandbox = api.activeConnection()!;
    assert.equal(sandbox.source, 'sandbox');
    const id = (await linkOf(sandbox.endpoint, sandbox.projectId, 'sandbox/try.video.json'))?.id;
    assert.ok(id);

    await vscode.commands.executeCommand('metastudio.connection.switch', 'Environment');
    await waitFor(async () => !await answers(sandbox.endpoint), 15_000, 'the local sandbox to stop');

    await vscode.commands.executeCommand('metastudio.connection.switch', 'Sandbox');
    await waitFor(async () => await answers(sandbox.endpoint), 30_000, 'the local sandbox to start again');
    assert.equal(api.activeConnection()?.endpoint, sandbox.endpoint, 'the same endpoint: links stay valid');

    // Changed as the user would (the open document, then saved), so that the push reads the new text.
    const document = await vscode.workspace.openTextDocument(uri);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(0, 0, document.lineCount, 0), `${JSON.stringify({ ...script, script_description: 'second version' }, null, 2)}\n`);
    assert.ok(await vscode.workspace.applyEdit(edit) && await document.save());
    const again = await push(uri);
    assert.ok(again?.outcome === 'pushed' && !again.created, `the script pushed before is still there: ${JSON.stringify(again)}`);
    assert.equal(again.id, id);
  });
});
