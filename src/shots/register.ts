/**
 * Edit Shot Text: an "Edit Text" CodeLens above every shot text (and interaction rule reply) of a
 * script, and a command, open the decoded text in a tab of its own (the `metastudio-shot` file
 * system), where typing edits the script (docs/decisions/shot-editor.md).
 */
import * as vscode from 'vscode';
import { ExpectedError } from '../core/errors';
import { shotTexts } from '../core/scripts/shotTexts';
import { registerCommand } from '../commands/registerCommand';
import type { Services, ShotService } from '../services';
import { noLongerWrites, ShotFileSystem } from './shotFileSystem';
import { SHOT_SCHEME } from './shotUri';

/** The command's argument from a CodeLens: the script and the offset of the text's opening quote. */
interface EditTextArgument {
  readonly uri: string;
  readonly offset: number;
}

async function targetOf(arg: unknown): Promise<{ document: vscode.TextDocument; offset: number } | undefined> {
  const a = arg as Partial<EditTextArgument> | undefined;
  if (typeof a?.uri === 'string' && typeof a.offset === 'number') {
    return { document: await vscode.workspace.openTextDocument(vscode.Uri.parse(a.uri, true)), offset: a.offset };
  }
  const editor = vscode.window.activeTextEditor;
  return editor && { document: editor.document, offset: editor.document.offsetAt(editor.selection.active) };
}

export function register(context: vscode.ExtensionContext, { languages }: Pick<Services, 'languages'>): ShotService {
  const files = new ShotFileSystem(languages);
  const changed = new vscode.EventEmitter<void>();
  const lensesChanged = new vscode.EventEmitter<void>();
  context.subscriptions.push(
    files,
    changed,
    lensesChanged,
    vscode.workspace.registerFileSystemProvider(SHOT_SCHEME, files, { isCaseSensitive: true }),
    files.onDidChangeState((session) => {
      changed.fire();
      lensesChanged.fire();
      if (session.state === 'deleted' || session.state === 'closed') void vscode.window.showWarningMessage(noLongerWrites(session, session.uri));
    }),
    // The script's voice_config may have changed: the shot editors' SSML context with it.
    vscode.workspace.onDidChangeTextDocument((e) => { if (e.contentChanges.length && files.hasSessionsOn(e.document)) changed.fire(); }),
    vscode.languages.registerCodeLensProvider(languages.scriptSelector, {
      provideCodeLenses(document) {
        const kind = languages.scriptKindOf(document);
        if (!kind) return [];
        return shotTexts(document.getText(), kind).map((text) => {
          const at = document.positionAt(text.start);
          const reply = text.path[0] === 'interaction_rules';
          return new vscode.CodeLens(new vscode.Range(at, at), {
            title: reply ? vscode.l10n.t('$(edit) Edit {0}', text.names[text.names.length - 1]) : vscode.l10n.t('$(edit) Edit Text'),
            tooltip: vscode.l10n.t('Edit this text in an SSML editor of its own: {0}', text.names.join(' › ')),
            command: 'metastudio.shot.editText',
            arguments: [{ uri: document.uri.toString(), offset: text.start } satisfies EditTextArgument],
          });
        });
      },
    }),
    // In a shot editor whose shot is gone: a notice above the text, for as long as the tab is open.
    vscode.languages.registerCodeLensProvider({ scheme: SHOT_SCHEME }, {
      onDidChangeCodeLenses: lensesChanged.event,
      provideCodeLenses(document) {
        const session = files.sessionOf(document.uri);
        if (!session || session.state === 'live') return [];
        return [new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), { title: `$(warning) ${noLongerWrites(session, document.uri)}`, command: '' })];
      },
    }),
  );

  registerCommand(context, 'metastudio.shot.editText', async (arg: unknown) => {
    const target = await targetOf(arg);
    const uri = target && files.open(target.document, target.offset);
    if (!uri) throw new ExpectedError(vscode.l10n.t('Put the cursor in a shot\'s "text" (or a reply of an interaction rule) to edit it.'));
    const editor = await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.Beside, preview: false });
    return editor.document.uri.toString();
  });

  return {
    shotOf: (document) => {
      const session = files.sessionOf(document.uri);
      return session && { kind: session.kind, voice: session.current.voice };
    },
    onDidChange: changed.event,
  };
}
