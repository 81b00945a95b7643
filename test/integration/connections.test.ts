import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MetaStudioApi } from '../../src/extension';
import { extensionId } from './util';

describe('connections', () => {
  let api: MetaStudioApi;
  before(async () => { api = await vscode.extensions.getExtension<MetaStudioApi>(extensionId)!.activate(); });

  it('signs in, switches and signs out, keeping the secret out of settings', async () => {
    const secret = 'sk-never-in-settings-0123456789';
    const name = await vscode.commands.executeCommand<string>('metastudio.connection.signIn', {
      name: 'it-sandbox', endpoint: 'http://127.0.0.1:9', projectId: 'project-1',
      credentials: { kind: 'aksk', ak: 'AK-TEST', sk: secret },
    });
    assert.equal(name, 'it-sandbox');
    assert.equal(api.activeConnection()?.name, 'it-sandbox');
    assert.equal(api.activeConnection()?.endpoint, 'http://127.0.0.1:9');
    assert.ok(!JSON.stringify(vscode.workspace.getConfiguration('metastudio')).includes(secret));
    assert.ok(!JSON.stringify(api.activeConnection()).includes(secret), 'the profile holds no secret');

    await vscode.commands.executeCommand('metastudio.connection.signOut', 'it-sandbox');
    assert.notEqual(api.activeConnection()?.name, 'it-sandbox');
  });

  it('refuses an endpoint that would send credentials over plain http to another host', async () => {
    const before = api.activeConnection()?.name;
    await vscode.commands.executeCommand('metastudio.connection.signIn', {
      name: 'it-insecure', endpoint: 'http://example.com', projectId: 'p', credentials: { kind: 'token', token: 't' },
    });
    assert.equal(api.activeConnection()?.name, before);
  });
});
