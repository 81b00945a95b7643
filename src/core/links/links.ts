/**
 * The links between local script files and remote objects, as `.metastudio/links.json` holds them
 * (DECISIONS.md 20): grouped by connection (`<endpoint origin>|<project_id>`), so that an ID from
 * the sandbox is never used against the cloud, then by the file's POSIX path relative to the root.
 * Every function here is pure: a document in, a new document out.
 */
import { isAbsolute, relative, sep } from 'node:path';
import * as l10n from '@vscode/l10n';

export type LinkKind = 'video-script' | 'live-room';

export interface Link {
  readonly kind: LinkKind;
  readonly id: string;
  /** SHA-256 (hex) of the file's text when it was last pushed or pulled. */
  readonly pushedSha256: string;
  /** ISO 8601 time of that push or pull. */
  readonly pushedAt: string;
}

export interface LinksDocument {
  readonly version: 1;
  readonly links: { readonly [connection: string]: { readonly [path: string]: Link } };
}

export class LinksFileError extends Error {
  override readonly name = 'LinksFileError';
}

export function emptyLinks(): LinksDocument {
  return { version: 1, links: {} };
}

/** `<endpoint origin>|<project_id>`: the origin only, so `https://host/` and `https://host` are one connection. */
export function connectionKey(endpoint: string, projectId: string): string {
  return `${new URL(endpoint).origin}|${projectId}`;
}

/** The file's path relative to `root` with `/` separators, or undefined when it is not inside `root`. */
export function linkPath(root: string, file: string): string | undefined {
  const rel = relative(root, file);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return undefined;
  return sep === '/' ? rel : rel.split(sep).join('/');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isLink(value: unknown): value is Link {
  return isObject(value)
    && (value.kind === 'video-script' || value.kind === 'live-room')
    && typeof value.id === 'string' && value.id !== ''
    && typeof value.pushedSha256 === 'string'
    && typeof value.pushedAt === 'string';
}

/**
 * Reads a links file. A file that is not JSON, or not version 1, is an error (rewriting it would
 * lose its links); an entry of the wrong shape is left out.
 */
export function parseLinks(text: string): LinksDocument {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new LinksFileError(l10n.t('The links file is not valid JSON ({0}); fix or delete it.', (err as Error).message));
  }
  if (!isObject(value) || value.version !== 1 || !isObject(value.links)) {
    throw new LinksFileError(l10n.t('The links file is not a version 1 links file; fix or delete it.'));
  }
  const links: Record<string, Record<string, Link>> = {};
  for (const [connection, files] of Object.entries(value.links)) {
    if (!isObject(files)) continue;
    for (const [path, link] of Object.entries(files)) {
      if (!isLink(link)) continue;
      const { kind, id, pushedSha256, pushedAt } = link;
      (links[connection] ??= {})[path] = { kind, id, pushedSha256, pushedAt };
    }
  }
  return { version: 1, links };
}

/** Stable text: connections and paths sorted, two-space indent, final newline. */
export function serializeLinks(doc: LinksDocument): string {
  const links: Record<string, Record<string, Link>> = {};
  for (const connection of Object.keys(doc.links).sort()) {
    const files = doc.links[connection];
    const paths = Object.keys(files).sort();
    if (paths.length) links[connection] = Object.fromEntries(paths.map((p) => [p, files[p]]));
  }
  return `${JSON.stringify({ version: 1, links }, null, 2)}\n`;
}

export function getLink(doc: LinksDocument, connection: string, path: string): Link | undefined {
  return doc.links[connection]?.[path];
}

export function setLink(doc: LinksDocument, connection: string, path: string, link: Link): LinksDocument {
  return { version: 1, links: { ...doc.links, [connection]: { ...doc.links[connection], [path]: link } } };
}

export function removeLink(doc: LinksDocument, connection: string, path: string): LinksDocument {
  if (!getLink(doc, connection, path)) return doc;
  const { [path]: _removed, ...rest } = doc.links[connection];
  return { version: 1, links: { ...doc.links, [connection]: rest } };
}

/**
 * The links after `from` was renamed or moved to `to`, for every connection: the file itself, or
 * every file under it when `from` is a folder. Unchanged (the same object) when nothing moved.
 */
export function moveLinks(doc: LinksDocument, from: string, to: string): LinksDocument {
  if (from === to) return doc;
  const moved = (path: string): string | undefined =>
    path === from ? to : path.startsWith(`${from}/`) ? `${to}${path.slice(from.length)}` : undefined;
  let changed = false;
  const links: Record<string, Record<string, Link>> = {};
  for (const [connection, files] of Object.entries(doc.links)) {
    const kept: Record<string, Link> = {};
    const arrived: Record<string, Link> = {};
    for (const [path, link] of Object.entries(files)) {
      const target = moved(path);
      if (target === undefined) kept[path] = link;
      else arrived[target] = link;
    }
    changed ||= Object.keys(arrived).length > 0;
    // A file moved over another one replaces it, link included.
    links[connection] = { ...kept, ...arrived };
  }
  return changed ? { version: 1, links } : doc;
}
