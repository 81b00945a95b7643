/**
 * The links between local script files and remote objects, as `.metastudio/links.json` holds them
 * (docs/decisions/links.md): grouped by connection (`<endpoint origin>|<project_id>`), so that an ID from
 * the sandbox is never used against the cloud, then by the file's POSIX path relative to the root.
 * Every function here is pure: a document in, a new document out.
 */
import { isAbsolute, relative, sep } from 'node:path';
import * as l10n from '@vscode/l10n';
import { errorMessage, ExpectedError } from '../errors';
import { isObject, parseUntrustedJson, UnsafeJsonKeyError } from '../json';
import { scriptKinds } from '../scripts/kinds';

/** The remote object kinds a link may name: one per script kind. */
const linkKinds: ReadonlySet<unknown> = new Set(Object.values(scriptKinds).map((row) => row.remote.kind));

export interface Link {
  /** The remote object's kind (a script kind's `remote.kind`, e.g. `video-script`). */
  readonly kind: string;
  readonly id: string;
  /** SHA-256 (hex) of the file's text when it was last pushed or pulled. */
  readonly pushedSha256: string;
  /** ISO 8601 time of that push or pull. */
  readonly pushedAt: string;
}

/** Links per connection, then per path: maps, since their keys come from the file. */
export type LinksByConnection = ReadonlyMap<string, ReadonlyMap<string, Link>>;

export interface LinksDocument {
  readonly version: 1;
  readonly links: LinksByConnection;
}

export class LinksFileError extends ExpectedError {
  override readonly name = 'LinksFileError';
}

export function emptyLinks(): LinksDocument {
  return { version: 1, links: new Map() };
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

function isLink(value: unknown): value is Link {
  return isObject(value)
    && linkKinds.has(value.kind)
    && typeof value.id === 'string' && value.id !== ''
    && typeof value.pushedSha256 === 'string'
    && typeof value.pushedAt === 'string';
}

/** `map`'s entry for `key`, made empty when it has none. */
function entryOf<K, V>(map: Map<K, Map<string, V>>, key: K): Map<string, V> {
  let entry = map.get(key);
  if (!entry) map.set(key, entry = new Map());
  return entry;
}

/**
 * Reads a links file. A file that is not JSON, not version 1, or has a key that could reach every
 * object (`__proto__`, `constructor`, `prototype`) is an error (rewriting it would lose its links);
 * an entry of the wrong shape is left out.
 */
export function parseLinks(text: string): LinksDocument {
  let value: unknown;
  try {
    value = parseUntrustedJson(text);
  } catch (err) {
    if (err instanceof UnsafeJsonKeyError) throw new LinksFileError(l10n.t('{0} Fix or delete the links file.', err.message), { cause: err });
    throw new LinksFileError(l10n.t('The links file is not valid JSON ({0}); fix or delete it.', errorMessage(err)), { cause: err });
  }
  if (!isObject(value) || value.version !== 1 || !isObject(value.links)) {
    throw new LinksFileError(l10n.t('The links file is not a version 1 links file; fix or delete it.'));
  }
  const links = new Map<string, Map<string, Link>>();
  for (const [connection, files] of Object.entries(value.links)) {
    if (!isObject(files)) continue;
    for (const [path, link] of Object.entries(files)) {
      if (!isLink(link)) continue;
      const { kind, id, pushedSha256, pushedAt } = link;
      entryOf(links, connection).set(path, { kind, id, pushedSha256, pushedAt });
    }
  }
  return { version: 1, links };
}

/** Stable text: connections and paths sorted, two-space indent, final newline. */
export function serializeLinks(doc: LinksDocument): string {
  const links: [string, Record<string, Link>][] = [];
  for (const connection of [...doc.links.keys()].sort()) {
    const files = doc.links.get(connection)!;
    const paths = [...files.keys()].sort();
    // fromEntries defines properties: a key is never a prototype setter.
    if (paths.length) links.push([connection, Object.fromEntries(paths.map((p) => [p, files.get(p)!]))]);
  }
  return `${JSON.stringify({ version: 1, links: Object.fromEntries(links) }, null, 2)}\n`;
}

export function getLink(doc: LinksDocument, connection: string, path: string): Link | undefined {
  return doc.links.get(connection)?.get(path);
}

export function setLink(doc: LinksDocument, connection: string, path: string, link: Link): LinksDocument {
  const links = new Map(doc.links);
  links.set(connection, new Map(doc.links.get(connection)).set(path, link));
  return { version: 1, links };
}

/** Links taken from under a path, per connection, keyed by the rest of their path ('' for the path itself). */
export type TakenLinks = LinksByConnection;

/**
 * The document without the links of `from` (the file itself, or every file under it when it is a
 * folder), and those links. The same document when there are none.
 */
export function takeLinks(doc: LinksDocument, from: string): [LinksDocument, TakenLinks] {
  const suffixOf = (path: string): string | undefined => (path === from ? '' : path.startsWith(`${from}/`) ? path.slice(from.length) : undefined);
  const links = new Map<string, Map<string, Link>>();
  const taken = new Map<string, Map<string, Link>>();
  for (const [connection, files] of doc.links) {
    const kept = entryOf(links, connection);
    for (const [path, link] of files) {
      const suffix = suffixOf(path);
      if (suffix === undefined) kept.set(path, link);
      else entryOf(taken, connection).set(suffix, link);
    }
  }
  return taken.size ? [{ version: 1, links }, taken] : [doc, new Map()];
}

/** The document with `taken` links put under `to`; a file moved over another one replaces its link. */
export function putLinks(doc: LinksDocument, to: string, taken: TakenLinks): LinksDocument {
  if (taken.size === 0) return doc;
  const links = new Map(doc.links);
  for (const [connection, files] of taken) {
    const merged = new Map(links.get(connection));
    for (const [suffix, link] of files) merged.set(`${to}${suffix}`, link);
    links.set(connection, merged);
  }
  return { version: 1, links };
}

/**
 * The links after `from` was renamed or moved to `to` within the same root, for every connection.
 * Unchanged (the same object) when nothing moved.
 */
export function moveLinks(doc: LinksDocument, from: string, to: string): LinksDocument {
  if (from === to) return doc;
  const [rest, taken] = takeLinks(doc, from);
  return putLinks(rest, to, taken);
}
