import * as vscode from 'vscode';
import type { AssetCatalog, AssetLookup } from '../core/assets/catalog';
import { checkAssetReferences } from '../core/assets/checks';
import { assetName, assetStateText, assetSummary, isActive } from '../core/assets/describe';
import { groupOfType, typeLabel } from '../core/assets/groups';
import { assetFieldAt, fits, type AssetFieldAt } from '../core/assets/references';
import type { DigitalAssetInfo } from '../core/cloud/types';
import { errorMessage } from '../core/errors';
import { encodeJsonStringContent } from '../core/scripts/jsonString';
import { isUploadableType } from '../core/upload/media';
import { registerLinter } from '../diagnostics/lintController';
import type { Languages } from '../languages';
import type { Services } from '../services';
import { assetTooltip } from './tooltip';
import type { FieldUpload } from './uploads';

/** How long a first completion or hover may wait for the catalog; afterwards they answer from the cache at once. */
const firstAnswerMs = 2_000;

function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    promise.catch(() => undefined),
    new Promise<undefined>((resolve) => { timer = setTimeout(() => resolve(undefined), ms); }),
  ]).finally(() => clearTimeout(timer));
}

/** The asset field at a position of a script document, if any. */
export function fieldAt(languages: Languages, document: vscode.TextDocument, position: vscode.Position): AssetFieldAt | undefined {
  const kind = languages.scriptKindOf(document);
  return kind && assetFieldAt(document.getText(), kind, document.offsetAt(position));
}

/** The text that puts `id` into the field (with quotes where there is no string yet). */
export function idText(field: Pick<AssetFieldAt, 'needsQuotes'>, id: string): string {
  return field.needsQuotes ? JSON.stringify(id) : encodeJsonStringContent(id);
}

/** The assets that fit a field, from the cache, or loaded (bounded wait) when not cached yet. */
async function candidates(catalog: AssetCatalog, field: AssetFieldAt): Promise<{ assets: DigitalAssetInfo[]; complete: boolean }> {
  const groups = [...new Set(field.expectation.types.map((type) => groupOfType(type).id))];
  const lists = await Promise.all(groups.map((group) => catalog.peekList(group) ?? within(catalog.list(group), firstAnswerMs)));
  return {
    assets: lists.flatMap((list) => (list ?? []).filter((a) => fits(field.expectation, a.asset_type))),
    complete: lists.every((list) => list !== undefined),
  };
}

function completionItem(asset: DigitalAssetInfo, field: AssetFieldAt, range: vscode.Range): vscode.CompletionItem {
  const item = new vscode.CompletionItem({ label: assetName(asset), description: assetSummary(asset) || typeLabel(asset.asset_type) }, vscode.CompletionItemKind.Value);
  item.detail = `${asset.asset_id} · ${asset.asset_type}${isActive(asset) ? '' : ` · ${assetStateText(asset)}`}`;
  item.documentation = assetTooltip(asset);
  item.insertText = idText(field, asset.asset_id);
  item.filterText = `${asset.asset_name} ${asset.asset_id}`;
  item.range = range;
  // Usable assets first; the others struck through.
  item.sortText = `${isActive(asset) ? 0 : 1}${asset.asset_name}`;
  if (!isActive(asset)) item.tags = [vscode.CompletionItemTag.Deprecated];
  return item;
}

/** "Upload a file…" in a field that takes media: it changes nothing itself; its command uploads and fills the ID in. */
function uploadItem(document: vscode.TextDocument, field: AssetFieldAt, range: vscode.Range): vscode.CompletionItem | undefined {
  const types = field.expectation.types.filter(isUploadableType);
  if (types.length === 0) return undefined;
  const item = new vscode.CompletionItem(vscode.l10n.t('Upload a file…'), vscode.CompletionItemKind.File);
  item.detail = vscode.l10n.t('Upload a local {0} file to MetaStudio and fill in its ID', types.map((t) => typeLabel(t)).join(vscode.l10n.t(' or ')));
  const current = document.getText(range);
  item.insertText = current;
  item.filterText = current;
  item.range = range;
  item.sortText = '\uffff';
  const target: FieldUpload = { uri: document.uri.toString(), offset: field.start, types };
  item.command = { command: 'metastudio.assets.uploadForField', title: vscode.l10n.t('Upload a file…'), arguments: [target] };
  return item;
}

function hoverText(lookup: AssetLookup | undefined, id: string): vscode.MarkdownString {
  if (lookup?.state === 'found') {
    const { asset } = lookup;
    const md = new vscode.MarkdownString();
    md.appendMarkdown('**');
    md.appendText(assetName(asset));
    md.appendMarkdown('**  \n');
    md.appendText(`${typeLabel(asset.asset_type)} (${asset.asset_type}) · ${asset.asset_state ?? vscode.l10n.t('unknown state')}`);
    const summary = isActive(asset) ? assetSummary(asset) : '';
    if (summary) {
      md.appendMarkdown('  \n');
      md.appendText(summary);
    }
    return md;
  }
  const md = new vscode.MarkdownString();
  if (lookup?.state === 'missing') md.appendText(vscode.l10n.t('No asset "{0}" in this project.', id));
  else if (lookup?.state === 'failed') md.appendText(vscode.l10n.t('Could not look up asset "{0}": {1}', id, errorMessage(lookup.error)));
  else md.appendText(vscode.l10n.t('Asset "{0}": sign in to MetaStudio to look it up.', id));
  return md;
}

/**
 * Script files know their assets: completion of asset-ID fields from assets of the right type,
 * hovers with the asset's name, type and state, and warnings about missing, inactive, mistyped and
 * non-real-time assets, re-linted whenever the catalog learns something.
 */
export function registerScriptAssets(context: vscode.ExtensionContext, { assets: catalog, languages }: Services): void {
  const linter = registerLinter(context, {
    name: 'metastudio-assets',
    languageIds: Object.values(languages.scripts),
    lint: (doc) => checkAssetReferences(doc.getText(), languages.scriptKindOf(doc)!, (id) => catalog.peek(id)),
  });
  context.subscriptions.push(
    catalog.onDidChange(() => linter.relint()),
    vscode.languages.registerCompletionItemProvider(languages.scriptSelector, {
      provideCompletionItems: async (doc, position) => {
        const field = fieldAt(languages, doc, position);
        if (!field) return undefined;
        const range = new vscode.Range(doc.positionAt(field.start), doc.positionAt(field.end));
        const { assets, complete } = await candidates(catalog, field);
        const upload = uploadItem(doc, field, range);
        return new vscode.CompletionList([...assets.map((a) => completionItem(a, field, range)), ...(upload ? [upload] : [])], !complete);
      },
    }, '"'),
    vscode.languages.registerHoverProvider(languages.scriptSelector, {
      provideHover: async (doc, position) => {
        const field = fieldAt(languages, doc, position);
        if (!field?.id) return undefined;
        const lookup = catalog.peek(field.id) ?? await within(catalog.get(field.id), firstAnswerMs);
        return new vscode.Hover(hoverText(lookup, field.id), new vscode.Range(doc.positionAt(field.start), doc.positionAt(field.end)));
      },
    }),
  );
}
