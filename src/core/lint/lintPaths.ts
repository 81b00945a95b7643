/**
 * Lints files and folders from disk into the report of `metastudio lint` (docs/decisions/cli-contract.md).
 * An entry that cannot be read is a `file/unreadable` diagnostic on its path; the others are linted all the same.
 */
import type { Dirent } from 'node:fs';
import { lstat, readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import * as l10n from '@vscode/l10n';
import { LineIndex, sortDiagnostics, type CoreDiagnostic, type Range, type Severity } from '../diagnostics';
import { kindOfFile, type ScriptKind } from '../scripts/kinds';
import type { ScriptLintOptions } from '../scripts/texts';
import type { VoiceCapability } from '../ssml/types';
import { capDiagnostics } from './collector';
import { lintCodes } from './codes';
import { readFileText } from './fileText';
import { isLintedFile, lintFile } from './lintFile';

/** Asset lookups for `lint --online`: the references each script makes, checked against the service. */
export interface OnlineAssetChecks {
  /** Looks up every asset the script references (caching them) and reports the bad references. */
  check(text: string, kind: ScriptKind): Promise<CoreDiagnostic[]>;
  /** From what `check` cached: the capabilities of a voice, for the SSML per-voice checks. */
  voiceCapability(voiceAssetId: string): VoiceCapability | undefined;
}

/** A diagnostic as the CLI prints it: 0-based UTF-16 line/character range. */
export interface ReportedDiagnostic {
  readonly severity: Severity;
  readonly code: string;
  readonly message: string;
  readonly range: Range;
}

export interface LintedFile {
  /** The path as given, or joined onto the folder given. */
  readonly file: string;
  readonly diagnostics: readonly ReportedDiagnostic[];
}

export interface LintReport {
  /** Every file linted, sorted by path; each one's diagnostics sorted by range. */
  readonly files: readonly LintedFile[];
  /** Paths given that do not exist. */
  readonly missing: readonly string[];
  /** Files given by name that are not ours (`isLintedFile`). */
  readonly unsupported: readonly string[];
}

export function toReported(diagnostics: CoreDiagnostic[], text: string): ReportedDiagnostic[] {
  const lines = new LineIndex(text);
  return sortDiagnostics(diagnostics).map((d) => ({ severity: d.severity, code: d.code, message: d.message, range: lines.rangeOf(d.start, d.end) }));
}

/** What the walk found: a file to read, or a folder it could not list. */
export type Found = { readonly path: string } | { readonly problem: CoreDiagnostic };

/**
 * Our files under a folder, skipping node_modules and dot-folders. Every entry with one of our names
 * but a folder is a candidate (links, FIFOs and the like included: reading them says what is wrong);
 * links to folders are not followed.
 */
async function walk(folder: string, label: string, found: Map<string, Found>): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'EACCES' ? l10n.t('permission denied') : (err as Error).message;
    const message = l10n.t('The folder cannot be read: {0}.', reason);
    found.set(label, { problem: { code: 'file/unreadable', severity: lintCodes['file/unreadable'].severity, message, start: 0, end: 0 } });
    return;
  }
  for (const entry of entries) {
    const path = join(folder, entry.name);
    const shown = join(label, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) await walk(path, shown, found);
    } else if (isLintedFile(entry.name)) {
      found.set(shown, { path });
    }
  }
}

async function lintOne(file: string, path: string, online: OnlineAssetChecks | undefined, polyphones: ScriptLintOptions['polyphones']): Promise<readonly ReportedDiagnostic[]> {
  const read = await readFileText(path);
  if (!read.readable) return toReported([read.problem], '');
  const { text } = read;
  const kind = kindOfFile(file);
  const assetDiagnostics = online && kind ? await online.check(text, kind) : [];
  const options: ScriptLintOptions = { polyphones, ...(online ? { voiceCapability: (id: string) => online.voiceCapability(id) } : {}) };
  const diagnostics = lintFile(file, text, options);
  return toReported(capDiagnostics([diagnostics, assetDiagnostics, read.encodingProblem ? [read.encodingProblem] : []].flat()), text);
}

export interface FoundFiles {
  /** Our files, sorted by path: each as given (or joined onto the folder given), and its absolute path or why it cannot be read. */
  readonly files: readonly { readonly file: string; readonly entry: Found }[];
  /** Paths given that do not exist. */
  readonly missing: readonly string[];
  /** Files given by name that are not `*.video.json`, `*.live.json` or `*.ssml`. */
  readonly unsupported: readonly string[];
}

/** Our files among the paths (files or folders, relative to `cwd`); no path means `.`. */
export async function findFiles(paths: readonly string[], cwd: string): Promise<FoundFiles> {
  const found = new Map<string, Found>();
  const missing: string[] = [];
  const unsupported: string[] = [];
  for (const given of paths.length ? paths : ['.']) {
    const path = resolve(cwd, given);
    // A dangling link given by name exists: reading it says what is wrong with it.
    const info = await stat(path).catch(() => undefined) ?? await lstat(path).catch(() => undefined);
    if (!info) missing.push(given);
    else if (info.isDirectory()) await walk(path, given, found);
    else if (isLintedFile(given)) found.set(given, { path });
    else unsupported.push(given);
  }
  const files = [...found].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([file, entry]) => ({ file, entry }));
  return { files, missing, unsupported };
}

/** Lints every path (file or folder, relative to `cwd`); no path means `.`. `polyphones` marks them too. */
export async function lintPaths(paths: readonly string[], cwd: string, online?: OnlineAssetChecks, polyphones?: ScriptLintOptions['polyphones']): Promise<LintReport> {
  const { files: found, missing, unsupported } = await findFiles(paths, cwd);
  const files: LintedFile[] = [];
  for (const { file, entry } of found) {
    files.push({ file, diagnostics: 'problem' in entry ? toReported([entry.problem], '') : await lintOne(file, entry.path, online, polyphones) });
  }
  return { files, missing, unsupported };
}
