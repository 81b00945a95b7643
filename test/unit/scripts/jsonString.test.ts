import assert from 'node:assert/strict';
import { mulberry32 } from '../../../src/core/prng';
import { decodeJsonString, encodeJsonStringContent, jsonStringMap } from '../../../src/core/scripts/jsonString';

/** The plain way: a table with the document offset of every decoded unit, and the value character by character. */
function referenceDecode(text: string, start: number, literalEnd: number) {
  const end = Math.min(literalEnd, text.length);
  const contentStart = start + 1;
  const contentEnd = end - 1 >= contentStart && text[end - 1] === '"' && end - start >= 2 ? end - 1 : end;
  const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
  let value = '';
  const offsets: number[] = [];
  for (let i = contentStart; i < contentEnd;) {
    offsets.push(i);
    if (text[i] !== '\\' || i + 1 >= contentEnd) {
      value += text[i++];
    } else if (text[i + 1] === 'u' && i + 6 <= contentEnd && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
      value += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
      i += 6;
    } else {
      value += simple[text[i + 1]] ?? text[i + 1];
      i += 2;
    }
  }
  offsets.push(contentEnd);
  const toDocument = (i: number) => offsets[Math.min(offsets.length - 1, Math.max(0, i))];
  const toDecoded = (offset: number) => {
    let low = 0;
    while (low + 1 < offsets.length && offsets[low + 1] <= offset) low++;
    return low;
  };
  return { value, toDocument, toDecoded };
}

/** Decodes the first string literal of `doc`. */
function decodeFirst(doc: string) {
  const start = doc.indexOf('"');
  let end = start + 1;
  while (end < doc.length && doc[end] !== '"') end += doc[end] === '\\' ? 2 : 1;
  return decodeJsonString(doc, start, Math.min(doc.length, end + 1));
}

describe('jsonString', () => {
  it('maps offsets asked in any order, as the linters ask them (mostly ascending)', () => {
    const rnd = mulberry32(7);
    const pieces = ['a', '\\"', '\\u003c', '\\n', 'b', '\\uZZ', '中'];
    for (let run = 0; run < 200; run++) {
      let content = '';
      for (let n = Math.floor(rnd() * 40); n > 0; n--) content += pieces[Math.floor(rnd() * pieces.length)];
      const doc = `{"t": "${content}"}`;
      const start = doc.indexOf('"', 5);
      const reference = referenceDecode(doc, start, doc.length - 1);
      const length = reference.value.length;
      const ascending = Array.from({ length: length + 2 }, (_, i) => i - 1);
      const orders = [ascending, [...ascending].reverse(), ascending.map(() => Math.floor(rnd() * (length + 3)) - 1)];
      for (const order of orders) {
        const map = jsonStringMap(doc, start, doc.length - 1);
        for (const i of order) assert.equal(map.toDocument(i), reference.toDocument(i), `${JSON.stringify(doc)} at ${i}`);
      }
    }
  });

  it('maps a literal without escapes by its offset', () => {
    const doc = '{"text": "abc"}';
    const { value, map } = decodeJsonString(doc, 9, 14);
    assert.equal(value, 'abc');
    assert.equal(map.toDocument(0), 10);
    assert.equal(map.toDocument(3), 13);
    assert.equal(doc[map.toDocument(1)], 'b');
    assert.equal(map.toDecoded(12), 2);
  });

  it('decodes every escape and maps each decoded character to the start of its escape', () => {
    const doc = String.raw`x "a\"b\\c\/d\n\t\u00e9\ud83d\ude00z"`;
    const { value, map } = decodeFirst(doc);
    assert.equal(value, JSON.parse(doc.slice(2)));
    assert.equal(value, 'a"b\\c/d\n\té😀z');
    const starts = Array.from({ length: value.length + 1 }, (_, i) => map.toDocument(i));
    // a, \", b, \\, c, \/, d, \n, \t, \u00e9, \ud83d, \ude00, z, closing quote
    assert.deepEqual(starts, [3, 4, 6, 7, 9, 10, 12, 13, 15, 17, 23, 29, 35, 36]);
    assert.equal(doc[starts[value.length]], '"');
    // An offset inside an escape maps to the character the escape produces.
    assert.equal(map.toDecoded(5), 1);
    assert.equal(map.toDecoded(20), 9);
    assert.equal(map.toDecoded(36), value.length);
  });

  it('keeps raw astral characters as two UTF-16 units, one to one', () => {
    const doc = '"😀\\n😀"';
    const { value, map } = decodeJsonString(doc, 0, doc.length);
    assert.equal(value, '😀\n😀');
    assert.deepEqual(Array.from({ length: value.length + 1 }, (_, i) => map.toDocument(i)), [1, 2, 3, 5, 6, 7]);
  });

  it('tolerates unterminated literals and malformed escapes', () => {
    const open = decodeJsonString('"ab', 0, 3);
    assert.equal(open.value, 'ab');
    assert.equal(open.map.toDocument(2), 3);
    const bad = decodeJsonString(String.raw`"\x\u12"`, 0, 8);
    assert.equal(bad.value, 'xu12');
    const trailing = decodeJsonString('"a\\', 0, 3);
    assert.equal(trailing.value, 'a\\');
    // An end past the text is clamped.
    assert.equal(decodeJsonString('"ab', 0, 10).value, 'ab');
  });

  it('maps every offset as a table of each decoded character\'s escape would, on random literals', () => {
    const pieces = ['a', '中', '😀', '\\"', '\\\\', '\\n', '\\u4e2d', '\\ud83d\\ude00', '\\x', '\\u12', ' '];
    let seed = 7;
    const random = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
    for (let round = 0; round < 300; round++) {
      const content = Array.from({ length: random(12) }, () => pieces[random(pieces.length)]).join('') + (random(4) === 0 ? '\\' : '');
      const doc = `{"t": "${content}"`;
      const contentEnd = doc.length - 1;
      const { value, map } = decodeJsonString(doc, 6, doc.length);
      // The reference: the document offset where each decoded unit's text starts, then the closing quote.
      const table: number[] = [];
      for (let i = 7; i < contentEnd;) {
        table.push(i);
        const unicode = doc[i + 1] === 'u' && i + 6 <= contentEnd && /^[0-9a-fA-F]{4}$/.test(doc.slice(i + 2, i + 6));
        i += doc[i] !== '\\' || i + 1 >= contentEnd ? 1 : unicode ? 6 : 2;
      }
      assert.equal(value.length, table.length, content);
      table.push(contentEnd);
      assert.deepEqual(table.map((_, i) => map.toDocument(i)), table, content);
      assert.deepEqual([map.toDocument(-1), map.toDocument(value.length + 3)], [7, contentEnd]);
      for (let offset = 5; offset <= doc.length + 1; offset++) {
        assert.equal(map.toDecoded(offset), Math.max(0, table.filter((t) => t <= offset).length - 1), `${content} @${offset}`);
      }
    }
  });

  it('maps every offset as a table of every decoded unit would, for any literal', () => {
    const rnd = mulberry32(20260713);
    const pieces = ['a', '中', '😀', '"', '\\"', '\\\\', '\\n', '\\/', '\\u00e9', '\\uD83D', '\\u12', '\\x', '\\', ' '];
    for (let run = 0; run < 2000; run++) {
      let content = '';
      for (let n = Math.floor(rnd() * 12); n > 0; n--) content += pieces[Math.floor(rnd() * pieces.length)];
      const doc = `{"t": "${content}${rnd() < 0.7 ? '"}' : ''}`;
      const start = 6;
      const literalEnd = start + 1 + Math.floor(rnd() * (doc.length - start + 2));
      const expected = referenceDecode(doc, start, literalEnd);
      const { value, map } = decodeJsonString(doc, start, literalEnd);
      const label = `${JSON.stringify(doc)} to ${literalEnd}`;
      assert.equal(value, expected.value, label);
      for (let i = -1; i <= value.length + 1; i++) assert.equal(map.toDocument(i), expected.toDocument(i), `${label}: toDocument(${i})`);
      for (let o = start - 1; o <= doc.length + 1; o++) assert.equal(map.toDecoded(o), expected.toDecoded(o), `${label}: toDecoded(${o})`);
      assert.equal(jsonStringMap(doc, start, literalEnd).toDocument(value.length), map.toDocument(value.length));
    }
  });

  it('maps a literal of 650,000 escapes in one pass', function () {
    // A pass per escape would take minutes.
    this.timeout(20_000);
    const literal = `"${'\\u003c'.repeat(150_000)}${'\\"'.repeat(500_000)}"`;
    const { value, map } = decodeJsonString(literal, 0, literal.length);
    assert.equal(value, '<'.repeat(150_000) + '"'.repeat(500_000));
    assert.equal(map.toDocument(150_000), 1 + 6 * 150_000);
    assert.equal(map.toDecoded(literal.length - 2), value.length - 1);
  });

  it('re-encodes text so that it decodes back to itself', () => {
    for (const s of ['plain', 'a "quote"', 'back\\slash', 'line\nbreak\ttab', '\u0001', '中文 😀']) {
      const literal = `"${encodeJsonStringContent(s)}"`;
      assert.equal(JSON.parse(literal), s);
      assert.equal(decodeJsonString(literal, 0, literal.length).value, s);
    }
  });
});
