/**
 * Writes the table of an official Huawei Cloud SDK request model's field paths (test/fixtures/sdk/),
 * read from bare git mirrors of the SDKs: names, enum values and mandatory fields from the Node.js
 * SDK's models; integer or floating point from the Go SDK's (the Node.js models say only `number`).
 * Only facts are taken: no sentence or code of the SDKs.
 *
 * Usage: npx tsx scripts/sdk-fields.ts <nodejs-sdk-git-dir> <go-sdk-git-dir> <RootModel> <out.json>
 * e.g.   npx tsx scripts/sdk-fields.ts node.git go.git CreateVideoScriptsReq test/fixtures/sdk/video-script-request.json
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const modelDir = 'services/metastudio/v1/model';

interface Field {
  path: string;
  type: string;
  items?: string;
  required?: true;
  enum?: string[];
  model: string;
}

function show(gitDir: string, path: string): string | undefined {
  try {
    return execFileSync('git', ['--git-dir', gitDir, 'show', `HEAD:${path}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return undefined;
  }
}

/** `LiveRoomEventCallBackConfig` → `live_room_event_call_back_config`, `RTCLive…` → `rtc_live…` (the Go SDK's file names). */
function snakeCase(name: string): string {
  return name.replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2').replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

/** The Go SDK's numeric fields of a model: json name → `integer` or `number`. */
function goNumbers(goDir: string, model: string): Map<string, string> {
  const numbers = new Map<string, string>();
  const source = show(goDir, `${modelDir}/model_${snakeCase(model)}.go`);
  const start = source?.search(new RegExp(`type ${model} struct \\{`, 'i')) ?? -1;
  if (!source || start < 0) return numbers;
  const body = source.slice(start, source.indexOf('\n}', start));
  for (const m of body.matchAll(/^\s*\w+\s+\*?(?:\[\])?(u?int\d*|float\d+)\s+`json:"([^",]+)/gm)) {
    numbers.set(m[2], m[1].startsWith('float') ? 'number' : 'integer');
  }
  return numbers;
}

interface NodeModel {
  fields: { name: string; type: string }[];
  required: Set<string>;
  enums: Map<string, string[]>;
}

function nodeModel(nodeDir: string, model: string): NodeModel {
  const source = show(nodeDir, `${modelDir}/${model}.ts`);
  if (!source) throw new Error(`${model}.ts is not in the Node.js SDK mirror`);
  const fields = [...source.matchAll(/^ {4}(?:private|public) '?([a-z0-9_]+)'?\?: (.+);$/gm)].map((m) => ({ name: m[1], type: m[2] }));
  // Mandatory fields are the constructor's parameters, each stored as `this['wire_name'] = param`.
  const ctor = /public constructor\(([^)]*)\) \{([^}]*)\}/.exec(source);
  const params = new Set((ctor?.[1] ?? '').split(',').map((p) => p.trim().split('?')[0]).filter(Boolean));
  const required = new Set([...(ctor?.[2] ?? '').matchAll(/this\['([a-z0-9_]+)'\] = (\w+);/g)].filter((m) => params.has(m[2])).map((m) => m[1]));
  const enums = new Map([...source.matchAll(/export enum (\w+) \{([^}]*)\}/g)]
    .map((m) => [m[1], [...m[2].matchAll(/= '([^']*)'/g)].map((v) => v[1])] as [string, string[]]));
  return { fields, required, enums };
}

function walk(nodeDir: string, goDir: string, model: string, prefix: string, out: Field[], stack: string[]): void {
  if (stack.includes(model)) throw new Error(`cycle through ${model}`);
  const { fields, required, enums } = nodeModel(nodeDir, model);
  const numbers = goNumbers(goDir, model);
  for (const { name, type } of fields) {
    const path = prefix + name;
    const array = /^Array<(\w+)>$/.exec(type);
    const element = array ? array[1] : type.split(' | ')[0];
    const enumName = /^\w+Enum$/.test(element) ? element : undefined;
    const primitive = enumName ? 'string' : element === 'number' ? numbers.get(name) ?? 'number' : element;
    const isModel = !enumName && /^[A-Z]/.test(element);
    const field: Field = {
      path,
      type: array ? 'array' : isModel ? 'object' : primitive,
      ...(array ? { items: isModel ? 'object' : primitive } : {}),
      ...(required.has(name) ? { required: true as const } : {}),
      ...(enumName ? { enum: enums.get(enumName) ?? [] } : {}),
      model,
    };
    out.push(field);
    if (isModel) walk(nodeDir, goDir, element, `${path}${array ? '[]' : ''}.`, out, [...stack, model]);
  }
}

function release(gitDir: string, file: string, read: (text: string) => string): string {
  const text = show(gitDir, file);
  return text ? read(text) : 'unknown';
}

function main(): void {
  const [nodeDir, goDir, root, outFile] = process.argv.slice(2);
  if (!nodeDir || !goDir || !root || !outFile) {
    console.error('Usage: npx tsx scripts/sdk-fields.ts <nodejs-sdk-git-dir> <go-sdk-git-dir> <RootModel> <out.json>');
    process.exit(2);
  }
  const fields: Field[] = [];
  walk(nodeDir, goDir, root, '', fields, []);
  const nodeRelease = release(nodeDir, 'package.json', (t) => (JSON.parse(t) as { version: string }).version);
  const goRelease = release(goDir, 'VERSION', (t) => t.trim());
  // One field per line, so a new SDK release reads as a line diff.
  const lines = fields.map((f) => `    ${JSON.stringify(f)}`);
  const header = {
    sdk: `huaweicloud-sdk-nodejs-v3 ${nodeRelease}`,
    numbers: `integer or floating point from huaweicloud-sdk-go-v3 ${goRelease}`,
    models: modelDir,
    root,
  };
  const head = JSON.stringify(header, null, 2).slice(0, -2);
  writeFileSync(outFile, `${head},\n  "fields": [\n${lines.join(',\n')}\n  ]\n}\n`);
  console.error(`${fields.length} fields of ${root} written to ${outFile}`);
}

main();
