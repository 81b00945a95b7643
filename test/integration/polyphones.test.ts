/**
 * The polyphone assistant and duration at a glance inside a real VS Code: a polyphone hint in a
 * script, its quick fix through the JSON escapes, the duration CodeLens and hover, Review Polyphones
 * answered through the scripted prompts, and a shot's duration measured from its preview made
 * against the sandbox.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ReadingAnswer } from '../../src/ssml/polyphoneReview';
import { sandboxClient, useSandbox } from './remoteSupport';
import { inTurn } from './scriptedPrompts';
import { answerPrompts, waitFor } from './util';

/** Answers Review Polyphones' questions in turn; what it asked: the character shown, its sentence, the readings offered. */
async function review(...answers: ((value: ReadingAnswer) => boolean)[]) {
  const prompts = await answerPrompts({ 'polyphones.reading': inTurn(...answers) });
  return () => prompts.asked.filter((q) => q.id === 'polyphones.reading').map((q) => ({
    sentence: q.placeHolder,
    readings: (q.shown as ReadingAnswer[]).map((v) => (v === 'skip' ? v : v.reading)),
  }));
}
const contextual = (v: ReadingAnswer) => v !== 'skip' && v.contextual;
const skip = (v: ReadingAnswer) => v === 'skip';
const reading = (r: string) => (v: ReadingAnswer) => v !== 'skip' && v.reading === r;

const polyphones = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.code === 'ssml/polyphone');
/** Waits for a condition on a document's diagnostics; a timeout lists them. */
async function waitForDiagnostics<T>(document: vscode.TextDocument, probe: () => T | undefined | false, what: string): Promise<T> {
  return waitFor(probe, 30_000, what).catch((err: Error) => {
    const all = vscode.languages.getDiagnostics(document.uri).map((d) => `${String(d.code)} ${document.getText(d.range)}`);
    throw new Error(`${err.message}; the diagnostics: ${all.join(', ') || 'none'}`);
  });
}
const lensTitles = async (uri: vscode.Uri) =>
  (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)).map((l) => `${l.range.start.line}: ${l.command?.title ?? ''}`);

function script(text: string, voice?: string): string {
  return JSON.stringify({
    script_name: 'polyphones', model_asset_id: 'm', voice_config: { voice_asset_id: voice ?? 'no-such-voice', speed: 100 },
    video_config: { codec: 'H264', bitrate: 4000, width: 1920, height: 1080, frame_rate: '25' },
    shoot_scripts: [{ sequence_no: 0, shoot_script: { script_type: 'TEXT', text_config: { text } } }],
  }, null, 2);
}

describe('polyphones and durations', () => {
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('hints a polyphone in a script, fixes it through the JSON escapes, and shows the shot\'s duration', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'metastudio-video-script', content: script('<speak>我在"重庆"工作。</speak>') });
    await vscode.window.showTextDocument(document);
    const hint = await waitForDiagnostics(document, () => polyphones(document.uri).find((d) => document.getText(d.range) === '重'), 'the hint on 重');
    assert.equal(hint.severity, vscode.DiagnosticSeverity.Hint);
    assert.match(hint.message, /zhong4, chong2/);

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, hint.range);
    // (The API hands back code actions without their diagnostics: ours are known by their titles.)
    const fixes = actions.filter((a) => a.title.startsWith('Read "'));
    assert.deepEqual(fixes.map((a) => [a.title, a.isPreferred ?? false]), [
      ['Read "重庆" as chong2 qing4 (in context)', true],
      ['Read "重庆" as zhong4 qing4', false],
    ]);
    assert.ok(await vscode.workspace.applyEdit(fixes[0].edit!));
    assert.ok(document.getText().includes('"text": "<speak>我在\\"<phoneme ph=\\"chong2 qing4\\">重庆</phoneme>\\"工作。</speak>"'), document.getText());
    JSON.parse(document.getText());
    await waitForDiagnostics(document, () => !polyphones(document.uri).some((d) => ['重', '庆'].includes(document.getText(d.range))), 'the hint to go');
    // (Asset lookups may warn about the made-up IDs when a connection is active.)
    assert.deepEqual(vscode.languages.getDiagnostics(document.uri).filter((d) => String(d.code).startsWith('ssml/') || d.severity === vscode.DiagnosticSeverity.Error)
      .filter((d) => d.code !== 'ssml/polyphone').map((d) => d.message), []);

    // 6 Chinese characters at 4.5 a second, speed 100.
    const textLine = document.positionAt(document.getText().indexOf('"text"')).line;
    const titles = await waitFor(async () => {
      const all = await lensTitles(document.uri);
      return all.includes(`${textLine}: $(clock) ≈ 1.3 s`) && all;
    }, 30_000, 'the duration CodeLens');
    assert.ok(titles.includes('0: $(clock) Total ≈ 1.3 s · 1 shot'), titles.join('\n'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(document.getText().indexOf('工作')));
    // appendText writes spaces as &nbsp; and escapes punctuation.
    const hover = hovers.flatMap((h) => h.contents.map((c) => (c instanceof vscode.MarkdownString ? c.value : String(c)))).join('\n')
      .replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1');
    assert.match(hover, /Spoken duration ≈ 1\.3 s/);
    assert.match(hover, /6 Chinese characters/);
  });

  it('reviews every polyphone of a file, one quick pick and one edit each, until the linter is quiet', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'metastudio-ssml', content: '<speak>行长在银行。</speak>' });
    await vscode.window.showTextDocument(document);
    await waitForDiagnostics(document, () => polyphones(document.uri).length === 3, 'three polyphones');
    const asked = await review(contextual, skip);
    assert.equal(await vscode.commands.executeCommand('metastudio.ssml.reviewPolyphones'), 1);
    assert.equal(document.getText(), '<speak><phoneme ph="hang2 zhang3">行长</phoneme>在银行。</speak>');
    // 长 went with 行长: two questions, each showing its sentence, the contextual reading first.
    assert.deepEqual(asked().map((q) => [q.sentence, q.readings[0], q.readings.at(-1)]), [['【行】长在银行。', 'hang2', 'skip'], ['行长在银【行】。', 'hang2', 'skip']]);

    await review(reading('xing2'));
    assert.equal(await vscode.commands.executeCommand('metastudio.ssml.reviewPolyphones'), 1);
    assert.equal(document.getText(), '<speak><phoneme ph="hang2 zhang3">行长</phoneme>在<phoneme ph="yin2 xing2">银行</phoneme>。</speak>');
    await waitForDiagnostics(document, () => vscode.languages.getDiagnostics(document.uri).length === 0, 'the linter to be quiet');
  });

  it('shows a shot\'s measured duration once it has been previewed', async () => {
    await useSandbox();
    const voices = (await sandboxClient().listAssets({ asset_source: 'ALL', asset_type: 'VOICE_MODEL', asset_state: 'ACTIVED', limit: 100 })).assets;
    const voice = voices.find((v) => !v.asset_extra_meta?.voice_model_meta?.external_voice_meta)!;
    const text = `<speak>测量时长<break time="1s"/>${Date.now()}</speak>`;
    const document = await vscode.workspace.openTextDocument({ language: 'metastudio-video-script', content: script(text, voice.asset_id) });
    await vscode.window.showTextDocument(document);
    const textLine = document.positionAt(document.getText().indexOf('"text"')).line;
    await waitFor(async () => (await lensTitles(document.uri)).some((t) => t.startsWith(`${textLine}: $(clock) ≈`)), 30_000, 'the estimate');

    const outcome = await vscode.commands.executeCommand('metastudio.preview.voice', { uri: document.uri.toString(), offset: document.getText().indexOf('"<speak>') });
    assert.ok(outcome, 'the preview ran');
    const titles = await waitFor(async () => {
      const all = await lensTitles(document.uri);
      return all.some((t) => / s \(measured\)$/.test(t)) && all;
    }, 30_000, 'the measured duration');
    assert.ok(titles.some((t) => t.startsWith(`${textLine}: $(clock) `) && t.endsWith('(measured)')), titles.join('\n'));
    assert.ok(titles.some((t) => t.startsWith('0: $(clock) Total ≈') && t.endsWith('· 1 shot, 1 measured')), titles.join('\n'));
  });
});
