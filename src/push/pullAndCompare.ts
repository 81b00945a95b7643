import * as vscode from 'vscode';
import { UserFacingError } from '../commands/registerCommand';
import type { MetaStudioClient } from '../core/cloud/client';
import { MetaStudioError } from '../core/cloud/errors';
import { linkOf, linkPulledFile, pulledText } from '../core/remote/linkedFiles';
import { fileNameFor, kindLabel, ScriptFileError } from '../core/remote/scriptBody';
import { displayText } from '../core/text/displayText';
import type { ScriptKind } from '../core/scripts/schemas';
import { log } from '../logging/log';
import { scriptKindOfFile, type PushContext } from './pushDocument';
import type { RemoteDocuments } from './remoteDocuments';

/** What "Pull Script" takes for scripted use; anything missing is asked. */
export interface PullArgs {
  readonly kind?: ScriptKind;
  readonly id?: string;
  /** The file to write (a `*.video.json` or `*.live.json`). */
  readonly target?: vscode.Uri;
}

function asError(err: unknown, what: string): unknown {
  return err instanceof MetaStudioError || err instanceof ScriptFileError ? new UserFacingError(vscode.l10n.t('{0}: {1}', what, (err as Error).message)) : err;
}

async function pickRemote(client: MetaStudioClient, kind: ScriptKind): Promise<{ id: string; name: string } | undefined> {
  const items = vscode.window.showQuickPick((async () => {
    if (kind === 'video') {
      const { video_scripts } = await client.listVideoScripts({ limit: 100 });
      return video_scripts.map((s) => ({ label: displayText(s.script_name), description: displayText(s.script_id), detail: s.update_time, id: s.script_id }));
    }
    const { smart_live_rooms } = await client.listLiveRooms({ limit: 100 });
    return smart_live_rooms.map((r) => ({ label: displayText(r.room_name), description: displayText(r.room_id), detail: r.update_time, id: r.room_id }));
  })(), { title: vscode.l10n.t('Pull a {0}', kindLabel(kind)), placeHolder: vscode.l10n.t('The {0} to write into a local file', kindLabel(kind)), matchOnDescription: true });
  const picked = await items;
  return picked && { id: picked.id, name: picked.label };
}

async function pickKind(): Promise<ScriptKind | undefined> {
  const kinds: (vscode.QuickPickItem & { scriptKind: ScriptKind })[] = [
    { label: vscode.l10n.t('Video Script'), scriptKind: 'video' },
    { label: vscode.l10n.t('Live Room'), scriptKind: 'live' },
  ];
  const picked = await vscode.window.showQuickPick(kinds, { title: vscode.l10n.t('Pull from MetaStudio') });
  return picked?.scriptKind;
}

async function readIfExists(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open?.isDirty) throw new UserFacingError(vscode.l10n.t('{0} has unsaved changes: save or revert it before pulling into it.', vscode.workspace.asRelativePath(uri)));
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
export async function pullScript(context: PushContext, arg?: PullArgs | vscode.Uri): Promise<{ file: string; id: string } | undefined> {
  let { kind, id, target } = arg instanceof vscode.Uri ? { target: arg } as PullArgs : arg ?? {};
  // First, so that a signed-out user is offered to sign in (and an untrusted workspace refused).
  const client = await context.connections.client();
  if (target && !id) {
    kind = scriptKindOfFile(target);
    id = (await linkOf(context.links.placeOf(target), target.fsPath))?.id;
    if (!id) throw new UserFacingError(vscode.l10n.t('{0} is not linked to a remote {1} on this connection: push it first, or pull another one into a new file.', vscode.workspace.asRelativePath(target), kindLabel(kind)));
  }
  kind ??= target ? scriptKindOfFile(target) : await pickKind();
  if (!kind) return undefined;
  let name: string | undefined;
  if (!id) {
    const picked = await pickRemote(client, kind);
    if (!picked) return undefined;
    ({ id, name } = picked);
  }
  if (!target) {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    target = await vscode.window.showSaveDialog({
      title: vscode.l10n.t('Save the {0} as', kindLabel(kind)),
      ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, fileNameFor(kind, name ?? id)) } : {}),
      filters: { [kindLabel(kind)]: [kind === 'video' ? 'video.json' : 'live.json'] },
    });
    if (!target) return undefined;
  }
  if (scriptKindOfFile(target) !== kind) throw new UserFacingError(vscode.l10n.t('A {0} goes into a {1} file.', kindLabel(kind), kind === 'video' ? '*.video.json' : '*.live.json'));
  const place = context.links.placeOf(target);
  const previous = await readIfExists(target);
  let text: string;
  try {
    text = await pulledText(client, kind, id, previous);
  } catch (err) {
    throw asError(err, vscode.l10n.t('Pull failed'));
  }
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  await linkPulledFile(place, target.fsPath, id, text);
  log().info(`pull: ${kind} ${id} -> ${target.toString(true)}`);
  await vscode.window.showTextDocument(target, { preview: false });
  return { file: target.toString(), id };
}

/** "Compare with Remote": a diff of the remote version (as a request body, DECISIONS.md 21) against the editor's text. */
export async function compareWithRemote(context: PushContext, remote: RemoteDocuments, uri: vscode.Uri): Promise<string> {
  const kind = scriptKindOfFile(uri);
  const client = await context.connections.client();
  const document = await vscode.workspace.openTextDocument(uri);
  const link = await linkOf(context.links.placeOf(uri), uri.fsPath);
  if (!link) throw new UserFacingError(vscode.l10n.t('{0} is not linked to a remote {1} on this connection: push or pull it first.', vscode.workspace.asRelativePath(uri), kindLabel(kind)));
  const local = document.getText();
  let text: string;
  try {
    text = await pulledText(client, kind, link.id, local);
  } catch (err) {
    throw asError(err, vscode.l10n.t('Compare failed'));
  }
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  const remoteUri = remote.uriFor(kind, link.id, name);
  remote.set(remoteUri, text);
  await vscode.commands.executeCommand('vscode.diff', remoteUri, uri, vscode.l10n.t('{0} (MetaStudio) ↔ {1} (local)', name, name));
  return remoteUri.toString();
}
