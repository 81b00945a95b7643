/** The manifest offers "Upload to MetaStudio" on exactly the files an upload takes. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { uploadableExtensions } from '../../../src/core/upload/media';

interface Menu {
  readonly command: string;
  readonly when?: string;
}

describe('upload in the manifest', () => {
  const manifest = JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8')) as { contributes: { menus: Record<string, Menu[]> } };

  it('shows the explorer\'s upload on the media files MetaStudio takes, in any case, and on no other file', () => {
    const menu = manifest.contributes.menus['explorer/context'].find((m) => m.command === 'metastudio.assets.upload');
    const [, source, flags] = /resourceExtname =~ \/(.+)\/(\w*)/.exec(menu?.when ?? '') ?? [];
    const pattern = new RegExp(source, flags);
    for (const extension of uploadableExtensions()) {
      assert.ok(pattern.test(`.${extension}`) && pattern.test(`.${extension.toUpperCase()}`), extension);
    }
    for (const other of ['.txt', '.json', '.mp4.json', '.pngx', '.m4a', '']) assert.ok(!pattern.test(other), other);
  });
});
