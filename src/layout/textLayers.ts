/** Text layers in the editor: hover shows the decoded `text_context`; "Edit text…" writes it back in Base64. */
import * as vscode from 'vscode';
import { textContextEdit, textLayerAt } from '../core/layout/textLayers';
import type { Services } from '../services';
import { isPlaceArgument } from './placeArgument';

export const EDIT_TEXT_COMMAND = 'metastudio.layout.editText';

export function textLayerHover(services: Services): vscode.HoverProvider {
  return {
    provideHover(document, position) {
      const kind = services.languages.scriptKindOf(document);
      const found = kind && textLayerAt(document.getText(), kind, document.offsetAt(position));
      if (!found || found.text === undefined) return undefined;
      const markdown = new vscode.MarkdownString();
      markdown.appendMarkdown(`**${vscode.l10n.t('Text layer, decoded from Base64:')}**\n\n`);
      markdown.appendCodeblock(found.text, 'text');
      const start = document.positionAt(found.at.offset);
      return new vscode.Hover(markdown, new vscode.Range(start, document.positionAt(found.at.offset + found.at.length)));
    },
  };
}

export function textLayerActions(services: Services): vscode.CodeActionProvider {
  return {
    provideCodeActions(document, range) {
      const kind = services.languages.scriptKindOf(document);
      const found = kind && textLayerAt(document.getText(), kind, document.offsetAt(range.start));
      if (!found) return [];
      const action = new vscode.CodeAction(vscode.l10n.t('Edit text…'), vscode.CodeActionKind.RefactorRewrite);
      action.command = { command: EDIT_TEXT_COMMAND, title: action.title, arguments: [{ uri: document.uri.toString(), offset: found.at.offset + 1 }] };
      return [action];
    },
  };
}

/** Asks for the plain text (prefilled with the decoded one) and writes it Base64-encoded, as one edit. */
export async function editText(services: Services, args: unknown): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  const document = isPlaceArgument(args)
    ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === args.uri)
    : editor?.document;
  const offset = isPlaceArgument(args) ? args.offset : editor && editor.document.offsetAt(editor.selection.active);
  const kind = document && services.languages.scriptKindOf(document);
  const found = kind && offset !== undefined ? textLayerAt(document.getText(), kind, offset) : undefined;
  if (!document || !found) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Put the cursor in a text layer\'s "text_context" to edit its text.'));
    return false;
  }
  const version = document.version;
  const plain = await services.prompts.input({
    id: 'layout.editText',
    title: vscode.l10n.t('Edit Text Layer'),
    prompt: vscode.l10n.t('The text as it shows in the video; it is saved Base64-encoded in "text_context".'),
    value: found.text ?? '',
  });
  if (plain === undefined) return false;
  if (document.version !== version) {
    void vscode.window.showWarningMessage(vscode.l10n.t('The script changed while you typed; the text was not written. Try again.'));
    return false;
  }
  const edit = textContextEdit(found.at, plain);
  const workspaceEdit = new vscode.WorkspaceEdit();
  workspaceEdit.replace(document.uri, new vscode.Range(document.positionAt(edit.start), document.positionAt(edit.end)), edit.newText);
  return vscode.workspace.applyEdit(workspaceEdit);
}
