/** Turns ajv's errors into diagnostics on the exact key or value, with their quick fixes. */
import * as l10n from '@vscode/l10n';
import type { ErrorObject } from 'ajv';
import type { Node } from 'jsonc-parser';
import type { Fix } from '../diagnostics';
import type { DiagnosticCollector, Details } from '../lint/collector';
import { codePointLength } from '../text/codePoints';
import { nearMisses } from '../text/nearest';
import { closestValue, scriptCloseness } from './closest';
import { scriptCodes, type ScriptCode } from './codes';
import { insertPropertyFix, placeholderValue, renamePropertyFix, replaceValueFix } from './fixes';
import type { JsonSchema } from './schemas';
import { keyOf, nodeAtPath, objectAnchor, pointerSegments, propertyNode } from './tree';

function typeName(type: string): string {
  switch (type) {
    case 'string': return l10n.t('a string');
    case 'integer': return l10n.t('an integer');
    case 'number': return l10n.t('a number');
    case 'boolean': return l10n.t('a boolean');
    case 'object': return l10n.t('an object');
    case 'array': return l10n.t('an array');
    default: return type;
  }
}

/** What the message calls the value at `path`: its property name, else its place in the array, else "the script". */
function label(node: Node, path: readonly (string | number)[]): string {
  const key = keyOf(node);
  if (key) return String(key.value);
  const index = path[path.length - 1];
  if (node.parent?.type === 'array' && typeof index === 'number') {
    const holder = node.parent.parent && keyOf(node.parent);
    return holder ? `${String(holder.value)}[${index}]` : `[${index}]`;
  }
  return l10n.t('the script');
}

/** "4000" where an integer belongs (or 25 where a string does): offer the value with the right type. */
function retypeFix(node: Node, expected: string): Fix | undefined {
  if ((expected === 'integer' || expected === 'number') && node.type === 'string') {
    const n = Number(node.value);
    if (node.value.trim() !== '' && Number.isFinite(n) && (expected === 'number' || Number.isInteger(n))) return replaceValueFix(node, n);
  }
  if (expected === 'string' && (node.type === 'number' || node.type === 'boolean')) return replaceValueFix(node, String(node.value));
  return undefined;
}

/** A diagnostic's code and range, with its words and fixes made only if it is kept (see DiagnosticCollector). */
interface Finding {
  readonly code: ScriptCode;
  readonly start: number;
  readonly end: number;
  readonly details: () => Details;
}

function finding(code: ScriptCode, range: { start: number; end: number }, details: () => Details): Finding {
  return { code, start: range.start, end: range.end, details };
}

function nodeRange(node: Node): { start: number; end: number } {
  return { start: node.offset, end: node.offset + node.length };
}

function rangeText(min: unknown, max: unknown): string {
  if (typeof min === 'number' && typeof max === 'number') return l10n.t('from {0} to {1}', min, max);
  if (typeof min === 'number') return l10n.t('at least {0}', min);
  return l10n.t('at most {0}', String(max));
}

/** The validation keywords mapped above; the schemas may use no other. */
export const mappedKeywords = ['additionalProperties', 'required', 'type', 'enum', 'enumIgnoreCase', 'minimum', 'maximum', 'maxLength', 'maxItems', 'pattern'];

/** Names the API reference misprints, and the name the service reads (docs/decisions/field-spellings.md, docs/decisions/sdk-wire-truth.md). */
const misnamedFields: Readonly<Record<string, string>> = {
  is_subtitle_enabled: 'is_subtitle_enable',
  is_subtitle_able: 'is_subtitle_enable',
};

/** A misprinted name where the object has the right one: renamed by the fix unless the right one is there already. */
function misnamedField(key: Node, name: string, known: Record<string, unknown>, isPresent: (name: string) => boolean): Finding | undefined {
  const right = Object.hasOwn(misnamedFields, name) ? misnamedFields[name] : undefined;
  if (!right || !Object.hasOwn(known, right)) return undefined;
  return finding('script/misnamed-field', nodeRange(key), () => ({
    message: l10n.t('"{0}" is not read: the service reads "{1}".', name, right), fixes: isPresent(right) ? undefined : [renamePropertyFix(key, right)],
  }));
}

function mapError(error: ErrorObject, root: Node, text: string): Finding | undefined {
  const path = pointerSegments(error.instancePath);
  const node = nodeAtPath(root, path);
  if (!node) return undefined;
  const parentSchema = (error.parentSchema ?? {}) as JsonSchema;
  switch (error.keyword) {
    case 'additionalProperties': {
      const name = String(error.params.additionalProperty);
      const key = propertyNode(node, name)?.children?.[0];
      if (!key) return undefined;
      const isPresent = (property: string) => propertyNode(node, property) !== undefined;
      const properties = (parentSchema.properties ?? {}) as Record<string, unknown>;
      const misnamed = misnamedField(key, name, properties, isPresent);
      if (misnamed) return misnamed;
      return finding('script/unknown-property', nodeRange(key), () => {
        const known = Object.keys(properties).filter((k) => !isPresent(k));
        const [suggestion] = nearMisses(name, known, scriptCloseness);
        return suggestion
          ? { message: l10n.t('Unknown property "{0}". Did you mean "{1}"?', name, suggestion), fixes: [renamePropertyFix(key, suggestion)] }
          : { message: l10n.t('Unknown property "{0}".', name) };
      });
    }
    case 'required': {
      const name = String(error.params.missingProperty);
      const propertySchema = ((parentSchema.properties ?? {}) as Record<string, JsonSchema>)[name];
      return finding('script/missing-property', objectAnchor(node), () => ({
        message: l10n.t('Missing mandatory property "{0}".', name), fixes: [insertPropertyFix(text, node, name, placeholderValue(propertySchema))],
      }));
    }
    case 'type': {
      const expected = String(error.params.type);
      return finding('script/wrong-type', nodeRange(node), () => {
        const fix = retypeFix(node, expected);
        return { message: l10n.t('Incorrect type: "{0}" must be {1}.', label(node, path), typeName(expected)), fixes: fix && [fix] };
      });
    }
    case 'enum':
    case 'enumIgnoreCase': {
      const allowed = (error.keyword === 'enum' ? error.params.allowedValues : error.schema) as unknown[];
      return finding('script/invalid-enum', nodeRange(node), () => ({
        message: l10n.t('{0} is not a valid value of "{1}". Valid values: {2}.', JSON.stringify(node.value), label(node, path), allowed.map((v) => JSON.stringify(v)).join(', ')),
        fixes: [replaceValueFix(node, closestValue(node.value, allowed))],
      }));
    }
    case 'minimum':
    case 'maximum':
      return finding('script/out-of-range', nodeRange(node), () => ({
        message: l10n.t('"{0}" must be {1}, not {2}.', label(node, path), rangeText(parentSchema.minimum, parentSchema.maximum), String(node.value)),
      }));
    case 'maxLength':
      return finding('script/text-too-long', nodeRange(node), () => ({
        message: l10n.t('The text has {0} characters; at most {1} are allowed.', codePointLength(String(node.value)), String(error.params.limit)),
      }));
    case 'maxItems':
      return finding('script/too-many-items', objectAnchor(node), () => ({
        message: l10n.t('"{0}" has {1} items; at most {2} are allowed.', label(node, path), node.children?.length ?? 0, String(error.params.limit)),
      }));
    case 'pattern':
      // The schemas' one pattern: Base64 text layers.
      return finding('script/not-base64', nodeRange(node), () => ({ message: l10n.t('"{0}" must be Base64-encoded text.', label(node, path)) }));
    default:
      // Unreachable while the schemas use only the keywords above (a unit test checks it).
      return undefined;
  }
}

/**
 * One diagnostic per problem, into `collector`: a value of the wrong type gets no further complaint
 * about its value. Words and fixes are made only for the diagnostics kept.
 */
export function checkSchemaErrors(errors: readonly ErrorObject[], root: Node, text: string, collector: DiagnosticCollector): void {
  const wrongType = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  for (const error of errors) {
    if (error.keyword !== 'type' && error.keyword !== 'required' && error.keyword !== 'additionalProperties' && wrongType.has(error.instancePath)) continue;
    const found = mapError(error, root, text);
    if (found) collector.add(found.code, scriptCodes[found.code].severity, found.start, found.end, found.details);
  }
}
