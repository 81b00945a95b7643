import assert from 'node:assert/strict';
import { clock, durationWords, excerpt, fill, positionWords, seekTarget } from '../../../webview/shared/words';

const strings = { second: '{0} second', seconds: '{0} seconds', minute: '{0} minute', minutes: '{0} minutes', positionOf: '{0} of {1}' };

describe('webview/shared/words', () => {
  it('fills numbered placeholders, leaving unknown ones', () => {
    assert.equal(fill('Play preview {0}: {1}', 3, 'Hello'), 'Play preview 3: Hello');
    assert.equal(fill('{1} before {0}, {2}', 'a', 'b'), 'b before a, {2}');
  });

  it('says times in words, whole seconds', () => {
    assert.equal(durationWords(0, strings), '0 seconds');
    assert.equal(durationWords(1.9, strings), '1 second');
    assert.equal(durationWords(2.64, strings), '2 seconds');
    assert.equal(durationWords(60, strings), '1 minute');
    assert.equal(durationWords(125, strings), '2 minutes 5 seconds');
    assert.equal(durationWords(61, strings), '1 minute 1 second');
    assert.equal(durationWords(Number.NaN, strings), '0 seconds');
    assert.equal(positionWords(2.64, 10.37, strings), '2 seconds of 10 seconds');
    assert.deepEqual([clock(2.64), clock(65), clock(Number.NaN)], ['0:02', '1:05', '0:00']);
  });

  it('moves the seek slider a second per arrow and ten per page, within the audio', () => {
    assert.equal(seekTarget('ArrowRight', 2.64, 10.4), 3);
    assert.equal(seekTarget('ArrowUp', 3, 10.4), 4);
    assert.equal(seekTarget('ArrowLeft', 2.64, 10.4), 2);
    assert.equal(seekTarget('ArrowDown', 2, 10.4), 1);
    assert.equal(seekTarget('PageUp', 2.64, 30), 12);
    assert.equal(seekTarget('PageDown', 12.5, 30), 3);
    assert.equal(seekTarget('PageUp', 8, 10.4), 10.4, 'not past the end');
    assert.equal(seekTarget('PageDown', 4, 10.4), 0, 'not before the start');
    assert.equal(seekTarget('Home', 4, 10.4), 0);
    assert.equal(seekTarget('End', 4, 10.4), 10.4);
    assert.equal(seekTarget('End', 0, Number.NaN), 0, 'no audio yet');
    assert.equal(seekTarget('a', 4, 10.4), undefined, 'other keys are not the slider\'s');
  });

  it('names a text by its start, on one line, cut at a word', () => {
    assert.equal(excerpt('Hello\n  world'), 'Hello world');
    const long = 'Hello from the MetaStudio voice preview, played in its own player panel.';
    assert.equal(excerpt(long), 'Hello from the MetaStudio voice preview, played in its own…');
    assert.equal(excerpt('x'.repeat(80)), `${'x'.repeat(60)}…`, 'one long word is cut where it must');
  });
});
