/**
 * Push, pull and compare of script files inside a real VS Code, against the sandbox the runner
 * started: one remote object per file (also after a lost answer), the lint gate, links kept in
 * .metastudio/links.json and moved with renamed files, a lossless pull/compare round trip.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { scriptKindNames, scriptKinds, type ScriptKind } from '../../src/core/scripts/kinds';
import type { PushOutcome } from '../../src/push/pushDocument';
import { admin, links, readText, sandboxClient, sandboxRequests, sandboxUrl, useSandbox, writeText } from './remoteSupport';
import type { Answers } from './scriptedPrompts';
import { answerPrompts, waitFor, workspaceUri } from './util';

const run = Date.now().toString(36);

function videoScript(name: string, text = '大家好，欢迎来到发布会。', size = { width: 1920, height: 1080 }): string {
  return `${JSON.stringify({
    $schema: '../schemas/video-script.schema.json',
    script_name: name,
    model_asset_id: '722928573bc9d8a099d400393a18d5d9',
    voice_config: { voice_asset_id: '5e93f40c9a5fb7e21cbdaf6d20b08559' },
    video_config: { codec: 'H264', bitrate: 4000, ...size, frame_rate: '25' },
    shoot_scripts: [{ sequence_no: 0, shoot_script: { text_config: { text } } }],
  }, null, 2)}\n`;
}

/** Pushes with these answers to the questions a push may ask (none: it must ask nothing). */
async function push(uri: vscode.Uri, answers: Answers = {}): Promise<PushOutcome | undefined> {
  await answerPrompts(answers);
  return vscode.commands.executeCommand<PushOutcome | undefined>('metastudio.script.push', uri);
}

/** Changes an open file as the user would (the document, then saved), so that the editor holds the new text. */
async function replaceText(uri: vscode.Uri, text: string): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(uri, new vscode.Range(0, 0, document.lineCount, 0), text);
  assert.ok(await vscode.workspace.applyEdit(edit));
  assert.ok(await document.save());
}

async function scriptsNamed(name: string): Promise<number> {
  return (await sandboxClient().listVideoScripts({ name, limit: 100 })).video_scripts.filter((s) => s.script_name === name).length;
}

describe('push, pull and compare', () => {
  before(useSandbox);
  afterEach(() => admin('DELETE', '/_sandbox/faults'));

  it('creates the video script on the first push and updates the same one afterwards', async () => {
    const name = `it first push ${run}`;
    const uri = workspaceUri('push', 'first.video.json');
    await writeText(uri, videoScript(name));
    const first = await push(uri);
    assert.ok(first?.outcome === 'pushed' && first.created, JSON.stringify(first));
    assert.deepEqual(first.differences, []);
    const link = (await links())['push/first.video.json'];
    assert.deepEqual({ kind: link.kind, id: link.id }, { kind: 'video-script', id: first.id });

    await replaceText(uri, videoScript(name, '第二版。'));
    const second = await push(uri);
    assert.ok(second?.outcome === 'pushed' && !second.created);
    assert.equal(second.id, first.id);
    assert.equal(await scriptsNamed(name), 1);
    assert.equal((await sandboxClient().getVideoScript(first.id)).shoot_scripts?.[0].shoot_script.text_config?.text, '第二版。');
  });

  it('creates and updates a live room from a *.live.json', async () => {
    const uri = workspaceUri('push', 'room.live.json');
    const body = JSON.parse(await readText(workspaceUri('jobs', 'studio.live.json')));
    await writeText(uri, JSON.stringify({ ...body, room_name: `it room ${run}` }, null, 2));
    const first = await push(uri);
    assert.ok(first?.outcome === 'pushed' && first.created);
    assert.equal((await links())['push/room.live.json'].kind, 'live-room');
    await replaceText(uri, JSON.stringify({ ...body, room_name: `it room ${run}`, room_description: 'v2' }, null, 2));
    const second = await push(uri);
    assert.ok(second?.outcome === 'pushed' && !second.created && second.id === first.id);
    assert.equal((await sandboxClient().getLiveRoom(first.id)).room_description, 'v2');
  });

  it('does not create a second script when the create answer was lost', async () => {
    const name = `it dropped ${run}`;
    const uri = workspaceUri('push', 'dropped.video.json');
    await writeText(uri, videoScript(name));
    await admin('POST', '/_sandbox/faults', { kind: 'drop', method: 'POST', pathPattern: 'digital-human-video-scripts$' });
    const creates = async () => (await sandboxRequests()).filter((r) => r.method === 'POST' && r.path.endsWith('/digital-human-video-scripts')).length;
    const before = await creates();
    const result = await push(uri);
    assert.ok(result?.outcome === 'pushed' && result.created, JSON.stringify(result));
    assert.equal(await creates() - before, 1, 'the create was not sent again');
    assert.equal(await scriptsNamed(name), 1);
    assert.equal((await links())['push/dropped.video.json'].id, result.id);
  });

  it('blocks a push with lint errors; pushed anyway and refused, it changes nothing locally', async () => {
    const name = `it lint gate ${run}`;
    const uri = workspaceUri('push', 'gate.video.json');
    const text = videoScript(name, '你好。', { width: 1000, height: 1000 });
    await writeText(uri, text);
    const before = (await sandboxRequests()).length;
    const blocked = await push(uri, { 'push.lintErrors': undefined });
    assert.equal(blocked?.outcome, 'blocked');
    assert.ok(blocked.errors > 0);
    assert.equal((await sandboxRequests()).length, before, 'nothing was sent');

    const refused = await push(uri, { 'push.lintErrors': 'push' });
    assert.equal(refused, undefined, 'the sandbox refused it; the error was shown');
    await vscode.commands.executeCommand('metastudio.logs.show');
    const shown = new RegExp(`Push of "${name}" failed: MSS\\.20010070: field verify fail: .* \\(HTTP 400, request id [0-9a-f-]{36}\\)`);
    await waitFor(() => vscode.workspace.textDocuments.some((d) => d.uri.scheme === 'output' && shown.test(d.getText())), 15_000, 'the error with code, message and request id');
    assert.equal(await readText(uri), text);
    assert.equal((await links())['push/gate.video.json'], undefined);
    assert.equal(await scriptsNamed(name), 0);
  });

  it('asks before creating again a script deleted remotely; declined, nothing is created', async () => {
    const name = `it deleted ${run}`;
    const uri = workspaceUri('push', 'deleted.video.json');
    await writeText(uri, videoScript(name));
    const first = await push(uri);
    assert.ok(first?.outcome === 'pushed');
    await sandboxClient().deleteVideoScript(first.id);
    assert.equal((await push(uri, { 'push.recreate': undefined }))?.outcome, 'declined');
    assert.equal(await scriptsNamed(name), 0);
    const again = await push(uri, { 'push.recreate': 'create' });
    assert.ok(again?.outcome === 'pushed' && again.created && again.id !== first.id);
    assert.equal((await links())['push/deleted.video.json'].id, again.id);
  });

  it('keeps the link of a file renamed and moved in VS Code', async () => {
    const name = `it renamed ${run}`;
    const uri = workspaceUri('push', 'before-rename.video.json');
    await writeText(uri, videoScript(name));
    const first = await push(uri);
    assert.ok(first?.outcome === 'pushed');
    const moved = workspaceUri('push', 'moved', 'after-rename.video.json');
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(uri, moved);
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor(async () => (await links())['push/moved/after-rename.video.json']?.id === first.id, 10_000, 'the link to move');
    assert.equal((await links())['push/before-rename.video.json'], undefined);
    const again = await push(moved);
    assert.ok(again?.outcome === 'pushed' && !again.created && again.id === first.id);
    assert.equal(await scriptsNamed(name), 1);
  });

  /** A body of each kind to pull. */
  const remoteBodies: Record<ScriptKind, () => Promise<object>> = {
    video: async () => JSON.parse(videoScript(`it pulled ${run}`)),
    live: async () => ({ ...JSON.parse(await readText(workspaceUri('jobs', 'studio.live.json'))), room_name: `it pulled room ${run}`, play_policy: { repeat_count: 1 } }),
    rules: async () => ({ group_name: `it pulled rules ${run}`, interaction_rules: [{ rule_name: 'thanks', event_type: 4, trigger: { reply_texts: ['Thank you!'] } }] }),
  };
  for (const kind of scriptKindNames) {
    const { label, suffix } = scriptKinds[kind];
    it(`pulls a remote ${label()} into a linked file; compare shows no difference`, async () => {
      const { id } = await scriptKinds[kind].remote.create(sandboxClient(), await remoteBodies[kind]());
      const target = workspaceUri('pulled', `remote${suffix}`);
      await answerPrompts({ 'pull.target': target });
      const pulled = await vscode.commands.executeCommand<{ file: string; id: string }>('metastudio.script.pull', { kind, id });
      assert.equal(pulled?.id, id);
      const text = await readText(target);
      const body = JSON.parse(text);
      assert.equal(body.script_id ?? body.room_id, undefined, 'no response-only field');
      assert.equal(body.view_mode, undefined, 'no server default the remote filled in');
      assert.equal((await links())[`pulled/remote${suffix}`].id, id);

      const remoteUri = await vscode.commands.executeCommand<string>('metastudio.script.compare', target);
      const remote = await vscode.workspace.openTextDocument(vscode.Uri.parse(remoteUri));
      assert.equal(remote.getText(), text, 'lossless: the remote side equals the pulled file');
      const tab = await waitFor(() => vscode.window.tabGroups.activeTabGroup.activeTab, 15_000, 'the diff tab');
      assert.ok(tab.input instanceof vscode.TabInputTextDiff, 'a diff editor opened');
      assert.equal(tab.input.modified.toString(), target.toString());
      const pushed = await push(target);
      assert.ok(pushed?.outcome === 'pushed' && !pushed.created && pushed.differences.length === 0);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });
  }

  it('refuses to compare a file that was never pushed or pulled on this connection', async () => {
    const uri = workspaceUri('push', 'unlinked.video.json');
    await writeText(uri, videoScript(`it unlinked ${run}`));
    assert.equal(await vscode.commands.executeCommand('metastudio.script.compare', uri), undefined);
    assert.ok(sandboxUrl);
  });
});
