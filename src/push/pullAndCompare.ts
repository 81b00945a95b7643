import * as vscode from 'vscode';
import type { MetaStudioClient } from '../core/cloud/client';
import { ExpectedError, withErrorContext } from '../core/errors';
import { linkOf, linkPulledFile, pulledText } from '../core/remote/linkedFiles';
import { fileNameFor } from '../core/remote/scriptBody';
import { scriptKindNames, scriptKinds, type ScriptKind } from '../core/scripts/kinds';
import { displayText } from '../core/text/displayText';
import { log } from '../logging/log';
import type { Prompts } from '../prompts';
import { scriptKindOfFile, type PushContext } from './pushDocument';
import type { RemoteDocuments } from './remoteDocuments';

/** What "Pull Script" pulls; anything missing is asked. */
export interface PullSource {
  readonly kind?: ScriptKind;
  readonly id?: string;
}

function pickRemote(prompts: Prompts, client: MetaStudioClient, kind: ScriptKind): Promise<{ id: string; name: string } | undefined> {
  const { label, remote } = scriptKinds[kind];
  const items = remote.list(client, { limit: 100 }).then(({ items }) =>
    items.map(({ id, name, updated }) => ({ label: displayText(name), description: displayText(id), detail: updated && displayText(updated), value: { id, name } })));
  return prompts.pick({ id: 'pull.remote', items, title: vscode.l10n.t('Pull a {0}', label()), placeHolder: vscode.l10n.t('The {0} to write into a local file', label()), matchOnDescription: true });
}

function pickKind(prompts: Prompts): Promise<ScriptKind | undefined> {
  return prompts.pick<ScriptKind>({
    id: 'pull.kind',
    items: scriptKindNames.map((kind) => ({ label: scriptKinds[kind].title(), value: kind })),
    title: vscode.l10n.t('Pull from MetaStudio'),
  });
}

async function readIfExists(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open?.isDirty) throw new ExpectedError(vscode.l10n.t('{0} has unsaved changes: save or revert it before pulling into it.', vscode.workspace.asRelativePath(uri)));
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

/**
 * "Pull Script": writes a remote video script or live room into a local file and links it. Given a
 * linked script file, pulls its own remote object into it.
 */
export async function pullScript(context: PushContext, arg?: PullSource | vscode.Uri): Promise<{ file: string; id: string } | undefined> {
  let { kind, id }: PullSource = arg instanceof vscode.Uri ? {} : arg ?? {};
  let target = arg instanceof vscode.Uri ? arg : undefined;
  // First, so that a signed-out user is offered to sign in (and an untrusted workspace refused).
  const client = await context.connections.client();
  if (target) {
    kind = scriptKindOfFile(target);
    id = (await linkOf(context.links.placeOf(target), target.fsPath))?.id;
    if (!id) throw new ExpectedError(vscode.l10n.t('{0} is not linked to a remote {1} on this connection: push it first, or pull another one into a new file.', vscode.workspace.asRelativePath(target), scriptKinds[kind].label()));
  }
  kind ??= await pickKind(context.prompts);
  if (!kind) return undefined;
  const { label, suffix } = scriptKinds[kind];
  let name: string | undefined;
  if (!id) {
    const picked = await pickRemote(context.prompts, client, kind);
    if (!picked) return undefined;
    ({ id, name } = picked);
  }
  if (!target) {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    target = await context.prompts.saveAs({
      id: 'pull.target',
      title: vscode.l10n.t('Save the {0} as', label()),
      ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, fileNameFor(kind, name ?? id)) } : {}),
      filters: { [label()]: [suffix.slice(1)] },
    });
    if (!target) return undefined;
  }
  if (scriptKindOfFile(target) !== kind) throw new ExpectedError(vscode.l10n.t('A {0} goes into a {1} file.', label(), `*${suffix}`));
  const place = context.links.placeOf(target);
  const previous = await readIfExists(target);
  const text = await withErrorContext(vscode.l10n.t('Pull failed'), () => pulledText(client, kind, id, previous));
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  await linkPulledFile(place, target.fsPath, id, text);
  log().info(`pull: ${kind} ${id} -> ${target.toString(true)}`);
  await vscode.window.showTextDocument(target, { preview: false });
  return { file: target.toString(), id };
}

/** "Compare with Remote": a diff of the remote version (as a request body, docs/decisions/details-to-body.md) against the editor's text. */
export async function compareWithRemote(context: PushContext, remote: RemoteDocuments, uri: vscode.Uri): Promise<string> {
  const kind = scriptKindOfFile(uri);
  const client = await context.connections.client();
  const document = await vscode.workspace.openTextDocument(uri);
  const link = await linkOf(context.links.placeOf(uri), uri.fsPath);
  if (!link) throw new ExpectedError(vscode.l10n.t('{0} is not linked to a remote {1} on this connection: push or pull it first.', vscode.workspace.asRelativePath(uri), scriptKinds[kind].label()));
  const local = document.getText();
  const text = await withErrorContext(vscode.l10n.t('Compare failed'), () => pulledText(client, kind, link.id, local));
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  const remoteUri = remote.uriFor(kind, link.id, name);
  remote.set(remoteUri, text);
  await vscode.commands.executeCommand('vscode.diff', remoteUri, uri, vscode.l10n.t('{0} (MetaStudio) ↔ {1} (local)', name, name));
  return remoteUri.toString();
}
