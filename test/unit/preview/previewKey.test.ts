import assert from 'node:assert/strict';
import { normalizePreviewText, previewKey, sampleKey } from '../../../src/core/preview/previewKey';
import { cliCacheFolder } from '../../../src/core/preview/cacheFolder';
import { numberedOutputs } from '../../../src/core/preview/outputNames';

const target = { endpoint: 'https://metastudio.cn-north-4.myhuaweicloud.com', projectId: 'p1' };
const base = { text: '<speak>你好</speak>', voiceAssetId: 'v1' };

describe('preview/previewKey', () => {
  it('treats line endings, Unicode composition and outer whitespace as the same text', () => {
    assert.equal(normalizePreviewText('  a\r\nb\rc\n '), 'a\nb\nc');
    assert.equal(previewKey({ ...base, text: 'Cafe\u0301\r\n' }, target), previewKey({ ...base, text: 'Café\n' }, target));
  });

  it('gives unset settings the key of the API defaults', () => {
    assert.equal(previewKey(base, target), previewKey({ ...base, speed: 100, pitch: 100, volume: 140 }, target));
  });

  it('changes with every input that changes the audio or who pays for it', () => {
    const keys = new Set([
      previewKey(base, target),
      previewKey({ ...base, text: '<speak>你好!</speak>' }, target),
      previewKey({ ...base, voiceAssetId: 'v2' }, target),
      previewKey({ ...base, speed: 101 }, target),
      previewKey({ ...base, pitch: 99 }, target),
      previewKey({ ...base, volume: 141 }, target),
      previewKey(base, { ...target, endpoint: 'http://127.0.0.1:8080' }),
      previewKey(base, { ...target, projectId: 'p2' }),
      sampleKey('v1', target),
    ]);
    assert.equal(keys.size, 9);
    for (const key of keys) assert.match(key, /^[0-9a-f]{64}$/);
  });
});

describe('preview/cacheFolder and outputNames', () => {
  it('uses $XDG_CACHE_HOME/metastudio, else ~/.cache/metastudio', () => {
    assert.equal(cliCacheFolder({ XDG_CACHE_HOME: '/x/cache' }, '/home/u'), '/x/cache/metastudio/previews');
    assert.equal(cliCacheFolder({}, '/home/u'), '/home/u/.cache/metastudio/previews');
    assert.equal(cliCacheFolder({ XDG_CACHE_HOME: 'relative' }, '/home/u'), '/home/u/.cache/metastudio/previews');
  });

  it('names several files OUT, then name-2.ext, name-3.ext', () => {
    assert.deepEqual(numberedOutputs('out/hello.wav', 3), ['out/hello.wav', 'out/hello-2.wav', 'out/hello-3.wav']);
    assert.deepEqual(numberedOutputs('hello', 2), ['hello', 'hello-2']);
  });
});
