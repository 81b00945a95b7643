// Writes test/fixtures/sdk/responses.json: for each MetaStudio operation the sandbox serves, its
// method and path, query parameters, headers, and the field paths of its request body and of its
// response, with each field's type and enum values, as the official Node.js SDK's models state
// them. Facts only (names, types, enum values): nothing of the SDK's text is copied.
// Also writes src/core/remote/responseOnlyFields.json, the fields a video script's, a live
// room's or a rule library's details have and its create request has not, which a pull leaves out.
//
// Usage: node scripts/sdk-wire-table.mjs <bare git dir of huaweicloud-sdk-nodejs-v3> [<bare git dir of huaweicloud-sdk-go-v3>]
// The Go SDK, when given, tells an integer from a fractional number (the Node models type both as
// `number`) and supplies the values its comments list for a query parameter the Node models type
// as a plain string (e.g. the asset list's `asset_type`).
//
// Paths are dotted field names; `name[]` is every element of the array `name`.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';

const OPERATIONS = [
  'ListAssets', 'ShowAsset', 'CreateDigitalAsset', 'DeleteAsset',
  'CreateFile', 'ConfirmFileUpload', 'DeleteFile',
  'CreateVideoScripts', 'ShowVideoScript', 'ListVideoScripts', 'UpdateVideoScript', 'DeleteVideoScript',
  'Create2DDigitalHumanVideo', 'Show2DDigitalHumanVideo', 'Cancel2DDigitalHumanVideo', 'ListDigitalHumanVideo',
  'CreateTtsAudition', 'ShowTtsAuditionFile',
  'CreateSmartLiveRoom', 'ShowSmartLiveRoom', 'ListSmartLiveRooms', 'UpdateSmartLiveRoom', 'DeleteSmartLiveRoom',
  'CreateInteractionRuleGroup', 'ListInteractionRuleGroups', 'ShowInteractionRuleGroup', 'UpdateInteractionRuleGroup', 'DeleteInteractionRuleGroup',
  'StartSmartLive', 'ListSmartLive', 'ShowSmartLive', 'StopSmartLive', 'ExecuteSmartLiveCommand', 'ListSmartLiveJobs', 'LiveEventReport',
];
const MODELS = 'services/metastudio/v1/model';
const HEADER = /^[A-Z][A-Za-z]*(-[A-Za-z]+)+$|^Authorization$/;

const [nodeRepo, goRepo] = process.argv.slice(2);
if (!nodeRepo) {
  console.error('usage: node scripts/sdk-wire-table.mjs <node sdk git dir> [<go sdk git dir>]');
  process.exit(2);
}
const git = (repo, ...args) => execFileSync('git', [`--git-dir=${repo}`, ...args], { encoding: 'utf8', maxBuffer: 256 << 20 });
const show = (repo, path) => git(repo, 'show', `HEAD:${path}`);
const release = JSON.parse(show(nodeRepo, 'package.json')).version;

/** Go struct name (lower-cased) -> JSON field name -> `integer` or `number`, for the numeric fields. */
const goNumbers = new Map();
if (goRepo) {
  let fields;
  for (const line of git(goRepo, 'grep', '-h', '-E', '^type \\w+ struct|json:"', 'HEAD', '--', MODELS).split('\n')) {
    const struct = /^type (\w+) struct/.exec(line);
    if (struct) {
      fields = new Map();
      goNumbers.set(struct[1].toLowerCase(), fields);
      continue;
    }
    const field = /^\s+\w+ \*?(?:\[\])?(u?int\d*|float\d+) `json:"([^,"]+)/.exec(line);
    if (field && fields) fields.set(field[2], field[1].startsWith('float') ? 'number' : 'integer');
  }
}

const modelCache = new Map();
/** A model file's fields in order: name, TypeScript type, enum values, whether the constructor takes it. */
function model(name) {
  if (modelCache.has(name)) return modelCache.get(name);
  const text = show(nodeRepo, `${MODELS}/${name}.ts`);
  const enums = new Map();
  for (const m of text.matchAll(/export enum (\w+) \{([^}]*)\}/g)) {
    enums.set(m[1], [...m[2].matchAll(/= '([^']*)'/g)].map((v) => v[1]));
  }
  const constructor = /public constructor\(([^)]*)\)\s*\{([^}]*)\}/.exec(text);
  const required = new Set([...(constructor?.[2] ?? '').matchAll(/this\['([^']+)'\] =/g)].map((m) => m[1]));
  const fields = [];
  const numbers = goNumbers.get(name.toLowerCase());
  for (const m of text.matchAll(/^ {4}(?:private|public) '?([A-Za-z0-9_-]+)'?\?: (.+);$/gm)) {
    const [, field] = m;
    let type = m[2];
    const enumName = /^(\w+Enum) \| string$/.exec(type)?.[1];
    if (enumName) type = 'string';
    if (numbers?.has(field)) type = type.replace(/\bnumber\b/, numbers.get(field));
    fields.push({ field, type, enum: enumName ? enums.get(enumName) : undefined, required: required.has(field) });
  }
  const result = { fields, enumValues: /export class \w+Enum \{/.test(text) ? [] : undefined };
  modelCache.set(name, result);
  return result;
}

/** Adds the paths of a field of TypeScript type `type` at `path` to `table`. */
function describe(table, path, type, extra, seen) {
  const array = /^Array<(.+)>$/.exec(type);
  if (array) {
    table[path] = { type: 'array', ...extra };
    describe(table, `${path}[]`, array[1], {}, seen);
    return;
  }
  if (type === 'string' || type === 'number' || type === 'integer' || type === 'boolean') {
    table[path] = { type, ...extra };
    return;
  }
  if (type === 'any' || type === 'object') {
    table[path] = { type: 'any', ...extra };
    return;
  }
  const sub = model(type);
  if (sub.enumValues) {
    // An enum declared as a model of its own; the Node SDK prints no values for it.
    table[path] = { type: 'string', model: type, ...extra };
    return;
  }
  table[path] = { type: 'object', model: type, ...extra };
  if (seen.includes(type)) return; // a model that contains itself: its fields are listed once
  addFields(table, path, type, [...seen, type]);
}

function addFields(table, prefix, name, seen = [name]) {
  for (const f of model(name).fields) {
    const extra = {};
    if (f.required) extra.required = true;
    if (f.enum) extra.enum = f.enum;
    describe(table, prefix ? `${prefix}.${f.field}` : f.field, f.type, extra, seen);
  }
}

/** The method and URL of an operation, from the SDK client's parameter builder. */
function route(client, operation) {
  const start = client.indexOf(`        ${operation[0].toLowerCase()}${operation.slice(1)}(`);
  if (start < 0) throw new Error(`no operation ${operation} in the SDK client`);
  const chunk = client.slice(start, start + 2000);
  return { method: /method: "(\w+)"/.exec(chunk)[1], path: /url: "([^"]+)"/.exec(chunk)[1] };
}

/** The values a Go SDK comment lists as `* VALUE：` bullets for a query parameter, if any. */
function goDocumentedValues(operation, param) {
  if (!goRepo) return undefined;
  const file = `${MODELS}/model_${operation.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/(\d)D([A-Z])/g, '$1d_$2').toLowerCase()}_request.go`;
  let text;
  try {
    text = show(goRepo, file);
  } catch {
    return undefined;
  }
  const m = new RegExp(`//([^\\n]*)\\n\\s*\\w+ \\*?\\S+ \`json:"${param},omitempty"\``).exec(text);
  const values = m ? [...m[1].matchAll(/\* ([A-Z][A-Z0-9_]*)[：:]/g)].map((v) => v[1]) : [];
  return values.length ? values : undefined;
}

const client = show(nodeRepo, 'services/metastudio/v1/MetaStudioClient.ts');
const operations = {};
for (const operation of OPERATIONS) {
  const { method, path } = route(client, operation);
  const pathParams = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  const entry = { method, path, headers: [], query: {}, requestModel: null, request: null, responseModel: `${operation}Response`, responseHeaders: [], response: {} };
  for (const f of model(`${operation}Request`).fields) {
    if (f.field === 'body') {
      entry.requestModel = f.type;
      entry.request = {};
      addFields(entry.request, '', f.type);
    } else if (HEADER.test(f.field)) {
      entry.headers.push(f.field);
    } else if (!pathParams.includes(f.field)) {
      const extra = f.enum ? { enum: f.enum } : {};
      if (!f.enum && f.type === 'string') {
        const documented = goDocumentedValues(operation, f.field);
        if (documented) extra.documentedValues = documented;
      }
      describe(entry.query, f.field, f.type, extra, []);
    }
  }
  for (const f of model(`${operation}Response`).fields) {
    if (HEADER.test(f.field)) entry.responseHeaders.push(f.field);
  }
  const response = {};
  for (const f of model(`${operation}Response`).fields) {
    if (HEADER.test(f.field)) continue;
    const extra = f.enum ? { enum: f.enum } : {};
    describe(response, f.field, f.type, extra, [`${operation}Response`]);
  }
  entry.response = response;
  operations[operation] = entry;
}

const goRelease = goRepo ? /^# (\S+)/m.exec(show(goRepo, 'CHANGELOG.md'))?.[1] : undefined;
/** JSON with one line per field path, so that a new SDK release reads as a line diff. */
function format(value, depth = 0) {
  const pad = ' '.repeat(depth + 1);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return JSON.stringify(value);
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  const flat = entries.every(([, v]) => v !== null && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every((x) => typeof x !== 'object' || Array.isArray(x)));
  const lines = entries.map(([k, v]) => `${pad}${JSON.stringify(k)}: ${flat ? JSON.stringify(v) : format(v, depth + 1)}`);
  return `{\n${lines.join(',\n')}\n${' '.repeat(depth)}}`;
}

/** The paths of `details` that `request` lacks, without those under another such path. */
function responseOnly(details, request) {
  const only = Object.keys(details).filter((path) => !(path in request));
  return only.filter((path) => !only.some((other) => path.startsWith(`${other}.`) || path.startsWith(`${other}[]`)));
}
const responseOnlyFile = new URL('../src/core/remote/responseOnlyFields.json', import.meta.url);
writeFileSync(responseOnlyFile, `${JSON.stringify({
  about: 'Generated by scripts/sdk-wire-table.mjs: the fields of a details response that its create request lacks.',
  sdk: `huaweicloud-sdk-nodejs-v3 ${release}`,
  video: responseOnly(operations.ShowVideoScript.response, operations.CreateVideoScripts.request),
  live: responseOnly(operations.ShowSmartLiveRoom.response, operations.CreateSmartLiveRoom.request),
  rules: responseOnly(operations.ShowInteractionRuleGroup.response, operations.CreateInteractionRuleGroup.request),
}, null, 2)}\n`);

const out = new URL('../test/fixtures/sdk/responses.json', import.meta.url);
mkdirSync(new URL('.', out), { recursive: true });
writeFileSync(out, `${format({
  about: 'Generated by scripts/sdk-wire-table.mjs. Paths are dotted; `name[]` is every element of the array `name`.',
  sdk: `huaweicloud-sdk-nodejs-v3 ${release}`,
  integersFrom: goRelease ? `huaweicloud-sdk-go-v3 ${goRelease}` : null,
  models: MODELS,
  operations,
})}\n`);
console.log(`${Object.keys(operations).length} operations from release ${release}`);
