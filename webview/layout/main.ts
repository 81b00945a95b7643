/**
 * The layout view: shows the frame the extension drew (its SVG is the core's, see docs/layout.md)
 * and turns gestures into placement changes. Dragging shows a ghost box; on release ONE change goes
 * to the extension, which edits the script; the redraw that follows shows the truth. Every drag has
 * a keyboard twin on the layer list. Snapping looks candidates up by binary search in lists sorted
 * once per drag, so a frame of 20,000 layers drags as fast as one of three.
 */
import './layout.css';
import type { FromViewMessage, LayerSummary, PlaceChange, ShowMessage, ToViewMessage, ViewStrings } from '../../src/layout/layoutMessages';

interface VsCodeApi {
  postMessage(message: FromViewMessage): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const svgNs = 'http://www.w3.org/2000/svg';
const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const app = byId('app');
const strings = JSON.parse(app.dataset.strings ?? '{}') as ViewStrings;
const stage = byId('stage');
const list = byId<HTMLUListElement>('layers');
const title = byId('title');
const empty = byId('empty');
const status = byId('status');
const snapBox = byId<HTMLInputElement>('snap');
const groupButton = byId<HTMLButtonElement>('group');

interface ViewState {
  selected?: string;
  snapping?: boolean;
}
const state: ViewState = (vscode.getState() as ViewState | undefined) ?? {};
snapBox.checked = state.snapping !== false;

let current: ShowMessage | undefined;
let svg: SVGSVGElement | undefined;

const format = (template: string, ...args: unknown[]) => template.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]));
const announce = (text: string) => { status.textContent = text; };
const saveState = () => vscode.setState(state);
const selectedLayer = () => current?.layers.find((l) => l.pointer === state.selected);

function valueText(layer: LayerSummary): string {
  return format(strings.layerValue, Math.round(layer.x), Math.round(layer.y), Math.round(layer.w), Math.round(layer.h), Math.round(layer.rotation));
}

window.addEventListener('message', (event: MessageEvent<ToViewMessage>) => {
  const message = event.data;
  if (message.type === 'show') show(message);
  else if (message.type === 'empty') {
    current = undefined;
    title.textContent = message.text;
    empty.hidden = true;
    stage.replaceChildren();
    list.replaceChildren();
  }
});

function show(message: ShowMessage): void {
  const focused = (document.activeElement as HTMLElement | null)?.dataset?.pointer;
  current = message;
  title.textContent = message.title;
  const parsed = new DOMParser().parseFromString(message.svg, 'image/svg+xml').documentElement;
  const root = document.importNode(parsed, true) as unknown as SVGSVGElement;
  // The list below names every layer in words; the drawing is its picture (the stage's role img).
  root.setAttribute('aria-hidden', 'true');
  stage.replaceChildren(root);
  svg = root;
  if (state.selected && !message.layers.some((l) => l.pointer === state.selected)) state.selected = undefined;
  renderList(message.layers, focused);
  drawSelection();
  vscode.postMessage({ type: 'rendered', version: message.version });
}

function renderList(layers: readonly LayerSummary[], focused: string | undefined): void {
  const fragment = document.createDocumentFragment();
  let toFocus: HTMLButtonElement | undefined;
  for (const layer of layers) {
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset.pointer = layer.pointer;
    button.setAttribute('aria-pressed', String(layer.pointer === state.selected));
    button.textContent = `${layer.name}: ${valueText(layer)}`;
    item.append(button);
    fragment.append(item);
    if (layer.pointer === focused) toFocus = button;
  }
  list.replaceChildren(fragment);
  toFocus?.focus();
}

function select(pointer: string | undefined, say = true): void {
  state.selected = pointer;
  saveState();
  list.querySelectorAll<HTMLButtonElement>('button[aria-pressed="true"]').forEach((button) => button.setAttribute('aria-pressed', 'false'));
  const layer = selectedLayer();
  if (layer) {
    list.querySelector<HTMLButtonElement>(`button[data-pointer="${CSS.escape(layer.pointer)}"]`)?.setAttribute('aria-pressed', 'true');
    if (say) announce(format(strings.selected, layer.name));
  }
  drawSelection();
}

function svgElement<K extends keyof SVGElementTagNameMap>(name: K, attributes: Record<string, string | number>): SVGElementTagNameMap[K] {
  const element = document.createElementNS(svgNs, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  return element;
}

/** Screen pixels per canvas pixel. */
function scale(): number {
  return svg?.getScreenCTM()?.a || 1;
}

interface Box { x: number; y: number; w: number; h: number; rotation: number }

/** The selection's outline and handles (or a drag's ghost) in an overlay that carries no data-layer. */
function drawSelection(box?: Box, ghost = false): void {
  svg?.querySelector('.selection')?.remove();
  const layer = selectedLayer();
  groupButton.hidden = !layer?.groupId;
  if (!svg || !layer) return;
  const b = box ?? layer;
  const handle = 12 / scale();
  const group = svgElement('g', { class: 'selection', transform: `rotate(${b.rotation} ${b.x + b.w / 2} ${b.y + b.h / 2})` });
  group.append(svgElement('rect', { class: ghost ? 'ghost' : 'outline', x: b.x, y: b.y, width: Math.max(b.w, 0), height: Math.max(b.h, 0) }));
  const corners: [string, number, number][] = [['nw', b.x, b.y], ['ne', b.x + b.w, b.y], ['sw', b.x, b.y + b.h], ['se', b.x + b.w, b.y + b.h]];
  for (const [name, x, y] of corners) group.append(svgElement('rect', { 'data-handle': name, x: x - handle / 2, y: y - handle / 2, width: handle, height: handle }));
  if (layer.type !== 'VIDEO') {
    group.append(svgElement('line', { class: 'outline', x1: b.x + b.w / 2, y1: b.y, x2: b.x + b.w / 2, y2: b.y - 3 * handle }));
    group.append(svgElement('circle', { 'data-handle': 'rotate', cx: b.x + b.w / 2, cy: b.y - 3 * handle, r: handle / 1.5 }));
  }
  svg.append(group);
}

// ---- snapping ----

interface Snaps { readonly xs: Float64Array; readonly ys: Float64Array }

function snapsFor(pointer: string): Snaps {
  const { width, height } = current!.canvas;
  const xs = [0, width / 2, width];
  const ys = [0, height / 2, height];
  for (const layer of current!.layers) {
    if (layer.pointer === pointer) continue;
    xs.push(layer.x, layer.x + layer.w);
    ys.push(layer.y, layer.y + layer.h);
  }
  return { xs: Float64Array.from(xs).sort(), ys: Float64Array.from(ys).sort() };
}

/** The candidate nearest to `value` (binary search), if within `reach`. */
function nearest(sorted: Float64Array, value: number, reach: number): number | undefined {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid] < value) low = mid + 1;
    else high = mid;
  }
  let best: number | undefined;
  for (const i of [low - 1, low]) {
    if (i >= 0 && i < sorted.length && Math.abs(sorted[i] - value) <= reach && (best === undefined || Math.abs(sorted[i] - value) < Math.abs(best - value))) best = sorted[i];
  }
  return best;
}

/** The shift that brings one of `edges` onto a candidate, and where the guide goes. */
function snapShift(sorted: Float64Array, edges: readonly number[], reach: number): { shift: number; at: number } | undefined {
  let found: { shift: number; at: number } | undefined;
  for (const edge of edges) {
    const at = nearest(sorted, edge, reach);
    if (at !== undefined && (!found || Math.abs(at - edge) < Math.abs(found.shift))) found = { shift: at - edge, at };
  }
  return found;
}

function drawGuides(xs: readonly number[], ys: readonly number[]): void {
  svg?.querySelectorAll('.snap-guide').forEach((g) => g.remove());
  if (!svg || !current) return;
  const { width, height } = current.canvas;
  for (const x of xs) svg.append(svgElement('line', { class: 'snap-guide', x1: x, y1: 0, x2: x, y2: height }));
  for (const y of ys) svg.append(svgElement('line', { class: 'snap-guide', x1: 0, y1: y, x2: width, y2: y }));
}

// ---- dragging ----

type Mode = 'move' | 'rotate' | 'nw' | 'ne' | 'sw' | 'se';

interface Drag {
  readonly mode: Mode;
  readonly layer: LayerSummary;
  readonly start: DOMPoint;
  readonly snaps: Snaps;
  box: Box;
}

let drag: Drag | undefined;

function toCanvas(event: PointerEvent): DOMPoint {
  const matrix = svg!.getScreenCTM()!.inverse();
  return new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix);
}

stage.addEventListener('pointerdown', (event) => {
  if (!svg || !current || event.button !== 0) return;
  const target = event.target as Element;
  const handle = target.closest('[data-handle]')?.getAttribute('data-handle') as Mode | null;
  const element = target.closest('[data-layer^="/"]');
  const pointer = handle ? state.selected : element?.getAttribute('data-layer') ?? undefined;
  const layer = current.layers.find((l) => l.pointer === pointer);
  if (!layer) {
    select(undefined, false);
    return;
  }
  if (layer.pointer !== state.selected) select(layer.pointer);
  drag = { mode: handle ?? 'move', layer, start: toCanvas(event), snaps: snapsFor(layer.pointer), box: { ...layer } };
  stage.setPointerCapture(event.pointerId);
  event.preventDefault();
});

stage.addEventListener('pointermove', (event) => {
  if (!drag) return;
  const point = toCanvas(event);
  const dx = point.x - drag.start.x;
  const dy = point.y - drag.start.y;
  const original = drag.layer;
  const reach = 8 / scale();
  const snapping = snapBox.checked && !event.altKey;
  const guides: [number[], number[]] = [[], []];
  let box: Box = { ...original };
  if (drag.mode === 'move') {
    box = { ...original, x: original.x + dx, y: original.y + dy };
    if (snapping) {
      const sx = snapShift(drag.snaps.xs, [box.x, box.x + box.w / 2, box.x + box.w], reach);
      const sy = snapShift(drag.snaps.ys, [box.y, box.y + box.h / 2, box.y + box.h], reach);
      if (sx) { box.x += sx.shift; guides[0].push(sx.at); }
      if (sy) { box.y += sy.shift; guides[1].push(sy.at); }
    }
  } else if (drag.mode === 'rotate') {
    const cx = original.x + original.w / 2;
    const cy = original.y + original.h / 2;
    let angle = (Math.atan2(point.y - cy, point.x - cx) * 180) / Math.PI + 90;
    if (event.shiftKey) angle = Math.round(angle / 15) * 15;
    box = { ...original, rotation: ((Math.round(angle) % 360) + 360) % 360 };
  } else {
    box = resized(original, drag.mode, dx, dy, event.shiftKey);
    if (snapping && original.rotation === 0) {
      const right = drag.mode === 'ne' || drag.mode === 'se';
      const bottom = drag.mode === 'sw' || drag.mode === 'se';
      const sx = snapShift(drag.snaps.xs, [right ? box.x + box.w : box.x], reach);
      const sy = snapShift(drag.snaps.ys, [bottom ? box.y + box.h : box.y], reach);
      if (sx && !event.shiftKey) {
        if (right) box.w += sx.shift; else { box.x += sx.shift; box.w -= sx.shift; }
        guides[0].push(sx.at);
      }
      if (sy && !event.shiftKey) {
        if (bottom) box.h += sy.shift; else { box.y += sy.shift; box.h -= sy.shift; }
        guides[1].push(sy.at);
      }
    }
  }
  drag.box = box;
  drawSelection(box, true);
  drawGuides(...guides);
});

/** A box resized by dragging corner `corner` by (dx, dy) on the canvas; the opposite corner stays. */
function resized(original: LayerSummary, corner: Exclude<Mode, 'move' | 'rotate'>, dx: number, dy: number, keepAspect: boolean): Box {
  // The drag in the layer's own (unrotated) axes.
  const radians = (-original.rotation * Math.PI) / 180;
  const lx = dx * Math.cos(radians) - dy * Math.sin(radians);
  const ly = dx * Math.sin(radians) + dy * Math.cos(radians);
  const east = corner === 'ne' || corner === 'se';
  const south = corner === 'sw' || corner === 'se';
  let w = Math.max(1, original.w + (east ? lx : -lx));
  let h = Math.max(1, original.h + (south ? ly : -ly));
  if (keepAspect && original.w > 0 && original.h > 0) {
    const ratio = original.w / original.h;
    if (w / original.w > h / original.h) h = Math.max(1, w / ratio);
    else w = Math.max(1, h * ratio);
  }
  return { ...original, w, h, x: east ? original.x : original.x + original.w - w, y: south ? original.y : original.y + original.h - h };
}

function endDrag(event: PointerEvent, cancelled: boolean): void {
  if (!drag) return;
  const { layer, box, mode } = drag;
  drag = undefined;
  if (stage.hasPointerCapture(event.pointerId)) stage.releasePointerCapture(event.pointerId);
  drawGuides([], []);
  const change: PlaceChange = mode === 'rotate' ? { rotation: box.rotation }
    : mode === 'move' ? { x: Math.round(box.x), y: Math.round(box.y) }
    : { x: Math.round(box.x), y: Math.round(box.y), w: Math.round(box.w), h: Math.round(box.h) };
  const unchanged = Object.entries(change).every(([k, v]) => Math.round(layer[k as keyof Box]) === v);
  if (cancelled || unchanged) {
    drawSelection();
    return;
  }
  place(layer, change);
}

stage.addEventListener('pointerup', (event) => endDrag(event, false));
stage.addEventListener('pointercancel', (event) => endDrag(event, true));

/** Sends one change; keeps it in the view until the redraw, so that quick keys add up. */
function place(layer: LayerSummary, change: PlaceChange): void {
  vscode.postMessage({ type: 'place', pointer: layer.pointer, change });
  const next = { ...layer, ...change };
  if (current) current = { ...current, layers: current.layers.map((l) => (l.pointer === layer.pointer ? next : l)) };
  drawSelection();
  if (change.rotation !== undefined && change.x === undefined) announce(format(strings.rotated, layer.name, next.rotation));
  else if (change.w !== undefined || change.h !== undefined) announce(format(strings.resized, layer.name, Math.round(next.w), Math.round(next.h)));
  else announce(format(strings.moved, layer.name, Math.round(next.x), Math.round(next.y)));
}

// ---- keyboard ----

list.addEventListener('click', (event) => {
  const pointer = (event.target as HTMLElement).closest('button')?.dataset.pointer;
  if (pointer) select(pointer);
});

list.addEventListener('keydown', (event) => {
  const pointer = (event.target as HTMLElement).closest('button')?.dataset.pointer;
  const layer = current?.layers.find((l) => l.pointer === pointer);
  if (!layer) return;
  const step = event.shiftKey ? 10 : 1;
  const arrows: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
  let handled = true;
  if (event.key in arrows) {
    if (layer.pointer !== state.selected) select(layer.pointer, false);
    const [dx, dy] = arrows[event.key];
    place(layer, event.altKey ? { w: Math.max(1, Math.round(layer.w + dx)), h: Math.max(1, Math.round(layer.h + dy)) } : { x: Math.round(layer.x + dx), y: Math.round(layer.y + dy) });
  } else if (event.key === '[' || event.key === ']' || event.key === '{' || event.key === '}') {
    if (layer.type === 'VIDEO') announce(strings.noRotation);
    else place(layer, { rotation: (((Math.round(layer.rotation) + (event.key === ']' || event.key === '}' ? 1 : -1) * (event.shiftKey ? 15 : 1)) % 360) + 360) % 360 });
  } else if (event.key === 'PageUp' || event.key === 'PageDown') {
    vscode.postMessage({ type: 'restack', pointer: layer.pointer, direction: event.key === 'PageUp' ? 'forward' : 'backward' });
  } else {
    handled = false;
  }
  if (handled) event.preventDefault();
});

function withSelection(run: (layer: LayerSummary) => void): void {
  const layer = selectedLayer();
  if (layer) run(layer);
  else announce(strings.noLayer);
}

byId('forward').addEventListener('click', () => withSelection((layer) => vscode.postMessage({ type: 'restack', pointer: layer.pointer, direction: 'forward' })));
byId('backward').addEventListener('click', () => withSelection((layer) => vscode.postMessage({ type: 'restack', pointer: layer.pointer, direction: 'backward' })));
groupButton.addEventListener('click', () => withSelection((layer) => vscode.postMessage({ type: 'applyToGroup', pointer: layer.pointer })));
snapBox.addEventListener('change', () => {
  state.snapping = snapBox.checked;
  saveState();
});

vscode.postMessage({ type: 'ready' });
