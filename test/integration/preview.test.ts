/**
 * Voice preview inside a real VS Code against the sandbox the runner started (the extension host's
 * "Environment" connection): every request is counted on the sandbox. The questions a modal
 * dialog would ask are answered by the tests' scripted prompts; the extension's test-mode API
 * reports what the player's `<audio>` element did.
 */
import * as assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import * as vscode from 'vscode';
import { MetaStudioClient } from '../../src/core/cloud/client';
import type { DigitalAssetInfo } from '../../src/core/cloud/types';
import type { PreviewOutcome } from '../../src/preview/previewController';
import type { ScriptedPrompts } from './scriptedPrompts';
import { answerPrompts, testingApi, waitFor, waitForLogLine } from './util';

const sandboxUrl = process.env.METASTUDIO_SANDBOX_URL!;

const previewState = async () => (await testingApi()).testing.preview.state();
const preview = (arg?: unknown) => vscode.commands.executeCommand<PreviewOutcome | undefined>('metastudio.preview.voice', arg);

interface Logged { method: string; path: string; status: number }
async function requests(): Promise<Logged[]> {
  const response = await fetch(`${sandboxUrl}/_sandbox/requests`);
  return await response.json() as Logged[];
}
const creates = (log: Logged[]) => log.filter((r) => r.method === 'POST' && r.path.endsWith('/ttsc/audition'));

async function voices(): Promise<DigitalAssetInfo[]> {
  const client = new MetaStudioClient({
    endpoint: sandboxUrl,
    projectId: process.env.HUAWEICLOUD_SDK_PROJECT_ID!,
    credentials: { kind: 'aksk', ak: process.env.HUAWEICLOUD_SDK_AK!, sk: process.env.HUAWEICLOUD_SDK_SK! },
    fetch: (url, init) => globalThis.fetch(url, init),
  });
  return (await client.listAssets({ asset_source: 'ALL', asset_type: 'VOICE_MODEL', asset_state: 'ACTIVED', limit: 100 })).assets;
}

let counter = 0;
/** A text never previewed before (inside the root element when there is one). */
const unique = (text: string) => {
  const mark = ` (${Date.now()}-${++counter})`;
  return text.endsWith('</speak>') ? text.replace(/<\/speak>$/, `${mark}</speak>`) : text + mark;
};

describe('voice preview', () => {
  let voice: DigitalAssetInfo;
  let thirdParty: DigitalAssetInfo;
  let withSample: DigitalAssetInfo;

  let prompts: ScriptedPrompts;

  before(async () => {
    await testingApi();
    const all = await voices();
    const own = all.filter((v) => !v.asset_extra_meta?.voice_model_meta?.external_voice_meta);
    voice = own[0];
    withSample = own.find((v) => v.files?.some((f) => f.asset_file_category === 'SAMPLE'))!;
    thirdParty = all.find((v) => v.asset_extra_meta?.voice_model_meta?.external_voice_meta)!;
    assert.ok(voice && withSample && thirdParty, 'the sandbox has the voices this suite needs');
  });
  beforeEach(async () => {
    prompts = await answerPrompts({});
    await (await testingApi()).testing.preview.resetBilling();
  });
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('speaks the shot text under the cursor with its voice_config, plays it, and never pays twice', async () => {
    const text = unique('<speak>大家好<break time="300ms"/>欢迎收看</speak>');
    const body = {
      script_name: 'preview it', voice_config: { voice_asset_id: voice.asset_id, speed: 120, pitch: 90 },
      shoot_scripts: [{ sequence_no: 0, shoot_script: { text_config: { text } } }],
    };
    const document = await vscode.workspace.openTextDocument({ language: 'metastudio-video-script', content: JSON.stringify(body, null, 2) });
    const editor = await vscode.window.showTextDocument(document);
    const inside = document.positionAt(document.getText().indexOf('大家好'));
    editor.selection = new vscode.Selection(inside, inside);

    const before = (await requests()).length;
    const first = await preview();
    assert.ok(first, `the preview ran (prompts: ${JSON.stringify(prompts.asked)})`);
    assert.equal(first.fromCache, false);
    const log = (await requests()).slice(before);
    assert.equal(creates(log).length, 1);
    assert.ok(log.some((r) => r.path.includes('/ttsc/audition-file/')), 'the files were asked for');
    assert.equal(log.filter((r) => r.path.startsWith('/_sandbox/files/')).length, first.files.length, 'every file was downloaded once');

    const state = await previewState();
    const entry = state.session.find((e) => e.id === first.entryId)!;
    assert.equal(entry.text, text, 'the text is sent as written');
    assert.deepEqual(entry.settings, { voiceAssetId: voice.asset_id, speed: 120, pitch: 90, volume: 140 });
    assert.ok(first.files.every((f) => f.startsWith(state.cacheFolder)), 'the audio lives in the cache folder');
    // The webview's <audio> element loaded the file it was given through asWebviewUri.
    const loaded = await waitFor(async () => (await previewState()).audio.find((a) => a.entryId === first.entryId && a.event === 'loaded' && a.duration > 0), 45_000, 'the player to load the audio')
      .catch(async (err: Error) => { throw new Error(`${err.message}; the player reported ${JSON.stringify((await previewState()).audio)}`); });
    assert.ok(loaded.duration > 0.2);

    const again = (await requests()).length;
    const second = await preview();
    assert.equal(second?.fromCache, true);
    assert.deepEqual(second.files, first.files);
    assert.equal((await requests()).length, again, 'a repeated preview makes no request at all');
  });

  it('puts a CodeLens above every shot text, decoding the JSON string it previews', async () => {
    const quoted = unique('他说：\\"你好\\"\\n然后离开。');
    const content = `{
  "script_name": "lenses",
  "voice_config": { "voice_asset_id": "${voice.asset_id}" },
  "shoot_scripts": [
    { "sequence_no": 0, "shoot_script": { "text_config": { "text": "${quoted}" } } },
    { "sequence_no": 1, "shoot_script": { "text_config": { "text": "second shot" } } }
  ]
}`;
    const document = await vscode.workspace.openTextDocument({ language: 'metastudio-video-script', content });
    await vscode.window.showTextDocument(document);
    const lenses = await waitFor(async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
      return found?.filter((l) => l.command?.command === 'metastudio.preview.voice').length === 2 ? found : undefined;
    }, 15_000, 'two preview lenses');
    const lens = lenses.find((l) => l.range.start.line === 4 && l.command?.command === 'metastudio.preview.voice')!;
    assert.ok(lens, 'the first lens sits on the first shot\'s line');
    const outcome = await preview(lens.command!.arguments![0]);
    const entry = (await previewState()).session.find((e) => e.id === outcome?.entryId)!;
    assert.equal(entry.text, JSON.parse(`"${quoted}"`), 'escapes are decoded: the API gets the text itself');
  });

  it('previews the selected part of a shot text from the editor context menu (which passes the document)', async () => {
    const text = unique('第一句。\\n第二句要听的部分。');
    const content = `{"script_name": "sel", "voice_config": {"voice_asset_id": "${voice.asset_id}"}, "shoot_scripts": [{"shoot_script": {"text_config": {"text": "${text}"}}}]}`;
    const document = await vscode.workspace.openTextDocument({ language: 'metastudio-video-script', content });
    const editor = await vscode.window.showTextDocument(document);
    const start = content.indexOf('第二句');
    editor.selection = new vscode.Selection(document.positionAt(start), document.positionAt(start + '第二句要听的部分'.length));
    const outcome = await preview(document.uri);
    const entry = (await previewState()).session.find((e) => e.id === outcome?.entryId);
    assert.equal(entry?.text, '第二句要听的部分');
    assert.equal(entry?.settings.voiceAssetId, voice.asset_id, 'with the voice of the enclosing voice_config');
  });

  it('asks for a voice when the text has none, offering the last choice first', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'plaintext', content: unique('Selected words to hear') });
    const editor = await vscode.window.showTextDocument(document);
    editor.selection = new vscode.Selection(new vscode.Position(0, 0), document.lineAt(0).range.end);
    prompts = await answerPrompts({ 'preview.voice': (v: { id: string }) => v.id === voice.asset_id });
    const first = await preview();
    assert.equal(first?.fromCache, false);
    editor.selection = new vscode.Selection(new vscode.Position(0, 0), new vscode.Position(0, 8));
    await preview();
    const picks = prompts.asked.filter((q) => q.id === 'preview.voice').map((q) => q.shown as { id: string }[]);
    assert.equal(picks.length, 2);
    assert.equal(picks[1][0].id, voice.asset_id, 'the last choice is remembered for the workspace and offered first');
    assert.ok(picks[0].length > 5, 'the voices come from the assets');
  });

  it('blocks on SSML errors unless the user previews anyway', async () => {
    const text = unique('<speak>坏的<foo>标签</foo></speak>');
    const document = await vscode.workspace.openTextDocument({ language: 'metastudio-ssml', content: text });
    await vscode.window.showTextDocument(document);
    const pickVoice = (v: { id: string }) => v.id === voice.asset_id;
    prompts = await answerPrompts({ 'preview.voice': pickVoice, 'preview.lintErrors': undefined });
    const before = (await requests()).length;
    assert.equal(await preview(document.uri), undefined);
    assert.equal((await requests()).length, before, 'nothing was sent');
    const asked = prompts.asked.find((q) => q.id === 'preview.lintErrors');
    assert.match((asked?.shown as { detail: string }).detail, /^1:\d+ +Unknown element <foo>/m, `the error is shown with its place: ${JSON.stringify(asked)}`);

    await answerPrompts({ 'preview.voice': pickVoice, 'preview.lintErrors': 'preview' });
    const anyway = await preview(document.uri);
    assert.equal(anyway?.fromCache, false);
  });

  it('asks once per session before a billed third-party synthesis', async () => {
    await answerPrompts({ 'preview.billing': undefined });
    const before = (await requests()).length;
    assert.equal(await preview({ text: unique('第三方音色'), voiceAssetId: thirdParty.asset_id }), undefined);
    assert.equal(creates((await requests()).slice(before)).length, 0, 'declined: nothing billed');

    prompts = await answerPrompts({ 'preview.billing': 'yes' });
    await preview({ text: unique('第三方音色'), voiceAssetId: thirdParty.asset_id });
    await preview({ text: unique('又一句'), voiceAssetId: thirdParty.asset_id });
    const asked = prompts.asked.filter((q) => q.id === 'preview.billing');
    assert.equal(asked.length, 1, 'asked before the first synthesis only');
    assert.equal(creates((await requests()).slice(before)).length, 2);
  });

  it('plays a voice\'s own sample from the assets tree without a synthesis', async () => {
    const before = (await requests()).length;
    const outcome = await preview({ voiceAssetId: withSample.asset_id });
    const entry = (await previewState()).session.find((e) => e.id === outcome?.entryId);
    assert.equal(entry?.sample, true);
    assert.equal(creates((await requests()).slice(before)).length, 0);
  });

  it('reports a failed audition as an expected error (code, message, request id; no stack) and caches nothing', async () => {
    const before = (await requests()).length;
    const stats = (await previewState()).cache;
    assert.equal(await preview({ text: unique('无效音色'), voiceAssetId: 'no-such-voice-0000' }), undefined);
    const failed = creates((await requests()).slice(before));
    assert.deepEqual(failed.map((r) => r.status), [400]);
    assert.deepEqual((await previewState()).cache, stats);
    const logged = await waitForLogLine(/\[warning\] command metastudio\.preview\.voice: MSS\.\d+: .+ \(HTTP 400, request id \S+\)/, 'the failure in one warning line');
    assert.doesNotMatch(logged.next ?? '', /^\s+at /, `no stack trace after: ${logged.line}`);
  });

  it('keeps the cache under its size limit and clears it on command', async () => {
    await vscode.workspace.getConfiguration('metastudio.preview').update('cacheSizeMB', 1, vscode.ConfigurationTarget.Global);
    try {
      // About 1.6 MB of audio (5 files of 10 s): everything older goes.
      const long = unique('这是一段很长的预览文本。'.repeat(90));
      const big = await preview({ text: long, voiceAssetId: voice.asset_id });
      assert.equal(big?.files.length, 5);
      const state = await previewState();
      assert.equal(state.cache.entries, 1, 'least recently used entries were evicted');
    } finally {
      await vscode.workspace.getConfiguration('metastudio.preview').update('cacheSizeMB', undefined, vscode.ConfigurationTarget.Global);
    }
    const text = unique('清除缓存后再说一遍');
    await preview({ text, voiceAssetId: voice.asset_id });
    const freed = await vscode.commands.executeCommand<{ entries: number }>('metastudio.preview.clearCache');
    assert.ok(freed!.entries >= 1);
    const folder = (await previewState()).cacheFolder;
    assert.deepEqual(readdirSync(folder).filter((f) => !f.startsWith('index')), [], 'no audio file is left');
    const before = (await requests()).length;
    const again = await preview({ text, voiceAssetId: voice.asset_id });
    assert.equal(again?.fromCache, false);
    assert.equal(creates((await requests()).slice(before)).length, 1, 'after clearing, the preview is synthesized again');
  });
});
