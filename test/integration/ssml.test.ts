import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor, workspaceUri } from './util';

async function open(path: string): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceUri(path)));
}

const labelOf = (i: vscode.CompletionItem) => (typeof i.label === 'string' ? i.label : i.label.label);

describe('MetaStudio SSML', () => {
  it('lints .ssml files with exact ranges and offers the quick fixes', async () => {
    const editor = await open('ssml/typos.ssml');
    const { document } = editor;
    assert.equal(document.languageId, 'metastudio-ssml');
    const diagnostics = await waitFor(() => {
      const list = vscode.languages.getDiagnostics(document.uri);
      return list.some((d) => d.code === 'ssml/break-time-out-of-range') && list;
    }, 15_000, 'SSML diagnostics');
    const tooLong = diagnostics.find((d) => d.code === 'ssml/break-time-out-of-range')!;
    assert.equal(document.getText(tooLong.range), '20s');
    const typo = diagnostics.find((d) => d.code === 'ssml/speak-typo');
    assert.ok(typo, `speake reported among ${diagnostics.map((d) => d.code).join(', ')}`);

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, typo.range);
    const rename = actions.find((a) => a.edit && /speak\b/.test(a.title));
    assert.ok(rename?.edit, `a rename-to-speak fix among ${actions.map((a) => a.title).join(', ')}`);
    await vscode.workspace.applyEdit(rename.edit);
    assert.match(document.getText(), /^<speak>[\s\S]*<\/speak>\n$/);
    await waitFor(() => !vscode.languages.getDiagnostics(document.uri).some((d) => d.code === 'ssml/speak-typo'), 15_000, 'the typo fixed');

    const clamp = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, tooLong.range))
      .find((a) => a.edit && /10s|10000ms/.test(a.title));
    assert.ok(clamp?.edit, 'a clamp fix for the break time');
    await vscode.workspace.applyEdit(clamp.edit);
    await waitFor(() => !vscode.languages.getDiagnostics(document.uri).some((d) => d.code === 'ssml/break-time-out-of-range'), 15_000, 'the break clamped');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('completes tags and attribute values, and hovers tags, in .ssml files', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'metastudio-ssml', content: '<speak>Hi <break strength=""/> there </speak>' });
    const afterLt = doc.positionAt(doc.getText().indexOf(' </speak>') + 1);
    const tags = (await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, afterLt)).items.map(labelOf);
    assert.ok(tags.some((l) => l.includes('phoneme')), `phoneme among ${tags.join(', ')}`);
    const inValue = doc.positionAt(doc.getText().indexOf('strength=""') + 'strength="'.length);
    const values = (await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, inValue)).items.map(labelOf);
    assert.ok(values.includes('x-strong'), `x-strong among ${values.join(', ')}`);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(doc.getText().indexOf('break') + 2));
    const text = hovers.flatMap((h) => h.contents.map((c) => (c instanceof vscode.MarkdownString ? c.value : String(c)))).join('\n');
    assert.match(text, /pause|break/i);
  });

  it('offers the pinyin of a phoneme\'s Chinese text', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'metastudio-ssml', content: '<speak>去<phoneme ph="">银行</phoneme>取钱</speak>' });
    const inPh = doc.positionAt(doc.getText().indexOf('ph="') + 'ph="'.length);
    const items = (await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, inPh)).items;
    assert.ok(items.map(labelOf).includes('yin2 hang2'), `yin2 hang2 among ${items.map(labelOf).join(', ')}`);
  });

  it('lints the SSML inside script texts, with ranges through JSON escapes', async () => {
    const { document } = await open('scripts/mistakes.video.json');
    const diagnostic = await waitFor(() => vscode.languages.getDiagnostics(document.uri).find((d) => d.code === 'ssml/break-time-out-of-range'), 15_000, 'SSML in the script');
    assert.equal(document.getText(diagnostic.range), '20s');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('completes SSML inside a script text and escapes what it inserts', async () => {
    const doc = await vscode.workspace.openTextDocument({
      language: 'metastudio-live-script',
      content: '{"scene_scripts":[{"shoot_scripts":[{"text_config":{"text":"<speak>Hi <emotion type=\\"\\">x</emotion></speak>"}}]}]}',
    });
    const inType = doc.positionAt(doc.getText().indexOf('type=\\"') + 'type=\\"'.length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, inType);
    assert.ok(list.items.map(labelOf).includes('HAPPY'), `HAPPY among ${list.items.map(labelOf).join(', ')}`);
    const afterHi = doc.positionAt(doc.getText().indexOf('Hi ') + 3);
    const sayAs = (await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, afterHi)).items
      .find((i) => labelOf(i) === '<say-as>');
    assert.ok(sayAs?.insertText instanceof vscode.SnippetString, 'a say-as snippet inside the script text');
    const editor = await vscode.window.showTextDocument(doc);
    await editor.insertSnippet(sayAs.insertText, afterHi);
    // The script stays valid JSON, and its text now holds the tag with its quotes intact.
    const text = (JSON.parse(doc.getText()) as { scene_scripts: { shoot_scripts: { text_config: { text: string } }[] }[] })
      .scene_scripts[0].shoot_scripts[0].text_config.text;
    assert.match(text, /^<speak>Hi <say-as interpret-as="money"><\/say-as><emotion type="">x<\/emotion><\/speak>$/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
