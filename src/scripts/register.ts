import * as vscode from 'vscode';
import { scriptSchemaFile } from '../core/scripts/schemas';
import { polyphoneInScript } from '../core/scripts/texts';
import { registerCommand } from '../commands/registerCommand';
import { registerLinter } from '../diagnostics/lintController';
import type { Services } from '../services';
import { onPolyphoneSettingChange, polyphoneSeverity } from '../ssml/polyphoneSetting';
import { ScriptAnalyses } from './analyses';
import { ScriptJsonService } from './jsonLanguageService';
import { newScript } from './newScript';
import { scriptKindOf, scriptLanguageIds, scriptSelector } from './scriptLanguages';

/**
 * Video and live script files: JSON IntelliSense from our schemas, MetaStudio's rules as you type.
 * Returns the analyses of the lint pass, which also count what each shot speaks.
 */
export function register(context: vscode.ExtensionContext, services: Services): ScriptAnalyses {
  const json = new ScriptJsonService(vscode.Uri.joinPath(context.extensionUri, 'schemas'), scriptSchemaFile);

  // The voices' capabilities come from the asset catalog's cache, so typing never waits on the network.
  const analyses = new ScriptAnalyses(() => ({ voiceCapability: (id) => services.assets.voiceCapability(id), polyphones: polyphoneSeverity() }));
  context.subscriptions.push(analyses);
  const linter = registerLinter(context, {
    name: 'metastudio-scripts',
    languageIds: Object.values(scriptLanguageIds),
    lint: (doc) => analyses.analyze(doc).diagnostics,
    fixesAt: (doc, code, offset) => {
      const kind = scriptKindOf(doc);
      return code === 'ssml/polyphone' && kind ? polyphoneInScript(doc.getText(), kind, offset)?.readings.map((r) => r.fix) : undefined;
    },
  });
  context.subscriptions.push(services.assets.onDidChange(() => linter.relint()));
  onPolyphoneSettingChange(context, () => linter.relint());

  const withKind = <T>(doc: vscode.TextDocument, run: (kind: 'video' | 'live') => T): T | undefined => {
    const kind = scriptKindOf(doc);
    return kind && run(kind);
  };
  context.subscriptions.push(
    vscode.languages.registerCompletionItemProvider(scriptSelector, {
      provideCompletionItems: (doc, pos) => withKind(doc, (kind) => json.complete(doc, kind, pos)),
    }, '"', ':'),
    vscode.languages.registerHoverProvider(scriptSelector, {
      provideHover: (doc, pos) => withKind(doc, (kind) => json.hover(doc, kind, pos)),
    }),
    vscode.languages.registerDocumentSymbolProvider(scriptSelector, {
      provideDocumentSymbols: (doc) => withKind(doc, (kind) => json.symbols(doc, kind)),
    }, { label: 'MetaStudio' }),
    vscode.languages.registerFoldingRangeProvider(scriptSelector, {
      provideFoldingRanges: (doc) => withKind(doc, (kind) => json.foldingRanges(doc, kind)),
    }),
    vscode.languages.registerSelectionRangeProvider(scriptSelector, {
      provideSelectionRanges: (doc, positions) => withKind(doc, (kind) => json.selectionRanges(doc, kind, positions)),
    }),
    vscode.languages.registerDocumentFormattingEditProvider(scriptSelector, {
      provideDocumentFormattingEdits: (doc, options) => withKind(doc, (kind) => json.format(doc, kind, undefined, options)),
    }),
    vscode.languages.registerDocumentRangeFormattingEditProvider(scriptSelector, {
      provideDocumentRangeFormattingEdits: (doc, range, options) => withKind(doc, (kind) => json.format(doc, kind, range, options)),
    }),
  );

  registerCommand(context, 'metastudio.script.newVideo', (name?: string) => newScript('video', name));
  registerCommand(context, 'metastudio.script.newLive', (name?: string) => newScript('live', name));
  return analyses;
}
