/**
 * What "Preview Voice" speaks, from how it was invoked: a voice of the assets tree, a shot's text
 * (CodeLens), a file (editor title), or the active editor (selection, the shot text under the
 * cursor, a whole `.ssml` file). Script texts are decoded from their JSON strings and carry the
 * nearest enclosing `voice_config`.
 */
import * as vscode from 'vscode';
import { ExpectedError } from '../core/errors';
import { findScriptTextAt, type ScriptVoice } from '../core/scripts/texts';
import type { Services } from '../services';


export interface TextTarget {
  readonly kind: 'text';
  /** Sent as written (docs/decisions/ssml-context.md). */
  readonly text: string;
  readonly voice?: ScriptVoice;
  /** The document position of an offset in `text`, when the text comes from an open document. */
  readonly where?: (offset: number) => vscode.Position;
}

export interface SampleTarget {
  readonly kind: 'sample';
  readonly voiceAssetId: string;
}

export type PreviewTarget = TextTarget | SampleTarget;

/** The argument forms the command accepts from menus, CodeLenses, the assets tree and other code. */
export type PreviewArgument =
  | { readonly voiceAssetId: string; readonly text?: undefined }
  | { readonly uri: string; readonly offset: number }
  | { readonly text: string; readonly voiceAssetId?: string; readonly speed?: number; readonly pitch?: number; readonly volume?: number }
  | vscode.Uri;

function isSsml({ languages }: Pick<Services, 'languages'>, document: vscode.TextDocument): boolean {
  return document.languageId === languages.ssml || document.fileName.toLowerCase().endsWith('.ssml');
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** The target of an invocation; undefined when the user still has to type the text. */
export async function resolveTarget(services: Pick<Services, 'languages' | 'shots'>, arg: unknown): Promise<PreviewTarget | undefined> {
  if (arg instanceof vscode.Uri) {
    // Editor menus pass the document: the active editor's selection or cursor still counts.
    const editor = vscode.window.activeTextEditor;
    if (editor?.document.uri.toString() === arg.toString()) return documentTarget(services, editor.document, editor.selection);
    return documentTarget(services, await vscode.workspace.openTextDocument(arg), undefined);
  }
  const a = (typeof arg === 'object' && arg !== null ? arg : {}) as Record<string, unknown>;
  if (typeof a.text === 'string') {
    const voiceAssetId = typeof a.voiceAssetId === 'string' && a.voiceAssetId ? a.voiceAssetId : undefined;
    return { kind: 'text', text: a.text, ...(voiceAssetId ? { voice: { voiceAssetId, speed: num(a.speed), pitch: num(a.pitch), volume: num(a.volume) } } : {}) };
  }
  if (typeof a.voiceAssetId === 'string' && a.voiceAssetId) return { kind: 'sample', voiceAssetId: a.voiceAssetId };
  if (typeof a.uri === 'string' && typeof a.offset === 'number') {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(a.uri));
    return documentTarget(services, document, new vscode.Selection(document.positionAt(a.offset + 1), document.positionAt(a.offset + 1)));
  }
  const editor = vscode.window.activeTextEditor;
  return editor ? documentTarget(services, editor.document, editor.selection) : undefined;
}

function documentTarget(services: Pick<Services, 'languages' | 'shots'>, document: vscode.TextDocument, selection: vscode.Selection | undefined): TextTarget | undefined {
  const kind = services.languages.scriptKindOf(document);
  const source = document.getText();
  if (kind) {
    const offset = document.offsetAt(selection?.active ?? new vscode.Position(0, 0));
    const found = findScriptTextAt(source, kind, offset);
    if (!found) {
      if (selection && !selection.isEmpty) return selectionTarget(document, selection);
      throw new ExpectedError(vscode.l10n.t('Put the cursor in a shot\'s "text" (text_config.text) to preview it, or select the text to hear.'));
    }
    const where = (i: number) => document.positionAt(found.map.toDocument(i));
    if (selection && !selection.isEmpty && selection.start.isAfterOrEqual(document.positionAt(found.start)) && selection.end.isBeforeOrEqual(document.positionAt(found.end))) {
      // A selection inside the string: the decoded part of the text it covers.
      const from = found.map.toDecoded(document.offsetAt(selection.start));
      const to = found.map.toDecoded(document.offsetAt(selection.end));
      return { kind: 'text', text: found.value.slice(from, to), voice: found.voice, where: (i) => where(from + i) };
    }
    return { kind: 'text', text: found.value, voice: found.voice, where };
  }
  if (selection && !selection.isEmpty) return selectionTarget(document, selection);
  if (isSsml(services, document) || !selection) {
    if (source.trim() === '') throw new ExpectedError(vscode.l10n.t('The file is empty: there is nothing to preview.'));
    // A shot editor's text is spoken by its shot's voice.
    return { kind: 'text', text: source, voice: services.shots.shotOf(document)?.voice, where: (i) => document.positionAt(i) };
  }
  return undefined;
}

function selectionTarget(document: vscode.TextDocument, selection: vscode.Selection): TextTarget {
  const start = document.offsetAt(selection.start);
  return { kind: 'text', text: document.getText(selection), where: (i) => document.positionAt(start + i) };
}
