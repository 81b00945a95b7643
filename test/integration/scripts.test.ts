import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { answerPrompts, extensionId, waitFor, workspaceUri } from './util';

async function open(path: string): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceUri(path)));
}

/** What the Problems panel lists: hints (e.g. polyphones) are only dots under the text. */
function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.severity !== vscode.DiagnosticSeverity.Hint);
}

function positionOf(doc: vscode.TextDocument, needle: string, delta = 0): vscode.Position {
  const offset = doc.getText().indexOf(needle);
  assert.ok(offset >= 0, `${needle} is in ${doc.uri.path}`);
  return doc.positionAt(offset + delta);
}

describe('script files', () => {
  it('opening a video script activates the extension with its own language', async () => {
    // The first thing this suite does: nothing has activated the extension yet.
    const editor = await open('scripts/launch.video.json');
    assert.equal(editor.document.languageId, 'metastudio-video-script');
    await waitFor(() => vscode.extensions.getExtension(extensionId)?.isActive, 15_000, 'activation by opening a script');
  });

  it('completes properties with their documentation, and enum values', async () => {
    const draft = await vscode.workspace.openTextDocument({ language: 'metastudio-video-script', content: '{ "voice_config": {  } }' });
    const inVoiceConfig = draft.positionAt(draft.getText().indexOf('{  }') + 2);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', draft.uri, inVoiceConfig);
    const speed = list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label).replace(/"/g, '') === 'speed');
    assert.ok(speed, `speed offered among ${list.items.map((i) => i.label).join(', ')}`);
    const docs = speed.documentation instanceof vscode.MarkdownString ? speed.documentation.value : String(speed.documentation ?? '');
    assert.ok(docs.length > 10, 'with its documentation');

    const { document } = await open('scripts/launch.video.json');
    const inCodec = positionOf(document, '"H264"', 1);
    const values = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, inCodec);
    const codecs = values.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(codecs.some((l) => l.includes('VP8')), `VP8 offered among ${codecs.join(', ')}`);
  });

  it('offers the schema\'s snippet of a whole script in an empty file', async () => {
    const empty = await vscode.workspace.openTextDocument({ language: 'metastudio-video-script', content: '' });
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', empty.uri, new vscode.Position(0, 0));
    const snippet = list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'New video script');
    assert.ok(snippet?.insertText instanceof vscode.SnippetString, `the snippet among ${list.items.map((i) => i.label).join(', ')}`);
    assert.match(snippet.insertText.value, /shoot_scripts/);
  });

  it('hovers a property with its reference description', async () => {
    const { document } = await open('scripts/launch.video.json');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, '"script_name"', 3));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
    assert.match(text, /name/i);
  });

  it('shows the outline of a script', async () => {
    const { document } = await open('scripts/launch.video.json');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
    const names = symbols.map((s) => s.name);
    assert.ok(names.includes('shoot_scripts') && names.includes('voice_config'), names.join(', '));
    const shots = symbols.find((s) => s.name === 'shoot_scripts')!;
    assert.ok(shots.children.length >= 2, 'each shot is a child of shoot_scripts');
  });

  it('reports MetaStudio problems once each, with codes and exact ranges, and fixes them', async () => {
    const { document } = await open('scripts/mistakes.video.json');
    const diagnostics = await waitFor(() => {
      const list = ours(document.uri);
      return list.length >= 3 && list;
    }, 15_000, 'diagnostics of mistakes.video.json');
    for (const d of diagnostics) assert.equal(d.source, 'MetaStudio', `only MetaStudio reports (${d.source}: ${d.message})`);
    const keys = diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`);
    assert.equal(new Set(keys).size, keys.length, 'no range carries the same problem twice');

    const unknown = diagnostics.find((d) => d.code === 'script/unknown-property');
    assert.ok(unknown, 'the near miss "sped" is reported');
    assert.equal(document.getText(unknown.range).replace(/"/g, ''), 'sped');
    assert.match(unknown.message, /speed/);
    assert.ok(diagnostics.some((d) => d.code === 'script/invalid-enum'), 'H265X is an invalid codec');
    assert.ok(diagnostics.some((d) => String(d.code).startsWith('ssml/')), 'the SSML inside text is linted');

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, unknown.range);
    const rename = actions.find((a) => /speed/.test(a.title));
    assert.ok(rename?.edit, `a rename fix among ${actions.map((a) => a.title).join(', ')}`);
    await vscode.workspace.applyEdit(rename.edit);
    await waitFor(() => !ours(document.uri).some((d) => d.code === 'script/unknown-property'), 15_000, 'the warning to go after the fix');
    assert.match(document.getText(), /"speed": 100/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('updates problems as you type and clears them on close', async () => {
    const editor = await open('scripts/launch.video.json');
    const at = positionOf(editor.document, '"bitrate": 5000', '"bitrate": '.length);
    await editor.edit((e) => e.replace(new vscode.Range(at, at.translate(0, 4)), '"fast"'));
    await waitFor(() => ours(editor.document.uri).some((d) => d.code === 'script/wrong-type'), 15_000, 'a wrong-type error while typing');
    await vscode.commands.executeCommand('undo');
    // Back to the example as written: it has no problem from any source.
    await waitFor(() => ours(editor.document.uri).length === 0, 15_000, 'the clean example to have no problems');
    await editor.edit((e) => e.insert(at, '-'));
    await waitFor(() => ours(editor.document.uri).length > 0, 15_000, 'a problem while typing');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitFor(() => ours(editor.document.uri).length === 0, 15_000, 'problems cleared on close');
  });

  it('creates a new video script from the template, and it lints clean', async () => {
    await answerPrompts({ 'script.fileName': 'new-from-template' });
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('metastudio.script.newVideo');
    assert.ok(editor, 'the new script opens');
    assert.match(editor.document.uri.path, /new-from-template\.video\.json$/);
    assert.equal(editor.document.languageId, 'metastudio-video-script');
    assert.match(editor.document.getText(), /"shoot_scripts"/);
    // Prove the linter has seen this document (a typed error appears), then undo to the template.
    const end = editor.document.positionAt(editor.document.getText().lastIndexOf('}'));
    await editor.edit((e) => e.insert(end, ', "script_nme": 1'));
    await waitFor(() => ours(editor.document.uri).some((d) => d.code === 'script/unknown-property'), 15_000, 'the linter on the new file');
    await vscode.commands.executeCommand('undo');
    await waitFor(() => !ours(editor.document.uri).some((d) => d.code === 'script/unknown-property'), 15_000, 'the edit undone');
    assert.deepEqual(ours(editor.document.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error).map((d) => d.message), []);
  });
});
