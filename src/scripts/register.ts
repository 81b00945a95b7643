import * as vscode from 'vscode';
import { scriptKindNames, scriptKinds, type ScriptKind } from '../core/scripts/kinds';
import { polyphoneInScript } from '../core/scripts/texts';
import { polyphoneSeverityOf } from '../core/ssml/polyphones';
import { registerCommand } from '../commands/registerCommand';
import { lintDocumentText, registerLinter } from '../diagnostics/lintController';
import type { ScriptAnalyses, Services } from '../services';
import { onDidChangeSettings, settings } from '../settings';
import { LatestAnalyses } from './analyses';
import { ScriptJsonService } from './jsonLanguageService';
import { newScript } from './newScript';

/**
 * Video and live script files: JSON IntelliSense from our schemas, MetaStudio's rules as you type.
 * Returns the analyses of the lint pass, which also count what each shot speaks.
 */
export function register(context: vscode.ExtensionContext, services: Omit<Services, 'analyses' | 'previews' | 'durations'>): ScriptAnalyses {
  const json = new ScriptJsonService(vscode.Uri.joinPath(context.extensionUri, 'schemas'));
  const { languages } = services;
  const { scriptSelector } = languages;

  // The voices' capabilities come from the asset catalog's cache, so typing never waits on the network.
  const analyses = new LatestAnalyses(languages, () => ({
    voiceCapability: (id) => services.assets.voiceCapability(id),
    polyphones: polyphoneSeverityOf(settings.polyphones.value()),
  }));
  context.subscriptions.push(analyses);
  const linter = registerLinter(context, {
    name: 'metastudio-scripts',
    languageIds: Object.values(languages.scripts),
    lint: (doc) => lintDocumentText(doc, () => analyses.analyze(doc).diagnostics),
    fixesAt: (doc, code, offset) => {
      const kind = languages.scriptKindOf(doc);
      return code === 'ssml/polyphone' && kind ? polyphoneInScript(doc.getText(), kind, offset)?.readings.map((r) => r.fix) : undefined;
    },
  });
  context.subscriptions.push(
    services.assets.onDidChange(() => linter.relint()),
    onDidChangeSettings([settings.polyphones], () => linter.relint()),
  );

  const withKind = <T>(doc: vscode.TextDocument, run: (kind: ScriptKind) => T): T | undefined => {
    const kind = languages.scriptKindOf(doc);
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

  for (const kind of scriptKindNames) registerCommand(context, scriptKinds[kind].newFile.command, () => newScript(services, kind));
  return analyses;
}
