import assert from 'node:assert/strict';
import type { TextEdit } from '../../../src/core/diagnostics';
import { decodeJsonString } from '../../../src/core/scripts/jsonString';
import { applyEdits, applyLineChanges, diffEdit, followLiteral, followOffset, literalEdits, literalEnd } from '../../../src/core/scripts/textEdits';

/** Applies document edits (any order, not overlapping). */
function applyDocumentEdits(document: string, edits: readonly TextEdit[]): string {
  return applyEdits(document, [...edits].sort((a, b) => b.start - a.start));
}

/** A script with one text literal written as `literal` (its JSON source between the quotes); the literal's range. */
function script(literal: string) {
  const document = `{\n  "text_config": {\n    "text": "${literal}"\n  },\n  "after": "\\u4e2d\\/"\n}\n`;
  const start = document.indexOf(`"${literal}"`);
  return { document, start, end: start + literal.length + 2 };
}

/** Edits the decoded text of the literal; the new document, checked to be JSON whose text is the edited value. */
function edit(literal: string, edits: TextEdit[]) {
  const { document, start, end } = script(literal);
  const before = decodeJsonString(document, start, end).value;
  assert.equal(before, JSON.parse(`"${literal}"`), 'the literal decodes as JSON.parse reads it');
  const after = applyEdits(before, edits);
  const changed = applyDocumentEdits(document, literalEdits(document, start, end, edits));
  const parsed = JSON.parse(changed) as { text_config: { text: string }; after: string };
  assert.equal(parsed.text_config.text, after, 'the edited document holds the edited text');
  assert.equal(parsed.after, '中/');
  // Everything before the literal and after it is the same bytes (the file's formatting and other escapes).
  assert.equal(changed.slice(0, start), document.slice(0, start));
  assert.equal(changed.slice(changed.length - (document.length - end)), document.slice(end));
  return { changed, literal: changed.slice(start + 1, changed.length - (document.length - end) - 1), after };
}

/** Every escape JSON has, as written in a literal, and what it decodes to. */
const escapes: [string, string][] = [
  ['\\"', '"'], ['\\\\', '\\'], ['\\/', '/'], ['\\b', '\b'], ['\\f', '\f'], ['\\n', '\n'], ['\\r', '\r'], ['\\t', '\t'],
  ['\\u0041', 'A'], ['\\u4E2D', '中'], ['\\ud83d\\ude00', '😀'], ['\\u2028', '\u2028'],
  ...Array.from({ length: 32 }, (_, c) => [`\\u${c.toString(16).padStart(4, '0')}`, String.fromCharCode(c)] as [string, string]),
];

describe('textEdits: a shot editor\'s edits of a JSON string literal', () => {
  it('keeps every escape byte for byte when typing before it, after it, and between two of them', () => {
    for (const [written, decoded] of escapes) {
      const literal = `a${written}b${written}c`;
      // "a" ESC "b" ESC "c": insert before the first escape, after it, and replace the "b" between.
      const at = 1 + decoded.length;
      const { literal: result, after } = edit(literal, [{ start: at, end: at + 1, newText: 'B' }, { start: 1, end: 1, newText: 'x' }]);
      assert.equal(after, `ax${decoded}B${decoded}c`);
      assert.equal(result, `ax${written}B${written}c`, `escape ${written} kept as written`);
    }
  });

  it('deletes an escape whole, and encodes each JSON escape typed into the text', () => {
    for (const [written, decoded] of escapes) {
      const { literal: deleted } = edit(`a${written}b`, [{ start: 1, end: 1 + decoded.length, newText: '' }]);
      assert.equal(deleted, 'ab', `deleting ${written}`);
      const { literal: typed, after } = edit('ab', [{ start: 1, end: 1, newText: decoded }]);
      assert.equal(after, `a${decoded}b`);
      assert.equal(JSON.parse(`"${typed}"`), `a${decoded}b`, `typing ${JSON.stringify(decoded)} gives ${typed}`);
      if (decoded === '"' || decoded === '\\' || decoded.charCodeAt(0) < 0x20) assert.notEqual(typed, `a${decoded}b`, `${JSON.stringify(decoded)} is escaped`);
    }
  });

  it('round-trips SSML with quotes, backslashes, line breaks and tabs', () => {
    const text = '<speak>欢迎<break time="500ms"/>\n\t路径 C:\\temp\\ "引号"\r\n</speak>';
    const { literal, after } = edit('', [{ start: 0, end: 0, newText: text }]);
    assert.equal(after, text);
    assert.equal(literal, String.raw`<speak>欢迎<break time=\"500ms\"/>\n\t路径 C:\\temp\\ \"引号\"\r\n</speak>`);
    const { document, start, end } = script(literal);
    assert.equal(decodeJsonString(document, start, end).value, text);
  });

  it('types into a text one character at a time, each keystroke one edit of the literal', () => {
    let literal = String.raw`<speak>\u4f60</speak>`;
    let value = JSON.parse(`"${literal}"`) as string;
    for (const ch of 'a"\\\n好') {
      const at = value.indexOf('</speak>');
      const result = edit(literal, [{ start: at, end: at, newText: ch }]);
      literal = result.literal;
      value = result.after;
    }
    assert.equal(value, '<speak>你a"\\\n好</speak>');
    assert.equal(literal, String.raw`<speak>\u4f60a\"\\\n好</speak>`);
  });
});

describe('textEdits: editor changes, diffs and followed offsets', () => {
  it('applies an editor\'s changes by line, keeping the text\'s own line breaks', () => {
    // The editor shows "a\r\nb\rc" as "a\nb\nc" (VS Code normalises line breaks): positions are by line.
    const value = 'a\r\nb\rc';
    const result = applyLineChanges(value, [
      { range: { start: { line: 2, character: 1 }, end: { line: 2, character: 1 } }, text: '!' },
      { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } }, text: 'B' },
    ]);
    assert.deepEqual(result?.value, 'a\r\nB\rc!');
    assert.deepEqual(result?.edits, [{ start: 6, end: 6, newText: '!' }, { start: 3, end: 4, newText: 'B' }]);
    assert.equal(applyLineChanges('ab', [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' },
      { range: { start: { line: 0, character: 1 }, end: { line: 0, character: 1 } }, text: 'y' },
    ]), undefined, 'changes not from last to first are refused');
  });

  it('diffs to the smallest edit, never inside a surrogate pair or a \\r\\n', () => {
    assert.equal(diffEdit('same', 'same'), undefined);
    assert.deepEqual(diffEdit('abcdef', 'abXdef'), { start: 2, end: 3, newText: 'X' });
    assert.deepEqual(diffEdit('a😀b', 'a😃b'), { start: 1, end: 3, newText: '😃' });
    // A line break's pair is replaced whole: an editor must never see half of it.
    assert.deepEqual(diffEdit('a\r\nb', 'a\nb'), { start: 1, end: 3, newText: '\n' });
    assert.deepEqual(diffEdit('a\nb', 'a\r\nb'), { start: 1, end: 2, newText: '\r\n' });
    for (const [from, to] of [['', 'x'], ['x', ''], ['aaa', 'aa'], ['ab\r\ncd', 'ab\r\n\r\ncd'], ['😀😀', '😀']]) {
      const e = diffEdit(from, to)!;
      assert.equal(applyEdits(from, [e]), to, `${JSON.stringify(from)} → ${JSON.stringify(to)}`);
      assert.ok(!/[\ud800-\udbff]$/.test(from.slice(0, e.start)), 'no cut after a high surrogate');
    }
  });

  it('follows an offset through the changes before it, and loses it when a change removes it', () => {
    assert.equal(followOffset(10, [{ rangeOffset: 20, rangeLength: 3, text: 'x' }]), 10);
    assert.equal(followOffset(10, [{ rangeOffset: 2, rangeLength: 3, text: 'abcde' }]), 12);
    assert.equal(followOffset(10, [{ rangeOffset: 10, rangeLength: 0, text: 'ab' }]), 12, 'an insertion before the quote moves it');
    assert.equal(followOffset(10, [{ rangeOffset: 11, rangeLength: 0, text: 'ab' }]), 10, 'typing in the text does not');
    assert.equal(followOffset(10, [{ rangeOffset: 5, rangeLength: 6, text: '' }]), undefined, 'the quote removed');
    assert.equal(followOffset(10, [{ rangeOffset: 30, rangeLength: 1, text: '' }, { rangeOffset: 0, rangeLength: 4, text: '' }]), 6);
  });

  it('follows a literal through changes inside it without a parse, and asks for one after any other change', () => {
    const before = '{"a": "x\\"y", "b": 1}';
    const start = before.indexOf('"x');
    const end = literalEnd(before, start)!;
    assert.equal(before.slice(start, end), '"x\\"y"');
    // Typing inside the content: kept, with its new value.
    const typed = before.slice(0, start + 2) + '\\n' + before.slice(start + 2);
    assert.deepEqual(followLiteral(typed, start, end, [{ rangeOffset: start + 2, rangeLength: 0, text: '\\n' }]), { kind: 'kept', start, end: end + 2, value: 'x\n"y' });
    // An unescaped quote typed in the script ends the literal early: the file's structure changed.
    const broken = before.slice(0, start + 2) + '"' + before.slice(start + 2);
    assert.deepEqual(followLiteral(broken, start, end, [{ rangeOffset: start + 2, rangeLength: 0, text: '"' }]), { kind: 'moved', start });
    // A change elsewhere moves it and needs a parse; a change over its opening quote loses it.
    const shifted = `  ${before}`;
    assert.deepEqual(followLiteral(shifted, start, end, [{ rangeOffset: 0, rangeLength: 0, text: '  ' }]), { kind: 'moved', start: start + 2 });
    assert.deepEqual(followLiteral('{}', start, end, [{ rangeOffset: 0, rangeLength: before.length, text: '{}' }]), { kind: 'lost' });
    assert.equal(literalEnd('"ab\ncd"', 0), undefined, 'a raw line break is not inside a literal');
    assert.equal(literalEnd('x"ab"', 0), undefined);
  });
});
