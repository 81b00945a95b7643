/**
 * The one conversion of a details response into a request body (docs/decisions/details-to-body.md), used by pull,
 * compare and the read-back after a push: response-only fields are dropped, variant names mapped
 * to the request's, and server defaults and fields the service fills in left out where the local body does not have them, so that
 * a pulled file pushes back unchanged and a compare shows only real differences.
 */
import { withNormalizedVideoConfig } from '../cloud/responseVariants';
import type { VideoConfig } from '../cloud/types';
import { scriptKinds, type ScriptKind } from '../scripts/kinds';
import type { ScriptBody } from './scriptBody';
import { isObject } from '../json';

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  }
  if (!isObject(a) || !isObject(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]));
}

/**
 * The request body a details response stands for. `local` is the body it will be compared with or
 * written over (none for a fresh pull): its key order is kept, and a default is kept where it has one.
 */
export function detailsToBody(kind: ScriptKind, details: object, local?: ScriptBody): ScriptBody {
  return convert(kind, withNormalizedVideoConfig(details as { video_config?: VideoConfig }), local, '') as ScriptBody;
}

function convert(kind: ScriptKind, value: unknown, local: unknown, path: string): unknown {
  if (Array.isArray(value)) {
    return value.map((item, i) => convert(kind, item, Array.isArray(local) ? local[i] : undefined, `${path}[]`));
  }
  if (!isObject(value)) return value;
  const localObject = isObject(local) ? local : undefined;
  const { variants, responseOnly, defaults, serviceFilled } = scriptKinds[kind].remote;
  const renamed: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    const name = variants[join(path, key)] ?? key;
    // When both spellings came, the request's own name wins.
    if (name !== key && Object.hasOwn(value, name)) continue;
    renamed[name] = child;
  }
  const order = [...Object.keys(localObject ?? {}).filter((k) => Object.hasOwn(renamed, k)), ...Object.keys(renamed)];
  const result: Record<string, unknown> = {};
  for (const key of new Set(order)) {
    const childPath = join(path, key);
    const child = renamed[key];
    if (responseOnly.has(childPath)) continue;
    const local = localObject !== undefined && Object.hasOwn(localObject, key);
    if (!local && serviceFilled.has(childPath)) continue;
    if (!local && defaults.has(childPath) && deepEqual(child, defaults.get(childPath))) continue;
    result[key] = convert(kind, child, localObject?.[key], childPath);
  }
  return result;
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

/** Where two bodies differ, as paths such as `shoot_scripts[0].shoot_script.text_config.text`. */
export function bodyDifferences(expected: unknown, actual: unknown, path = ''): string[] {
  if (deepEqual(expected, actual)) return [];
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (expected.length !== actual.length) return [path || '(root)'];
    return expected.flatMap((item, i) => bodyDifferences(item, actual[i], `${path}[${i}]`));
  }
  if (isObject(expected) && isObject(actual)) {
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
    return [...keys].flatMap((key) => bodyDifferences(expected[key], actual[key], join(path, key)));
  }
  return [path || '(root)'];
}
