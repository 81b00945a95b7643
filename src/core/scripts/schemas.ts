/**
 * The script JSON Schemas (schemas/*.schema.json, shared with vscode-json-languageservice) and the
 * ajv validators compiled from them once per process.
 *
 * The files stay editor-friendly: unknown properties allowed (docs/decisions/unknown-properties.md: ours is a warning with
 * "did you mean"), `$ref`s across files. For ajv they are turned into one self-contained schema per
 * kind whose objects forbid unknown properties, so a single ajv pass finds every schema problem.
 */
import type * as AjvModule from 'ajv';
import type { ValidateFunction } from 'ajv';
import commonSchema from '../../../schemas/common.schema.json';
import { lazy } from '../lazy';
import { scriptKinds, type ScriptKind } from './kinds';

export type JsonSchema = { readonly [keyword: string]: unknown };

/** The schema files by name, as relative `$ref`s name them: the kinds' and the one they share. */
export const scriptSchemaFiles: Readonly<Record<string, JsonSchema>> = {
  'common.schema.json': commonSchema,
  ...Object.fromEntries(Object.values(scriptKinds).map(({ schema }) => [schema.file, schema.json])),
};

/** Keywords for editors and people only: ajv needs none of them. */
const annotationKeywords = new Set([
  '$schema', 'title', 'description', 'markdownDescription', 'enumDescriptions', 'markdownEnumDescriptions',
  'defaultSnippets', 'patternErrorMessage', 'definitions',
]);

/** Our vendor keyword: the `enum` matches ignoring case (docs/decisions/case-insensitive-enums.md); ajv checks it as `enumIgnoreCase`. */
const ignoreCaseKeyword = 'x-enum-ignore-case';

function pointerTarget(root: JsonSchema, pointer: string): JsonSchema {
  let node: unknown = root;
  for (const part of pointer.split('/').slice(1)) node = (node as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  if (node === undefined) throw new Error(`Unresolvable $ref #${pointer}`);
  return node as JsonSchema;
}

/** Inlines `$ref`s (the schemas are acyclic), drops annotations and forbids unknown properties. */
function forValidation(node: JsonSchema, file: string): JsonSchema {
  const out: Record<string, unknown> = {};
  if (typeof node.$ref === 'string') {
    const [target, pointer = ''] = node.$ref.split('#');
    const targetFile = target || file;
    Object.assign(out, forValidation(pointerTarget(scriptSchemaFiles[targetFile], pointer), targetFile));
  }
  for (const [keyword, value] of Object.entries(node)) {
    if (keyword === '$ref' || keyword === ignoreCaseKeyword || annotationKeywords.has(keyword)) continue;
    if (keyword === 'properties') {
      out.properties = Object.fromEntries(Object.entries(value as Record<string, JsonSchema>).map(([name, s]) => [name, forValidation(s, file)]));
    } else if (keyword === 'items') {
      out.items = forValidation(value as JsonSchema, file);
    } else {
      out[keyword] = value;
    }
  }
  if (node[ignoreCaseKeyword] === true) {
    out.enumIgnoreCase = out.enum;
    delete out.enum;
  }
  if (out.properties !== undefined && out.additionalProperties === undefined) out.additionalProperties = false;
  return out;
}

const validators = new Map<ScriptKind, ValidateFunction>();

// Loaded and set up with the first validator asked for (ajv's modules are many; none is needed before).
const ajv = lazy('ajv', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { default: Ajv } = require('ajv') as typeof AjvModule;
  return new Ajv({ allErrors: true, verbose: true, strict: true }).addKeyword({
    keyword: 'enumIgnoreCase',
    type: 'string',
    schemaType: 'array',
    validate: (allowed: string[], data: string) => allowed.some((v) => v.toLowerCase() === data.toLowerCase()),
  });
});

/** The self-contained schema ajv checks a script of this kind against. */
export function validationSchema(kind: ScriptKind): JsonSchema {
  const { file, json } = scriptKinds[kind].schema;
  return forValidation(json, file);
}

/** The compiled validator of a kind, compiled on first use. */
export function scriptValidator(kind: ScriptKind): ValidateFunction {
  let validate = validators.get(kind);
  if (!validate) {
    validate = ajv().compile(validationSchema(kind));
    validators.set(kind, validate);
  }
  return validate;
}
