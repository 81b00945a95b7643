import assert from 'node:assert/strict';
import { audioExtension } from '../../../src/core/preview/audioFormat';

describe('preview/audioFormat', () => {
  it('tells audio formats by their first bytes, else by type or name', () => {
    assert.equal(audioExtension(Buffer.from('ID3\x04rest', 'latin1')), 'mp3');
    assert.equal(audioExtension(Buffer.from('OggS....', 'latin1')), 'ogg');
    assert.equal(audioExtension(Buffer.from('????'), 'audio/mpeg'), 'mp3');
    assert.equal(audioExtension(Buffer.from('????'), undefined, new URL('https://h/x/a.flac?sig=1')), 'flac');
    assert.equal(audioExtension(Buffer.from('????')), 'bin');
  });
});
