import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { ImageStore } from '../../../src/core/layout/imageStore';

describe('layout image store', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'image-store-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const png = (fill: number, bytes = 1000) => ({ type: 'image/png' as const, data: Buffer.alloc(bytes, fill) });

  it('names each file by its content, so the same picture is kept once', async () => {
    const store = new ImageStore(join(dir, 'images'));
    const [a, b] = await Promise.all([store.put(png(1)), store.put(png(1))]);
    assert.equal(a, b);
    assert.equal(basename(a), `${createHash('sha256').update(png(1).data).digest('hex')}.png`);
    assert.deepEqual(readFileSync(a), png(1).data);
    assert.equal(basename(await store.put({ type: 'image/jpeg', data: Buffer.from([0xff, 0xd8, 0xff]) })).slice(-4), '.jpg');
  });

  it('stays within its size by removing the least recently used files, and leaves other files alone', async () => {
    const store = new ImageStore(dir, 2500);
    writeFileSync(join(dir, 'notes.txt'), 'x'.repeat(5000));
    const first = await store.put(png(1));
    const second = await store.put(png(2));
    utimesSync(first, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    utimesSync(second, new Date(Date.now() - 120_000), new Date(Date.now() - 120_000));
    await store.put(png(1)); // used again: now the most recent
    const third = await store.put(png(3));
    assert.deepEqual(readdirSync(dir).sort(), [basename(first), basename(third), 'notes.txt'].sort());
    const huge = await store.put(png(4, 4000));
    assert.deepEqual(readdirSync(dir).sort(), [basename(huge), 'notes.txt'].sort(), 'the newest stays even when alone over the bound');
  });
});
