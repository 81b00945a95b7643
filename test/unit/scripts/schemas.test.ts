import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv';
import { getLanguageService, TextDocument, type CompletionList, type Diagnostic } from 'vscode-json-languageservice';
import { mappedKeywords } from '../../../src/core/scripts/schemaErrors';
import { scriptKindNames, scriptKinds } from '../../../src/core/scripts/kinds';
import { scriptSchemaFiles, validationSchema } from '../../../src/core/scripts/schemas';
import { validateScript } from '../../../src/core/scripts/validate';
import { liveScriptTemplate, videoScriptTemplate } from '../../../src/core/scripts/templates';

const schemasDir = join(__dirname, '../../../schemas');
const schemaUri = (name: string) => pathToFileURL(join(schemasDir, name)).href;

function languageService() {
  const requested: string[] = [];
  const service = getLanguageService({
    schemaRequestService: async (uri) => {
      requested.push(uri);
      return readFileSync(new URL(uri), 'utf8');
    },
    workspaceContext: { resolveRelativePath: (relative, resource) => new URL(relative, resource).href },
  });
  service.configure({
    validate: true,
    schemas: Object.values(scriptKinds).map(({ schema, suffix }) => ({ uri: schemaUri(schema.file), fileMatch: [`*${suffix}`] })),
  });
  return { service, requested };
}

async function validateWithService(name: string, text: string): Promise<Diagnostic[]> {
  const { service } = languageService();
  const document = TextDocument.create(`file:///work/${name}`, 'json', 1, text);
  return service.doValidation(document, service.parseJSONDocument(document), { schemaValidation: 'error' });
}

async function complete(name: string, text: string, marker = '|'): Promise<CompletionList> {
  const { service } = languageService();
  const offset = text.indexOf(marker);
  const document = TextDocument.create(`file:///work/${name}`, 'json', 1, text.replace(marker, ''));
  const list = await service.doComplete(document, document.positionAt(offset), service.parseJSONDocument(document));
  assert.ok(list);
  return list;
}

describe('script schemas', () => {
  it('the files on disk are the ones the core bundles', () => {
    const onDisk = readdirSync(schemasDir).filter((f) => f.endsWith('.schema.json')).sort();
    assert.deepEqual(onDisk, Object.keys(scriptSchemaFiles).sort());
    for (const name of onDisk) assert.deepEqual(JSON.parse(readFileSync(join(schemasDir, name), 'utf8')), scriptSchemaFiles[name]);
  });

  it('compile as they are in ajv, the shared file added once with addSchema', () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    ajv.addSchema(scriptSchemaFiles['common.schema.json'], 'common.schema.json');
    const video = ajv.compile(scriptKinds.video.schema.json);
    const live = ajv.compile(scriptKinds.live.schema.json);
    assert.equal(video(JSON.parse(videoScriptTemplate)), true, JSON.stringify(video.errors));
    assert.equal(live(JSON.parse(liveScriptTemplate)), true, JSON.stringify(live.errors));
    // The shared voice_config is reached from both, through the $ref.
    assert.equal(video({ script_name: 'x', shoot_scripts: [], voice_config: { speed: 1 } }), false);
    assert.deepEqual(video.errors?.map((e) => e.instancePath).sort(), ['/voice_config', '/voice_config/speed']);
    assert.equal(live({ room_name: 'x', scene_scripts: [{ script_name: 's', shoot_scripts: [], voice_config: {} }] }), false);
  });

  it('become self-contained for the validator, with unknown properties forbidden', () => {
    const video = validationSchema('video');
    assert.ok(!JSON.stringify(video).includes('$ref'));
    const voice = (video.properties as Record<string, Record<string, unknown>>).voice_config;
    assert.equal(voice.additionalProperties, false);
    assert.deepEqual(voice.required, ['voice_asset_id']);
  });

  it('use only validation keywords whose errors the validator maps to diagnostics', () => {
    const structural = new Set(['properties', 'items', 'default', 'examples']);
    const used = new Set<string>();
    const visit = (schema: Record<string, unknown>) => {
      for (const [keyword, value] of Object.entries(schema)) {
        used.add(keyword);
        if (keyword === 'properties') Object.values(value as object).forEach(visit);
        if (keyword === 'items') visit(value as Record<string, unknown>);
      }
    };
    visit(validationSchema('video'));
    visit(validationSchema('live'));
    assert.deepEqual([...used].filter((k) => !structural.has(k) && !mappedKeywords.includes(k)), []);
  });

  it('describe every property and every enum value', () => {
    const missing: string[] = [];
    const visit = (node: unknown, where: string, isProperty: boolean) => {
      if (!node || typeof node !== 'object') return;
      const schema = node as Record<string, unknown>;
      if (isProperty && !schema.markdownDescription && !schema.$ref) missing.push(`${where}: markdownDescription`);
      if (Array.isArray(schema.enum) && (schema.enumDescriptions as unknown[] | undefined)?.length !== schema.enum.length) missing.push(`${where}: enumDescriptions`);
      for (const [name, sub] of Object.entries((schema.properties ?? {}) as object)) visit(sub, `${where}.${name}`, true);
      if (schema.items) visit(schema.items, `${where}[]`, false);
      for (const [name, sub] of Object.entries((schema.definitions ?? {}) as object)) visit(sub, `${where}#${name}`, false);
    };
    for (const [file, schema] of Object.entries(scriptSchemaFiles)) visit(schema, file, false);
    assert.deepEqual(missing, []);
  });

  it('vscode-json-languageservice resolves the relative $refs and reports no unknown property', async () => {
    const { service, requested } = languageService();
    const text = videoScriptTemplate.replace('"voice_asset_id": ""', '"voice_asset_id": "", "speed": "fast", "mystery": 1');
    const document = TextDocument.create('file:///work/a.video.json', 'json', 1, text);
    const diagnostics = await service.doValidation(document, service.parseJSONDocument(document), { schemaValidation: 'error' });
    assert.deepEqual(diagnostics.map((d) => text.slice(document.offsetAt(d.range.start), document.offsetAt(d.range.end))), ['"fast"']);
    assert.deepEqual(requested.map((u) => u.slice(u.lastIndexOf('/') + 1)).sort(), ['common.schema.json', 'video-script.schema.json']);
    assert.deepEqual(await validateWithService('b.live.json', liveScriptTemplate), []);
  });

  it('give completion of properties through $refs, enum values with descriptions, and the snippet', async () => {
    const voice = await complete('a.video.json', '{"voice_config": {|}}');
    assert.deepEqual(voice.items.map((i) => i.label).sort(), ['pitch', 'speed', 'voice_asset_id', 'volume']);
    const codec = await complete('a.video.json', '{"video_config": {"codec": |}}');
    const h264 = codec.items.find((i) => i.label === '"H264"');
    assert.ok(h264);
    assert.match(JSON.stringify(h264.documentation), /MP4/);
    const scene = await complete('a.live.json', '{"scene_scripts": [{"shoot_scripts": [{|}]}]}');
    assert.deepEqual(scene.items.map((i) => i.label).sort(), ['audio_config', 'relation_product', 'sequence_no', 'text_config', 'title']);
    const empty = await complete('a.video.json', '|');
    assert.ok(empty.items.some((i) => i.label === 'New video script'), JSON.stringify(empty.items.map((i) => i.label)));
  });

  for (const kind of scriptKindNames) {
    it(`carry the ${kind} template as its first default snippet, and it lints clean`, () => {
      const { schema, newFile } = scriptKinds[kind];
      assert.deepEqual((schema.json.defaultSnippets as { body: unknown }[])[0].body, JSON.parse(newFile.template));
      assert.deepEqual(validateScript(newFile.template, kind), []);
    });
  }
});
