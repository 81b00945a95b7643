import * as vscode from 'vscode';
import { ExpectedError } from '../core/errors';
import type { ScriptKind } from '../core/scripts/schemas';
import { liveScriptTemplate, videoScriptTemplate } from '../core/scripts/templates';
import type { Services } from '../services';

const templates: Record<ScriptKind, string> = { video: videoScriptTemplate, live: liveScriptTemplate };

/**
 * Creates `<name>.video.json` / `<name>.live.json` from the template in the workspace folder (or,
 * without a folder, an untitled script), and opens it.
 */
export async function newScript({ languages, prompts }: Services, kind: ScriptKind): Promise<vscode.TextEditor | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    const doc = await vscode.workspace.openTextDocument({ language: languages.scripts[kind], content: templates[kind] });
    return vscode.window.showTextDocument(doc);
  }
  const suffix = kind === 'video' ? '.video.json' : '.live.json';
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
    title: kind === 'video' ? vscode.l10n.t('New Video Script') : vscode.l10n.t('New Live Script'),
    prompt: vscode.l10n.t('File name (without {0}), relative to the workspace folder', suffix),
    value: kind === 'video' ? 'my-video' : 'my-live',
    validateInput: async (v) => !v.trim() ? vscode.l10n.t('Enter a file name.')
      : /[\\:*?"<>|]/.test(v) ? vscode.l10n.t('A file name cannot contain \\ : * ? " < > |')
      : await exists(v.trim()) ? vscode.l10n.t('{0} already exists.', v.trim() + suffix) : undefined,
  });
  if (name === undefined) return undefined;
  const uri = vscode.Uri.joinPath(folder.uri, name.trim() + suffix);
  if (await exists(name.trim())) throw new ExpectedError(vscode.l10n.t('{0} already exists.', vscode.workspace.asRelativePath(uri)));
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(templates[kind]));
  return vscode.window.showTextDocument(uri);
}
