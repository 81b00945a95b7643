/**
 * The SDK's wire table (test/fixtures/sdk/responses.json, written by scripts/sdk-wire-table.mjs)
 * and checks of a JSON value against one of its field tables.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type FieldType = 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array' | 'any';

export interface FieldInfo {
  readonly type: FieldType;
  readonly enum?: readonly string[];
  readonly required?: boolean;
  readonly model?: string;
  /** Values a query parameter's description lists where the model has no enum. */
  readonly documentedValues?: readonly string[];
}

/** Dotted paths, `name[]` for every element of the array `name`. */
export type FieldTable = Readonly<Record<string, FieldInfo>>;

export interface SdkOperation {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly path: string;
  readonly headers: readonly string[];
  readonly query: FieldTable;
  readonly requestModel: string | null;
  readonly request: FieldTable | null;
  readonly responseModel: string;
  readonly response: FieldTable;
}

export type OperationName =
  | 'ListAssets' | 'ShowAsset' | 'CreateDigitalAsset' | 'DeleteAsset'
  | 'CreateFile' | 'ConfirmFileUpload' | 'DeleteFile'
  | 'CreateVideoScripts' | 'ShowVideoScript' | 'ListVideoScripts' | 'UpdateVideoScript' | 'DeleteVideoScript'
  | 'Create2DDigitalHumanVideo' | 'Show2DDigitalHumanVideo' | 'Cancel2DDigitalHumanVideo' | 'ListDigitalHumanVideo'
  | 'CreateTtsAudition' | 'ShowTtsAuditionFile'
  | 'CreateSmartLiveRoom' | 'ShowSmartLiveRoom' | 'ListSmartLiveRooms' | 'UpdateSmartLiveRoom' | 'DeleteSmartLiveRoom'
  | 'CreateInteractionRuleGroup' | 'ListInteractionRuleGroups' | 'ShowInteractionRuleGroup' | 'UpdateInteractionRuleGroup' | 'DeleteInteractionRuleGroup'
  | 'StartSmartLive' | 'ListSmartLive' | 'ShowSmartLive' | 'StopSmartLive' | 'ExecuteSmartLiveCommand' | 'ListSmartLiveJobs' | 'LiveEventReport';

export const sdkWire = JSON.parse(readFileSync(join(__dirname, '../fixtures/sdk/responses.json'), 'utf8')) as {
  readonly sdk: string;
  readonly operations: Readonly<Record<OperationName, SdkOperation>>;
};

/** Every path of `value` with the value there, in the table's notation. */
export function valuePaths(value: unknown, path = ''): [string, unknown][] {
  if (Array.isArray(value)) return [[path, value], ...value.flatMap((item) => valuePaths(item, `${path}[]`).filter(([p]) => p !== path))];
  if (value === null || typeof value !== 'object') return [[path, value]];
  const entries: [string, unknown][] = path === '' ? [] : [[path, value]];
  for (const [key, child] of Object.entries(value)) entries.push(...valuePaths(child, path === '' ? key : `${path}.${key}`));
  return entries;
}

function typeOf(value: unknown): FieldType {
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value as FieldType;
}

/**
 * What in `value` the table does not allow: a field it does not name, a value of another type, or
 * a value outside the field's enum. Empty when `value` conforms.
 */
export function conformanceProblems(table: FieldTable, value: unknown): string[] {
  const problems: string[] = [];
  /** Below a field typed `any` (a live command's `params`), anything goes. */
  const underAny = (path: string) => Object.entries(table).some(([p, f]) => f.type === 'any' && (path.startsWith(`${p}.`) || path.startsWith(`${p}[]`)));
  for (const [path, child] of valuePaths(value)) {
    const field = table[path];
    if (!field && underAny(path)) continue;
    if (!field) {
      problems.push(`${path}: not a field of the SDK's model`);
      continue;
    }
    const actual = typeOf(child);
    const fits = field.type === 'any' || actual === field.type || (field.type === 'number' && actual === 'integer');
    if (!fits) problems.push(`${path}: ${actual}, the SDK says ${field.type}`);
    if (field.enum && !field.enum.includes(child as string)) problems.push(`${path}: ${JSON.stringify(child)} is not one of ${field.enum.join(', ')}`);
  }
  return problems;
}
