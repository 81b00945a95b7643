/**
 * Placing layers by editing the script's text: each change becomes the smallest edits that write its
 * numbers (rounded to whole pixels and degrees), every other character kept. A number that is written
 * is replaced where it stands; one that is missing is inserted by jsonc-parser in the file's own
 * indentation. Edits of several layers never overlap, so a caller applies them as one undoable edit.
 */
import { applyEdits, modify, type FormattingOptions, type Node } from 'jsonc-parser';
import type { TextEdit } from '../diagnostics';
import { parseScript } from '../scripts/parse';
import { nodeAtPath, pointerSegments } from '../scripts/tree';
import type { Frame, Layout, LayerBox } from './model';

/** What a gesture sets; fields left out stay as they are. */
export interface PlacementChange {
  readonly x?: number;
  readonly y?: number;
  readonly w?: number;
  readonly h?: number;
  readonly rotation?: number;
  readonly layerIndex?: number;
}

const fieldPaths: Readonly<Record<keyof PlacementChange, readonly [string, string]>> = {
  x: ['position', 'dx'],
  y: ['position', 'dy'],
  w: ['size', 'width'],
  h: ['size', 'height'],
  rotation: ['rotation', 'angle'],
  layerIndex: ['position', 'layer_index'],
};

/** A whole number; degrees from 0 to 359. */
function written(field: keyof PlacementChange, value: number): number {
  const whole = Math.round(value);
  return field === 'rotation' ? ((whole % 360) + 360) % 360 : whole;
}

/** The indentation and line ends the file already uses, for inserted properties. */
export function formattingOf(text: string): FormattingOptions {
  const indent = /\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';
  return { insertSpaces: !indent.startsWith('\t'), tabSize: indent.startsWith('\t') ? 1 : indent.length, eol: text.includes('\r\n') ? '\r\n' : '\n' };
}

/** One edit from `before` to `after`, trimmed to what differs. */
function difference(before: string, after: string, at: number): TextEdit | undefined {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  if (start === before.length && start === after.length) return undefined;
  return { start: at + start, end: at + before.length - end, newText: after.slice(start, after.length - end) };
}

/** The edits that write `change` into the layer object `layer` of `text`. */
function layerEdits(text: string, layer: Node, change: PlacementChange): TextEdit[] {
  const fields = (Object.keys(change) as (keyof PlacementChange)[]).filter((field) => change[field] !== undefined && Number.isFinite(change[field]));
  const values = fields.map((field) => ({ field, value: written(field, change[field]!), node: nodeAtPath(layer, fieldPaths[field]) }));
  if (values.every(({ node }) => node?.type === 'number')) {
    return values.filter(({ node, value }) => node!.value !== value)
      .map(({ node, value }) => ({ start: node!.offset, end: node!.offset + node!.length, newText: String(value) }));
  }
  // Something to insert: edit the layer's own text in turn, then keep only what differs. The layer's
  // text is led by its line's indentation (other characters blanked) so that inserted lines line up.
  const lineStart = Math.max(text.lastIndexOf('\n', layer.offset - 1) + 1, 0);
  const lead = text.slice(lineStart, layer.offset).replace(/[^\t]/g, ' ');
  const before = lead + text.slice(layer.offset, layer.offset + layer.length);
  const formattingOptions = formattingOf(text);
  let after = before;
  for (const { field, value } of values) {
    after = applyEdits(after, modify(after, [...fieldPaths[field]], value, { formattingOptions }));
  }
  const edit = difference(before, after, layer.offset - lead.length);
  return edit ? [edit] : [];
}

function layerNode(text: string, pointer: string): Node | undefined {
  const node = nodeAtPath(parseScript(text).root, pointerSegments(pointer));
  return node?.type === 'object' ? node : undefined;
}

/** The edits that place the layer at `pointer` as `change` says; none when the pointer names no layer object. */
export function placementEdits(text: string, pointer: string, change: PlacementChange): TextEdit[] {
  const layer = layerNode(text, pointer);
  return layer ? layerEdits(text, layer, change) : [];
}

/** Several layers' changes as one list of edits (each layer in its own range). */
export function placementsEdits(text: string, changes: readonly { readonly pointer: string; readonly change: PlacementChange }[]): TextEdit[] {
  const root = parseScript(text).root;
  const edits: TextEdit[] = [];
  for (const { pointer, change } of changes) {
    const layer = nodeAtPath(root, pointerSegments(pointer));
    if (layer?.type === 'object') edits.push(...layerEdits(text, layer, change));
  }
  return edits.sort((a, b) => a.start - b.start);
}

/** The placement of a layer as its group shares it: position, and size and rotation where written. */
function sharedPlacement(source: LayerBox, target: LayerBox): PlacementChange {
  return {
    x: source.x,
    y: source.y,
    ...(source.assumed.includes('size') ? {} : { w: source.w, h: source.h }),
    ...(source.rotationAt || target.rotation !== source.rotation ? { rotation: source.rotation } : {}),
  };
}

/** Every other layer of `source`'s group, in every frame. */
export function groupMembers(layout: Layout, source: LayerBox): LayerBox[] {
  if (!source.groupId) return [];
  return layout.frames.flatMap((frame) => frame.layers.filter((layer) => layer.groupId === source.groupId && layer.pointer !== source.pointer));
}

/** The edits that give every layer of `source`'s group its placement. */
export function groupPlacementEdits(text: string, layout: Layout, source: LayerBox): TextEdit[] {
  return placementsEdits(text, groupMembers(layout, source).map((target) => ({ pointer: target.pointer, change: sharedPlacement(source, target) })));
}

/** The edits that number a frame's layers 1, 2, 3… in `order` (bottom first), changing only what differs. */
export function layerOrderEdits(text: string, order: readonly LayerBox[]): TextEdit[] {
  return placementsEdits(text, order.flatMap((layer, i) => (layer.layerIndex === i + 1 && !layer.assumed.includes('layer-index') ? [] : [{ pointer: layer.pointer, change: { layerIndex: i + 1 } }])));
}

/** Moves a layer one step up (`forward`) or down in its frame's drawing order; none at the end. */
export function restackEdits(text: string, frame: Frame, pointer: string, direction: 'forward' | 'backward'): TextEdit[] {
  const order = [...frame.layers];
  const at = order.findIndex((layer) => layer.pointer === pointer);
  const other = direction === 'forward' ? at + 1 : at - 1;
  if (at < 0 || other < 0 || other >= order.length) return [];
  [order[at], order[other]] = [order[other], order[at]];
  return layerOrderEdits(text, order);
}

/** Applies non-overlapping edits (as an editor would): for tests and the CLI. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  return result;
}
