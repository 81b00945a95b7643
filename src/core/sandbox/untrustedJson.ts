/**
 * JSON the sandbox did not write itself in this run (request bodies, its state file), parsed so no
 * key can reach a prototype: objects come out with a null prototype, and the keys `__proto__`,
 * `constructor` and `prototype` are refused at any depth, naming where they sit. Iterative, so
 * deep nesting cannot overflow the stack.
 */
import { isObject } from '../json';

const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export class ForbiddenKeyError extends Error {}

type Container = Record<string | number, unknown>;

/** Where a value sits; the parent chain spells its path only when a key is refused. */
interface Slot {
  readonly holder: Container;
  readonly key: string | number;
  readonly parent?: Slot;
}

/** Throws `SyntaxError` on malformed JSON and `ForbiddenKeyError` on a refused key. */
export function parseUntrustedJson(text: string): unknown {
  const top: Container = { value: JSON.parse(text) as unknown };
  const pending: Slot[] = [{ holder: top, key: 'value' }];
  for (let slot = pending.pop(); slot; slot = pending.pop()) {
    const value = slot.holder[slot.key];
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) pending.push({ holder: value as unknown as Container, key: i, parent: slot });
    } else if (isObject(value)) {
      const copy = Object.create(null) as Container;
      for (const [key, child] of Object.entries(value)) {
        if (FORBIDDEN_KEYS.has(key)) {
          const where = slot.parent ? `in ${pathOf(slot)}` : 'at the top level';
          throw new ForbiddenKeyError(`the key "${key}" ${where} is not accepted: it could reach an object's prototype`);
        }
        copy[key] = child;
        pending.push({ holder: copy, key, parent: slot });
      }
      slot.holder[slot.key] = copy;
    }
  }
  return top.value;
}

function pathOf(slot: Slot): string {
  const parts: string[] = [];
  for (let at: Slot | undefined = slot; at?.parent; at = at.parent) parts.push(typeof at.key === 'number' ? `[${at.key}]` : `.${at.key}`);
  return parts.reverse().join('').replace(/^\./, '');
}
