/** Finding things in a jsonc-parser tree: the ranges diagnostics point at. */
import type { Node } from 'jsonc-parser';

/**
 * The properties of each object node with many of them, by name (the last of a repeated key), made at
 * the first lookup: a lookup per property of a wide object would otherwise take quadratic time.
 */
const wideObjects = new WeakMap<Node, Map<unknown, Node>>();
const indexedFrom = 16;

/** The `property` node of `name` in an object node: the last one if the key is repeated, as JSON.parse reads it. */
export function propertyNode(object: Node | undefined, name: string): Node | undefined {
  if (object?.type !== 'object' || !object.children) return undefined;
  const properties = object.children;
  if (properties.length >= indexedFrom) {
    let byName = wideObjects.get(object);
    if (!byName) {
      byName = new Map(properties.map((p) => [p.children?.[0]?.value, p]));
      wideObjects.set(object, byName);
    }
    return byName.get(name);
  }
  for (let i = properties.length - 1; i >= 0; i--) {
    if (properties[i].children?.[0]?.value === name) return properties[i];
  }
  return undefined;
}

/** The keys that a later key of the same name overrides, in every object of the tree. */
export function overriddenKeys(root: Node): Node[] {
  const found: Node[] = [];
  const visit = (node: Node) => {
    if (node.type === 'object' && node.children && node.children.length > 1) {
      const seen = new Set<unknown>();
      for (let i = node.children.length - 1; i >= 0; i--) {
        const key = node.children[i].children?.[0];
        if (!key) continue;
        if (seen.has(key.value)) found.push(key);
        seen.add(key.value);
      }
    }
    node.children?.forEach(visit);
  };
  visit(root);
  return found;
}

/** The element nodes of an array node; none for anything else. */
export function elements(node: Node | undefined): Node[] {
  return node?.type === 'array' ? node.children ?? [] : [];
}

/** The value node of `name` in an object node. */
export function childValue(object: Node | undefined, name: string): Node | undefined {
  return propertyNode(object, name)?.children?.[1];
}

/** The value node at a path of property names and array indices. */
export function nodeAtPath(root: Node | undefined, path: readonly (string | number)[]): Node | undefined {
  let node = root;
  for (const segment of path) {
    if (node?.type === 'array' && typeof segment === 'number') node = node.children?.[segment];
    else node = childValue(node, String(segment));
    if (!node) return undefined;
  }
  return node;
}

/** Splits an ajv instancePath (JSON Pointer) into segments, array indices as numbers. */
export function pointerSegments(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map((s) => (/^(0|[1-9]\d*)$/.test(s) ? Number(s) : s.replace(/~1/g, '/').replace(/~0/g, '~')));
}

/** The key node of the property holding `node`, if it is a property value. */
export function keyOf(node: Node): Node | undefined {
  return node.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
}

/** Where a problem of a whole object is shown: its key, else its opening brace. */
export function objectAnchor(node: Node): { start: number; end: number } {
  const key = keyOf(node);
  return key ? { start: key.offset, end: key.offset + key.length } : { start: node.offset, end: node.offset + 1 };
}
