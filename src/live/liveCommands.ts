import * as vscode from 'vscode';
import { registerCommand } from '../commands/registerCommand';
import type { MetaStudioClient } from '../core/cloud/client';
import type { LivePlayingScript, LiveVideoScriptInfo, StartLiveJobRequest } from '../core/cloud/types';
import { ExpectedError, withErrorContext } from '../core/errors';
import { isObject } from '../core/json';
import {
  lineErrors, nowPlaying, rewriteUpcoming, sayNow, sendTestEvent, testEvent, type LiveJobRef, type TestEventKind,
} from '../core/live/liveJobs';
import { bodyOfText } from '../core/remote/scriptBody';
import { findScriptTextAt } from '../core/scripts/texts';
import { kindOfFile, scriptKinds } from '../core/scripts/kinds';
import { validateScript } from '../core/scripts/validate';
import { ReadOnlyDocuments } from '../documents/readOnlyDocuments';
import { log } from '../logging/log';
import type { Services } from '../services';
import type { LiveNode, LiveTree } from './liveTree';

const NOW_PLAYING_SCHEME = 'metastudio-live';
const LIVE_ROOM = scriptKinds.live.remote.kind;

/** What the live commands take: a Live view row, a live script file, or nothing (the active editor, else a pick). */
type LiveArgument = LiveNode | vscode.Uri | undefined;

function liveFileOf(arg: LiveArgument): vscode.Uri | undefined {
  const uri = arg instanceof vscode.Uri ? arg : arg === undefined ? vscode.window.activeTextEditor?.document.uri : undefined;
  return uri && kindOfFile(uri.path) === 'live' ? uri : undefined;
}

/** The lines of Now Playing, as plain text a screen reader reads in order. */
export function nowPlayingText(roomName: string, ref: LiveJobRef, scenes: readonly LivePlayingScript[]): string {
  const lines = [vscode.l10n.t('Now playing in "{0}" (live job {1})', roomName, ref.jobId), ''];
  let first = true;
  for (const scene of scenes) {
    for (const shot of scene.shoot_scripts ?? []) {
      const where = [scene.script_name, shot.title].filter(Boolean).join(' / ');
      lines.push(`${first ? vscode.l10n.t('Now:') : vscode.l10n.t('Next:')} ${where ? `[${where}] ` : ''}${shot.text ?? ''}`);
      first = false;
    }
  }
  if (first) lines.push(vscode.l10n.t('Nothing is queued.'));
  return `${lines.join('\n')}\n`;
}

export function registerLiveCommands(context: vscode.ExtensionContext, { connections, prompts, push }: Services, tree: LiveTree): void {
  const nowPlayingDocs = new ReadOnlyDocuments();
  context.subscriptions.push(nowPlayingDocs, vscode.workspace.registerTextDocumentContentProvider(NOW_PLAYING_SCHEME, nowPlayingDocs));

  /** The room a command is about: a row's, else the linked room of a live script file. */
  const roomOf = async (arg: LiveArgument): Promise<{ id: string; name: string } | undefined> => {
    if (arg && !(arg instanceof vscode.Uri) && arg.kind !== 'message') return { id: arg.room.room_id, name: arg.room.room_name };
    const uri = liveFileOf(arg);
    if (!uri) return undefined;
    const id = await push.linkedIdOf(uri);
    if (!id) throw new ExpectedError(vscode.l10n.t('{0} has not been pushed: Go Live pushes it first.', vscode.workspace.asRelativePath(uri)));
    return { id, name: bodyOfText((await vscode.workspace.openTextDocument(uri)).getText()).room_name as string ?? id };
  };

  /** The running job a steering command goes to: the row's, the room's, else one picked from those on air. */
  const runningJobOf = async (arg: LiveArgument, client: MetaStudioClient): Promise<LiveJobRef & { roomName: string }> => {
    if (arg && !(arg instanceof vscode.Uri) && arg.kind === 'job') return { roomId: arg.room.room_id, jobId: arg.job.job_id, roomName: arg.room.room_name };
    const room = await roomOf(arg);
    const running = room
      ? (await client.listLiveJobs(room.id, { state: ['PROCESSING'], limit: 1 })).smart_live_jobs.map((job) => ({ ...job, room_id: room.id, room_name: room.name }))
      : (await client.listAllLiveJobs({ state: ['PROCESSING'], limit: 100 })).smart_live_jobs;
    if (running.length === 0) {
      throw new ExpectedError(room ? vscode.l10n.t('Live room "{0}" is not on air.', room.name) : vscode.l10n.t('No livestream is on air.'));
    }
    const job = running.length === 1 ? running[0] : await prompts.pick({
      id: 'live.job',
      title: vscode.l10n.t('Livestreams on air'),
      items: running.map((j) => ({ label: j.room_name ?? j.room_id ?? '', description: j.job_id, value: j })),
    });
    if (!job?.room_id) throw new ExpectedError(vscode.l10n.t('Pick a livestream first.'));
    return { roomId: job.room_id, jobId: job.job_id, roomName: job.room_name ?? job.room_id };
  };

  /** Where the stream goes: the room's own output URLs when its file has them, else the ones entered once and kept in SecretStorage. */
  const streamOutput = async (uri: vscode.Uri | undefined, roomId: string): Promise<StartLiveJobRequest | undefined> => {
    if (uri) {
      const body = bodyOfText((await vscode.workspace.openTextDocument(uri)).getText());
      if (Array.isArray(body.output_urls) && body.output_urls.length > 0) return {};
    }
    const profile = connections.active();
    const key = `metastudio.live.output:${profile?.endpoint ?? ''}|${profile?.projectId ?? ''}|${roomId}`;
    const kept = await context.secrets.get(key);
    if (kept) {
      try {
        const value: unknown = JSON.parse(kept);
        if (isObject(value) && Array.isArray(value.output_urls)) return value as StartLiveJobRequest;
      } catch {
        log().warn('live: the kept stream output could not be read; asking again');
      }
    }
    const url = await prompts.input({
      id: 'live.outputUrl',
      title: vscode.l10n.t('Go Live'),
      prompt: vscode.l10n.t('RTMP push URL of the livestreaming platform (kept in VS Code\'s secret storage, never in a file)'),
      placeHolder: 'rtmp://',
      ignoreFocusOut: true,
      validateInput: (value) => (/^rtmps?:\/\/\S+$/i.test(value.trim()) ? undefined : vscode.l10n.t('An RTMP URL starts with rtmp:// or rtmps://.')),
    });
    if (!url?.trim()) return undefined;
    const streamKey = await prompts.input({
      id: 'live.streamKey',
      title: vscode.l10n.t('Go Live'),
      prompt: vscode.l10n.t('Stream key of that URL (empty when it has none)'),
      password: true,
      ignoreFocusOut: true,
    });
    if (streamKey === undefined) return undefined;
    const output: StartLiveJobRequest = { output_urls: [url.trim()], ...(streamKey ? { stream_keys: [streamKey] } : {}) };
    await context.secrets.store(key, JSON.stringify(output));
    return output;
  };

  registerCommand(context, 'metastudio.live.goLive', async (arg?: LiveArgument) => {
    const uri = liveFileOf(arg);
    if (arg instanceof vscode.Uri && !uri) throw new ExpectedError(vscode.l10n.t('Only a live script (*{0}) can go live.', scriptKinds.live.suffix));
    const client = await connections.client();
    let room: { id: string; name: string } | undefined;
    if (uri) {
      const document = await vscode.workspace.openTextDocument(uri);
      const id = await push.remoteIdOf(document); // pushes first when changed, with the push's lint gate
      if (!id) return undefined;
      room = { id, name: (bodyOfText(document.getText()).room_name as string | undefined) ?? id };
    } else {
      room = await roomOf(arg);
    }
    if (!room) throw new ExpectedError(vscode.l10n.t('Open a live script ({0}) or pick a live room in the Live view first.', `*${scriptKinds.live.suffix}`));
    const output = await streamOutput(uri, room.id);
    if (!output) return undefined;
    const choice = await prompts.confirm({
      id: 'live.confirmStart',
      message: vscode.l10n.t('Go live with "{0}"?', room.name),
      detail: vscode.l10n.t('The livestream starts at once: it is public and billed until it is stopped.'),
      choices: { start: vscode.l10n.t('Go Live') },
    });
    if (choice !== 'start') return undefined;
    const started = await withErrorContext(vscode.l10n.t('Cannot go live with "{0}"', room.name), () => client.startLiveJob(room.id, output));
    log().info(`live: started ${started.job_id} in room ${room.id}`);
    await tree.reload();
    void vscode.commands.executeCommand('metastudio.live.focus');
    vscode.window.setStatusBarMessage(vscode.l10n.t('Started the livestream of "{0}"', room.name), 5000);
    return { roomId: room.id, jobId: started.job_id };
  });

  registerCommand(context, 'metastudio.live.sayNow', async (arg?: LiveArgument) => {
    const client = await connections.client();
    const ref = await runningJobOf(arg, client);
    const editor = vscode.window.activeTextEditor;
    let text: string | undefined;
    if (editor && !editor.selection.isEmpty) {
      text = editor.document.getText(editor.selection);
    } else if (editor && kindOfFile(editor.document.uri.path) === 'live') {
      text = findScriptTextAt(editor.document.getText(), 'live', editor.document.offsetAt(editor.selection.active))?.value;
    }
    if (!text?.trim()) {
      text = await prompts.input({
        id: 'live.sayText',
        title: vscode.l10n.t('Say Now in "{0}"', ref.roomName),
        prompt: vscode.l10n.t('Text or SSML the virtual human says next'),
        ignoreFocusOut: true,
        validateInput: (value) => lineErrors(value)[0]?.message,
      });
    }
    if (!text?.trim()) return undefined;
    const errors = lineErrors(text);
    if (errors.length > 0) throw new ExpectedError(vscode.l10n.t('The text was not sent: {0}', errors[0].message), { code: errors[0].code });
    await withErrorContext(vscode.l10n.t('Cannot send the text to "{0}"', ref.roomName), () => sayNow(client, ref, text));
    log().info(`live: INSERT_PLAY_SCRIPT to ${ref.jobId} (${text.length} characters)`);
    vscode.window.setStatusBarMessage(vscode.l10n.t('"{0}" says it next', ref.roomName), 5000);
    return { ...ref, text };
  });

  registerCommand(context, 'metastudio.live.updateScenes', async (arg?: LiveArgument) => {
    const uri = liveFileOf(arg instanceof vscode.Uri ? arg : undefined);
    if (!uri) throw new ExpectedError(vscode.l10n.t('Open the live script ({0}) whose scenes should play next.', `*${scriptKinds.live.suffix}`));
    const document = await vscode.workspace.openTextDocument(uri);
    const errors = validateScript(document.getText(), 'live').filter((d) => d.severity === 'error');
    if (errors.length > 0) throw new ExpectedError(vscode.l10n.t('The live script has {0} error(s); fix them first: {1}', errors.length, errors[0].message));
    const scenes = bodyOfText(document.getText()).scene_scripts;
    if (!Array.isArray(scenes) || scenes.length === 0) throw new ExpectedError(vscode.l10n.t('The live script has no scene scripts.'));
    const client = await connections.client();
    const ref = await runningJobOf(uri, client);
    await withErrorContext(vscode.l10n.t('Cannot update the upcoming scenes of "{0}"', ref.roomName), () => rewriteUpcoming(client, ref, scenes as LiveVideoScriptInfo[]));
    log().info(`live: REWRITE_PLAY_SCRIPT to ${ref.jobId} (${scenes.length} scenes)`);
    void vscode.window.showInformationMessage(vscode.l10n.t('"{0}" plays the scenes of {1} from its next shot.', ref.roomName, vscode.workspace.asRelativePath(uri)));
    return ref;
  });

  registerCommand(context, 'metastudio.live.showNowPlaying', async (arg?: LiveArgument) => {
    const client = await connections.client();
    const ref = await runningJobOf(arg, client);
    const scenes = await withErrorContext(vscode.l10n.t('Cannot read what "{0}" plays', ref.roomName), () => nowPlaying(client, ref));
    const uri = vscode.Uri.from({ scheme: NOW_PLAYING_SCHEME, path: `/${ref.jobId}/${vscode.l10n.t('Now Playing')}.txt` });
    nowPlayingDocs.set(uri, nowPlayingText(ref.roomName, ref, scenes));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: true, preserveFocus: false });
    return scenes;
  });

  registerCommand(context, 'metastudio.live.stop', async (arg?: LiveArgument) => {
    const client = await connections.client();
    const ref = await runningJobOf(arg, client);
    const choice = await prompts.confirm({
      id: 'live.confirmStop',
      message: vscode.l10n.t('Stop the livestream of "{0}"?', ref.roomName),
      detail: vscode.l10n.t('Viewers see the stream end; it cannot be resumed, only started again.'),
      choices: { stop: vscode.l10n.t('Stop Live') },
    });
    if (choice !== 'stop') return undefined;
    await withErrorContext(vscode.l10n.t('Cannot stop the livestream of "{0}"', ref.roomName), () => client.stopLiveJob(ref.roomId, ref.jobId));
    log().info(`live: stopped ${ref.jobId}`);
    await tree.reload();
    const job = await client.getLiveJob(ref.roomId, ref.jobId);
    void vscode.window.showInformationMessage(vscode.l10n.t('The livestream of "{0}" has stopped.', ref.roomName));
    return { ...ref, state: job.state };
  });

  registerCommand(context, 'metastudio.live.deleteRoom', async (arg?: LiveArgument) => {
    const room = await roomOf(arg);
    if (!room) throw new ExpectedError(vscode.l10n.t('Pick a live room in the Live view first.'));
    const client = await connections.client();
    const choice = await prompts.confirm({
      id: 'live.confirmDelete',
      message: vscode.l10n.t('Delete the live room "{0}" from MetaStudio?', room.name),
      detail: vscode.l10n.t('Its local live script, if any, stays as it is.'),
      choices: { delete: vscode.l10n.t('Delete Live Room') },
    });
    if (choice !== 'delete') return undefined;
    await withErrorContext(vscode.l10n.t('Cannot delete the live room "{0}"', room.name), () => client.deleteLiveRoom(room.id));
    log().info(`live: deleted room ${room.id}`);
    await tree.reload();
    return { roomId: room.id };
  });

  registerCommand(context, 'metastudio.live.sendTestEvent', async (arg?: LiveArgument) => {
    const client = await connections.client();
    const ref = await runningJobOf(arg, client);
    const kind = await prompts.pick<TestEventKind>({
      id: 'live.eventKind',
      title: vscode.l10n.t('Send Test Event to "{0}"', ref.roomName),
      items: [
        { label: vscode.l10n.t('Comment'), description: vscode.l10n.t('a viewer writes a comment'), value: 'comment' },
        { label: vscode.l10n.t('Gift'), description: vscode.l10n.t('a viewer sends a gift'), value: 'gift' },
        { label: vscode.l10n.t('Viewer count'), description: vscode.l10n.t('the number of viewers in the room'), value: 'viewers' },
      ],
    });
    if (!kind) return undefined;
    const value = await prompts.input({
      id: 'live.eventValue',
      title: vscode.l10n.t('Send Test Event to "{0}"', ref.roomName),
      prompt: kind === 'comment' ? vscode.l10n.t('The comment') : kind === 'gift' ? vscode.l10n.t('The gift\'s name') : vscode.l10n.t('The number of viewers'),
      validateInput: (v) => (!v.trim() ? vscode.l10n.t('Give a value.') : kind === 'viewers' && !/^\d+$/.test(v.trim()) ? vscode.l10n.t('Give a whole number.') : undefined),
    });
    if (!value?.trim()) return undefined;
    await withErrorContext(vscode.l10n.t('Cannot send the test event to "{0}"', ref.roomName), () => sendTestEvent(client, ref, testEvent(kind, value.trim(), Date.now())));
    log().info(`live: test ${kind} event to ${ref.jobId}`);
    const show = vscode.l10n.t('Show Now Playing');
    void vscode.window.showInformationMessage(vscode.l10n.t('Test event sent: the room\'s interaction rules answer it.'), show).then((choice) => {
      if (choice === show) void vscode.commands.executeCommand('metastudio.live.showNowPlaying', arg);
    });
    return ref;
  });

  registerCommand(context, 'metastudio.live.openFile', async (arg?: LiveNode) => {
    if (!arg || arg.kind === 'message') return undefined;
    const uri = await push.fileOfRemote(LIVE_ROOM, arg.room.room_id);
    if (!uri) {
      // A click on a room row lands here: a status bar line, not a notification per click.
      vscode.window.setStatusBarMessage(vscode.l10n.t('No live script in this workspace is linked to "{0}": pull it to edit it here.', arg.room.room_name), 5000);
      return undefined;
    }
    await vscode.window.showTextDocument(uri, { preview: true });
    return uri.toString();
  });

  registerCommand(context, 'metastudio.live.refresh', () => tree.reload());
}
