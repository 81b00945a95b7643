import * as vscode from 'vscode';
import { scriptKinds, type ScriptKind } from '../core/scripts/kinds';
import { ExpectedError } from '../core/errors';
import type { Services } from '../services';

/**
 * Creates `<name><suffix>` (e.g. `my-video.video.json`) from the kind's template in the workspace
 * folder (or, without a folder, an untitled script), and opens it.
 */
export async function newScript({ languages, prompts }: Pick<Services, 'languages' | 'prompts'>, kind: ScriptKind): Promise<vscode.TextEditor | undefined> {
  const { suffix, newFile } = scriptKinds[kind];
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    const doc = await vscode.workspace.openTextDocument({ language: languages.scripts[kind], content: newFile.template });
    return vscode.window.showTextDocument(doc);
  }
  const exists = async (n: string) => {
    try {
      await vscode.workspace.fs.stat(vscode.Uri.joinPath(folder.uri, n + suffix));
      return true;
    } catch {
      return false;
    }
  };
  const name = await prompts.input({
    id: 'script.fileName',
    title: newFile.title(),
    prompt: vscode.l10n.t('File name (without {0}), relative to the workspace folder', suffix),
    value: newFile.baseName,
    // Started from the walkthrough, whose page takes the focus back when the step ticks.
    ignoreFocusOut: true,
    validateInput: async (v) => !v.trim() ? vscode.l10n.t('Enter a file name.')
      : /[\\:*?"<>|]/.test(v) ? vscode.l10n.t('A file name cannot contain \\ : * ? " < > |')
      : await exists(v.trim()) ? vscode.l10n.t('{0} already exists.', v.trim() + suffix) : undefined,
  });
  if (name === undefined) return undefined;
  const uri = vscode.Uri.joinPath(folder.uri, name.trim() + suffix);
  if (await exists(name.trim())) throw new ExpectedError(vscode.l10n.t('{0} already exists.', vscode.workspace.asRelativePath(uri)));
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(newFile.template));
  return vscode.window.showTextDocument(uri);
}
