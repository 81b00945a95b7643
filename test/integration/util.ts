import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MetaStudioApi } from '../../src/extension';
import { ScriptedPrompts, type Answers } from './scriptedPrompts';

export const extensionId = 'metastudio-tools.metastudio-vscode';

/** Polls until `probe` returns a truthy value (never a fixed sleep). */
export async function waitFor<T>(probe: () => T | undefined | null | false | Promise<T | undefined | null | false>, timeoutMs = 15_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The extension's log once one of its lines matches `line` (showing the channel makes VS Code open its document); that line and the next. */
export async function waitForLogLine(line: RegExp, what: string): Promise<{ line: string; next: string | undefined }> {
  await vscode.commands.executeCommand('metastudio.logs.show');
  return waitFor(() => {
    for (const document of vscode.workspace.textDocuments) {
      if (document.uri.scheme !== 'output' || !/MetaStudio/i.test(document.uri.path)) continue;
      const lines = document.getText().split('\n');
      const at = lines.findIndex((l) => line.test(l));
      if (at >= 0) return { line: lines[at], next: lines[at + 1] };
    }
    return undefined;
  }, 15_000, what);
}

export function workspaceUri(...segments: string[]): vscode.Uri {
  return vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, ...segments);
}

/** Activates the extension; its test-mode API. */
export async function testingApi(): Promise<MetaStudioApi & Required<Pick<MetaStudioApi, 'testing'>>> {
  const api = await vscode.extensions.getExtension<MetaStudioApi>(extensionId)!.activate();
  assert.ok(api.testing, 'the extension runs in test mode');
  return api as MetaStudioApi & Required<Pick<MetaStudioApi, 'testing'>>;
}

/** From now on the extension's questions get these answers; the returned double records what was asked. */
export async function answerPrompts(answers: Answers): Promise<ScriptedPrompts> {
  const prompts = new ScriptedPrompts(answers);
  (await testingApi()).testing.usePrompts(prompts);
  return prompts;
}

/** Signs in through the Sign In questions; the command's result (the connection's name, or undefined). */
export async function signIn(name: string, endpoint: string, projectId: string, credentials: { ak: string; sk: string }): Promise<{ result: unknown; prompts: ScriptedPrompts }> {
  const prompts = await answerPrompts({
    'connection.name': name,
    'connection.region': null,
    'connection.endpoint': endpoint,
    'connection.projectId': projectId,
    'connection.credentialKind': 'aksk',
    'connection.ak': credentials.ak,
    'connection.sk': credentials.sk,
    // A failed check offers to save anyway: the tests decline.
    'connection.saveAnyway': undefined,
  });
  return { result: await vscode.commands.executeCommand('metastudio.connection.signIn'), prompts };
}
