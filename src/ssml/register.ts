import * as vscode from 'vscode';
import { findScriptTextAt } from '../core/scripts/texts';
import { encodeJsonStringContent } from '../core/scripts/jsonString';
import { ssmlCompletions, ssmlHover, lintSsml } from '../core/ssml';
import { polyphoneAt } from '../core/ssml/polyphones';
import { registerCommand, UserFacingError } from '../commands/registerCommand';
import { registerLinter } from '../diagnostics/lintController';
import { scriptKindOf, scriptSelector } from '../scripts/scriptLanguages';
import type { Services } from '../services';
import { onPolyphoneSettingChange, polyphoneSeverity } from './polyphoneSetting';
import { reviewPolyphones, reviewTestHooksKey, ScriptedReviewPrompts, windowReviewPrompts, type ReviewPrompts, type ReviewTestHooks } from './polyphoneReview';
import { asIs, toCompletionItem, toHover, type TextPlacement } from './ssmlItems';

export const ssmlLanguageId = 'metastudio-ssml';
const ssmlSelector: vscode.DocumentFilter = { language: ssmlLanguageId };
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

/** MetaStudio SSML: `.ssml` files, and the SSML inside every shot text of a script file. */
export function register(context: vscode.ExtensionContext, services: Services): void {
  const linter = registerLinter(context, {
    name: 'metastudio-ssml',
    languageIds: [ssmlLanguageId],
    lint: (doc) => lintSsml(doc.getText(), { where: 'standalone', polyphones: polyphoneSeverity() }),
    fixesAt: (doc, code, offset) => (code === 'ssml/polyphone' ? polyphoneAt(doc.getText(), offset)?.readings.map((r) => r.fix) : undefined),
  });
  onPolyphoneSettingChange(context, () => linter.relint());
  registerPolyphoneReview(context, services);

  context.subscriptions.push(
    vscode.languages.registerCompletionItemProvider(ssmlSelector, {
      provideCompletionItems: (doc, pos, _token, ctx) =>
        ssmlCompletions(doc.getText(), doc.offsetAt(pos), { where: 'standalone' }, ctx.triggerCharacter).map((e) => toCompletionItem(doc, e, asIs)),
    }, ...triggers),
    vscode.languages.registerHoverProvider(ssmlSelector, {
      provideHover: (doc, pos) => {
        const hover = ssmlHover(doc.getText(), doc.offsetAt(pos));
        return hover && toHover(doc, hover, asIs);
      },
    }),
    // Inside script texts: the same providers on the decoded string, mapped through JSON escapes.
    vscode.languages.registerCompletionItemProvider(scriptSelector, {
      provideCompletionItems: (doc, pos, _token, ctx) => {
        const kind = scriptKindOf(doc);
        const at = kind && findScriptTextAt(doc.getText(), kind, doc.offsetAt(pos));
        if (!at) return undefined;
        return ssmlCompletions(at.value, at.decodedOffset, { where: kind }, ctx.triggerCharacter).map((e) => toCompletionItem(doc, e, jsonPlacement(at.map)));
      },
    }, ...triggers),
    vscode.languages.registerHoverProvider(scriptSelector, {
      provideHover: (doc, pos) => {
        const kind = scriptKindOf(doc);
        const at = kind && findScriptTextAt(doc.getText(), kind, doc.offsetAt(pos));
        const hover = at && ssmlHover(at.value, at.decodedOffset);
        return hover ? toHover(doc, hover, jsonPlacement(at.map)) : undefined;
      },
    }),
  );
}

function registerPolyphoneReview(context: vscode.ExtensionContext, services: Services): void {
  let prompts: ReviewPrompts = windowReviewPrompts;
  registerCommand(context, 'metastudio.ssml.reviewPolyphones', () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) throw new UserFacingError(vscode.l10n.t('Open a script or .ssml file to review its polyphones.'));
    return reviewPolyphones(editor, prompts, (id) => services.assets.voiceCapability(id));
  });
  // The tests answer the quick picks through the extension host's global object, as for previews.
  if (context.extensionMode === vscode.ExtensionMode.Test) {
    let scripted = new ScriptedReviewPrompts([]);
    const hooks: ReviewTestHooks = (answers) => {
      if (answers) prompts = scripted = new ScriptedReviewPrompts(answers);
      return scripted.asked;
    };
    (globalThis as Record<symbol, unknown>)[Symbol.for(reviewTestHooksKey)] = hooks;
    context.subscriptions.push({ dispose: () => { delete (globalThis as Record<symbol, unknown>)[Symbol.for(reviewTestHooksKey)]; } });
  }
}
