import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MetaStudioApi } from '../../src/extension';
import { answerPrompts, extensionId, signIn } from './util';

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
    const { result, prompts } = await signIn('it-sandbox', sandboxUrl, projectId, { ak: process.env.HUAWEICLOUD_SDK_AK!, sk });
    assert.equal(result, 'it-sandbox');
    assert.deepEqual(prompts.asked.map((q) => q.id), ['connection.name', 'connection.region', 'connection.endpoint', 'connection.projectId', 'connection.credentialKind', 'connection.ak', 'connection.sk']);
    assert.equal(api.activeConnection()?.name, 'it-sandbox');
    assert.ok(!JSON.stringify(vscode.workspace.getConfiguration('metastudio')).includes(sk), 'no secret in settings');
    assert.ok(!JSON.stringify(api.activeConnection()).includes(sk), 'the profile holds no secret');

    const switching = await answerPrompts({ 'connection.switch': 'Environment' });
    assert.equal(await vscode.commands.executeCommand('metastudio.connection.switch'), 'Environment');
    const offered = switching.asked[0].shown as (string | null)[];
    assert.ok(offered.includes('Environment') && offered.includes('it-sandbox') && offered.at(-1) === null, `every connection, then "Sign in to a new connection": ${JSON.stringify(offered)}`);
    assert.equal(api.activeConnection()?.name, 'Environment');
    await vscode.commands.executeCommand('metastudio.connection.switch', 'it-sandbox');
    assert.equal(api.activeConnection()?.name, 'it-sandbox');

    await vscode.commands.executeCommand('metastudio.connection.signOut', 'it-sandbox');
    assert.equal(api.activeConnection()?.name, 'Environment', 'back to the environment connection');
  });

  it('refuses wrong credentials without saving them', async () => {
    const { result, prompts } = await signIn('it-wrong', sandboxUrl, projectId, { ak: process.env.HUAWEICLOUD_SDK_AK!, sk: 'wrong-secret-key' });
    assert.equal(result, undefined);
    assert.match(String((prompts.asked.find((q) => q.id === 'connection.saveAnyway')?.shown as { message: string }).message), /^Could not sign in to MetaStudio: /);
    assert.notEqual(api.activeConnection()?.name, 'it-wrong');
  });

  it('refuses an endpoint that would send credentials over plain http to another host', async () => {
    const before = api.activeConnection()?.name;
    const { result, prompts } = await signIn('it-insecure', 'http://example.com', 'p', { ak: 'ak', sk: 'sk' });
    assert.equal(result, undefined);
    assert.ok(prompts.asked.find((q) => q.id === 'connection.endpoint')?.refused, 'the endpoint box refuses the URL');
    assert.equal(api.activeConnection()?.name, before);
  });
});
