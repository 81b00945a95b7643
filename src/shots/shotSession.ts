/**
 * One shot editor and the JSON string literal it edits (docs/decisions/shot-editor.md). The literal
 * is followed through every change of the script by the offset of its opening quote; a change that
 * removes that quote removes the shot. The editor's changes become one workspace edit of the script
 * each (only the changed characters encoded); the script's changes of the text are applied to the
 * editor. Writes and mirrors run one at a time, each against the documents as they are then.
 */
import * as vscode from 'vscode';
import { LineIndex, type TextEdit } from '../core/diagnostics';
import type { ScriptKind } from '../core/scripts/kinds';
import { shotTextStartingAt, type ShotText } from '../core/scripts/shotTexts';
import { applyEdits, applyLineChanges, diffEdit, followLiteral, literalEdits } from '../core/scripts/textEdits';
import { log } from '../logging/log';

/** `live`: editing the script; `missing`: the literal is there but no longer a text (e.g. its key changed); `deleted` and `closed` are final. */
export type ShotState = 'live' | 'missing' | 'deleted' | 'closed';

/** The text as an editor with end of line `eol` shows it (VS Code normalises a document's line breaks). */
function shownAs(value: string, eol: vscode.EndOfLine): string {
  return /\r/.test(value) ? value.replace(/\r\n|\r|\n/g, eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n') : value;
}

export class ShotSession {
  private state_: ShotState = 'live';
  private start: number;
  private text: ShotText;
  /** The decoded text the editor shows (its own line breaks where the editor normalised them). */
  private shown: string;
  /** Writes queued and not yet applied: while any is, the script's changes of the text are not mirrored back. */
  private writes = 0;
  private queue: Promise<void> = Promise.resolve();
  /** Constant while the session lives: the editor's saves never meet a "file modified since" conflict. */
  readonly mtime = Date.now();
  readonly ctime = this.mtime;
  /** While the editor's save runs (it saves the script, which must not save the editor again). */
  saving = false;

  constructor(
    readonly uri: vscode.Uri,
    readonly script: vscode.TextDocument,
    readonly kind: ScriptKind,
    text: ShotText,
    private readonly onStateChange: (session: ShotSession) => void,
  ) {
    this.start = text.start;
    this.text = text;
    this.shown = text.value;
  }

  get state(): ShotState {
    return this.state_;
  }

  /** The text as the script has it now (the editor may be a keystroke ahead). */
  get current(): ShotText {
    return this.text;
  }

  /** What the editor's file holds. */
  content(): string {
    return this.shown;
  }

  /** Whether this session edits the literal starting at `offset` of `script`. */
  edits(script: vscode.TextDocument, offset: number): boolean {
    return this.script === script && this.start === offset && this.state_ !== 'deleted' && this.state_ !== 'closed';
  }

  private editor(): vscode.TextDocument | undefined {
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === this.uri.toString());
  }

  private setState(state: ShotState): void {
    if (this.state_ === state) return;
    this.state_ = state;
    log().info(`shot editor ${this.uri.path}: ${state}`);
    this.onStateChange(this);
  }

  /** The script closed: the session ends. */
  close(): void {
    if (this.state_ !== 'deleted') this.setState('closed');
  }

  /** Follows a change of the script; mirrors a change of the text into the editor. */
  scriptChanged(e: vscode.TextDocumentChangeEvent): void {
    if (this.state_ === 'deleted' || this.state_ === 'closed' || !e.contentChanges.length) return;
    const document = this.script.getText();
    // Typing inside the literal (the shot editor's writes) needs no parse of the whole script.
    const followed = followLiteral(document, this.start, this.text.end, e.contentChanges);
    if (followed.kind === 'lost') return this.setState('deleted');
    this.start = followed.start;
    const found = followed.kind === 'kept' && this.state_ === 'live' ? { ...this.text, ...followed } : shotTextStartingAt(document, this.kind, followed.start);
    if (!found) return this.setState('missing');
    this.text = found;
    this.setState('live');
    if (this.writes === 0 && found.value !== this.shown) this.enqueue(() => this.mirror());
  }

  /** Turns a change the user made in the editor into an edit of the script. */
  editorChanged(e: vscode.TextDocumentChangeEvent): void {
    if (this.state_ !== 'live' || !e.contentChanges.length) return;
    const document = e.document;
    const now = document.getText();
    if (now === shownAs(this.shown, document.eol)) return; // our own mirror, or an undo back to it
    const applied = applyLineChanges(this.shown, e.contentChanges);
    const exact = applied && shownAs(applied.value, document.eol) === now ? applied : undefined;
    const base = this.shown;
    this.shown = exact ? exact.value : now;
    this.writes++;
    this.enqueue(async () => {
      try {
        await this.write(base, exact?.edits);
      } finally {
        this.writes--;
      }
    });
  }

  /** Runs after every queued job; a failed job is logged and never blocks the next. */
  private enqueue(job: () => Promise<void>): void {
    this.queue = this.queue.then(job).catch((err: unknown) => log().error(`shot editor ${this.uri.path}`, err as Error));
  }

  /** Waits for every queued write and mirror. */
  settled(): Promise<void> {
    return this.queue;
  }

  /** Makes the script's text what the editor shows: `edits` exactly when the script still holds `base`, else the smallest single edit. */
  private async write(base: string, edits: readonly TextEdit[] | undefined): Promise<void> {
    for (let attempt = 0; attempt < 2; attempt++) {
      if (this.state_ !== 'live') return;
      // The text as the script has it: every change of the script reached scriptChanged before this job runs.
      const found = this.text;
      const target = this.shown;
      if (found.value === target) return;
      const exact = attempt === 0 && edits && found.value === base && applyEdits(base, edits) === target;
      const decoded = exact ? edits : [diffEdit(found.value, target)!];
      const edit = new vscode.WorkspaceEdit();
      for (const e of literalEdits(this.script.getText(), found.start, found.end, decoded)) {
        edit.replace(this.script.uri, new vscode.Range(this.script.positionAt(e.start), this.script.positionAt(e.end)), e.newText);
      }
      if (await vscode.workspace.applyEdit(edit)) return;
      log().warn(`shot editor ${this.uri.path}: the script changed while its edit was on the way; trying again`);
    }
  }

  /** Applies the script's text to the editor. */
  private async mirror(): Promise<void> {
    const target = this.text.value;
    if (this.writes > 0 || this.state_ !== 'live' || target === this.shown) return;
    const editor = this.editor();
    const change = diffEdit(this.shown, target);
    const lines = new LineIndex(this.shown);
    this.shown = target;
    if (!editor || !change) return;
    const edit = new vscode.WorkspaceEdit();
    const { start, end } = lines.rangeOf(change.start, change.end);
    edit.replace(this.uri, new vscode.Range(start.line, start.character, end.line, end.character), change.newText);
    if (!(await vscode.workspace.applyEdit(edit))) log().warn(`shot editor ${this.uri.path}: the script's change did not reach the editor (it changed meanwhile)`);
  }

  /** Saving the editor: its text into the script (if a save participant changed it), then the script saved. */
  async save(content: string): Promise<void> {
    this.saving = true;
    try {
      await this.saveNow(content);
    } finally {
      this.saving = false;
    }
  }

  private async saveNow(content: string): Promise<void> {
    const editor = this.editor();
    if (editor && content !== shownAs(this.shown, editor.eol)) {
      const base = this.shown;
      this.shown = content;
      this.writes++;
      this.enqueue(async () => {
        try {
          await this.write(base, undefined);
        } finally {
          this.writes--;
        }
      });
    }
    await this.settled();
    // An auto-save of the script may be on its way at the same time: only a script left unsaved is a failure.
    if (this.script.isDirty && !(await this.script.save()) && this.script.isDirty) {
      throw vscode.FileSystemError.Unavailable(vscode.l10n.t('{0} could not be saved.', vscode.workspace.asRelativePath(this.script.uri)));
    }
  }
}
