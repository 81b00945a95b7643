/**
 * Script and SSML files as every tool reads them: UTF-8 text (a byte order mark is not content), and
 * only from regular files. A FIFO, a socket, a device, a folder, a dangling link or a file without
 * permission is a `file/unreadable` diagnostic, never a wait or an exception.
 */
import { constants, type Stats } from 'node:fs';
import { lstat, open, stat } from 'node:fs/promises';
import * as l10n from '@vscode/l10n';
import type { CoreDiagnostic } from '../diagnostics';
import { lintCodes, type LintCode } from './codes';

export type FileText =
  | { readonly readable: true; readonly text: string; /** `file/not-utf8`, when the text has bytes that are not UTF-8. */ readonly encodingProblem?: CoreDiagnostic }
  | { readonly readable: false; /** `file/unreadable`, with the reason. */ readonly problem: CoreDiagnostic; /** Nothing is at the path, not even a link. */ readonly missing: boolean };

function diagnostic(code: LintCode, message: string, start = 0, end = 0): CoreDiagnostic {
  return { code, severity: lintCodes[code].severity, message, start, end };
}

const replacementChar = 0xfffd;

/** 64 MiB: fifty scenes of the longest text take about 20 MB; anything larger is not a script. */
const maxFileBytes = 64 * 1024 * 1024;

/**
 * `file/not-utf8` at the first U+FFFD of a decoded text: the mark a UTF-8 decoder leaves for bytes
 * that are not UTF-8 (the CLI decodes so, and VS Code when it opens a file as UTF-8), or that an
 * earlier lossy conversion left. `encoding` is the editor's encoding of the file, when known.
 */
export function encodingProblem(text: string, encoding?: string): CoreDiagnostic | undefined {
  if (encoding !== undefined && encoding !== 'utf8' && encoding !== 'utf8bom') {
    return diagnostic('file/not-utf8', l10n.t('The file is saved as {0}, not UTF-8: MetaStudio tools read only UTF-8. Save it with the UTF-8 encoding.', encoding));
  }
  const first = text.indexOf(String.fromCharCode(replacementChar));
  if (first < 0) return undefined;
  let count = 0;
  for (let at = first; at >= 0; at = text.indexOf(String.fromCharCode(replacementChar), at + 1)) count++;
  return diagnostic('file/not-utf8',
    l10n.t('U+FFFD, the mark of bytes that are not UTF-8 ({0} in the file): the file is not UTF-8, or lost characters in an earlier conversion. Save it as UTF-8 and retype what was lost.', count),
    first, first + 1);
}

function isLink(path: string): Promise<boolean> {
  return lstat(path).then((info) => info.isSymbolicLink(), () => false);
}

/** What a file is, when it is not a regular file. */
function kindOf(info: Stats, viaLink: boolean): string {
  if (info.isDirectory()) return viaLink ? l10n.t('a link to a folder, not a file') : l10n.t('a folder, not a file');
  if (info.isFIFO()) return l10n.t('a FIFO (named pipe), not a regular file');
  if (info.isSocket()) return l10n.t('a socket, not a regular file');
  if (info.isCharacterDevice() || info.isBlockDevice()) return l10n.t('a device, not a regular file');
  return l10n.t('not a regular file');
}

/** Why `path` could not be opened: what it is (opening a socket fails), else what the error means. */
async function reasonOf(path: string, err: NodeJS.ErrnoException): Promise<string> {
  const info = await stat(path).catch(() => undefined);
  if (info && !info.isFile()) return kindOf(info, await isLink(path));
  switch (err.code) {
    case 'ENOENT': return await isLink(path) ? l10n.t('a link whose target does not exist') : l10n.t('it does not exist');
    case 'ELOOP': return l10n.t('a link that leads to itself');
    case 'EACCES':
    case 'EPERM': return l10n.t('permission denied');
    case 'EISDIR': return l10n.t('a folder, not a file');
    default: return err.message;
  }
}

/**
 * Reads a file as UTF-8 text. Opened non-blocking, so that a FIFO never waits for a writer; checked
 * with `fstat` on the open handle, so that nothing but a regular file is read.
 */
export async function readFileText(path: string): Promise<FileText> {
  let handle;
  try {
    // O_NONBLOCK does not exist on Windows, where a FIFO cannot carry a script's name anyway.
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const info = await handle.stat();
    if (!info.isFile()) return unreadable(kindOf(info, await isLink(path)));
    if (info.size > maxFileBytes) return unreadable(l10n.t('it is larger than {0} MB, far more than any script', maxFileBytes / 1024 / 1024));
    const bytes = await handle.readFile();
    const text = new TextDecoder('utf-8').decode(bytes);
    const problem = encodingProblem(text);
    return problem ? { readable: true, text, encodingProblem: problem } : { readable: true, text };
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === 'ENOENT' && !await isLink(path);
    return unreadable(await reasonOf(path, err as NodeJS.ErrnoException), missing);
  } finally {
    await handle?.close();
  }
}

function unreadable(reason: string, missing = false): FileText {
  return { readable: false, problem: diagnostic('file/unreadable', l10n.t('The file cannot be read: {0}.', reason)), missing };
}
