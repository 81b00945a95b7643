/**
 * The manifest a Marketplace page is made of: valid JSON without a key given twice (JSON.parse keeps
 * the last, silently: two merged branches once lost an activation event so), an icon of 128×128
 * pixels, a gallery banner, keywords in English and Chinese, and every file it names packaged.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { visit } from 'jsonc-parser';

const root = join(__dirname, '../../..');
const text = readFileSync(join(root, 'package.json'), 'utf8');
const manifest = JSON.parse(text);

describe('the manifest', () => {
  it('names no key twice in an object', () => {
    const scopes: Set<string>[] = [];
    const twice: string[] = [];
    visit(text, {
      onObjectBegin: () => { scopes.push(new Set()); },
      onObjectEnd: () => { scopes.pop(); },
      onObjectProperty: (name, offset) => {
        const keys = scopes[scopes.length - 1];
        if (keys.has(name)) twice.push(`${name} at offset ${offset}`);
        keys.add(name);
      },
    });
    assert.deepEqual(twice, []);
  });

  it('has a 128×128 PNG icon, a gallery banner and keywords in English and Chinese', () => {
    const png = readFileSync(join(root, manifest.icon));
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
    assert.match(manifest.galleryBanner.color, /^#[0-9a-f]{6}$/i);
    assert.ok(['dark', 'light'].includes(manifest.galleryBanner.theme));
    assert.ok(manifest.keywords.length <= 30, 'vsce takes at most 30 keywords');
    assert.ok(manifest.keywords.some((k: string) => /^[\x20-\x7e]+$/.test(k)) && manifest.keywords.some((k: string) => /[\u4e00-\u9fff]/.test(k)));
  });

  it('packages every file the manifest and the walkthrough name', () => {
    const allowlist = readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n').filter((l) => l.startsWith('!')).map((l) => l.slice(1));
    const packaged = (file: string) => allowlist.some((pattern) => new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*\*/g, '\u0000').replace(/\*/g, '[^/]*').replace(/\u0000/g, '.*')}$`).test(file));
    const files = [
      manifest.icon,
      manifest.main.replace(/^\.\//, ''),
      ...manifest.contributes.walkthroughs.flatMap((w: { steps: { media: Record<string, string> }[] }) => w.steps.map((s) => s.media.svg ?? s.media.image ?? s.media.markdown)),
    ];
    for (const file of files) assert.ok(packaged(file), `${file} is in the .vscodeignore allowlist`);
    assert.ok(!packaged('media/screenshots/assets-tree.png'), 'screenshots stay out of the package');
  });
});
