import assert from 'node:assert/strict';
import { parseUntrustedJson, UnsafeJsonKeyError } from '../../../src/core/json';

describe('core/json parseUntrustedJson', () => {
  it('reads JSON as JSON.parse does', () => {
    const text = '{"a": [1, {"b": null}], "c": "d", "toString": 1}';
    assert.deepEqual(parseUntrustedJson(text), JSON.parse(text));
    assert.equal(parseUntrustedJson('3'), 3);
    assert.throws(() => parseUntrustedJson('{'), SyntaxError);
  });

  it('refuses __proto__, constructor and prototype at any depth, naming where', () => {
    const cases: [string, string][] = [
      ['{"__proto__": {"polluted": 1}}', 'the top level'],
      ['{"a": {"constructor": {"prototype": {"polluted": 1}}}}', '"a"'],
      ['{"a": [{"b": 1}, {"prototype": 1}]}', '"a" › [1]'],
      ['[[[{"x": {"__proto__": 1}}]]]', '[0] › [0] › [0] › "x"'],
    ];
    for (const [text, place] of cases) {
      assert.throws(() => parseUntrustedJson(text), (err: unknown) => {
        assert.ok(err instanceof UnsafeJsonKeyError, text);
        assert.equal(err.place, place);
        assert.match(err.message, new RegExp(`^The key "${err.key}" in .+ is refused: keys named __proto__, constructor or prototype are not allowed\\.$`));
        return true;
      });
    }
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('takes any depth: its walk keeps its own stack', () => {
    const nested = (depth: number) => `${'{"a":['.repeat(depth)}1${']}'.repeat(depth)}`;
    assert.ok(parseUntrustedJson(nested(100_000)));
  });
});
