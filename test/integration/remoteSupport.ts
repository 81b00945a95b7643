/** Shared by the push and jobs suites: the sandbox the runner started, its admin endpoints, files and links. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { MetaStudioClient } from '../../src/core/cloud/client';
import type { MetaStudioApi } from '../../src/extension';
import { extensionId, signIn, workspaceUri } from './util';

export const sandboxUrl = process.env.METASTUDIO_SANDBOX_URL!;
export const projectId = process.env.HUAWEICLOUD_SDK_PROJECT_ID!;
export const linkKey = `${sandboxUrl}|${projectId}`;

export function sandboxClient(): MetaStudioClient {
  return new MetaStudioClient({
    endpoint: sandboxUrl,
    projectId,
    credentials: { kind: 'aksk', ak: process.env.HUAWEICLOUD_SDK_AK!, sk: process.env.HUAWEICLOUD_SDK_SK! },
    fetch: (url, init) => globalThis.fetch(url, init),
  });
}

export async function admin(method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${sandboxUrl}${path}`, { method, headers: { 'Content-Type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
  assert.ok(response.ok, `${method} ${path}: HTTP ${response.status}`);
  return response.json();
}

export async function sandboxRequests(): Promise<{ method: string; path: string; status: number }[]> {
  return await admin('GET', '/_sandbox/requests') as { method: string; path: string; status: number }[];
}

/** Activates the extension and makes the sandbox the active connection (an earlier suite may have switched). */
export async function useSandbox(): Promise<void> {
  const api = await vscode.extensions.getExtension<MetaStudioApi>(extensionId)!.activate();
  if (api.activeConnection()?.endpoint === sandboxUrl && api.activeConnection()?.projectId === projectId) return;
  await signIn('it-remote', sandboxUrl, projectId, { ak: process.env.HUAWEICLOUD_SDK_AK!, sk: process.env.HUAWEICLOUD_SDK_SK! });
  assert.equal(api.activeConnection()?.endpoint, sandboxUrl);
}

export async function writeText(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

export async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

export async function links(): Promise<Record<string, { kind: string; id: string; pushedSha256: string }>> {
  try {
    return JSON.parse(await readText(workspaceUri('.metastudio', 'links.json'))).links[linkKey] ?? {};
  } catch {
    return {};
  }
}
