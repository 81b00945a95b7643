import * as assert from 'node:assert/strict';
import { parseTree, type Node } from 'jsonc-parser';
import { parseScript } from '../../../src/core/scripts/parse';

/** A node without its parent links, to compare trees. */
function shape(node: Node | undefined): unknown {
  return node && { type: node.type, offset: node.offset, length: node.length, value: node.value, children: node.children?.map(shape) };
}

describe('parseScript', () => {
  it('gives tree readers the tree a tolerant parse gives, comments and trailing commas included', () => {
    const inputs = [
      '{"a": 1, /* note */ "b": [1, 2,], "c": {"d": "x",},}',
      '// header\n{"shoot_scripts": [{"text_config": {"text": "<speak>hi</speak>"}},]}',
      '{"a": ',
      '',
    ];
    for (const text of inputs) {
      assert.deepEqual(shape(parseScript(text).root), shape(parseTree(text, [], { disallowComments: false, allowTrailingComma: true })), text);
    }
  });

  it('keeps the strict parse errors for the linter', () => {
    assert.ok(parseScript('{"a": 1,}').errors.length > 0);
    assert.ok(parseScript('{"a": 1 /* c */}').errors.length > 0);
    assert.equal(parseScript('{"a": 1}').errors.length, 0);
  });

  it('parses a text once for its readers', () => {
    const text = JSON.stringify({ script_name: 'x', shoot_scripts: [] });
    assert.equal(parseScript(text), parseScript(text.slice(0)));
    assert.notEqual(parseScript(text), parseScript(`${text} `));
  });

  it('keeps the parses of the last four texts, so that readers taking open scripts in turn share them', () => {
    const texts = [1, 2, 3, 4, 5].map((n) => JSON.stringify({ script_name: `script ${n}` }));
    const first = texts.slice(0, 4).map(parseScript);
    texts.slice(0, 4).forEach((text, i) => assert.equal(parseScript(text), first[i], `text ${i + 1} again`));
    parseScript(texts[4]);
    assert.notEqual(parseScript(texts[0]), first[0], 'the least recently read text was dropped');
  });
});
