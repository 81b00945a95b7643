/** Quick fixes as text edits on the JSON document. */
import * as l10n from '@vscode/l10n';
import type { Node } from 'jsonc-parser';
import type { Fix } from '../diagnostics';
import { isObject } from '../json';
import type { JsonSchema } from './schemas';

export function renamePropertyFix(key: Node, name: string): Fix {
  return {
    title: l10n.t('Rename to "{0}"', name),
    edits: [{ start: key.offset, end: key.offset + key.length, newText: JSON.stringify(name) }],
    preferred: true,
  };
}

export function replaceValueFix(node: Node, value: unknown): Fix {
  const newText = JSON.stringify(value);
  return {
    title: l10n.t('Replace with {0}', newText),
    edits: [{ start: node.offset, end: node.offset + node.length, newText }],
    preferred: true,
  };
}

/** Inserts `"name": value` as the first property of an object, in the object's own layout. */
export function insertPropertyFix(text: string, object: Node, name: string, value: unknown): Fix {
  const member = `${JSON.stringify(name)}: ${compactJson(value)}`;
  const first = object.children?.[0];
  let edit;
  if (!first) {
    edit = { start: object.offset + 1, end: object.offset + 1, newText: member };
  } else {
    // The start of the first member's line, looked for no further back than the object's brace.
    let lineStart = first.offset;
    while (lineStart > object.offset + 1 && text.charCodeAt(lineStart - 1) !== 10 /* \n */) lineStart--;
    const before = text.slice(lineStart, first.offset);
    const separator = text.charCodeAt(lineStart - 1) === 10 && /^[ \t]*$/.test(before) ? `,\n${before}` : ', ';
    edit = { start: first.offset, end: first.offset, newText: member + separator };
  }
  return { title: l10n.t('Add "{0}"', name), edits: [edit], preferred: true };
}

/** `{ "a": 1, "b": [] }` on one line. */
function compactJson(value: unknown): string {
  if (isObject(value)) {
    const entries = Object.entries(value);
    return entries.length ? `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${compactJson(v)}`).join(', ')} }` : '{}';
  }
  return JSON.stringify(value);
}

/** A value to start from for a missing property: its default, an example, a listed value or an empty one. */
export function placeholderValue(schema: JsonSchema | undefined, depth = 0): unknown {
  if (!schema) return '';
  if (schema.default !== undefined) return schema.default;
  if (Array.isArray(schema.examples) && schema.examples.length) return schema.examples[0];
  const listed = (schema.enum ?? schema.enumIgnoreCase) as unknown[] | undefined;
  if (listed?.length) return listed[0];
  switch (schema.type) {
    case 'integer':
    case 'number':
      return typeof schema.minimum === 'number' ? schema.minimum : 0;
    case 'boolean':
      return false;
    case 'array':
      return [];
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
      const required = depth < 3 ? (schema.required ?? []) as string[] : [];
      return Object.fromEntries(required.map((name) => [name, placeholderValue(properties[name], depth + 1)]));
    }
    default:
      return '';
  }
}
