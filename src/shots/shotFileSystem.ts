/**
 * The `metastudio-shot` file system: each file is one shot text of an open script, served by its
 * session (shotSession.ts). Writing a file saves its script; a file whose shot is gone is not found,
 * so VS Code marks its tab deleted, and writing it fails with a message that says why.
 */
import * as vscode from 'vscode';
import { shotTextAt, shotTextAtPath } from '../core/scripts/shotTexts';
import type { Languages } from '../languages';
import { ShotSession } from './shotSession';
import { parseShotUri, shotUri } from './shotUri';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export class ShotFileSystem implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly sessions = new Map<string, ShotSession>();
  private serial = 0;
  private readonly changeFile = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changeFile.event;
  private readonly changeState = new vscode.EventEmitter<ShotSession>();
  /** A session's state changed (the shot deleted, the script closed…). */
  readonly onDidChangeState = this.changeState.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly languages: Languages) {
    this.subscriptions = [
      this.changeFile,
      this.changeState,
      vscode.workspace.onDidChangeTextDocument((e) => {
        const key = e.document.uri.toString();
        const own = this.sessions.get(key);
        if (own) return own.editorChanged(e);
        for (const session of this.sessions.values()) if (session.script === e.document) session.scriptChanged(e);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        // A closed editor ends its session; a closed script ends every session on it.
        if (this.sessions.delete(document.uri.toString())) return;
        for (const session of this.sessions.values()) if (session.script === document) session.close();
      }),
      vscode.workspace.onDidSaveTextDocument((document) => {
        // The script saved: a shot editor showing the same text is saved too, so it is not left dirty.
        for (const session of this.sessions.values()) {
          if (session.script !== document || session.state !== 'live' || session.saving) continue;
          const editor = vscode.workspace.textDocuments.find((d) => d.uri.toString() === session.uri.toString());
          if (editor?.isDirty) void editor.save();
        }
      }),
    ];
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
  }

  /** Whether a shot editor edits a text of this script. */
  hasSessionsOn(script: vscode.TextDocument): boolean {
    for (const session of this.sessions.values()) if (session.script === script) return true;
    return false;
  }

  /** The session of a shot editor's document; undefined for any other document. */
  sessionOf(uri: vscode.Uri): ShotSession | undefined {
    return this.sessions.get(uri.toString());
  }

  /** The URI of the shot editor for the text whose literal contains `offset` of `script` (an open session's, else a new one). */
  open(script: vscode.TextDocument, offset: number): vscode.Uri | undefined {
    const kind = this.languages.scriptKindOf(script);
    const text = kind && shotTextAt(script.getText(), kind, offset);
    if (!kind || !text) return undefined;
    for (const session of this.sessions.values()) if (session.edits(script, text.start)) return session.uri;
    let uri: vscode.Uri;
    do uri = shotUri(script.uri, text.names, text.path, ++this.serial);
    while (this.sessions.has(uri.toString()));
    this.add(new ShotSession(uri, script, kind, text, (s) => this.stateChanged(s)));
    return uri;
  }

  private add(session: ShotSession): ShotSession {
    this.sessions.set(session.uri.toString(), session);
    return session;
  }

  private stateChanged(session: ShotSession): void {
    if (session.state === 'deleted' || session.state === 'closed') this.changeFile.fire([{ type: vscode.FileChangeType.Deleted, uri: session.uri }]);
    this.changeState.fire(session);
  }

  /** A session for a URI no session holds (a tab restored after a reload): its text found again by the path it was opened at. */
  private async session(uri: vscode.Uri): Promise<ShotSession> {
    const known = this.sessions.get(uri.toString());
    if (known) return known;
    const address = parseShotUri(uri);
    if (!address) throw vscode.FileSystemError.FileNotFound(uri);
    const script = await vscode.workspace.openTextDocument(address.script).then((d) => d, () => undefined);
    const kind = script && this.languages.scriptKindOf(script);
    const text = kind && shotTextAtPath(script.getText(), kind, address.path);
    if (!script || !kind || !text) throw vscode.FileSystemError.FileNotFound(uri);
    return this.sessions.get(uri.toString()) ?? this.add(new ShotSession(uri, script, kind, text, (s) => this.stateChanged(s)));
  }

  private async live(uri: vscode.Uri): Promise<ShotSession> {
    const session = await this.session(uri);
    if (session.state === 'deleted' || session.state === 'closed') throw vscode.FileSystemError.FileNotFound(uri);
    return session;
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    // A shot file's folder: VS Code asks for it before writing a file it was told is deleted, and
    // must then reach writeFile, which says why it refuses.
    if (!parseShotUri(uri)) return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    const session = await this.live(uri);
    return { type: vscode.FileType.File, ctime: session.ctime, mtime: session.mtime, size: encoder.encode(session.content()).byteLength };
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    return encoder.encode((await this.live(uri)).content());
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const session = this.sessions.get(uri.toString());
    if (!session || session.state !== 'live') throw vscode.FileSystemError.NoPermissions(noLongerWrites(session, uri));
    await session.save(decoder.decode(content));
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  readDirectory(): [string, vscode.FileType][] {
    return [];
  }

  createDirectory(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  delete(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  rename(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }
}

/** Why a shot editor no longer writes to its script, in words. */
export function noLongerWrites(session: ShotSession | undefined, uri: vscode.Uri): string {
  const script = vscode.workspace.asRelativePath(session?.script.uri ?? parseShotUri(uri)?.script ?? uri);
  switch (session?.state) {
    case 'missing':
      return vscode.l10n.t('This text is no longer a shot text of {0}: edits here are not written to it until it is again.', script);
    case 'closed':
      return vscode.l10n.t('{0} was closed: this editor no longer writes to it. Open the script and choose Edit Text again.', script);
    default:
      return vscode.l10n.t('This shot was deleted from {0}: this editor no longer writes to it.', script);
  }
}
