import assert from 'node:assert/strict';
import { parseUriList } from '../../../src/core/upload/uriList';

describe('upload/uriList', () => {
  it('reads one URI a line, CRLF or LF, without comments and blank lines', () => {
    assert.deepEqual(parseUriList('# dropped\r\nfile:///a/b%20c.png\r\n\r\nfile:///d.mp4\n'), ['file:///a/b%20c.png', 'file:///d.mp4']);
    assert.deepEqual(parseUriList(''), []);
  });
});
