import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { settings } from '../../src/settings';
import { extensionId, waitFor } from './util';

describe('extension', () => {
  it('activates', async () => {
    const ext = vscode.extensions.getExtension(extensionId);
    assert.ok(ext, `${extensionId} is installed`);
    await ext.activate();
    assert.equal(ext.isActive, true);
  });

  it('registers exactly the commands its manifest contributes', async () => {
    const ext = vscode.extensions.getExtension(extensionId)!;
    await ext.activate();
    const declared = (ext.packageJSON.contributes.commands as { command: string }[]).map((c) => c.command).sort();
    // VS Code adds these commands for every contributed view: they are not ours to declare.
    const viewCommands = new Set(Object.values(ext.packageJSON.contributes.views as Record<string, { id: string }[]>).flat()
      .flatMap((v) => ['focus', 'open', 'removeView', 'resetViewLocation', 'toggleVisibility'].map((suffix) => `${v.id}.${suffix}`)));
    const registered = (await vscode.commands.getCommands(true))
      .filter((c) => c.startsWith('metastudio.') && !viewCommands.has(c))
      .sort();
    assert.deepEqual(registered, declared);
    for (const id of declared) assert.match(id, /^metastudio\.[a-z][a-zA-Z]*\.[a-z][a-zA-Z]*$/, `${id} is metastudio.<area>.<verb>`);
  });

  it('reads every setting with the type and default package.json declares', () => {
    const declared = vscode.extensions.getExtension(extensionId)!.packageJSON.contributes.configuration.properties as Record<string, { type: string; default: unknown }>;
    for (const setting of Object.values(settings)) {
      assert.ok(declared[setting.key], `${setting.key} is declared`);
      assert.equal(typeof setting.value(), declared[setting.key].type, setting.key);
      assert.deepEqual(setting.value(), declared[setting.key].default, `${setting.key} is not set in the tests: its default`);
    }
  });

  it('opens its log channel with "Show Logs"', async () => {
    await vscode.commands.executeCommand('metastudio.logs.show');
    const doc = await waitFor(() => vscode.workspace.textDocuments.find((d) =>
      d.uri.scheme === 'output' && /MetaStudio/i.test(d.uri.path) && /MetaStudio \S+ activated/.test(d.getText())), 15_000, 'the MetaStudio log');
    assert.ok(vscode.window.visibleTextEditors.some((e) => e.document === doc) || doc.getText().length > 0);
  });
});
