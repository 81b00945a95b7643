/**
 * The integration runner's second pass: the same real VS Code with zh-cn as its display language
 * (scripts/vscodeServer.ts, setDisplayLanguage). What a user reads comes out in Chinese: the
 * manifest, diagnostics and quick fixes from the core, hover and completion from the schemas,
 * SSML hover documentation and tree labels.
 */
import * as l10n from '@vscode/l10n';
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { AssetsTreeProvider, type GroupNode } from '../../src/assets/assetsTree';
import { AssetCatalog } from '../../src/core/assets/catalog';
import { defaultFilter } from '../../src/core/assets/filters';
import { MetaStudioClient } from '../../src/core/cloud/client';
import { extensionId, waitFor, workspaceUri } from './util';

const textOf = (hovers: vscode.Hover[]) => hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
const labelOf = (item: vscode.TreeItem | vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label?.label ?? '');

async function open(path: string): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceUri(path)));
}

function after(document: vscode.TextDocument, needle: string, delta: number): vscode.Position {
  const offset = document.getText().indexOf(needle);
  assert.ok(offset >= 0, `${needle} is in ${document.uri.path}`);
  return document.positionAt(offset + delta);
}

describe('zh-cn display language', () => {
  before(async () => {
    const extension = await waitFor(() => vscode.extensions.getExtension(extensionId), 30_000, 'the extension under test');
    await extension.activate();
  });

  it('runs the extension host in zh-cn, with the Chinese manifest', () => {
    assert.equal(vscode.env.language, 'zh-cn');
    // A localized manifest string is { value, original }.
    const commands = vscode.extensions.getExtension(extensionId)!.packageJSON.contributes.commands as { command: string; title: { value: string; original: string } }[];
    const title = (id: string) => commands.find((c) => c.command === id)?.title;
    assert.deepEqual(title('metastudio.preview.voice'), { value: '试听', original: 'Preview Voice' });
    assert.deepEqual(title('metastudio.script.push'), { value: '推送脚本', original: 'Push Script' });
  });

  it('names the walkthrough, its steps and Try the Local Sandbox in Chinese', () => {
    const { contributes } = vscode.extensions.getExtension(extensionId)!.packageJSON;
    const text = (v: string | { value: string }) => (typeof v === 'string' ? v : v.value);
    const [walkthrough] = contributes.walkthroughs as { title: string; steps: { id: string; title: string }[] }[];
    assert.equal(text(walkthrough.title), 'MetaStudio 入门');
    assert.equal(text(walkthrough.steps.find((s) => s.id === 'quickFix')!.title), '用快速修复改正问题');
    assert.equal(text(contributes.commands.find((c: { command: string }) => c.command === 'metastudio.sandbox.try').title), '试用本地沙箱');
  });

  it('reports diagnostics and offers quick fixes in Chinese', async () => {
    const { document } = await open('scripts/mistakes.video.json');
    const diagnostics = await waitFor(() => {
      const list = vscode.languages.getDiagnostics(document.uri);
      return list.length >= 3 && list;
    }, 15_000, 'diagnostics of mistakes.video.json');
    const unknown = diagnostics.find((d) => d.code === 'script/unknown-property');
    assert.equal(unknown?.message, '未知属性“sped”。你是否想写“speed”？');
    assert.equal(diagnostics.find((d) => d.code === 'ssml/break-time-out-of-range')?.message, '停顿时长 20s 超出 200ms–10s 的范围');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, unknown.range);
    assert.ok(actions.some((a) => a.title === '重命名为“speed”'), `the rename fix among ${actions.map((a) => a.title).join(', ')}`);
  });

  it('hovers and completes script properties with the schemas\' Chinese descriptions', async () => {
    const { document } = await open('scripts/launch.video.json');
    const hover = textOf(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, after(document, '"script_name"', 3)));
    assert.match(hover, /脚本名称，1 到 256 个字符/);
    assert.match(hover, /`MSS\.20010005`/, 'code spans are kept');

    const draft = await vscode.workspace.openTextDocument({ language: 'metastudio-video-script', content: '{ "voice_config": {  } }' });
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', draft.uri, after(draft, '{  }', 2));
    const speed = list.items.find((i) => labelOf(i).replace(/"/g, '') === 'speed');
    const docs = speed?.documentation instanceof vscode.MarkdownString ? speed.documentation.value : String(speed?.documentation ?? '');
    assert.match(docs, /^语速。默认值 100/);
  });

  it('documents SSML tags in Chinese', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'metastudio-ssml', content: '<speak>大家好<break time="500ms"/>欢迎</speak>' });
    const hover = textOf(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, after(doc, 'break', 2)));
    assert.match(hover, /在此处插入静音停顿/);
  });

  it('labels the Assets tree in Chinese', async () => {
    // The core's l10n, configured from VS Code's bundle as activate() does (this suite is bundled on its own).
    l10n.config({ contents: vscode.l10n.bundle ?? {} });
    const client = new MetaStudioClient({
      endpoint: process.env.METASTUDIO_SANDBOX_URL!,
      projectId: process.env.HUAWEICLOUD_SDK_PROJECT_ID!,
      credentials: { kind: 'aksk', ak: process.env.HUAWEICLOUD_SDK_AK!, sk: process.env.HUAWEICLOUD_SDK_SK! },
      fetch: (url, init) => globalThis.fetch(url, init),
    });
    const tree = new AssetsTreeProvider({
      connectionKey: () => `${process.env.METASTUDIO_SANDBOX_URL}|zh-cn`, trusted: () => true, client: async () => client,
    }, defaultFilter, new AssetCatalog({ connection: () => undefined }));
    try {
      const groups = await tree.getChildren() as GroupNode[];
      await waitFor(() => groups.every((g) => !g.list.loading), 15_000, 'the first page of every group');
      const labels = groups.map((g) => labelOf(tree.getTreeItem(g)));
      assert.match(labels[0], /^音色 \(\d+\)$/);
      assert.match(labels[1], /^分身数字人 \(\d+\)$/);
      const voices = (await tree.getChildren(groups[0])).map((v) => String(tree.getTreeItem(v).description ?? ''));
      assert.ok(voices.some((d) => / · 女 · 实时$/.test(d)), `a real-time female voice described in Chinese among ${voices.join(' | ')}`);
    } finally {
      tree.dispose();
    }
  });
});
