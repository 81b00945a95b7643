/**
 * The Assets view and script asset features inside a real VS Code, against the sandbox the runner
 * started (the extension host's "Environment" connection). The tree class is driven directly for
 * paging and error nodes; the extension's own view, commands and providers through VS Code's APIs.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { AssetsTreeProvider, type AssetTreeNode, type GroupNode } from '../../src/assets/assetsTree';
import { assetTooltip } from '../../src/assets/tooltip';
import { AssetCatalog } from '../../src/core/assets/catalog';
import { assetGroups } from '../../src/core/assets/groups';
import { defaultFilter, type AssetFilter } from '../../src/core/assets/filters';
import { MetaStudioClient } from '../../src/core/cloud/client';
import type { DigitalAssetInfo } from '../../src/core/cloud/types';
import { answerPrompts, extensionId, waitFor } from './util';

const sandboxUrl = process.env.METASTUDIO_SANDBOX_URL!;

function sandboxClient(): MetaStudioClient {
  return new MetaStudioClient({
    endpoint: sandboxUrl,
    projectId: process.env.HUAWEICLOUD_SDK_PROJECT_ID!,
    credentials: { kind: 'aksk', ak: process.env.HUAWEICLOUD_SDK_AK!, sk: process.env.HUAWEICLOUD_SDK_SK! },
    fetch: (url, init) => globalThis.fetch(url, init),
  });
}

async function admin(method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${sandboxUrl}${path}`, { method, headers: { 'Content-Type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
  assert.ok(response.ok, `${method} ${path}: HTTP ${response.status}`);
  return response.json();
}

async function requests(): Promise<{ method: string; path: string; query: string }[]> {
  return await admin('GET', '/_sandbox/requests') as { method: string; path: string; query: string }[];
}

async function listRequests(): Promise<number> {
  return (await requests()).filter((r) => r.path.endsWith('/digital-assets')).length;
}

function labelOf(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : item.label?.label ?? '';
}

let untitled = 0;

/**
 * A new untitled script under a name of its own: `openTextDocument({ content })` may hand back the
 * Untitled-N document the previous test just reverted and closed, before the host has dropped it.
 */
async function scriptDocument(language: 'video' | 'live', body: unknown): Promise<vscode.TextEditor> {
  const uri = vscode.Uri.from({ scheme: 'untitled', path: `/assets-test-${++untitled}.${language}.json` });
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), JSON.stringify(body, null, 2)));
  const document = await vscode.languages.setTextDocumentLanguage(editor.document, `metastudio-${language}-script`);
  return vscode.window.showTextDocument(document);
}

function positionAfter(document: vscode.TextDocument, marker: string, delta = 0): vscode.Position {
  const offset = document.getText().indexOf(marker);
  assert.ok(offset >= 0, `${marker} in the document`);
  return document.positionAt(offset + marker.length + delta);
}

describe('assets', () => {
  const client = sandboxClient();
  let all: DigitalAssetInfo[];
  const find = (predicate: (a: DigitalAssetInfo) => boolean, what: string) => {
    const found = all.find(predicate);
    assert.ok(found, what);
    return found;
  };
  const voiceMeta = (a: DigitalAssetInfo) => a.asset_extra_meta?.voice_model_meta;

  before(async () => {
    await vscode.extensions.getExtension(extensionId)!.activate();
    const first = await client.listAssets({ asset_source: 'ALL', limit: 100 });
    all = [...first.assets];
    while (all.length < first.count) all.push(...(await client.listAssets({ asset_source: 'ALL', limit: 100, offset: all.length })).assets);
  });

  describe('the tree', () => {
    let tree: AssetsTreeProvider;
    const makeTree = (filter: AssetFilter = defaultFilter) => new AssetsTreeProvider({
      connectionKey: () => `${sandboxUrl}|test`, trusted: () => true, client: async () => client,
    }, filter, new AssetCatalog({ connection: () => undefined }));
    afterEach(() => tree?.dispose());

    async function groupsLoaded(): Promise<GroupNode[]> {
      const groups = await tree.getChildren() as GroupNode[];
      await waitFor(() => groups.every((g) => !g.list.loading), 15_000, 'the first page of every group');
      return groups;
    }

    it('shows eight groups with counts and codicons, and pages through every asset with Load more… (one request per page, even on double clicks)', async () => {
      tree = makeTree();
      const groups = await groupsLoaded();
      const labels = groups.map((g) => labelOf(tree.getTreeItem(g)));
      assert.equal(labels.length, 8);
      assert.match(labels[0], /^Voices \(\d+\)$/);
      assert.deepEqual(groups.map((g) => (tree.getTreeItem(g).iconPath as vscode.ThemeIcon).id),
        ['mic', 'person', 'file-media', 'device-camera-video', 'music', 'unmute', 'run-all', 'package']);

      let total = 0;
      let pages = 0;
      for (const group of groups) {
        let children = await tree.getChildren(group);
        while (children.at(-1)?.kind === 'loadMore') {
          const more = children.at(-1)!;
          const item = tree.getTreeItem(more);
          assert.equal(item.command?.command, 'metastudio.assets.loadMore');
          const before = await listRequests();
          // A double click: both calls share one page request.
          await Promise.all([tree.loadMore(group), tree.loadMore(group)]);
          assert.equal(await listRequests() - before, 1, 'one request for two clicks');
          pages++;
          children = await tree.getChildren(group);
        }
        const assets = children.filter((c) => c.kind === 'asset');
        assert.equal(assets.length, group.list.count, `${group.group.id}: every asset is listed`);
        total += assets.length;
      }
      // Types the list API cannot filter by (e.g. COMMON_FILE) have no group to be asked for.
      const listable = all.filter((a) => assetGroups.some((g) => (g.types as readonly string[]).includes(a.asset_type)));
      assert.ok(listable.length < all.length, 'the sandbox holds types no group lists');
      assert.equal(total, listable.length, 'every asset of a listable type, once');
      assert.ok(pages >= 1, 'a group with more than 50 assets needed a second page');
      assert.equal(groups.find((g) => g.group.id === 'images')!.list.items.length, all.filter((a) => a.asset_type === 'IMAGE').length);
      const query = (await requests()).filter((r) => r.path.endsWith('/digital-assets')).at(-1)!.query;
      assert.match(query, /limit=50/);
      assert.match(query, /offset=\d+/);
    });

    it('marks an asset that is not ACTIVED and gives each asset a rich plain-text tooltip', async () => {
      tree = makeTree();
      const groups = await groupsLoaded();
      const images = groups.find((g) => g.group.id === 'images')!;
      while (images.list.hasMore) await tree.loadMore(images);
      const nodes = await tree.getChildren(images);
      const inactive = nodes.find((n) => n.kind === 'asset' && n.asset.asset_state !== 'ACTIVED')!;
      const item = tree.getTreeItem(inactive);
      assert.equal((item.iconPath as vscode.ThemeIcon).id, 'circle-slash');
      assert.equal(item.description, 'inactive', 'the state in words, not its code');
      const active = tree.getTreeItem(nodes.find((n) => n.kind === 'asset' && n.asset.asset_state === 'ACTIVED')!);
      assert.equal((active.iconPath as vscode.ThemeIcon).id, 'file-media');
      const tooltip = item.tooltip as vscode.MarkdownString;
      for (const part of ['Name', 'ID', 'Type', 'State', 'UNACTIVED', 'Tags', 'Created', 'Updated']) assert.ok(tooltip.value.includes(part), part);

      const voices = groups[0];
      const voice = (await tree.getChildren(voices)).find((n) => n.kind === 'asset')!;
      const voiceItem = tree.getTreeItem(voice);
      assert.equal(voiceItem.contextValue, 'asset.voice');
      assert.match((voiceItem.tooltip as vscode.MarkdownString).value, /Capabilities/);
    });

    it('renders names with markup and Markdown links as text, in labels and tooltips', () => {
      const name = '**bold** <img src=x onerror=alert(1)> [x](command:workbench.action.quit) $(zap)';
      const asset: DigitalAssetInfo = { asset_id: 'a1', asset_name: name, asset_type: 'IMAGE', asset_state: 'ACTIVED' };
      tree = makeTree();
      const group = { kind: 'group', group: { id: 'images', types: ['IMAGE'], icon: 'file-media' } } as unknown as GroupNode;
      const item = tree.getTreeItem({ kind: 'asset', asset, parent: group } as AssetTreeNode);
      assert.equal(item.label, name, 'a string label is shown as it is');
      const tooltip = item.tooltip as vscode.MarkdownString;
      assert.equal(tooltip.isTrusted, false);
      assert.equal(tooltip.supportHtml, false);
      assert.ok(tooltip.value.includes('\\*\\*bold\\*\\*'), tooltip.value);
      assert.ok(tooltip.value.includes('\\[x\\]\\(command:workbench.action.quit\\)'), tooltip.value);
      assert.ok(!tooltip.value.includes('[x](command'), 'no link survives');
      assert.ok(!/<img src=x onerror=alert\(1\)>/.test(tooltip.value), 'the tag is escaped');
      assert.equal(tooltip.supportThemeIcons, false, 'no theme icon from "$(zap)"');
      assert.equal(assetTooltip(asset).value, tooltip.value, 'completion and hover documentation use the same builder');
    });

    it('shows a failure as a tree item with code and message, and a retry loads the group', async () => {
      tree = makeTree();
      const groups = await groupsLoaded();
      const music = groups.find((g) => g.group.id === 'music')!;
      // Three attempts (the client retries a 500 on a read): all fail.
      await admin('POST', '/_sandbox/faults', { kind: '500', method: 'GET', pathPattern: 'digital-assets$', count: 3 });
      try {
        tree.refreshGroup(music);
        const children = await waitFor(async () => { const c = await tree.getChildren(music); return c.some((n) => n.kind === 'message') && c; }, 20_000, 'the error node');
        assert.equal(children.length, 1);
        const item = tree.getTreeItem(children[0]);
        assert.equal(labelOf(item), 'Failed to load: MSS.00000004 Internal Error — Show Logs');
        assert.equal(item.command?.command, 'metastudio.logs.show');
        assert.equal(item.contextValue, 'error');
        assert.equal(tree.getTreeItem(music).description, 'failed to load');
      } finally {
        await admin('DELETE', '/_sandbox/faults');
      }
      tree.refreshGroup(music);
      const children = await waitFor(async () => { const c = await tree.getChildren(music); return c.some((n) => n.kind === 'asset') && c; }, 15_000, 'the assets after a retry');
      assert.ok(children.every((n) => n.kind === 'asset' || n.kind === 'loadMore'));
    });

    it('filters: voices by language, sex and real-time; names everywhere; an empty result is an item', async () => {
      tree = makeTree({ source: 'ALL', language: 'EN', sex: 'FEMALE', realtime: true });
      const groups = await groupsLoaded();
      const voices = (await tree.getChildren(groups[0])).filter((n) => n.kind === 'asset').map((n) => (n as { asset: DigitalAssetInfo }).asset);
      assert.ok(voices.length > 0);
      assert.ok(voices.every((v) => voiceMeta(v)?.language === 'EN' && voiceMeta(v)?.sex === 'FEMALE' && voiceMeta(v)?.is_realtime_voice === true));
      assert.equal(groups[2].list.count, all.filter((a) => a.asset_type === 'IMAGE').length, 'voice filters leave other groups alone');

      tree.setFilter({ source: 'ALL', name: 'no-such-asset-anywhere' });
      const empty = await groupsLoaded();
      const [node] = await tree.getChildren(empty[0]);
      assert.equal(labelOf(tree.getTreeItem(node)), 'No assets match the filters');
    });
  });

  describe('the Assets view of the extension', () => {
    it('is in the MetaStudio container with a Sign In welcome for signed-out users', () => {
      const manifest = vscode.extensions.getExtension(extensionId)!.packageJSON;
      assert.ok(manifest.contributes.views.metastudio.some((v: { id: string }) => v.id === 'metastudio.assets'));
      assert.ok(!manifest.contributes.views.metastudio.some((v: { id: string }) => v.id === 'metastudio.gettingStarted'));
      const welcome = manifest.contributes.viewsWelcome.find((w: { view: string }) => w.view === 'metastudio.assets');
      assert.equal(welcome.when, 'metastudio.signedOut', 'shown once the extension knows, never before activation');
    });

    it('loads through the visible view with the filters set by commands, which show in the description', async () => {
      await admin('DELETE', '/_sandbox/requests');
      const filter = async (by: string, answers: Record<string, unknown>) => {
        await answerPrompts({ 'assets.filterBy': by, ...answers });
        return vscode.commands.executeCommand<string>('metastudio.assets.filter');
      };
      await filter('source', { 'assets.filterSource': 'SYSTEM' });
      await filter('language', { 'assets.filterLanguage': 'EN' });
      assert.equal(await filter('realtime', { 'assets.filterRealtime': false }), 'System assets · voices: English, not real-time');
      await vscode.commands.executeCommand('metastudio.assets.focus');
      // One field per Filter command: the request after the last one has all three.
      const voiceQuery = await waitFor(async () => (await requests()).find((r) => r.query.includes('asset_type=VOICE_MODEL') && r.query.includes('is_realtime_voice=false'))?.query, 15_000, 'the view\'s voices request');
      assert.match(voiceQuery, /asset_source=SYSTEM/);
      assert.match(voiceQuery, /language=EN/);
      await answerPrompts({ 'assets.search': 'Studio' });
      assert.equal(await vscode.commands.executeCommand('metastudio.assets.search'), 'System assets · name "Studio" · voices: English, not real-time');
      await waitFor(async () => (await requests()).some((r) => r.query.includes('name=Studio')), 15_000, 'a request with the name');
      assert.equal(await vscode.commands.executeCommand('metastudio.assets.clearFilters'), 'All sources');
      await admin('DELETE', '/_sandbox/requests');
      await vscode.commands.executeCommand('metastudio.assets.refresh');
      const reloaded = await waitFor(async () => {
        const types = new Set((await requests()).map((r) => new URLSearchParams(r.query).get('asset_type')).filter(Boolean));
        return types.size === 8 && types;
      }, 15_000, 'every group to reload after Refresh');
      assert.ok(reloaded.has('VOICE_MODEL') && reloaded.has('PPT,MATERIAL,BUSINESS_CARD_TEMPLET'));
      assert.ok((await requests()).every((r) => !r.query.includes('language=')), 'without the cleared filters');
      // The view may be loading the first page already: the lock hands that one out, the next call the second.
      const images = all.filter((a) => a.asset_type === 'IMAGE').length;
      assert.ok(images > 50);
      await vscode.commands.executeCommand('metastudio.assets.loadMore', 'images');
      assert.equal(await vscode.commands.executeCommand('metastudio.assets.loadMore', 'images'), images, 'Load more on the view\'s images group');
    });
  });

  describe('per-asset commands', () => {
    it('copies an asset ID to the clipboard', async () => {
      const voice = find((a) => a.asset_type === 'VOICE_MODEL', 'a voice');
      await vscode.env.clipboard.writeText('');
      assert.equal(await vscode.commands.executeCommand('metastudio.assets.copyId', { asset: voice }), voice.asset_id);
      assert.equal(await vscode.env.clipboard.readText(), voice.asset_id);
    });

    it('inserts an ID into the script field that expects its type, else at the cursor', async () => {
      const voice = find((a) => a.asset_type === 'VOICE_MODEL', 'a voice');
      const image = find((a) => a.asset_type === 'IMAGE', 'an image');
      const editor = await scriptDocument('video', { script_name: 'insert', voice_config: { voice_asset_id: 'old' }, shoot_scripts: [] });
      const inField = positionAfter(editor.document, '"voice_asset_id": "', 1);
      editor.selection = new vscode.Selection(inField, inField);
      assert.equal(await vscode.commands.executeCommand('metastudio.assets.insertId', voice.asset_id), 'field');
      assert.ok(editor.document.getText().includes(`"voice_asset_id": "${voice.asset_id}"`), editor.document.getText());
      const again = positionAfter(editor.document, '"voice_asset_id": "', 2);
      editor.selection = new vscode.Selection(again, again);
      assert.equal(await vscode.commands.executeCommand('metastudio.assets.insertId', { asset: image }), 'cursor', 'an image does not fit a voice field');
      const start = positionAfter(editor.document, '"script_name": "');
      editor.selection = new vscode.Selection(start, start);
      assert.equal(await vscode.commands.executeCommand('metastudio.assets.insertId', { asset: image }), 'cursor');
      assert.ok(editor.document.getText().includes(`"script_name": "${image.asset_id}insert"`));
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });

    it('shows the full asset JSON in a read-only editor', async () => {
      const voice = find((a) => a.asset_type === 'VOICE_MODEL', 'a voice');
      const uri = await vscode.commands.executeCommand<string>('metastudio.assets.showDetails', voice.asset_id);
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri)!;
      assert.equal(document.uri.scheme, 'metastudio-asset');
      const shown = JSON.parse(document.getText()) as DigitalAssetInfo;
      assert.equal(shown.asset_id, voice.asset_id);
      assert.ok(shown.asset_extra_meta?.voice_model_meta, 'the details variant, normalised');
      assert.ok(shown.files?.length);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    });

    it('previews a voice through the voice preview: its SAMPLE file when it has one, else a sample sentence', async () => {
      const withSample = find((a) => a.asset_name === 'Sarah (English, female)', 'a voice with a sample');
      const played = await vscode.commands.executeCommand<{ files: string[]; jobId?: string }>('metastudio.assets.previewVoice', withSample.asset_id);
      assert.ok(played?.files.length, 'the sample is played');
      assert.equal(played.jobId, undefined, 'no synthesis for a voice with a sample');
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.file(played.files[0]));
      assert.equal(Buffer.from(bytes.subarray(0, 4)).toString('latin1'), 'RIFF', 'a WAV file');

      const withoutSample = find((a) => a.asset_type === 'VOICE_MODEL' && !a.files?.some((f) => f.asset_file_category === 'SAMPLE'), 'a voice without a sample');
      const spoken = await vscode.commands.executeCommand<{ jobId?: string }>('metastudio.assets.previewVoice', withoutSample.asset_id);
      assert.ok(spoken?.jobId, 'a sample sentence is synthesized');
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });
  });

  describe('script files', () => {
    it('completes voice_asset_id with voices only, named, inserting the ID', async () => {
      const editor = await scriptDocument('video', { script_name: 'complete', voice_config: { voice_asset_id: '' }, shoot_scripts: [] });
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider',
        editor.document.uri, positionAfter(editor.document, '"voice_asset_id": "'));
      const ours = list.items.filter((i) => i.kind === vscode.CompletionItemKind.Value && typeof i.detail === 'string' && /· [A-Z_0-9]+/.test(i.detail));
      const voices = all.filter((a) => a.asset_type === 'VOICE_MODEL');
      assert.equal(ours.length, voices.length, 'every voice, nothing else');
      const sarah = ours.find((i) => (i.label as vscode.CompletionItemLabel).label === 'Sarah (English, female)')!;
      const sarahId = voices.find((v) => v.asset_name === 'Sarah (English, female)')!.asset_id;
      assert.equal(sarah.insertText, sarahId);
      assert.ok(sarah.detail!.startsWith(sarahId));
      assert.ok(sarah.documentation instanceof vscode.MarkdownString);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });

    it('completes a layer asset_id by the layer type and insert-action ids with animations', async () => {
      const editor = await scriptDocument('live', {
        room_name: 'r',
        scene_scripts: [{ script_name: 's', layer_config: [{ layer_type: 'VIDEO', asset_id: '' }],
          shoot_scripts: [{ text_config: { text: '<speak><insert-action id=""/>Hi</speak>' } }] }],
      });
      const complete = async (marker: string) => (await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider',
        editor.document.uri, positionAfter(editor.document, marker))).items.filter((i) => typeof i.detail === 'string' && / · [A-Z_0-9]+/.test(i.detail));
      const videos = await complete('"asset_id": "');
      assert.equal(videos.length, all.filter((a) => a.asset_type === 'VIDEO').length);
      assert.ok(videos.every((i) => i.detail!.includes('· VIDEO')));
      const actions = await complete('insert-action id=\\"');
      assert.equal(actions.length, all.filter((a) => a.asset_type === 'ANIMATION').length);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });

    it('hovers an asset ID with its name, type and state', async () => {
      const image = find((a) => a.asset_type === 'IMAGE' && a.asset_state === 'UNACTIVED', 'an inactive image');
      const editor = await scriptDocument('video', { script_name: 'hover', background_music_config: { music_asset_id: image.asset_id }, shoot_scripts: [] });
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, positionAfter(editor.document, image.asset_id, -3));
      const text = hovers.flatMap((h) => h.contents.map((c) => (c as vscode.MarkdownString).value ?? String(c))).join('\n');
      assert.ok(text.includes(image.asset_name.replace(/ /g, '&nbsp;')) || text.includes(image.asset_name), text);
      assert.ok(text.includes('IMAGE') && text.includes('UNACTIVED'), text);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });

    it('warns about missing, wrong-type and inactive assets, and a live voice that is not real-time', async () => {
      const image = find((a) => a.asset_type === 'IMAGE' && a.asset_state === 'ACTIVED', 'an image');
      const inactive = find((a) => a.asset_state === 'UNACTIVED', 'an inactive asset');
      const slowVoice = find((a) => voiceMeta(a)?.is_realtime_voice === false, 'a voice that is not real-time');
      const missing = '0123456789abcdef0123456789abcdef';
      const editor = await scriptDocument('live', {
        room_name: 'checks',
        scene_scripts: [{
          script_name: 's', model_asset_id: missing, voice_config: { voice_asset_id: slowVoice.asset_id },
          background_config: [{ background_type: 'IMAGE_2D', background_asset_id: inactive.asset_id }],
          layer_config: [{ layer_type: 'HUMAN', asset_id: image.asset_id }],
          shoot_scripts: [{ text_config: { text: 'hi' } }],
        }],
      });
      const uri = editor.document.uri;
      const ours = () => vscode.languages.getDiagnostics(uri).filter((d) => String(d.code).startsWith('asset/'));
      const found = await waitFor(() => ours().length >= 4 && ours(), 15_000, 'the asset warnings');
      const byCode = Object.fromEntries(found.map((d) => [String(d.code), editor.document.getText(d.range)]));
      assert.deepEqual(byCode, {
        'asset/not-found': missing,
        'asset/voice-not-realtime': slowVoice.asset_id,
        'asset/not-active': inactive.asset_id,
        'asset/wrong-type': image.asset_id,
      });
      assert.ok(found.every((d) => d.severity === vscode.DiagnosticSeverity.Warning && d.source === 'MetaStudio'));

      // Fixing the wrong type clears its warning at once (the right asset comes from the cache or a fresh lookup).
      const avatar = find((a) => a.asset_type === 'HUMAN_MODEL_2D', 'an avatar');
      const wrong = found.find((d) => d.code === 'asset/wrong-type')!;
      await editor.edit((e) => e.replace(wrong.range, avatar.asset_id));
      await waitFor(() => !ours().some((d) => d.code === 'asset/wrong-type'), 15_000, 'the wrong-type warning to go');
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });
  });
});
