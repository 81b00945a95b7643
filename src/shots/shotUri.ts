/**
 * The address of a shot editor: `metastudio-shot:/<script folder>/<script> · <scene> › <shot>.ssml`,
 * so the tab says which file and shot it edits and VS Code gives it the SSML language by its
 * extension; the query holds the script's URI and the text's JSON Pointer at opening, which is how
 * a tab restored after a reload finds its text again (docs/decisions/shot-editor.md).
 */
import * as vscode from 'vscode';
import { pointerSegments } from '../core/scripts/tree';
import { toPointer } from '../core/scripts/shotTexts';

export const SHOT_SCHEME = 'metastudio-shot';

/** A name fit for one path segment: no separators or control characters, not too long. */
function segment(name: string): string {
  const clean = name.replace(/[\\/\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim();
  return clean.length > 60 ? `${clean.slice(0, 59)}…` : clean;
}

/** The script's file name without `.json`: `store-live.live`. */
function scriptStem(script: vscode.Uri): string {
  const name = script.path.slice(script.path.lastIndexOf('/') + 1);
  return name.replace(/\.json$/i, '');
}

export function shotUri(script: vscode.Uri, names: readonly string[], path: readonly (string | number)[], serial: number): vscode.Uri {
  const folder = script.path.slice(0, script.path.lastIndexOf('/') + 1) || '/';
  const base = `${segment(scriptStem(script))} · ${names.map(segment).join(' › ')}.ssml`;
  const query = new URLSearchParams({ script: script.toString(), at: toPointer(path), n: String(serial) }).toString();
  return vscode.Uri.from({ scheme: SHOT_SCHEME, path: `${folder.startsWith('/') ? '' : '/'}${folder}${base}`, query });
}

/** The script and the text's path a shot editor's URI was made for; undefined for a URI not made by `shotUri`. */
export function parseShotUri(uri: vscode.Uri): { script: vscode.Uri; path: (string | number)[] } | undefined {
  if (uri.scheme !== SHOT_SCHEME || !uri.path.endsWith('.ssml')) return undefined;
  const query = new URLSearchParams(uri.query);
  const script = query.get('script');
  const at = query.get('at');
  if (!script || at === null || (at !== '' && !at.startsWith('/'))) return undefined;
  try {
    return { script: vscode.Uri.parse(script, true), path: pointerSegments(at) };
  } catch {
    return undefined;
  }
}
