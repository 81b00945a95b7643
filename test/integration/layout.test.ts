import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { answerPrompts, waitFor } from './util';

const encoded = Buffer.from('限时优惠', 'utf8').toString('base64');
const script = JSON.stringify({
  script_name: 'Text layers',
  shoot_scripts: [{ sequence_no: 0, shoot_script: { text_config: { text: 'Hi' }, layer_config: [
    { layer_type: 'TEXT', position: { dx: 80, dy: 60, layer_index: 1 }, text_config: { text_context: encoded, font_size: 40 } },
  ] } }],
}, null, 2);

describe('layout: text layers', () => {
  it('hover shows the decoded text of a text_context', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'metastudio-video-script', content: script });
    const at = document.positionAt(script.indexOf(encoded) + 2);
    const hovers = await waitFor(async () => {
      const found = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, at);
      return found.some((h) => h.contents.some((c) => (c as vscode.MarkdownString).value?.includes('限时优惠'))) && found;
    }, 15_000, 'the decoded text in a hover');
    assert.ok(hovers.length > 0);
  });

  it('"Edit text…" asks for plain text, prefilled, and writes it Base64-encoded as one edit', async () => {
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'metastudio-video-script', content: script }));
    const document = editor.document;
    const at = document.positionAt(script.indexOf(encoded) + 2);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, new vscode.Range(at, at));
    const edit = actions.find((a) => a.title === 'Edit text…');
    assert.ok(edit?.command, 'the code action is offered');
    let offered: string | undefined;
    const prompts = await answerPrompts({ 'layout.editText': '新品上市' });
    const originalInput = prompts.input.bind(prompts);
    prompts.input = async (request) => {
      offered = request.value;
      return originalInput(request);
    };
    await vscode.commands.executeCommand(edit.command.command, ...(edit.command.arguments ?? []));
    assert.equal(offered, '限时优惠');
    assert.equal(JSON.parse(document.getText()).shoot_scripts[0].shoot_script.layer_config[0].text_config.text_context, Buffer.from('新品上市', 'utf8').toString('base64'));
    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), script, 'one undo restores the text');
  });
});
