/**
 * `.metastudio/links.json` on disk: read, and changed one update at a time. The editor and every
 * CLI run share one rule: an update takes the lock file `.metastudio/links.json.lock`, reads the
 * file again under it, and writes a temporary file renamed over the old one (a crash never leaves
 * half a file), so that processes updating at once lose no link.
 */
import { mkdir, readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import * as l10n from '@vscode/l10n';
import { errorMessage } from '../errors';
import { writeFileAtomically } from '../files/atomicWrite';
import { withFileLock } from '../files/fileLock';
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
      throw new LinksFileError(`${this.file}: ${errorMessage(err)}`, { cause: err });
    }
  }

  async get(connection: string, path: string): Promise<Link | undefined> {
    return getLink(await this.read(), connection, path);
  }

  async set(connection: string, path: string, link: Link): Promise<void> {
    await this.update((doc) => setLink(doc, connection, path, link));
  }

  /**
   * Applies `change` (a pure function) to the current links and writes the result; nothing when it
   * returns the same document (then no lock is taken and no folder made).
   */
  update(change: (doc: LinksDocument) => LinksDocument): Promise<LinksDocument> {
    const run = this.queue.then(async () => {
      const seen = await this.read();
      if (change(seen) === seen) return seen;
      return withFileLock(`${this.file}.lock`, async () => {
        const before = await this.read();
        const after = change(before);
        if (after !== before) await this.write(after);
        return after;
      });
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async write(doc: LinksDocument): Promise<void> {
    try {
      await mkdir(dirname(this.file), { recursive: true });
      await writeFileAtomically(this.file, serializeLinks(doc));
    } catch (err) {
      throw new LinksFileError(l10n.t('Cannot write {0}: {1}', this.file, errorMessage(err)), { cause: err });
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
