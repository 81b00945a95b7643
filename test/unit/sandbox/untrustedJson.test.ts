import assert from 'node:assert/strict';
import { ForbiddenKeyError, parseUntrustedJson } from '../../../src/core/sandbox/untrustedJson';

describe('sandbox untrusted JSON', () => {
  it('gives objects a null prototype at every depth and keeps every value', () => {
    const text = '{"a": [1, {"b": null, "c": "x"}, [true]], "d": {"e": {"f": 2.5}}}';
    const parsed = parseUntrustedJson(text) as Record<string, unknown>;
    assert.equal(JSON.stringify(parsed), JSON.stringify(JSON.parse(text)));
    const objects = [parsed, (parsed.a as unknown[])[1], parsed.d, (parsed.d as Record<string, unknown>).e];
    for (const object of objects) assert.equal(Object.getPrototypeOf(object), null);
    assert.equal(parseUntrustedJson('"toString"'), 'toString');
    assert.equal((parseUntrustedJson('{}') as Record<string, unknown>).toString, undefined);
  });

  it('refuses __proto__, constructor and prototype keys, naming the path', () => {
    assert.throws(() => parseUntrustedJson('{"__proto__": {"polluted": true}}'), /the key "__proto__" at the top level/);
    assert.throws(() => parseUntrustedJson('[{"x": [0, {"constructor": 1}]}]'), (err) => err instanceof ForbiddenKeyError && /in \[0\]\.x\[1\]/.test(err.message));
    assert.throws(() => parseUntrustedJson('{"a": {"prototype": {}}}'), /the key "prototype" in a is not accepted/);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('takes deep nesting without overflowing the stack, and throws SyntaxError on malformed JSON', () => {
    const depth = 100_000;
    assert.ok(Array.isArray(parseUntrustedJson(`${'['.repeat(depth)}${']'.repeat(depth)}`)));
    assert.ok(parseUntrustedJson(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`));
    assert.throws(() => parseUntrustedJson('{"a": '), SyntaxError);
  });
});
