/**
 * Livestreams inside a real VS Code against the sandbox (a live job there waits 0.5 s, then plays
 * its room's shots at five characters a second): Go Live from a file (pushed first, the stream
 * output asked once and kept in SecretStorage), Say Now, Now Playing, a test event the room's
 * rules answer, Update Upcoming Scenes, Stop Live, and the Live view's rows throughout.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LivePlayingScript } from '../../src/core/cloud/types';
import type { LiveRoomView } from '../../src/live/liveTree';
import { links, readText, sandboxClient, sandboxRequests, useSandbox } from './remoteSupport';
import { answerPrompts, waitFor, workspaceUri } from './util';

const texts = (scenes: readonly LivePlayingScript[] | undefined) => (scenes ?? []).flatMap((s) => (s.shoot_scripts ?? []).map((shot) => shot.text));

async function liveView(): Promise<LiveRoomView[]> {
  return (await vscode.commands.executeCommand<LiveRoomView[]>('metastudio.live.refresh')) ?? [];
}

describe('livestreams', () => {
  before(useSandbox);

  it('goes live from a file, says a line, sees it in Now Playing, rehearses a comment, rewrites, stops', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const uri = workspaceUri('live', 'shop.live.json');
    const first = await answerPrompts({ 'live.outputUrl': 'rtmp://live.example.com/app', 'live.streamKey': 'it-stream-key', 'live.confirmStart': 'start' });
    const started = await vscode.commands.executeCommand<{ roomId: string; jobId: string }>('metastudio.live.goLive', uri);
    assert.ok(started?.jobId, 'started');
    assert.deepEqual(first.asked.map((q) => q.id), ['live.outputUrl', 'live.streamKey', 'live.confirmStart']);
    assert.match(JSON.stringify(first.asked[2].shown), /billed/);
    assert.equal((await links())['live/shop.live.json']?.id, started.roomId, 'the file was pushed and linked first');
    assert.ok(!(await readText(uri)).includes('it-stream-key'), 'the stream key stays out of the file');

    const client = sandboxClient();
    await waitFor(async () => (await client.getLiveJob(started.roomId, started.jobId)).state === 'PROCESSING', 15_000, 'the job to go on air');
    const room = await waitFor(async () => (await liveView()).find((r) => r.roomId === started.roomId && r.jobs[0]?.state === 'PROCESSING'), 15_000, 'the Live view to show it on air');
    assert.equal(room.name, 'Tea shop (live fixture)');
    assert.equal(room.jobs[0].icon, 'broadcast');
    assert.equal(room.jobs[0].contextValue, 'metastudio.liveJob.PROCESSING');

    await answerPrompts({ 'live.sayText': 'Thanks for watching, everyone!' });
    const said = await vscode.commands.executeCommand<{ text: string }>('metastudio.live.sayNow', uri);
    assert.equal(said?.text, 'Thanks for watching, everyone!');
    const playing = await vscode.commands.executeCommand<LivePlayingScript[]>('metastudio.live.showNowPlaying', uri);
    assert.ok(texts(playing).includes('Thanks for watching, everyone!'), JSON.stringify(playing));
    const shown = vscode.window.activeTextEditor?.document;
    assert.equal(shown?.uri.scheme, 'metastudio-live');
    assert.match(shown?.getText() ?? '', /^Now playing in "Tea shop \(live fixture\)"/);
    assert.match(shown?.getText() ?? '', /\nNext: \[Opening \/ INSERT_PLAY_SCRIPT\] Thanks for watching, everyone!\n/);

    await answerPrompts({ 'live.eventKind': 'comment', 'live.eventValue': 'what is the price?' });
    await vscode.commands.executeCommand('metastudio.live.sendTestEvent', uri);
    const answered = await vscode.commands.executeCommand<LivePlayingScript[]>('metastudio.live.showNowPlaying', uri);
    assert.ok(texts(answered).includes('The price is in the shopping cart below.'), 'the room\'s rule answered the comment');

    // Edited as the author does, in the open document: the command sends its current text.
    const document = await vscode.workspace.openTextDocument(uri);
    const body = JSON.parse(document.getText());
    body.scene_scripts[0].shoot_scripts[1].text_config.text = 'Rewritten: a jasmine tea today.';
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), `${JSON.stringify(body, null, 2)}\n`);
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(await document.save());
    await vscode.commands.executeCommand('metastudio.live.updateScenes', uri);
    const rewritten = await vscode.commands.executeCommand<LivePlayingScript[]>('metastudio.live.showNowPlaying', uri);
    // The welcome shot lasts 40 s: the rewritten second shot is still to come.
    assert.equal(texts(rewritten).at(-1), 'Rewritten: a jasmine tea today.', JSON.stringify(rewritten));

    await answerPrompts({ 'live.confirmStop': 'stop' });
    const stopped = await vscode.commands.executeCommand<{ state: string }>('metastudio.live.stop', uri);
    assert.equal(stopped?.state, 'SUCCEED');
    const ended = await waitFor(async () => (await liveView()).find((r) => r.roomId === started.roomId)?.jobs[0], 15_000, 'the ended job row');
    assert.equal(ended.state, 'SUCCEED');
    assert.equal(ended.icon, 'pass');

    // No command goes to a job that is not on air.
    const before = (await sandboxRequests()).length;
    await answerPrompts({ 'live.sayText': 'too late' });
    assert.equal(await vscode.commands.executeCommand('metastudio.live.sayNow', uri), undefined);
    assert.ok(!(await sandboxRequests()).slice(before).some((r) => r.path.endsWith('/command')), 'nothing was sent to the ended job');

    // The stream output is asked once: the second Go Live takes it from SecretStorage.
    const second = await answerPrompts({ 'live.confirmStart': 'start' });
    const again = await vscode.commands.executeCommand<{ roomId: string; jobId: string }>('metastudio.live.goLive', uri);
    assert.ok(again?.jobId && again.jobId !== started.jobId);
    assert.deepEqual(second.asked.map((q) => q.id), ['live.confirmStart']);
    await answerPrompts({ 'live.confirmStop': 'stop' });
    await waitFor(async () => (await client.getLiveJob(again.roomId, again.jobId)).state === 'PROCESSING', 15_000, 'the second job to go on air');
    assert.equal((await vscode.commands.executeCommand<{ state: string }>('metastudio.live.stop', uri))?.state, 'SUCCEED');
  });
});
