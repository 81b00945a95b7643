import * as assert from 'node:assert/strict';
import { integerOption, timeoutOption } from '../../../src/cli/args';
import { ExitCode, UsageError } from '../../../src/cli/exitCodes';
import { fail, note, printResult, problemLine } from '../../../src/cli/output';
import { recordingIo } from '../../support/cliIo';

describe('cli/output', () => {
  it('prints exactly one JSON value with --format json, else the text lines', () => {
    const json = recordingIo();
    printResult(json, 'json', { id: 'a', created: true }, () => assert.fail('no text in json mode'));
    assert.equal(json.out, '{"id":"a","created":true}\n');
    const list = recordingIo();
    printResult(list, 'json', [{ id: 'a' }, { id: 'b' }], () => []);
    assert.deepEqual(JSON.parse(list.out), [{ id: 'a' }, { id: 'b' }]);
    const text = recordingIo();
    printResult(text, 'text', { id: 'a' }, () => ['first', 'second']);
    assert.equal(text.out, 'first\nsecond\n');
    assert.equal(text.err, '');
  });

  it('keeps each text line and note on its line, control characters from a server escaped', () => {
    const io = recordingIo();
    printResult(io, 'text', {}, () => ['job j SUCCEED\nforged 0 errors\u001b[2J']);
    note(io, 'job j: RUNNING\r\u009b31m (3 s)');
    assert.equal(io.out, 'job j SUCCEED\\u000aforged 0 errors\\u001b[2J\n');
    assert.equal(io.err, 'job j: RUNNING\\u000d\\u009b31m (3 s)\n');
  });

  it('reports a failure on stderr and returns its exit code', () => {
    const io = recordingIo();
    assert.equal(fail(io, 'push', 'refused'), ExitCode.Failed);
    assert.equal(fail(io, 'tts', 'timed out', ExitCode.TimedOut), ExitCode.TimedOut);
    assert.equal(io.err, 'metastudio push: refused\nmetastudio tts: timed out\n');
    assert.equal(io.out, '');
  });

  it('prints a problem one-based, as compilers do', () => {
    assert.equal(problemLine('a.video.json', { line: 0, character: 4 }, 'error', 'script/wrong-type', 'Bad.'), 'a.video.json:1:5: error script/wrong-type Bad.');
  });

  it('reads --timeout seconds as milliseconds, refusing anything but a positive number', () => {
    assert.equal(timeoutOption(undefined), undefined);
    assert.equal(timeoutOption('1.5'), 1500);
    for (const bad of ['0', '-3', 'soon', '']) assert.throws(() => timeoutOption(bad), UsageError, bad);
  });

  it('reads a whole-number flag within its range, refusing anything else', () => {
    assert.equal(integerOption(undefined, '--port', 0, 65535), undefined);
    assert.equal(integerOption('0', '--port', 0, 65535), 0);
    assert.equal(integerOption('250', '--limit', 1), 250);
    assert.throws(() => integerOption('65536', '--port', 0, 65535), /--port takes a whole number from 0 to 65535, not 65536/);
    assert.throws(() => integerOption('0', '--limit', 1), /--limit takes a whole number of at least 1, not 0/);
    for (const bad of ['', '1.5', '-1', '1e2', ' 5']) assert.throws(() => integerOption(bad, '--speed', 1, 500), UsageError, bad);
  });
});
