/**
 * Where a script refers to assets: which fields hold asset IDs, what type of asset each expects,
 * and the field at a cursor (for completion, hover and "Insert ID"). Works on any text, broken
 * JSON included; never throws.
 */
import { findNodeAtLocation, getLocation, getNodePath, type JSONPath, type Node } from 'jsonc-parser';
import { parseScript } from '../scripts/parse';
import type { AssetType } from '../cloud/types';
import { jsonStringMap } from '../scripts/jsonString';
import type { ScriptKind } from '../scripts/kinds';
import { collectTexts, findScriptTextAt } from '../scripts/texts';
import { childValue } from '../scripts/tree';
import { tokenize, type Token } from '../ssml/tokenizer';

export interface AssetExpectation {
  /** The field as the user knows it, e.g. `voice_asset_id` or `insert-action id`. */
  readonly field: string;
  /** The asset types the field takes (never empty). */
  readonly types: readonly AssetType[];
  /** A livestream voice must be a real-time voice. */
  readonly realtimeVoice: boolean;
}

export interface AssetReference {
  readonly id: string;
  /** The ID's characters in the document (UTF-16 offsets, end exclusive; quotes excluded). */
  readonly start: number;
  readonly end: number;
  readonly expectation: AssetExpectation;
}

/** The asset-ID field at a cursor. */
export interface AssetFieldAt {
  readonly expectation: AssetExpectation;
  /** The ID written there, if any. */
  readonly id: string | undefined;
  /** Where an ID goes: the value's characters (quotes excluded), or an empty range where the value is missing. */
  readonly start: number;
  readonly end: number;
  /** No string literal there yet: the ID must be written with its quotes. */
  readonly needsQuotes: boolean;
}

const assetFields = new Set(['voice_asset_id', 'model_asset_id', 'music_asset_id', 'scene_asset_id', 'background_asset_id', 'asset_id']);

function stringValue(object: Node | undefined, name: string): string | undefined {
  const node = childValue(object, name);
  return node?.type === 'string' ? node.value : undefined;
}

const expect = (field: string, types: readonly AssetType[], realtimeVoice = false): AssetExpectation => ({ field, types, realtimeVoice });

/** What an asset-ID field at `path` expects; `parent` is the object holding it. Undefined: not an asset-ID field. */
export function expectationFor(path: JSONPath, parent: Node | undefined, kind: ScriptKind): AssetExpectation | undefined {
  const field = path[path.length - 1];
  if (typeof field !== 'string' || !assetFields.has(field)) return undefined;
  const holder = path[path.length - 2];
  switch (field) {
    case 'voice_asset_id':
      return holder === 'voice_config' ? expect(field, ['VOICE_MODEL'], kind === 'live') : undefined;
    case 'model_asset_id':
      return expect(field, stringValue(parent, 'model_asset_type') === 'HUMAN_MODEL_3D' ? ['HUMAN_MODEL'] : ['HUMAN_MODEL_2D']);
    case 'music_asset_id':
      return expect(field, ['MUSIC']);
    case 'scene_asset_id':
      return expect(field, ['SCENE']);
    case 'background_asset_id':
      switch (stringValue(parent, 'background_type')) {
        case 'IMAGE': case 'IMAGE_2D': return expect(field, ['IMAGE']);
        case 'VIDEO': return expect(field, ['VIDEO']);
        case 'AUDIO': return expect(field, ['AUDIO', 'MUSIC']);
        default: return expect(field, ['IMAGE', 'VIDEO']);
      }
    default: // asset_id
      if (holder === 'audio_config') return expect(field, ['AUDIO']);
      // A layer: an element of `layer_config`, or a live trigger's `layer_config`/`extra_layer_config` object.
      if (!(holder === 'layer_config' || holder === 'extra_layer_config' || (typeof holder === 'number' && path[path.length - 3] === 'layer_config'))) {
        return undefined;
      }
      switch (stringValue(parent, 'layer_type')) {
        case 'HUMAN': return expect(field, ['HUMAN_MODEL_2D']);
        case 'IMAGE': return expect(field, ['IMAGE']);
        case 'VIDEO': return expect(field, ['VIDEO']);
        case 'TEXT': return undefined;
        default: return expect(field, ['IMAGE', 'VIDEO', 'HUMAN_MODEL_2D']);
      }
  }
}

const insertAction = expect('insert-action id', ['ANIMATION']);

/** The `id` values of the insert-action tags, in decoded-text offsets (quotes excluded). */
function insertActionIds(tokens: readonly Token[]): { value: string; start: number; end: number }[] {
  const found: { value: string; start: number; end: number }[] = [];
  for (const token of tokens) {
    if (token.kind !== 'start' || token.name !== 'insert-action') continue;
    const id = token.attributes.find((a) => a.name === 'id');
    if (id?.value !== undefined) found.push({ value: id.value, start: id.valueStart, end: id.valueEnd });
  }
  return found;
}

function parse(text: string): Node | undefined {
  return parseScript(text).root;
}

/** Every non-empty asset ID a script refers to, in document order. */
export function assetReferences(text: string, kind: ScriptKind): AssetReference[] {
  try {
    const root = parse(text);
    if (root?.type !== 'object') return [];
    const references: AssetReference[] = [];
    const visit = (node: Node) => {
      if (node.type === 'property') {
        const [key, value] = node.children ?? [];
        if (value?.type === 'string' && value.value !== '' && assetFields.has(key?.value)) {
          const expectation = expectationFor(getNodePath(value), node.parent, kind);
          if (expectation) references.push({ id: value.value, start: value.offset + 1, end: value.offset + value.length - 1, expectation });
        }
      }
      node.children?.forEach(visit);
    };
    visit(root);
    for (const t of collectTexts(root, kind)) {
      if (!t.value.includes('insert-action')) continue;
      const map = jsonStringMap(text, t.start, t.end);
      for (const id of insertActionIds(tokenize(t.value))) {
        if (id.value.trim() === '') continue;
        references.push({ id: id.value, start: map.toDocument(id.start), end: map.toDocument(id.end), expectation: insertAction });
      }
    }
    return references.sort((a, b) => a.start - b.start);
  } catch {
    return [];
  }
}

/** The asset-ID field the cursor at `offset` is in (JSON value or insert-action `id`), if any. */
export function assetFieldAt(text: string, kind: ScriptKind, offset: number): AssetFieldAt | undefined {
  try {
    return ssmlFieldAt(text, kind, offset) ?? jsonFieldAt(text, kind, offset);
  } catch {
    return undefined;
  }
}

function jsonFieldAt(text: string, kind: ScriptKind, offset: number): AssetFieldAt | undefined {
  const location = getLocation(text, offset);
  if (location.isAtPropertyKey) return undefined;
  const root = parse(text);
  const expectation = expectationFor(location.path, findNodeAtLocation(root!, location.path.slice(0, -1)), kind);
  if (!expectation) return undefined;
  const node = location.previousNode;
  if (node?.type === 'string') {
    const closed = node.length >= 2 && text[node.offset + node.length - 1] === '"';
    const contentEnd = node.offset + node.length - (closed ? 1 : 0);
    if (offset <= node.offset || offset > contentEnd) return undefined;
    return { expectation, id: node.value || undefined, start: node.offset + 1, end: contentEnd, needsQuotes: false };
  }
  // Before or after a value that is there already: not in the field.
  if (node || findNodeAtLocation(root!, location.path)) return undefined;
  return { expectation, id: undefined, start: offset, end: offset, needsQuotes: true };
}

function ssmlFieldAt(text: string, kind: ScriptKind, offset: number): AssetFieldAt | undefined {
  const found = findScriptTextAt(text, kind, offset);
  if (!found || !found.value.includes('insert-action')) return undefined;
  const at = found.decodedOffset;
  const id = insertActionIds(tokenize(found.value)).find((a) => at >= a.start && at <= a.end);
  if (!id) return undefined;
  return {
    expectation: insertAction, id: id.value || undefined,
    start: found.map.toDocument(id.start), end: found.map.toDocument(id.end), needsQuotes: false,
  };
}

/** Whether an asset of `type` fits the field. */
export function fits(expectation: AssetExpectation, type: string): boolean {
  return (expectation.types as readonly string[]).includes(type);
}
