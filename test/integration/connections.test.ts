import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MetaStudioApi } from '../../src/extension';
import { extensionId } from './util';

const sandboxUrl = process.env.METASTUDIO_SANDBOX_URL!;
const projectId = process.env.HUAWEICLOUD_SDK_PROJECT_ID!;

describe('connections', () => {
  let api: MetaStudioApi;
  before(async () => {
    assert.ok(sandboxUrl, 'the runner passes the sandbox URL');
    api = await vscode.extensions.getExtension<MetaStudioApi>(extensionId)!.activate();
  });

  it('offers the environment\'s credentials as the "Environment" connection', () => {
    const active = api.activeConnection();
    assert.equal(active?.name, 'Environment');
    assert.equal(active?.source, 'environment');
    assert.equal(active?.endpoint, new URL(sandboxUrl).origin);
  });

  it('signs in after checking the credentials, switches and signs out, keeping the secret out of settings', async () => {
    const sk = process.env.HUAWEICLOUD_SDK_SK!;
    const name = await vscode.commands.executeCommand<string>('metastudio.connection.signIn', {
      name: 'it-sandbox', endpoint: sandboxUrl, projectId, credentials: { kind: 'aksk', ak: process.env.HUAWEICLOUD_SDK_AK!, sk },
    });
    assert.equal(name, 'it-sandbox');
    assert.equal(api.activeConnection()?.name, 'it-sandbox');
    assert.ok(!JSON.stringify(vscode.workspace.getConfiguration('metastudio')).includes(sk), 'no secret in settings');
    assert.ok(!JSON.stringify(api.activeConnection()).includes(sk), 'the profile holds no secret');

    assert.equal(await vscode.commands.executeCommand('metastudio.connection.switch', 'Environment'), 'Environment');
    assert.equal(api.activeConnection()?.name, 'Environment');
    await vscode.commands.executeCommand('metastudio.connection.switch', 'it-sandbox');
    assert.equal(api.activeConnection()?.name, 'it-sandbox');

    await vscode.commands.executeCommand('metastudio.connection.signOut', 'it-sandbox');
    assert.equal(api.activeConnection()?.name, 'Environment', 'back to the environment connection');
  });

  it('refuses wrong credentials without saving them', async () => {
    const result = await vscode.commands.executeCommand('metastudio.connection.signIn', {
      name: 'it-wrong', endpoint: sandboxUrl, projectId, credentials: { kind: 'aksk', ak: process.env.HUAWEICLOUD_SDK_AK!, sk: 'wrong-secret-key' },
    });
    assert.equal(result, undefined);
    assert.notEqual(api.activeConnection()?.name, 'it-wrong');
  });

  it('refuses an endpoint that would send credentials over plain http to another host', async () => {
    const before = api.activeConnection()?.name;
    await vscode.commands.executeCommand('metastudio.connection.signIn', {
      name: 'it-insecure', endpoint: 'http://example.com', projectId: 'p', credentials: { kind: 'token', token: 't' },
    });
    assert.equal(api.activeConnection()?.name, before);
  });
});
