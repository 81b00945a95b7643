/**
 * Uploading media inside a real VS Code, against the sandbox the runner started: from the
 * explorer (the command as its context menu calls it, with the selection), the Insert ID that
 * follows, "Upload a file…" in a script field, and a file MetaStudio does not take.
 */
import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { DigitalAssetInfo } from '../../src/core/cloud/types';
import { admin, sandboxClient, sandboxRequests, useSandbox } from './remoteSupport';
import { answerPrompts, workspaceUri } from './util';

const run = Date.now().toString(36);

async function writeBytes(uri: vscode.Uri, bytes: Uint8Array): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, bytes);
}

/** A video script with an IMAGE background and a music field, open in an editor. */
async function scriptEditor(): Promise<vscode.TextEditor> {
  const body = {
    script_name: `upload ${run}`,
    background_music_config: { music_asset_id: '' },
    shoot_scripts: [{ sequence_no: 0, shoot_script: { text_config: { text: '你好。' }, background_config: [{ background_type: 'IMAGE', background_config: 'https://x/b.png', background_asset_id: '' }] } }],
  };
  const document = await vscode.workspace.openTextDocument({ language: 'metastudio-video-script', content: JSON.stringify(body, null, 2) });
  return vscode.window.showTextDocument(document);
}

function putCursorIn(editor: vscode.TextEditor, field: string): vscode.Position {
  const offset = editor.document.getText().indexOf(`"${field}": "`) + field.length + 5;
  const position = editor.document.positionAt(offset);
  editor.selection = new vscode.Selection(position, position);
  return position;
}

describe('uploads', () => {
  const folder = workspaceUri('uploads');
  before(async () => {
    await useSandbox();
    await vscode.workspace.fs.createDirectory(folder);
  });
  after(() => vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false }));
  afterEach(() => admin('DELETE', '/_sandbox/faults'));

  it('uploads the files selected in the explorer, asking music or audio once, and the ID goes into the script', async () => {
    const image = vscode.Uri.joinPath(folder, 'beach.png');
    const song = vscode.Uri.joinPath(folder, 'theme.mp3');
    await writeBytes(image, randomBytes(40_000));
    await writeBytes(song, randomBytes(20_000));
    const prompts = await answerPrompts({ 'upload.audioType': 'AUDIO' });
    // The explorer's context menu calls the command with the clicked file and the whole selection.
    const assets = await vscode.commands.executeCommand<DigitalAssetInfo[]>('metastudio.assets.upload', image, [image, song]);
    assert.deepEqual(assets.map((a) => [a.asset_name, a.asset_type]), [['beach', 'IMAGE'], ['theme', 'AUDIO']]);
    assert.deepEqual(prompts.asked.map((q) => q.id), ['upload.audioType']);
    const stored = await sandboxClient().getAsset(assets[0].asset_id);
    assert.equal(stored.files?.[0].file_size, 40_000);

    // What "Insert ID" in the notification that follows does, into the field at the cursor.
    const editor = await scriptEditor();
    putCursorIn(editor, 'background_asset_id');
    assert.equal(await vscode.commands.executeCommand('metastudio.assets.insertId', assets[0]), 'field');
    assert.ok(editor.document.getText().includes(`"background_asset_id": "${assets[0].asset_id}"`), editor.document.getText());
  });

  it('offers "Upload a file…" in a media field, which uploads the file picked and fills its ID in', async () => {
    const music = vscode.Uri.joinPath(folder, 'intro music.wav');
    await writeBytes(music, randomBytes(8_000));
    const editor = await scriptEditor();
    const position = putCursorIn(editor, 'music_asset_id');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, position);
    const item = list.items.find((i) => i.label === 'Upload a file…');
    assert.ok(item?.command, 'the upload item, with its command');
    const prompts = await answerPrompts({ 'upload.fieldFile': [music] });
    const id = await vscode.commands.executeCommand<string>(item.command.command, ...(item.command.arguments ?? []));
    assert.match(id, /^[0-9a-f]{32}$/);
    assert.ok(editor.document.getText().includes(`"music_asset_id": "${id}"`), editor.document.getText());
    assert.equal((await sandboxClient().getAsset(id)).asset_type, 'MUSIC');
    assert.deepEqual((prompts.asked[0].shown as { filters: Record<string, string[]> }).filters, { 'music files': ['mp3', 'wav'] });
  });

  it('refuses a file MetaStudio does not take before sending anything', async () => {
    const text = vscode.Uri.joinPath(folder, 'notes.txt');
    await writeBytes(text, new TextEncoder().encode('not media'));
    const writes = async () => (await sandboxRequests()).filter((r) => r.method !== 'GET').length;
    const before = await writes();
    await answerPrompts({});
    assert.equal(await vscode.commands.executeCommand('metastudio.assets.upload', text, [text]), undefined);
    assert.equal(await writes(), before, 'no asset created, nothing uploaded');
  });
});
