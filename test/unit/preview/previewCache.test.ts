import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cacheLimitOfSetting, CACHE_SIZE_MB, PreviewCache } from '../../../src/core/preview/previewCache';
import { FakeClock } from '../cloud/support';

const key = (n: number) => n.toString(16).padStart(64, '0');
const bytes = (size: number, fill = 1) => new Uint8Array(size).fill(fill);
const label = (text: string) => ({ text, voiceAssetId: 'v' });

describe('preview/previewCache', () => {
  let folder: string;
  const clock = new FakeClock(1_700_000_000_000);
  beforeEach(() => { folder = mkdtempSync(join(tmpdir(), 'preview-cache-')); });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('stores files under the key and finds them again, also from a new instance', async () => {
    const cache = new PreviewCache(folder, { limitBytes: 1000, clock });
    assert.equal(await cache.get(key(1)), undefined);
    const stored = await cache.put(key(1), [{ data: bytes(10), extension: 'wav' }, { data: bytes(5), extension: 'WAV' }], label('hello'));
    assert.deepEqual(stored.files.map((f) => f.slice(folder.length + 1)), [`${key(1)}-1.wav`, `${key(1)}-2.wav`]);
    const again = await new PreviewCache(folder, { limitBytes: 1000, clock }).get(key(1));
    assert.deepEqual(again?.files, stored.files);
    assert.equal(again?.bytes, 15);
    assert.equal(again?.label.text, 'hello');
  });

  it('evicts the least recently used entries beyond the size limit', async () => {
    const cache = new PreviewCache(folder, { limitBytes: 250, clock });
    for (const n of [1, 2, 3]) {
      await cache.put(key(n), [{ data: bytes(100), extension: 'wav' }], label(`t${n}`));
      clock.time += 1000;
    }
    // Three entries of 100 bytes do not fit in 250: the oldest went when the third came.
    assert.deepEqual(await cache.keys(), [key(2), key(3)]);
    await cache.get(key(2)); // now key(3) is the least recently used
    await cache.put(key(4), [{ data: bytes(100), extension: 'wav' }], label('t4'));
    assert.deepEqual(await cache.keys(), [key(2), key(4)]);
    assert.ok(!existsSync(join(folder, `${key(3)}-1.wav`)), 'the evicted file is deleted');
    assert.deepEqual(await cache.stats(), { entries: 2, bytes: 200 });
    await cache.setMaxBytes(150);
    assert.deepEqual(await cache.keys(), [key(4)]);
  });

  it('keeps a new entry larger than the limit (it is about to play) but nothing else', async () => {
    const cache = new PreviewCache(folder, { limitBytes: 50, clock });
    await cache.put(key(1), [{ data: bytes(10), extension: 'wav' }], label('small'));
    await cache.put(key(2), [{ data: bytes(80), extension: 'wav' }], label('big'));
    assert.deepEqual(await cache.keys(), [key(2)]);
  });

  it('forgets an entry whose file vanished or changed size', async () => {
    const cache = new PreviewCache(folder, { limitBytes: 1000, clock });
    const stored = await cache.put(key(1), [{ data: bytes(10), extension: 'wav' }], label('x'));
    writeFileSync(stored.files[0], 'short');
    assert.equal(await cache.get(key(1)), undefined);
    assert.deepEqual(await cache.keys(), []);
  });

  it('clears its own files only, and survives a corrupt index', async () => {
    const cache = new PreviewCache(folder, { limitBytes: 1000, clock });
    await cache.put(key(1), [{ data: bytes(10), extension: 'wav' }], label('x'));
    await cache.put(key(2), [{ data: bytes(20), extension: 'mp3' }], label('y'));
    writeFileSync(join(folder, 'someone-elses.txt'), 'keep me');
    assert.deepEqual(await cache.clear(), { entries: 2, bytes: 30 });
    assert.deepEqual(readdirSync(folder).sort(), ['index.json', 'someone-elses.txt']);

    await cache.put(key(3), [{ data: bytes(10), extension: 'wav' }], label('z'));
    writeFileSync(join(folder, 'index.json'), '{not json');
    assert.equal(await cache.get(key(3)), undefined);
    assert.ok(!existsSync(join(folder, `${key(3)}-1.wav`)), 'files of an unreadable index are removed');
  });

  it('drops an index with a key that reaches every object, says why, and writes nothing onto shared objects', async () => {
    const shared = () => [Object.prototype, Object, Function.prototype].map((o) => Object.getOwnPropertyNames(o).sort().join());
    const before = shared();
    const entry = (extra: string, labelExtra = '', fileExtra = '') =>
      `{"key": "${key(1)}", "files": [{"name": "${key(1)}-1.wav", "bytes": 10${fileExtra}}], "bytes": 10, "createdAt": 1, "lastUsedAt": 1, "label": {"text": "t", "voiceAssetId": "v"${labelExtra}}${extra}}`;
    for (const unsafe of ['__proto__', 'constructor', 'prototype']) {
      const k = JSON.stringify(unsafe);
      const indexes: [string, string][] = [
        [`{"version": 1, "entries": [${entry('')}], ${k}: {"polluted": 1}}`, 'the top level'],
        [`{"version": 1, "entries": [${entry(`, ${k}: {"polluted": 1}`)}]}`, '"entries" › [0]'],
        [`{"version": 1, "entries": [${entry('', `, ${k}: {"polluted": 1}`)}]}`, '"entries" › [0] › "label"'],
        [`{"version": 1, "entries": [${entry('', '', `, ${k}: {"polluted": 1}`)}]}`, '"entries" › [0] › "files" › [0]'],
      ];
      for (const [index, place] of indexes) {
        const warnings: string[] = [];
        const cache = new PreviewCache(folder, { limitBytes: 1000, clock, warn: (m) => warnings.push(m) });
        writeFileSync(join(folder, `${key(1)}-1.wav`), bytes(10));
        writeFileSync(join(folder, 'index.json'), index);
        assert.equal(await cache.get(key(1)), undefined, `${unsafe} in ${place}`);
        assert.deepEqual(warnings, [
          `The preview cache index ${join(folder, 'index.json')} was unreadable (The key "${unsafe}" in ${place} is refused: keys named __proto__, constructor or prototype are not allowed.); the cache starts again empty.`,
        ]);
        assert.ok(!existsSync(join(folder, `${key(1)}-1.wav`)), 'its audio files are removed');
      }
    }
    assert.deepEqual(shared(), before);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('keeps only the known fields of an index entry', async () => {
    const cache = new PreviewCache(folder, { limitBytes: 1000, clock });
    writeFileSync(join(folder, `${key(1)}-1.wav`), bytes(10));
    writeFileSync(join(folder, 'index.json'), JSON.stringify({ version: 1, entries: [
      { key: key(1), files: [{ name: `${key(1)}-1.wav`, bytes: 10, extra: 1 }], bytes: 10, createdAt: 1, lastUsedAt: 1, label: { text: 't', voiceAssetId: 'v', speed: 120, voiceName: 3, extra: 'x' }, extra: true },
      { key: 'not a key', files: [], bytes: 0, createdAt: 1, lastUsedAt: 1, label: { text: 't', voiceAssetId: 'v' } },
    ] }));
    assert.deepEqual(await cache.get(key(1)), { key: key(1), files: [join(folder, `${key(1)}-1.wav`)], bytes: 10, label: { text: 't', voiceAssetId: 'v', speed: 120 } });
    assert.deepEqual(await cache.keys(), [key(1)]);
  });

  it('runs concurrent operations one at a time without losing entries', async () => {
    const cache = new PreviewCache(folder, { limitBytes: 10_000, clock });
    await Promise.all([1, 2, 3, 4, 5].map((n) => cache.put(key(n), [{ data: bytes(10, n), extension: 'wav' }], label(`t${n}`))));
    assert.equal((await cache.keys()).length, 5);
  });

  it('reads its size setting clamped to the range package.json declares, where the setting is machine-scoped', () => {
    const declared = (JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8')) as {
      contributes: { configuration: { properties: Record<string, Record<string, unknown>> } };
    }).contributes.configuration.properties['metastudio.preview.cacheSizeMB'];
    assert.deepEqual(
      { default: declared.default, minimum: declared.minimum, maximum: declared.maximum, scope: declared.scope },
      { ...CACHE_SIZE_MB, scope: 'machine' },
    );
    const MB = 1024 * 1024;
    assert.equal(cacheLimitOfSetting(500), 500 * MB);
    assert.equal(cacheLimitOfSetting(1e12), 10240 * MB);
    assert.equal(cacheLimitOfSetting(Infinity), 200 * MB);
    assert.equal(cacheLimitOfSetting(0), 1 * MB);
    assert.equal(cacheLimitOfSetting(-5), 1 * MB);
    assert.equal(cacheLimitOfSetting(0.5), 1 * MB);
    assert.equal(cacheLimitOfSetting(1.5), 1.5 * MB);
    for (const bad of [undefined, null, '9999999', NaN, {}]) assert.equal(cacheLimitOfSetting(bad), 200 * MB);
  });
});
