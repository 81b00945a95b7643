import * as l10n from '@vscode/l10n';
import { ExpectedError } from './errors';

/** True for a JSON object (not null, not an array). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Keys that, used as keys of an ordinary object, reach what every object shares: `obj["__proto__"] = x`
 * replaces its prototype, and `obj["constructor"]` or `obj["prototype"]` read inherited values.
 */
const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export class UnsafeJsonKeyError extends ExpectedError {
  override readonly name = 'UnsafeJsonKeyError';
  constructor(readonly key: string, readonly place: string) {
    super(l10n.t('The key "{0}" in {1} is refused: keys named __proto__, constructor or prototype are not allowed.', key, place));
  }
}

type Container = Record<string, unknown> | unknown[];

const isContainer = (value: unknown): value is Container => typeof value === 'object' && value !== null;

/**
 * `JSON.parse` for text from a file or a server. Throws a `SyntaxError` for text that is not JSON
 * and an `UnsafeJsonKeyError` for a key named `__proto__`, `constructor` or `prototype` at any
 * depth. One pass over the parsed value with a stack of its own: linear time, any depth.
 * Readers that use keys of the data as keys of their own still keep them in a `Map`.
 */
export function parseUntrustedJson(text: string): unknown {
  const value: unknown = JSON.parse(text);
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop() as Container;
    if (Array.isArray(node)) {
      for (const item of node) if (isContainer(item)) stack.push(item);
      continue;
    }
    for (const key of Object.keys(node)) {
      if (UNSAFE_KEYS.has(key)) throw new UnsafeJsonKeyError(key, placeOf(value, node));
      const child = node[key];
      if (isContainer(child)) stack.push(child);
    }
  }
  return value;
}

/** Where `target` is in `root`, as its keys from the top (`"links" › "a|b"`): a second walk, for the message only. */
function placeOf(root: unknown, target: Container): string {
  const parents = new Map<Container, { parent: Container; key: string | number }>();
  const stack: Container[] = [root as Container];
  while (stack.length > 0 && !parents.has(target)) {
    const node = stack.pop()!;
    const entries: [string | number, unknown][] = Array.isArray(node) ? [...node.entries()] : Object.entries(node);
    for (const [key, child] of entries) {
      if (isContainer(child) && !parents.has(child)) {
        parents.set(child, { parent: node, key });
        stack.push(child);
      }
    }
  }
  const keys: string[] = [];
  for (let at = parents.get(target); at; at = parents.get(at.parent)) keys.push(typeof at.key === 'number' ? `[${at.key}]` : JSON.stringify(at.key));
  return keys.length === 0 ? l10n.t('the top level') : keys.reverse().join(' › ');
}
