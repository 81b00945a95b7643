import * as vscode from 'vscode';
import { errorMessage, withErrorContext } from '../core/errors';
import { pushFile, requireScriptKind, unchangedLinkId, type FilePushResult } from '../core/remote/linkedFiles';
import { PushDeclinedError, type PushStep } from '../core/remote/push';
import { remoteName, bodyOfText } from '../core/remote/scriptBody';
import { displayText } from '../core/text/displayText';
import { scriptKinds, type ScriptKind } from '../core/scripts/kinds';
import { validateScript } from '../core/scripts/validate';
import { log } from '../logging/log';
import { withCancellableProgress } from '../commands/progress';
import type { Prompts } from '../prompts';
import type { Services } from '../services';
import type { WorkspaceLinks } from './workspaceLinks';

export type PushOutcome =
  | { readonly outcome: 'pushed'; readonly id: string; readonly created: boolean; readonly differences: readonly string[] }
  | { readonly outcome: 'blocked'; readonly errors: number }
  | { readonly outcome: 'declined' };

export interface PushContext {
  readonly connections: Services['connections'];
  readonly prompts: Prompts;
  readonly links: WorkspaceLinks;
}

/** The kind of a script file, or a clear error for any other file. */
export function scriptKindOfFile(uri: vscode.Uri): ScriptKind {
  return requireScriptKind(uri.path);
}

function stepMessage(step: PushStep): string {
  switch (step) {
    case 'updating': return vscode.l10n.t('Updating…');
    case 'creating': return vscode.l10n.t('Creating…');
    case 'looking-up': return vscode.l10n.t('No clear answer; looking it up by name…');
    case 'uploading-audio': return vscode.l10n.t('Uploading the audio of its scenes…');
    case 'reading-back': return vscode.l10n.t('Reading it back…');
  }
}

/** The lint gate: the errors that stop the push (0 to go on), unless the user says otherwise. */
async function blockingLintErrors(prompts: Prompts, document: vscode.TextDocument, text: string, kind: ScriptKind): Promise<number> {
  const errors = validateScript(text, kind).filter((d) => d.severity === 'error').length;
  if (errors === 0) return 0;
  const choice = await prompts.confirm({
    id: 'push.lintErrors',
    message: vscode.l10n.t('{0} has {1} lint error(s). MetaStudio will probably refuse it.', vscode.workspace.asRelativePath(document.uri), errors),
    detail: vscode.l10n.t('Open the Problems panel to see them.'),
    choices: { push: vscode.l10n.t('Push Anyway') },
  });
  return choice === 'push' ? 0 : errors;
}

/**
 * Pushes what the editor holds for a script file (docs/decisions/script-files.md: the body is its JSON minus
 * `$schema`). Nothing local is written unless the push succeeds: then only the link.
 */
export async function pushDocument(context: PushContext, document: vscode.TextDocument): Promise<PushOutcome> {
  const kind = scriptKindOfFile(document.uri);
  const text = document.getText();
  const errors = await blockingLintErrors(context.prompts, document, text, kind);
  if (errors > 0) {
    log().info(`push: ${document.uri.toString(true)} not pushed, ${errors} lint error(s)`);
    return { outcome: 'blocked', errors };
  }
  const client = await context.connections.client();
  const place = context.links.placeOf(document.uri);
  const path = vscode.workspace.asRelativePath(document.uri);
  const name = await withErrorContext(vscode.l10n.t('Cannot push {0}', path), async () => remoteName(kind, bodyOfText(text)) ?? path);
  let result: FilePushResult;
  try {
    result = await withCancellableProgress(vscode.l10n.t('Pushing {0} "{1}"', scriptKinds[kind].label(), name), (report, signal) =>
      withErrorContext(vscode.l10n.t('Push of "{0}" failed', name), () => pushFile(place, document.uri.fsPath, text, {
        client,
        signal,
        onStep: (step) => report(stepMessage(step)),
        onRecovered: (message) => log().warn(`push: ${message}`),
        confirmRecreate: (id) => confirmRecreate(context.prompts, kind, name, id),
      })));
  } catch (err) {
    if (!(err instanceof PushDeclinedError)) throw err;
    log().info(`push: ${errorMessage(err)}`);
    return { outcome: 'declined' };
  }
  log().info(`push: ${result.created ? 'created' : 'updated'} ${result.link.kind} ${result.id} from ${document.uri.toString(true)}`);
  void announce(document, kind, name, result);
  return { outcome: 'pushed', id: result.id, created: result.created, differences: result.differences };
}

async function confirmRecreate(prompts: Prompts, kind: ScriptKind, name: string, id: string): Promise<boolean> {
  const choice = await prompts.confirm({
    id: 'push.recreate',
    message: vscode.l10n.t('The {0} "{1}" this file is linked to ({2}) no longer exists in MetaStudio. Create it again?', scriptKinds[kind].label(), name, id),
    choices: { create: vscode.l10n.t('Create Again') },
  });
  return choice === 'create';
}

/** See PushService.remoteIdOf. */
export async function remoteIdOf(context: PushContext, document: vscode.TextDocument): Promise<string | undefined> {
  const linked = await unchangedLinkId(context.links.placeOf(document.uri), document.uri.fsPath, document.getText());
  if (linked) return linked;
  const pushed = await pushDocument(context, document);
  return pushed.outcome === 'pushed' ? pushed.id : undefined;
}

async function announce(document: vscode.TextDocument, kind: ScriptKind, name: string, result: FilePushResult): Promise<void> {
  const label = scriptKinds[kind].label();
  const done = result.created
    ? vscode.l10n.t('Created {0} "{1}" ({2}).', label, name, displayText(result.id))
    : vscode.l10n.t('Updated {0} "{1}" ({2}).', label, name, displayText(result.id));
  if (result.differences.length === 0) {
    void vscode.window.showInformationMessage(done);
    return;
  }
  log().warn(`push: ${result.id} read back differs at ${result.differences.join(', ')}`);
  const compare = vscode.l10n.t('Compare with Remote');
  // The paths are the read-back's keys: the server's text.
  const shown = displayText(result.differences.slice(0, 3).join(', ') + (result.differences.length > 3 ? ', …' : ''));
  const choice = await vscode.window.showWarningMessage(vscode.l10n.t('{0} Read back, it differs from what was sent at {1}.', done, shown), compare);
  if (choice === compare) await vscode.commands.executeCommand('metastudio.script.compare', document.uri);
}
