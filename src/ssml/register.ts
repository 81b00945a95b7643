import * as vscode from 'vscode';
import { findScriptTextAt, ssmlContext, ssmlWhereOf } from '../core/scripts/texts';
import { encodeJsonStringContent } from '../core/scripts/jsonString';
import { ssmlCompletions, ssmlHover, lintSsml } from '../core/ssml';
import { polyphoneAt, polyphoneSeverityOf } from '../core/ssml/polyphones';
import type { SsmlContext } from '../core/ssml/types';
import { ExpectedError } from '../core/errors';
import { registerCommand } from '../commands/registerCommand';
import { lintDocumentText, registerLinter } from '../diagnostics/lintController';
import type { Services } from '../services';
import { onDidChangeSettings, settings } from '../settings';
import { reviewPolyphones } from './polyphoneReview';
import { asIs, toCompletionItem, toHover, type TextPlacement } from './ssmlItems';

const triggers = ['<', ' ', '"', '='];

/** JSON-escapes inserted text; a snippet's escaping backslashes must survive the snippet parser. */
function jsonPlacement(map: { toDocument(i: number): number }): TextPlacement {
  return {
    toDocument: (o) => map.toDocument(o),
    encode: (text, isSnippet) => {
      const encoded = encodeJsonStringContent(text);
      return isSnippet ? encoded.replace(/\\(?![$}])/g, '\\\\') : encoded;
    },
  };
}

/** MetaStudio SSML: `.ssml` files, shot editors, and the SSML inside every shot text of a script file. */
export function register(context: vscode.ExtensionContext, services: Services): void {
  const { languages, shots, assets } = services;
  const ssmlSelector: vscode.DocumentFilter = { language: languages.ssml };
  // A shot editor's text is spoken where its shot is, by its shot's voice; any other SSML file stands alone.
  const contextOf = (doc: vscode.TextDocument): SsmlContext => {
    const polyphones = polyphoneSeverityOf(settings.polyphones.value());
    const shot = shots.shotOf(doc);
    return shot
      ? ssmlContext(shot.kind, shot.voice, { voiceCapability: (id) => assets.voiceCapability(id), polyphones })
      : { where: 'standalone', ...(polyphones ? { polyphones } : {}) };
  };
  const linter = registerLinter(context, {
    name: 'metastudio-ssml',
    languageIds: [languages.ssml],
    lint: (doc) => lintDocumentText(doc, (text) => lintSsml(text, contextOf(doc))),
    fixesAt: (doc, code, offset) => (code === 'ssml/polyphone' ? polyphoneAt(doc.getText(), offset)?.readings.map((r) => r.fix) : undefined),
  });
  context.subscriptions.push(onDidChangeSettings([settings.polyphones], () => linter.relint()));
  registerCommand(context, 'metastudio.ssml.reviewPolyphones', () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) throw new ExpectedError(vscode.l10n.t('Open a script or .ssml file to review its polyphones.'));
    return reviewPolyphones(editor, services);
  });
  context.subscriptions.push(shots.onDidChange(() => linter.relint()), assets.onDidChange(() => linter.relint()));

  context.subscriptions.push(
    vscode.languages.registerCompletionItemProvider(ssmlSelector, {
      provideCompletionItems: (doc, pos, _token, ctx) =>
        ssmlCompletions(doc.getText(), doc.offsetAt(pos), contextOf(doc), ctx.triggerCharacter).map((e) => toCompletionItem(doc, e, asIs)),
    }, ...triggers),
    vscode.languages.registerHoverProvider(ssmlSelector, {
      provideHover: (doc, pos) => {
        const hover = ssmlHover(doc.getText(), doc.offsetAt(pos));
        return hover && toHover(doc, hover, asIs);
      },
    }),
    // Inside script texts: the same providers on the decoded string, mapped through JSON escapes.
    vscode.languages.registerCompletionItemProvider(languages.scriptSelector, {
      provideCompletionItems: (doc, pos, _token, ctx) => {
        const kind = languages.scriptKindOf(doc);
        const at = kind && findScriptTextAt(doc.getText(), kind, doc.offsetAt(pos));
        if (!at) return undefined;
        return ssmlCompletions(at.value, at.decodedOffset, { where: ssmlWhereOf(kind) }, ctx.triggerCharacter).map((e) => toCompletionItem(doc, e, jsonPlacement(at.map)));
      },
    }, ...triggers),
    vscode.languages.registerHoverProvider(languages.scriptSelector, {
      provideHover: (doc, pos) => {
        const kind = languages.scriptKindOf(doc);
        const at = kind && findScriptTextAt(doc.getText(), kind, doc.offsetAt(pos));
        const hover = at && ssmlHover(at.value, at.decodedOffset);
        return hover ? toHover(doc, hover, jsonPlacement(at.map)) : undefined;
      },
    }),
  );
}
