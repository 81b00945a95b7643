/**
 * `.metastudio/links.json` on disk: read, and changed one update at a time (each written to a
 * temporary file, then renamed over the old one, so a crash never leaves half a file).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import * as l10n from '@vscode/l10n';
import { emptyLinks, getLink, LinksFileError, parseLinks, serializeLinks, setLink, type Link, type LinksDocument } from './links';

export const LINKS_FOLDER = '.metastudio';
export const LINKS_FILE = `${LINKS_FOLDER}/links.json`;

export class LinkStore {
  private queue: Promise<unknown> = Promise.resolve();

  /** `root`: the workspace folder (editor) or the folder `findLinksRoot` chose (CLI). */
  constructor(readonly root: string) {}

  get file(): string {
    return join(this.root, LINKS_FILE);
  }

  /** The links; an empty document when the file does not exist yet. */
  async read(): Promise<LinksDocument> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return emptyLinks();
      throw err;
    }
    try {
      return parseLinks(text);
    } catch (err) {
      throw new LinksFileError(`${this.file}: ${(err as Error).message}`);
    }
  }

  async get(connection: string, path: string): Promise<Link | undefined> {
    return getLink(await this.read(), connection, path);
  }

  async set(connection: string, path: string, link: Link): Promise<void> {
    await this.update((doc) => setLink(doc, connection, path, link));
  }

  /** Applies `change` to the current links and writes the result (nothing when it returns the same document). */
  update(change: (doc: LinksDocument) => LinksDocument): Promise<LinksDocument> {
    const run = this.queue.then(async () => {
      const before = await this.read();
      const after = change(before);
      if (after !== before) await this.write(after);
      return after;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async write(doc: LinksDocument): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true });
    const temp = `${this.file}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(temp, serializeLinks(doc), 'utf8');
      await rename(temp, this.file);
    } catch (err) {
      await unlink(temp).catch(() => undefined);
      throw new Error(l10n.t('Cannot write {0}: {1}', this.file, (err as Error).message));
    }
  }
}

/** The CLI's root: the nearest folder at or above `start` that holds `.metastudio/`, else `start`. */
export async function findLinksRoot(start: string): Promise<string> {
  for (let folder = start; ; folder = dirname(folder)) {
    try {
      if ((await stat(join(folder, LINKS_FOLDER))).isDirectory()) return folder;
    } catch {
      // not here
    }
    if (dirname(folder) === folder) return start;
  }
}
