import * as assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { waitFor, workspaceUri } from './util';

interface Shot {
  readonly shoot_script: { readonly text_config: { readonly text: string } };
}

async function openScript(path: string): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceUri(path)), vscode.ViewColumn.One);
}

/** The "Edit …" CodeLenses of a script, in document order. */
async function editLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
  return lenses.filter((l) => l.command?.command === 'metastudio.shot.editText').sort((a, b) => document.offsetAt(a.range.start) - document.offsetAt(b.range.start));
}

/** Runs a lens's command and waits for its shot editor to be the active editor. */
async function openShot(lens: vscode.CodeLens): Promise<vscode.TextEditor> {
  const uri = await vscode.commands.executeCommand<string>(lens.command!.command, ...lens.command!.arguments!);
  assert.ok(uri, 'the command opened a shot editor');
  return waitFor(() => vscode.window.activeTextEditor?.document.uri.toString() === uri && vscode.window.activeTextEditor, 15_000, 'the shot editor');
}

const videoTexts = (document: vscode.TextDocument) => (JSON.parse(document.getText()) as { shoot_scripts: Shot[] }).shoot_scripts.map((s) => s.shoot_script.text_config.text);

/** Puts the cursor of `editor` just before the first `before` in its text. */
function cursorBefore(editor: vscode.TextEditor, before: string): void {
  const at = editor.document.positionAt(editor.document.getText().indexOf(before));
  editor.selection = new vscode.Selection(at, at);
}

/** Resolves with the script's next change. */
function nextChange(document: vscode.TextDocument): Promise<vscode.TextDocumentChangeEvent> {
  return new Promise((resolve) => {
    const listener = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document !== document || !e.contentChanges.length) return;
      listener.dispose();
      resolve(e);
    });
  });
}

/** Reverts every changed file and shot editor (a script's revert may change its shot editors again) and closes every editor. */
async function closeAll(): Promise<void> {
  await waitFor(async () => {
    const dirty = vscode.workspace.textDocuments.filter((d) => d.isDirty && (d.uri.scheme === 'file' || d.uri.scheme === 'metastudio-shot'));
    for (const document of dirty) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    return dirty.length === 0;
  }, 15_000, 'no unsaved document');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

describe('Edit Shot Text', () => {
  // The web workbench saves after a delay by default: these tests save when they mean to.
  const files = () => vscode.workspace.getConfiguration('files');
  before(() => files().update('autoSave', 'off', vscode.ConfigurationTarget.Global));
  after(() => files().update('autoSave', undefined, vscode.ConfigurationTarget.Global));
  afterEach(closeAll);

  it('opens a video shot\'s decoded text in an SSML tab titled with the file and shot, linted as video', async () => {
    const script = await openScript('shots/promo.video.json');
    const lenses = await waitFor(async () => (await editLenses(script.document)).length === 3 && editLenses(script.document), 15_000, 'three Edit Text lenses');
    assert.deepEqual(lenses.map((l) => l.command!.title), ['$(edit) Edit Text', '$(edit) Edit Text', '$(edit) Edit Text']);
    const shot = await openShot(lenses[1]);
    const { document } = shot;
    assert.equal(document.uri.scheme, 'metastudio-shot');
    assert.equal(document.uri.path.slice(document.uri.path.lastIndexOf('/') + 1), 'promo.video · Shot 2.ssml');
    assert.equal(document.languageId, 'metastudio-ssml');
    assert.equal(document.getText(), videoTexts(script.document)[1]);
    assert.equal(shot.viewColumn, vscode.ViewColumn.Two, 'beside its script');
    // The shot's context: say-as has no effect in a video; 20 s is out of range.
    const diagnostics = await waitFor(() => {
      const list = vscode.languages.getDiagnostics(document.uri);
      return list.some((d) => d.code === 'ssml/no-effect-in-video') && list.some((d) => d.code === 'ssml/break-time-out-of-range') && list;
    }, 15_000, 'the video context\'s diagnostics');
    assert.equal(document.getText(diagnostics.find((d) => d.code === 'ssml/break-time-out-of-range')!.range), '20s');
    // The same lens again finds the open editor.
    const again = await vscode.commands.executeCommand<string>(lenses[1].command!.command, ...lenses[1].command!.arguments!);
    assert.equal(again, document.uri.toString());
  });

  it('writes each keystroke into the JSON string at once, escaped, one undoable edit each, every other byte kept', async () => {
    const script = await openScript('shots/promo.video.json');
    const before = script.document.getText();
    const shot = await openShot((await waitFor(async () => (await editLenses(script.document))[1], 15_000, 'lens'))!);
    const original = videoTexts(script.document)[1];
    cursorBefore(shot, '谢谢');
    const typed = ['"', '\\', 'x', '\n', '\t', '好'];
    for (const text of typed) {
      const changed = nextChange(script.document);
      await vscode.commands.executeCommand('type', { text });
      const e = await changed;
      assert.equal(e.contentChanges.length, 1, 'one edit of the script per keystroke');
    }
    const expected = original.replace('谢谢', `"\\x\n\t好谢谢`);
    assert.equal(shot.document.getText(), expected);
    assert.equal(videoTexts(script.document)[1], expected);
    const after = script.document.getText();
    assert.ok(after.includes(String.raw`\n\"\\x\n\t好谢谢`), 'typed characters are escaped in the literal');
    assert.ok(after.includes(String.raw`元\/副`), 'an escape the author wrote stays as written');
    assert.ok(after.includes(String.raw`欢迎\u3002`), 'the other texts keep their escapes');
    const at = before.indexOf('谢谢');
    assert.equal(after.slice(0, at), before.slice(0, at), 'every byte before the typing kept');
    assert.equal(after.slice(after.indexOf('谢谢')), before.slice(at), 'every byte after it kept');

    // Undo in the script takes back the last keystroke, and the shot editor follows.
    await vscode.window.showTextDocument(script.document, vscode.ViewColumn.One);
    await vscode.commands.executeCommand('undo');
    await waitFor(() => shot.document.getText() === original.replace('谢谢', `"\\x\n\t谢谢`), 15_000, 'the undo in the shot editor');
  });

  it('shows the script\'s edits of the text, and saving the shot editor saves the script', async () => {
    // A copy: saving must not change what the other tests start from.
    await vscode.workspace.fs.copy(workspaceUri('shots/promo.video.json'), workspaceUri('shots/saved.video.json'), { overwrite: true });
    const script = await openScript('shots/saved.video.json');
    const shot = await openShot((await waitFor(async () => (await editLenses(script.document))[2], 15_000, 'lens'))!);
    const edit = new vscode.WorkspaceEdit();
    const at = script.document.positionAt(script.document.getText().indexOf('再见'));
    edit.insert(script.document.uri, at, String.raw`\"朋友们\"\n`);
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor(() => shot.document.getText() === '<speak>"朋友们"\n再见</speak>', 15_000, 'the script\'s edit in the shot editor');

    // A quick fix in the shot editor edits the script too.
    await vscode.window.showTextDocument(shot.document, vscode.ViewColumn.Two);
    assert.ok(await shot.edit((b) => b.insert(shot.document.positionAt(shot.document.getText().indexOf('</speak>')), '<break time="20s"/>')));
    const outOfRange = await waitFor(() => vscode.languages.getDiagnostics(shot.document.uri).find((d) => d.code === 'ssml/break-time-out-of-range'), 15_000, 'the break diagnostic');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', shot.document.uri, outOfRange.range);
    const clamp = actions.find((a) => a.edit && /10s|10000ms/.test(a.title));
    assert.ok(clamp?.edit, `a clamp fix among ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(clamp.edit));
    await waitFor(() => /<break time="10(s|000ms)"\/><\/speak>$/.test(videoTexts(script.document)[2]), 15_000, 'the fix in the script');

    assert.ok(script.document.isDirty);
    assert.ok(await shot.document.save(), 'the shot editor saved');
    assert.equal(script.document.isDirty, false, 'saving the shot editor saved the script');
    const onDisk = new TextDecoder().decode(await vscode.workspace.fs.readFile(script.document.uri));
    assert.equal(onDisk, script.document.getText());
    assert.match(onDisk, /\\"朋友们\\"\\n再见<break time=\\"10(s|000ms)\\"\/><\/speak>/);
  });

  it('edits a live scene shot and an interaction rule reply in the live context', async () => {
    const script = await openScript('shots/studio.live.json');
    const lenses = await waitFor(async () => (await editLenses(script.document)).length === 3 && editLenses(script.document), 15_000, 'three lenses');
    assert.deepEqual(lenses.map((l) => l.command!.title), ['$(edit) Edit Text', '$(edit) Edit Reply 1', '$(edit) Edit Reply 2']);
    const scene = await openShot(lenses[0]);
    assert.equal(scene.document.uri.path.slice(scene.document.uri.path.lastIndexOf('/') + 1), 'studio.live · Opening › Greeting.ssml');
    // Live: emotion and say-as take effect (in a video they would be reported); the break out of range is.
    await waitFor(() => vscode.languages.getDiagnostics(scene.document.uri).some((d) => d.code === 'ssml/break-time-out-of-range'), 15_000, 'the live text linted');
    assert.deepEqual(vscode.languages.getDiagnostics(scene.document.uri).filter((d) => d.code === 'ssml/no-effect-in-video'), []);

    await vscode.window.showTextDocument(script.document, vscode.ViewColumn.One);
    const reply = await openShot(lenses[2]);
    assert.equal(reply.document.uri.path.slice(reply.document.uri.path.lastIndexOf('/') + 1), 'studio.live · Welcome newcomers › Reply 2.ssml');
    assert.equal(reply.document.getText(), 'Welcome to the stream!');
    cursorBefore(reply, '!');
    await vscode.commands.executeCommand('type', { text: ', "friends"' });
    await waitFor(() => (JSON.parse(script.document.getText()) as { interaction_rules: { trigger: { reply_texts: string[] } }[] })
      .interaction_rules[0].trigger.reply_texts[1] === 'Welcome to the stream, "friends"!', 15_000, 'the reply in the script');
  });

  it('follows its shot when shots are inserted before it, and says so and stops writing when it is deleted', async () => {
    const script = await openScript('shots/promo.video.json');
    const shot = await openShot((await waitFor(async () => (await editLenses(script.document))[2], 15_000, 'lens'))!);
    // A new first shot: the editor still edits "再见", now the fourth shot.
    const insert = new vscode.WorkspaceEdit();
    const list = script.document.positionAt(script.document.getText().indexOf('[') + 1);
    insert.insert(script.document.uri, list, '\n    { "sequence_no": 9, "shoot_script": { "text_config": { "text": "新的" } } },');
    assert.ok(await vscode.workspace.applyEdit(insert));
    cursorBefore(shot, '再见');
    await vscode.commands.executeCommand('type', { text: '！' });
    await waitFor(() => videoTexts(script.document)[3] === '<speak>！再见</speak>', 15_000, 'the typing in the moved shot');
    assert.equal(videoTexts(script.document)[0], '新的');

    // Delete that shot: the editor says so, and typing there no longer reaches the script.
    // The last shot: from the comma after the shot before it to its closing brace before the list's end.
    const text = script.document.getText();
    const from = text.lastIndexOf(',', text.indexOf('"sequence_no": 2'));
    const to = text.lastIndexOf('}', text.lastIndexOf(']')) + 1;
    const deletion = new vscode.WorkspaceEdit();
    deletion.delete(script.document.uri, new vscode.Range(script.document.positionAt(from), script.document.positionAt(to)));
    assert.ok(await vscode.workspace.applyEdit(deletion));
    assert.equal(videoTexts(script.document).length, 3, 'the shot is gone');
    const notice = await waitFor(async () => {
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', shot.document.uri);
      return lenses.find((l) => /deleted from shots\/promo\.video\.json/.test(l.command?.title ?? ''));
    }, 15_000, 'the notice in the shot editor');
    assert.match(notice.command!.title, /no longer writes/);
    const frozen = script.document.getText();
    await vscode.window.showTextDocument(shot.document, vscode.ViewColumn.Two);
    await vscode.commands.executeCommand('type', { text: 'x' });
    assert.equal(await shot.document.save(), false, 'saving the shot editor fails');
    assert.equal(script.document.getText(), frozen, 'nothing written after the deletion');
  });

  it('keeps a keystroke\'s round trip into a 100-shot script within a frame', async () => {
    const shots = Array.from({ length: 100 }, (_, i) => ({ sequence_no: i, shoot_script: { text_config: { text: `<speak>第${i}段：${'欢迎来到极光直播间，'.repeat(90)}<break time="500ms"/>谢谢</speak>` } } }));
    const uri = workspaceUri('shots/hundred.video.json');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(JSON.stringify({ script_name: '100 shots', shoot_scripts: shots }, null, 2)));
    const script = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), vscode.ViewColumn.One);
    const shot = await openShot((await waitFor(async () => (await editLenses(script.document))[50], 15_000, 'lens'))!);
    cursorBefore(shot, '谢谢');
    const times: number[] = [];
    const cpu = process.cpuUsage();
    const seen: string[] = [];
    const spy = vscode.workspace.onDidChangeTextDocument((e) => { if (e.document === script.document) seen.push(JSON.stringify(e.contentChanges.map((c) => [c.rangeOffset, c.rangeLength, c.text]))); });
    for (let i = 0; i < 30; i++) {
      const changed = nextChange(script.document);
      const start = performance.now();
      // No quote: the editor would close it itself, and type over its closing one.
      await vscode.commands.executeCommand('type', { text: i % 2 ? '好' : '\\' });
      await changed;
      times.push(performance.now() - start);
    }
    const used = process.cpuUsage(cpu);
    spy.dispose();
    assert.equal(videoTexts(script.document)[50], shot.document.getText(), seen.join('\n'));
    times.sort((a, b) => a - b);
    console.log(`shot editor keystroke round trip on a 100-shot script (${(script.document.getText().length / 1024).toFixed(0)} KiB), type command to the script's change: median ${times[15].toFixed(1)} ms, p90 ${times[27].toFixed(1)} ms, max ${times[29].toFixed(1)} ms; extension host CPU ${((used.user + used.system) / 1000 / 30).toFixed(1)} ms per keystroke`);
  });
});
