/**
 * The schemas against the official SDK's request models (docs/decisions/sdk-wire-truth.md). The tables in
 * test/fixtures/sdk/ list every field path of `CreateVideoScriptsReq`, `CreateSmartLiveRoomReq` and `InteractionRuleGroup`,
 * written by scripts/sdk-fields.ts from the SDK's models; after a new SDK release, regenerate them
 * and read this test's failures: each names the paths that differ.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isObject } from '../../../src/core/json';
import { scriptKinds, type ScriptKind } from '../../../src/core/scripts/kinds';
import { scriptSchemaFiles, type JsonSchema } from '../../../src/core/scripts/schemas';
import { validateScript } from '../../../src/core/scripts/validate';

interface SdkField {
  readonly path: string;
  readonly type: string;
  readonly items?: string;
  readonly required?: boolean;
  readonly enum?: readonly string[];
}

interface SchemaField {
  readonly schema: JsonSchema;
  readonly required: boolean;
}

const fixtures = join(__dirname, '../../fixtures/sdk');
const tables: Record<ScriptKind, string> = { video: 'video-script-request.json', live: 'live-room-request.json', rules: 'rule-group-request.json' };
/** A script of each kind that sets every SDK field. */
const everyField: Record<ScriptKind, string> = { video: 'every-field.video.json', live: 'every-field.live.json', rules: 'every-field.rules.json' };
/** What that script may get: a layer's `sequence_no` is a field of the video request the service only applies live. */
const everyFieldDiagnostics: Record<ScriptKind, string[]> = { video: ['script/setting-ignored sequence_no'], live: [], rules: [] };

/** Fields the reference has and the SDK lacks: they stay, described as not in the current API. */
const referenceOnly: Record<ScriptKind, string[]> = {
  video: ['scene_asset_id'],
  live: [],
  rules: [],
};

function sdkFields(kind: ScriptKind): SdkField[] {
  return (JSON.parse(readFileSync(join(fixtures, tables[kind]), 'utf8')) as { fields: SdkField[] }).fields;
}

/** Every property path of a JSON value, as the tables write them. */
function valuePaths(value: unknown, prefix = '', into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => valuePaths(item, `${prefix}[]`, into));
  else if (isObject(value)) {
    for (const [name, child] of Object.entries(value)) {
      const path = prefix === '' ? name : `${prefix}.${name}`;
      into.add(path);
      valuePaths(child, path, into);
    }
  }
  return into;
}

/** A schema with its `$ref` (possibly into another file) merged in, and the file it came from. */
function resolve(schema: JsonSchema, file: string): { schema: JsonSchema; file: string } {
  if (typeof schema.$ref !== 'string') return { schema, file };
  const [target, pointer = ''] = schema.$ref.split('#');
  const targetFile = target || file;
  let node: unknown = scriptSchemaFiles[targetFile];
  for (const part of pointer.split('/').slice(1)) node = (node as Record<string, unknown>)[part];
  const resolved = resolve(node as JsonSchema, targetFile);
  const { $ref: _ref, ...own } = schema;
  return { schema: { ...resolved.schema, ...own }, file: resolved.file };
}

/** Every property path of a kind's schema (`a.b[].c`), with its resolved schema; the local keys (`$schema`, a scene's `$audio_file`) left out. */
function schemaFields(kind: ScriptKind): Map<string, SchemaField> {
  const found = new Map<string, SchemaField>();
  const visit = (object: JsonSchema, file: string, prefix: string) => {
    const required = (object.required ?? []) as string[];
    for (const [name, raw] of Object.entries((object.properties ?? {}) as Record<string, JsonSchema>)) {
      if (name.startsWith('$')) continue;
      const { schema, file: at } = resolve(raw, file);
      found.set(prefix + name, { schema, required: required.includes(name) });
      if (schema.properties) visit(schema, at, `${prefix}${name}.`);
      if (schema.items) {
        const items = resolve(schema.items as JsonSchema, at);
        if (items.schema.properties) visit(items.schema, items.file, `${prefix}${name}[].`);
      }
    }
  };
  const { file, json } = scriptKinds[kind].schema;
  visit(json, file, '');
  return found;
}

for (const kind of ['video', 'live'] as const) {
  describe(`${kind} schema against the SDK's request model`, () => {
    const sdk = sdkFields(kind);
    const schema = schemaFields(kind);

    it('knows every SDK field path', () => {
      assert.deepEqual(sdk.filter((f) => !schema.has(f.path)).map((f) => f.path), [], 'SDK paths missing from the schema');
    });

    it('has no path the SDK lacks, except the reference-only fields, which say so', () => {
      const paths = new Set(sdk.map((f) => f.path));
      const extra = [...schema.keys()].filter((p) => !paths.has(p));
      assert.deepEqual(extra, referenceOnly[kind], 'schema paths the SDK does not have');
      for (const path of extra) assert.match(String(schema.get(path)?.schema.markdownDescription), /not in the current API/, path);
    });

    it('gives each field the SDK\'s type and mandatory flag', () => {
      const wrong: string[] = [];
      for (const f of sdk) {
        const s = schema.get(f.path);
        if (!s) continue;
        if (s.schema.type !== f.type) wrong.push(`${f.path}: type ${String(s.schema.type)}, SDK ${f.type}`);
        const items = f.items && resolve(s.schema.items as JsonSchema, scriptKinds[kind].schema.file).schema.type;
        if (f.items && items !== f.items) wrong.push(`${f.path}[]: type ${String(items)}, SDK ${f.items}`);
        if (s.required !== Boolean(f.required)) wrong.push(`${f.path}: ${s.required ? 'mandatory' : 'optional'}, SDK ${f.required ? 'mandatory' : 'optional'}`);
      }
      assert.deepEqual(wrong, []);
    });

    it('lints a script that sets every SDK field with no diagnostic but the expected ones', () => {
      const text = readFileSync(join(fixtures, everyField[kind]), 'utf8');
      const set = valuePaths(JSON.parse(text));
      assert.deepEqual(sdk.filter((f) => !set.has(f.path)).map((f) => f.path), [], `SDK paths ${everyField[kind]} does not set`);
      const found = validateScript(text, kind).map((d) => `${d.code} ${text.slice(d.start, d.end).replace(/"/g, '')}`);
      assert.deepEqual(found, everyFieldDiagnostics[kind]);
    });

    it('accepts every SDK enum value; values beyond them are case variants or say they are not in the current API', () => {
      const wrong: string[] = [];
      for (const f of sdk) {
        const s = schema.get(f.path)?.schema;
        if (!s || !f.enum) continue;
        const values = (s.enum ?? []) as unknown[];
        const descriptions = (s.enumDescriptions ?? []) as string[];
        for (const v of f.enum) if (!values.includes(v)) wrong.push(`${f.path}: ${v} missing`);
        values.forEach((v, i) => {
          if (f.enum?.includes(v as string)) return;
          const caseVariant = s['x-enum-ignore-case'] === true && f.enum?.some((e) => e.toLowerCase() === String(v).toLowerCase());
          if (!caseVariant && !/not in the current API/.test(descriptions[i] ?? '')) wrong.push(`${f.path}: ${String(v)} beyond the SDK`);
        });
      }
      assert.deepEqual(wrong, []);
    });
  });
}
