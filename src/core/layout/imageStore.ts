/**
 * Layout images on disk, for a webview to load as its own resources (docs/layout.md, "Images"): one
 * file per content, named by its SHA-256, in a folder the store owns. After each write the folder
 * is brought back under its size bound by removing the least recently used files (by modification
 * time, which a reuse renews); files of other names are left alone.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, rm, stat, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomically } from '../files/atomicWrite';
import type { ImageType, LayoutImage } from './images';

export const DEFAULT_IMAGE_STORE_BYTES = 100 * 1024 * 1024;

const extensions: Readonly<Record<ImageType, string>> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp', 'image/gif': 'gif' };
const FILE_NAME = /^[0-9a-f]{64}\.(?:png|jpg|webp|gif)$/;

export class ImageStore {
  /** Writes one at a time, so that a bound check sees every file written before it. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly folder: string, private readonly maxBytes = DEFAULT_IMAGE_STORE_BYTES) {}

  /** The path of the image's file, written unless it is there already. */
  put(image: LayoutImage): Promise<string> {
    const next = this.queue.then(() => this.write(image));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async write(image: LayoutImage): Promise<string> {
    const name = `${createHash('sha256').update(image.data).digest('hex')}.${extensions[image.type]}`;
    const path = join(this.folder, name);
    await mkdir(this.folder, { recursive: true });
    const now = new Date();
    const known = await utimes(path, now, now).then(() => true, () => false);
    if (!known) {
      await writeFileAtomically(path, image.data);
      await this.bound(name);
    }
    return path;
  }

  /** Removes the least recently used files until the folder is within its bound; `keep` stays. */
  private async bound(keep: string): Promise<void> {
    const names = (await readdir(this.folder)).filter((name) => FILE_NAME.test(name) && name !== keep);
    const files = (await Promise.all(names.map(async (name) => {
      const info = await stat(join(this.folder, name)).catch(() => undefined);
      return info && { name, bytes: info.size, usedAt: info.mtimeMs };
    }))).filter((f) => f !== undefined);
    let total = files.reduce((sum, f) => sum + f.bytes, (await stat(join(this.folder, keep))).size);
    for (const file of files.sort((a, b) => a.usedAt - b.usedAt)) {
      if (total <= this.maxBytes) break;
      await rm(join(this.folder, file.name), { force: true });
      total -= file.bytes;
    }
  }
}
