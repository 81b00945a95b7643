import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { sandboxClient, useSandbox } from './remoteSupport';
import { answerPrompts, testingApi, waitFor } from './util';

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

describe('layout: the view beside the editor', () => {
  /** 50 shots, each with an avatar and a logo. */
  const fifty = JSON.stringify({
    script_name: 'Fifty shots',
    shoot_scripts: Array.from({ length: 50 }, (_, i) => ({ sequence_no: i, shoot_script: { text_config: { text: `Shot ${i + 1}.` }, layer_config: [
      { layer_type: 'HUMAN', position: { dx: 660, dy: 120, layer_index: 1 }, size: { width: 600, height: 960 } },
      { layer_type: 'IMAGE', group_id: 'logo', position: { dx: 40, dy: 40, layer_index: 2 }, size: { width: 200, height: 100 } },
    ] } })),
  }, null, 2);

  it('follows the cursor to another shot and redraws a 50-shot script within 100 ms of each edit', async () => {
    const api = await testingApi();
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'metastudio-video-script', content: fifty }));
    const document = editor.document;
    await vscode.commands.executeCommand('metastudio.layout.open', { uri: document.uri.toString(), offset: fifty.indexOf('Shot 3.') });
    await waitFor(() => api.testing.layout.shown()?.frame === 2 && api.testing.layout.redraws.length > 0, 30_000, 'the layout of shot 3');
    editor.selection = new vscode.Selection(document.positionAt(fifty.indexOf('Shot 41.')), document.positionAt(fifty.indexOf('Shot 41.')));
    await waitFor(() => api.testing.layout.shown()?.frame === 40, 15_000, 'the view to follow the cursor to shot 41');

    const timings: number[] = [];
    for (let i = 0; i < 10; i++) {
      const before = api.testing.layout.redraws.length;
      const text = document.getText();
      const at = text.indexOf('"dx": 40', text.indexOf('Shot 41.'));
      const edit = new vscode.WorkspaceEdit();
      edit.replace(document.uri, new vscode.Range(document.positionAt(at + 6), document.positionAt(at + 6 + String(40 + i).length)), String(41 + i));
      assert.ok(await vscode.workspace.applyEdit(edit));
      await waitFor(() => api.testing.layout.redraws.length > before, 15_000, `redraw ${i + 1}`);
      timings.push(api.testing.layout.redraws[api.testing.layout.redraws.length - 1]);
    }
    const median = [...timings].sort((a, b) => a - b)[Math.floor(timings.length / 2)];
    console.log(`layout view: redraw after an edit on a 50-shot script, median ${median.toFixed(1)} ms (${timings.map((t) => t.toFixed(1)).join(', ')})`);
    assert.ok(median < 100, `median redraw ${median.toFixed(1)} ms`);
    assert.equal(api.testing.layout.shown()?.frame, 40, 'edits keep the shot');
  });
});

describe('layout: the storyboard', () => {
  /** 50 shots, each with an avatar and a logo, and a text of its own. */
  const fifty = JSON.stringify({
    script_name: 'Fifty shots',
    shoot_scripts: Array.from({ length: 50 }, (_, i) => ({ sequence_no: i, shoot_script: { text_config: { text: `Shot ${i + 1}: welcome to the spring launch.` }, layer_config: [
      { layer_type: 'HUMAN', position: { dx: 660, dy: 120, layer_index: 1 }, size: { width: 600, height: 960 } },
      { layer_type: 'IMAGE', group_id: 'logo', position: { dx: 40, dy: 40, layer_index: 2 }, size: { width: 200, height: 100 } },
    ] } })),
  }, null, 2);

  const median = (times: readonly number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];

  it('shows every shot, follows edits by redrawing only what changed (a 50-shot script), and reveals a shot in the editor and the layout view', async () => {
    const api = await testingApi();
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'metastudio-video-script', content: fifty }));
    const document = editor.document;
    const uri = document.uri.toString();
    await vscode.commands.executeCommand('metastudio.layout.storyboard', document.uri);
    const state = () => api.testing.storyboard.state(uri);
    await waitFor(() => state()?.rendered?.items === 50, 30_000, 'the storyboard of 50 shots');
    assert.equal(state()!.sent, 50, 'the first drawing sends every thumbnail');
    // Each name says the shot, its first words, the duration lens's estimate in words and its problems.
    assert.match(state()!.names[2], /^Shot 3 of 50: "Shot 3: welcome to the spring launch\.", about \d+ seconds?, no problems$/);

    const timings: number[] = [];
    for (let i = 0; i < 10; i++) {
      const before = state()!.redraws.length;
      const text = document.getText();
      const at = text.indexOf('"dx": ', text.indexOf('Shot 41:'));
      const old = /^"dx": (\d+)/.exec(text.slice(at))![1];
      const edit = new vscode.WorkspaceEdit();
      edit.replace(document.uri, new vscode.Range(document.positionAt(at + 6), document.positionAt(at + 6 + old.length)), String(661 + i));
      assert.ok(await vscode.workspace.applyEdit(edit));
      await waitFor(() => state()!.redraws.length > before && state()!.rendered?.version, 15_000, `redraw ${i + 1}`);
      timings.push(state()!.redraws.at(-1)!);
      assert.equal(state()!.sent, 1, 'only the edited shot\'s thumbnail is sent again');
    }
    const latencies = state()!.latencies.slice(-10);
    console.log(`storyboard: redraw of a 50-shot script after an edit's lint pass, median ${median(timings).toFixed(1)} ms (${timings.map((t) => t.toFixed(1)).join(', ')}); `
      + `from the edit, lint debounce included, median ${median(latencies).toFixed(1)} ms`);
    assert.ok(median(timings) < 100, `median redraw ${median(timings).toFixed(1)} ms`);

    // A problem in shot 3 (its logo outside the canvas) is counted on its thumbnail; the group's logos
    // now placed differently, each shot counts a warning too.
    const text = document.getText();
    const at = text.indexOf('"dx": 40', text.indexOf('Shot 3:'));
    const outside = new vscode.WorkspaceEdit();
    outside.replace(document.uri, new vscode.Range(document.positionAt(at + 6), document.positionAt(at + 8)), '5000');
    assert.ok(await vscode.workspace.applyEdit(outside));
    await waitFor(() => state()!.names[2].endsWith(', 1 error, 1 warning'), 15_000, 'shot 3 to count its error')
      .catch((err: Error) => { throw new Error(`${err.message}: ${state()!.names[2]}`); });
    assert.match(state()!.names[0], /, 1 warning$/);

    // The last shot gone: 49 thumbnails.
    const last = document.getText().lastIndexOf('{\n      "sequence_no": 49');
    const cut = new vscode.WorkspaceEdit();
    const end = document.getText().lastIndexOf(']');
    cut.delete(document.uri, new vscode.Range(document.positionAt(document.getText().lastIndexOf(',', last)), document.positionAt(end - 3)));
    assert.ok(await vscode.workspace.applyEdit(cut));
    await waitFor(() => state()!.rendered?.items === 49, 15_000, 'the storyboard to show 49 shots');

    // Choosing shot 2 puts the editor's cursor in it and the layout view on it.
    await api.testing.storyboard.reveal(uri, 1);
    const active = vscode.window.activeTextEditor;
    assert.equal(active?.document.uri.toString(), uri);
    const offset = document.offsetAt(active!.selection.active);
    assert.ok(offset > document.getText().indexOf('"sequence_no": 1,') - 40 && offset < document.getText().indexOf('Shot 2:'), `the cursor (${offset}) at shot 2`);
    await waitFor(() => api.testing.layout.shown()?.uri === uri && api.testing.layout.shown()?.frame === 1, 15_000, 'the layout view on shot 2');
  });
});

describe('layout: pictures from the connection', () => {
  before(useSandbox);

  it('draws an image layer\'s asset and the avatar\'s cover from webview resources, never from the service\'s links', async () => {
    const api = await testingApi();
    const client = sandboxClient();
    const [image] = (await client.listAssets({ asset_type: 'IMAGE', asset_source: 'SYSTEM', limit: 1 })).assets;
    const [avatar] = (await client.listAssets({ asset_type: 'HUMAN_MODEL_2D', asset_source: 'SYSTEM', limit: 1 })).assets;
    const content = JSON.stringify({
      script_name: 'Pictures', model_asset_id: avatar.asset_id,
      shoot_scripts: [{ sequence_no: 0, shoot_script: { text_config: { text: 'Hi' }, layer_config: [
        { layer_type: 'HUMAN', position: { dx: 660, dy: 120, layer_index: 1 }, size: { width: 600, height: 960 } },
        { layer_type: 'IMAGE', asset_id: image.asset_id, position: { dx: 40, dy: 40, layer_index: 2 }, size: { width: 320, height: 180 } },
      ] } }],
    }, null, 2);
    const document = await vscode.workspace.openTextDocument({ language: 'metastudio-video-script', content });
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('metastudio.layout.open', { uri: document.uri.toString(), offset: content.indexOf('"Hi"') });
    const hrefs = await waitFor(() => {
      const svg = api.testing.layout.shown()?.uri === document.uri.toString() ? api.testing.layout.svg() : undefined;
      const found = [...(svg ?? '').matchAll(/data-layer-type="(HUMAN|IMAGE)"[^>]*><rect[^>]*\/><image href="([^"]*)"/g)].map((m) => [m[1], m[2]]);
      return found.length === 2 && Object.fromEntries(found) as Record<string, string>;
    }, 30_000, 'the avatar\'s cover and the image in the drawing');
    for (const href of Object.values(hrefs)) {
      assert.match(href, /^(?:https:\/\/[^/]*vscode-resource[^/]*\/|vscode-webview-resource:|data:image\/)/, `a webview resource or data: ${href}`);
      assert.ok(!href.includes(process.env.METASTUDIO_SANDBOX_URL!), 'not the service\'s link');
    }
    assert.match(hrefs.IMAGE, /layout-images\/[0-9a-f]{64}\.png$/);
  });
});

