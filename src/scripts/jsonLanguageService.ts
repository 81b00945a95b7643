import * as vscode from 'vscode';
import type * as json from 'vscode-json-languageservice';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { lazy } from '../core/lazy';
import { scriptKinds, type ScriptKind } from '../core/scripts/kinds';
import type { JsonSchema } from '../core/scripts/schemas';
import { localizeSchema, type SchemaTranslations } from '../core/scripts/schemaTexts';

// The language service's modules are many and none is needed before the first completion, hover or outline.
/* eslint-disable @typescript-eslint/no-require-imports */
const modules = lazy('vscode-json-languageservice', () => ({
  json: require('vscode-json-languageservice') as typeof json,
  TextDocument: (require('vscode-languageserver-textdocument') as { TextDocument: typeof TextDocument }).TextDocument,
}));
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * VS Code's own JSON language service (vscode-json-languageservice) running in the extension with
 * our schemas: completion, hover, outline, folding, selection ranges and formatting for script
 * files. It never validates: the MetaStudio validator is the one source of diagnostics.
 */
export class ScriptJsonService {
  private readonly services = new Map<ScriptKind, json.LanguageService>();
  private readonly parsed = new WeakMap<vscode.TextDocument, { version: number; doc: TextDocument; json: json.JSONDocument }>();
  private translations: Promise<SchemaTranslations | undefined> | undefined;

  /** `schemasUri`: the folder of the schema files. */
  constructor(private readonly schemasUri: vscode.Uri) {}

  private service(kind: ScriptKind): json.LanguageService {
    let service = this.services.get(kind);
    if (!service) {
      const { getLanguageService, ClientCapabilities } = modules().json;
      service = getLanguageService({
        schemaRequestService: (uri) => this.readSchema(uri),
        workspaceContext: { resolveRelativePath: (relative, resource) => vscode.Uri.joinPath(vscode.Uri.parse(resource), '..', relative).toString() },
        clientCapabilities: ClientCapabilities.LATEST,
      });
      // One service per kind, so its one schema applies to every document it is given.
      service.configure({
        validate: false,
        allowComments: false,
        schemas: [{ uri: vscode.Uri.joinPath(this.schemasUri, scriptKinds[kind].schema.file).toString(), fileMatch: ['*'] }],
      });
      this.services.set(kind, service);
    }
    return service;
  }

  /**
   * A schema file, its descriptions translated at load time into VS Code's display language when
   * `schemas/l10n/<language>.json` exists (the rule VS Code applies to `l10n/bundle.l10n.<language>.json`).
   */
  private async readSchema(uri: string): Promise<string> {
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(uri)));
    this.translations ??= readTranslations(vscode.Uri.joinPath(this.schemasUri, 'l10n', `${vscode.env.language}.json`));
    const translations = await this.translations;
    return translations ? JSON.stringify(localizeSchema(JSON.parse(text) as JsonSchema, translations)) : text;
  }

  private parse(document: vscode.TextDocument, kind: ScriptKind) {
    const cached = this.parsed.get(document);
    if (cached && cached.version === document.version) return cached;
    const doc = modules().TextDocument.create(document.uri.toString(), 'json', document.version, document.getText());
    const entry = { version: document.version, doc, json: this.service(kind).parseJSONDocument(doc) };
    this.parsed.set(document, entry);
    return entry;
  }

  async complete(document: vscode.TextDocument, kind: ScriptKind, position: vscode.Position): Promise<vscode.CompletionList | undefined> {
    const { doc, json: parsed } = this.parse(document, kind);
    const list = await this.service(kind).doComplete(doc, position, parsed);
    if (!list) return undefined;
    return new vscode.CompletionList(list.items.map(toCompletionItem), list.isIncomplete);
  }

  async hover(document: vscode.TextDocument, kind: ScriptKind, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const { doc, json: parsed } = this.parse(document, kind);
    const hover = await this.service(kind).doHover(doc, position, parsed);
    if (!hover) return undefined;
    const contents = Array.isArray(hover.contents) ? hover.contents : [hover.contents];
    return new vscode.Hover(contents.map(toMarkdown), hover.range && toRange(hover.range));
  }

  symbols(document: vscode.TextDocument, kind: ScriptKind): vscode.DocumentSymbol[] {
    const { doc, json: parsed } = this.parse(document, kind);
    return this.service(kind).findDocumentSymbols2(doc, parsed, { resultLimit: 5000 }).map(toSymbol);
  }

  foldingRanges(document: vscode.TextDocument, kind: ScriptKind): vscode.FoldingRange[] {
    const { doc } = this.parse(document, kind);
    return this.service(kind).getFoldingRanges(doc, { rangeLimit: 5000 }).map((r) =>
      new vscode.FoldingRange(r.startLine, r.endLine, r.kind === 'comment' ? vscode.FoldingRangeKind.Comment : undefined));
  }

  selectionRanges(document: vscode.TextDocument, kind: ScriptKind, positions: readonly vscode.Position[]): vscode.SelectionRange[] {
    const { doc, json: parsed } = this.parse(document, kind);
    return this.service(kind).getSelectionRanges(doc, [...positions], parsed).map(toSelectionRange);
  }

  format(document: vscode.TextDocument, kind: ScriptKind, range: vscode.Range | undefined, options: vscode.FormattingOptions): vscode.TextEdit[] {
    const { doc } = this.parse(document, kind);
    return this.service(kind).format(doc, range, { tabSize: options.tabSize, insertSpaces: options.insertSpaces })
      .map((e) => new vscode.TextEdit(toRange(e.range), e.newText));
  }
}

async function readTranslations(uri: vscode.Uri): Promise<SchemaTranslations | undefined> {
  try {
    return JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri))) as SchemaTranslations;
  } catch {
    return undefined; // no table for this language: the schemas stay English
  }
}

function toRange(r: json.Range): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

function toMarkdown(content: json.MarkedString | json.MarkupContent): vscode.MarkdownString {
  if (typeof content === 'string') return new vscode.MarkdownString(content);
  if ('kind' in content) return content.kind === 'markdown' ? new vscode.MarkdownString(content.value) : new vscode.MarkdownString().appendText(content.value);
  return new vscode.MarkdownString().appendCodeblock(content.value, content.language);
}

function toCompletionItem(item: json.CompletionItem): vscode.CompletionItem {
  const result = new vscode.CompletionItem(item.label, item.kind === undefined ? undefined : item.kind - 1);
  result.detail = item.detail;
  result.filterText = item.filterText;
  result.sortText = item.sortText;
  if (item.documentation) result.documentation = toMarkdown(item.documentation);
  const text = item.textEdit?.newText ?? item.insertText ?? item.label;
  result.insertText = item.insertTextFormat === modules().json.InsertTextFormat.Snippet ? new vscode.SnippetString(text) : text;
  if (item.textEdit) {
    result.range = 'range' in item.textEdit
      ? toRange(item.textEdit.range)
      : { inserting: toRange(item.textEdit.insert), replacing: toRange(item.textEdit.replace) };
  }
  if (item.command) result.command = { title: item.command.title, command: item.command.command, arguments: item.command.arguments };
  return result;
}

function toSymbol(s: json.DocumentSymbol): vscode.DocumentSymbol {
  const symbol = new vscode.DocumentSymbol(s.name || ' ', s.detail ?? '', s.kind - 1, toRange(s.range), toRange(s.selectionRange));
  symbol.children = (s.children ?? []).map(toSymbol);
  return symbol;
}

function toSelectionRange(r: json.SelectionRange): vscode.SelectionRange {
  return new vscode.SelectionRange(toRange(r.range), r.parent && toSelectionRange(r.parent));
}
