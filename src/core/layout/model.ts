/**
 * The layout of a script (docs/layout.md): each video shot or live scene as boxes in canvas pixels
 * (the background, every layer in drawing order, the subtitle box), read from a jsonc-parser tree.
 * What the script leaves out is filled in by a stated assumption and marked as such, so that every
 * drawing of it can label it. Reads only values of the right type: a malformed or partial script
 * gives a partial layout, never an exception.
 */
import type { Node } from 'jsonc-parser';
import { scriptKinds, type ScriptKind } from '../scripts/kinds';
import { parseScript } from '../scripts/parse';
import { childValue, elements } from '../scripts/tree';
import { withoutTags } from '../ssml/spokenText';

export type ViewMode = 'LANDSCAPE' | 'VERTICAL';

export interface Canvas {
  readonly viewMode: ViewMode;
  readonly width: number;
  readonly height: number;
}

/** The canvas of each view mode, in pixels; its origin is the top-left corner. */
export const canvases: Readonly<Record<ViewMode, Canvas>> = {
  LANDSCAPE: { viewMode: 'LANDSCAPE', width: 1920, height: 1080 },
  VERTICAL: { viewMode: 'VERTICAL', width: 1080, height: 1920 },
};

/** A top-left box in canvas pixels. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** `{ offset, length }` of a node in the document: what diagnostics and edits point at. */
export interface Span {
  readonly offset: number;
  readonly length: number;
}

/**
 * What the script left out and the layout assumed instead (each is listed in docs/layout.md):
 * `position` (top-left corner 0, 0), `size` (see `defaultSize`), `layer-index` (its place in the list).
 */
export type LayerAssumption = 'position' | 'size' | 'layer-index';

export type LayerType = 'HUMAN' | 'IMAGE' | 'VIDEO' | 'TEXT';
const layerTypes: readonly string[] = ['HUMAN', 'IMAGE', 'VIDEO', 'TEXT'] satisfies LayerType[];

export interface TextContent {
  /** The decoded `text_context`; undefined when it is missing or not Base64. */
  readonly text: string | undefined;
  readonly fontSize: number;
  /** `#RRGGBB` or `#RGB` as written; undefined for anything else. */
  readonly color: string | undefined;
  readonly fontName: string | undefined;
  /** The `text_context` string in the document. */
  readonly textContextAt: Span | undefined;
}

export interface LayerBox extends Box {
  /** The layer's JSON pointer in the file, e.g. `/shoot_scripts/2/shoot_script/layer_config/0`. */
  readonly pointer: string;
  /** Its `layer_type`; undefined when missing or not one of the four. */
  readonly type: LayerType | undefined;
  /** Degrees clockwise about the box's centre; always 0 for a VIDEO layer (the service ignores it). */
  readonly rotation: number;
  /** `layer_index` as written, else assumed; drawing order is by it, then by place in the list. */
  readonly layerIndex: number;
  readonly groupId: string | undefined;
  readonly assumed: readonly LayerAssumption[];
  readonly assetId: string | undefined;
  /** The image to draw: an IMAGE's `image_url`, a VIDEO's `video_cover_url`. */
  readonly imageUrl: string | undefined;
  readonly text: TextContent | undefined;
  /** The layer object, its `position` key (else the object's opening brace), its `layer_index` and `rotation` values. */
  readonly at: Span;
  readonly positionAt: Span;
  readonly layerIndexAt: Span | undefined;
  readonly rotationAt: Span | undefined;
  /** The `position` and `size` values when both are complete integers (explicit placement). */
  readonly explicit: boolean;
}

export type BackgroundKind = 'IMAGE' | 'COLOR' | 'NONE';

export interface BackgroundBox extends Box {
  readonly kind: BackgroundKind;
  /** A COLOR background's colour, an IMAGE's URL and asset. */
  readonly color: string | undefined;
  readonly url: string | undefined;
  readonly assetId: string | undefined;
  /** True when no `background_image_config` placed it (the whole canvas). */
  readonly assumed: boolean;
  /** The `background_image_config` key, when the placement is written. */
  readonly placementAt: Span | undefined;
}

export interface SubtitleBox extends Box {
  /** Which of `dx`, `dy`, `h` the script left out. */
  readonly assumed: readonly ('dx' | 'dy' | 'h')[];
}

export interface Frame {
  /** 0-based place among the script's shots (video) or scenes (live). */
  readonly index: number;
  /** The shot's or scene's JSON pointer, e.g. `/shoot_scripts/2/shoot_script`, `/scene_scripts/0`. */
  readonly pointer: string;
  /** The shot or scene in the document (a video shot: its whole `shoot_scripts` item). */
  readonly at: Span;
  readonly background: BackgroundBox;
  /** Drawing order, bottom first. */
  readonly layers: readonly LayerBox[];
  /** The avatar of a frame without a HUMAN layer, when the script names one: the whole canvas, assumed. */
  readonly defaultAvatar: Box | undefined;
  /** The avatar's `model_asset_id` (the script's for a video, the scene's for a live room): what a HUMAN layer shows. */
  readonly avatarAssetId: string | undefined;
  readonly subtitle: SubtitleBox | undefined;
  /** Its first spoken text, SSML tags removed, as written (undefined when it has none). */
  readonly text: string | undefined;
}

export interface Layout {
  readonly kind: ScriptKind;
  readonly canvas: Canvas;
  /** `shot` or `scene`: what a frame is called in this kind. */
  readonly frameNoun: 'shot' | 'scene';
  readonly frames: readonly Frame[];
}

/** A text layer's font size when `font_size` is missing (docs/layout.md). */
export const DEFAULT_TEXT_FONT_SIZE = 40;
/** A subtitle's font size when missing: the height of an assumed subtitle box is 1.5 lines of it. */
export const DEFAULT_SUBTITLE_FONT_SIZE = 48;
/** The subtitle box is always this share of the canvas width (the SDK's stated constraint). */
export const SUBTITLE_WIDTH_SHARE = 0.8;

function typed(node: Node | undefined, type: Node['type']): Node | undefined {
  return node?.type === type ? node : undefined;
}

function num(node: Node | undefined): number | undefined {
  return node?.type === 'number' && Number.isFinite(node.value) ? node.value : undefined;
}

function str(node: Node | undefined): string | undefined {
  return node?.type === 'string' ? node.value : undefined;
}

const span = (node: Node | undefined): Span | undefined => node && { offset: node.offset, length: node.length };

function escapePointerSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function jsonPointer(path: readonly (string | number)[]): string {
  return path.map((s) => `/${escapePointerSegment(s)}`).join('');
}

/** The canvas of a script: its `view_mode`, else its kind's default (LANDSCAPE video, VERTICAL live). */
export function canvasOf(root: Node | undefined, kind: ScriptKind): Canvas {
  const viewMode = str(childValue(root, 'view_mode'));
  if (viewMode === 'LANDSCAPE' || viewMode === 'VERTICAL') return canvases[viewMode];
  return canvases[scriptKinds[kind].remote.defaults.get('view_mode') === 'VERTICAL' ? 'VERTICAL' : 'LANDSCAPE'];
}

const colorPattern = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/** Base64 (RFC 4648, padded) as UTF-8 text; undefined when it is not that. */
export function decodeBase64Text(value: string): string | undefined {
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(value)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(value, 'base64'));
  } catch {
    return undefined;
  }
}

export function encodeBase64Text(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

/** Width of a line of text in em: wide (CJK, full-width) characters 1, others 0.6. */
function textWidthEm(line: string): number {
  let em = 0;
  for (const ch of line) em += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 1 : 0.6;
  return em;
}

/** The size of a layer the script does not size (docs/layout.md, "Assumptions"). */
function defaultSize(type: LayerType | undefined, text: TextContent | undefined, canvas: Canvas): { w: number; h: number } {
  if (type === 'HUMAN') return { w: canvas.width, h: canvas.height };
  if (type === 'TEXT') {
    const lines = (text?.text ?? '').split('\n');
    const size = text?.fontSize ?? DEFAULT_TEXT_FONT_SIZE;
    const em = Math.max(1, ...lines.slice(0, 1000).map(textWidthEm));
    return { w: Math.round(em * size), h: Math.round(lines.length * size * 1.25) };
  }
  return { w: Math.round(canvas.width / 4), h: Math.round(canvas.height / 4) };
}

function textContent(config: Node | undefined): TextContent | undefined {
  if (config?.type !== 'object') return undefined;
  const encodedNode = childValue(config, 'text_context');
  const encoded = str(encodedNode);
  const color = str(childValue(config, 'font_color'));
  const fontSize = num(childValue(config, 'font_size'));
  return {
    text: encoded === undefined ? undefined : decodeBase64Text(encoded),
    fontSize: fontSize !== undefined && fontSize > 0 ? fontSize : DEFAULT_TEXT_FONT_SIZE,
    color: color && colorPattern.test(color) ? color : undefined,
    fontName: str(childValue(config, 'font_name')),
    textContextAt: encoded === undefined ? undefined : span(encodedNode),
  };
}

function layerOf(node: Node, pointer: string, listIndex: number, canvas: Canvas): LayerBox {
  const typeName = str(childValue(node, 'layer_type'));
  const type = typeName !== undefined && layerTypes.includes(typeName) ? typeName as LayerType : undefined;
  const position = typed(childValue(node, 'position'), 'object');
  const size = typed(childValue(node, 'size'), 'object');
  const dx = num(childValue(position, 'dx'));
  const dy = num(childValue(position, 'dy'));
  const width = num(childValue(size, 'width'));
  const height = num(childValue(size, 'height'));
  const indexNode = childValue(position, 'layer_index');
  const layerIndex = num(indexNode);
  const rotationNode = childValue(typed(childValue(node, 'rotation'), 'object'), 'angle');
  const angle = num(rotationNode);
  const text = type === 'TEXT' ? textContent(childValue(node, 'text_config')) : undefined;
  const assumed: LayerAssumption[] = [];
  if (dx === undefined || dy === undefined) assumed.push('position');
  if (width === undefined || height === undefined) assumed.push('size');
  if (layerIndex === undefined) assumed.push('layer-index');
  const fallback = width === undefined || height === undefined ? defaultSize(type, text, canvas) : undefined;
  let imageUrl: string | undefined;
  if (type === 'IMAGE') imageUrl = str(childValue(childValue(node, 'image_config'), 'image_url'));
  if (type === 'VIDEO') imageUrl = str(childValue(childValue(node, 'video_config'), 'video_cover_url'));
  return {
    pointer,
    type,
    x: dx ?? 0,
    y: dy ?? 0,
    w: width ?? fallback!.w,
    h: height ?? fallback!.h,
    rotation: type === 'VIDEO' ? 0 : angle ?? 0,
    layerIndex: layerIndex ?? listIndex + 1,
    groupId: str(childValue(node, 'group_id')) || undefined,
    assumed,
    assetId: str(childValue(node, 'asset_id')) || undefined,
    imageUrl: imageUrl || undefined,
    text,
    at: { offset: node.offset, length: node.length },
    positionAt: span(position?.parent?.children?.[0]) ?? { offset: node.offset, length: 1 },
    layerIndexAt: span(indexNode),
    rotationAt: span(rotationNode),
    explicit: assumed.length === 0 || (assumed.length === 1 && assumed[0] === 'layer-index'),
  };
}

/** The first IMAGE or COLOR background (what an avatar video shows), placed; else the whole canvas. */
function backgroundOf(list: Node | undefined, canvas: Canvas): BackgroundBox {
  const whole = { x: 0, y: 0, w: canvas.width, h: canvas.height };
  for (const background of elements(list)) {
    const type = str(childValue(background, 'background_type'));
    if (type === 'COLOR') {
      const color = str(childValue(background, 'background_color_config'));
      return { ...whole, kind: 'COLOR', color: color && colorPattern.test(color) ? color : undefined, url: undefined, assetId: undefined, assumed: false, placementAt: undefined };
    }
    if (type !== 'IMAGE') continue;
    const placement = typed(childValue(background, 'background_image_config'), 'object');
    const [dx, dy, w, h] = ['dx', 'dy', 'width', 'height'].map((name) => num(childValue(placement, name)));
    const placed = dx !== undefined && dy !== undefined && w !== undefined && h !== undefined;
    return {
      ...(placed ? { x: dx, y: dy, w, h } : whole),
      kind: 'IMAGE',
      color: undefined,
      url: str(childValue(background, 'background_config')) || undefined,
      assetId: str(childValue(background, 'background_asset_id')) || undefined,
      assumed: !placed,
      placementAt: placed ? span(placement?.parent?.children?.[0]) : undefined,
    };
  }
  return { ...whole, kind: 'NONE', color: undefined, url: undefined, assetId: undefined, assumed: true, placementAt: undefined };
}

/** The subtitle box of a video script with subtitles on; `dx`/`dy` is its lower-left corner, its width 80% of the canvas. */
function subtitleOf(root: Node, kind: ScriptKind, canvas: Canvas): SubtitleBox | undefined {
  const videoConfig = childValue(root, 'video_config');
  // Live rooms have no subtitles (is_subtitle_enable only takes effect in video production).
  if (kind !== 'video' || childValue(videoConfig, 'is_subtitle_enable')?.value !== true) return undefined;
  const config = typed(childValue(videoConfig, 'subtitle_config'), 'object');
  const dx = num(childValue(config, 'dx'));
  const dy = num(childValue(config, 'dy'));
  const h = num(childValue(config, 'h'));
  const fontSize = num(childValue(config, 'font_size')) ?? DEFAULT_SUBTITLE_FONT_SIZE;
  const w = Math.round(canvas.width * SUBTITLE_WIDTH_SHARE);
  const height = h !== undefined && h >= 0 ? h : Math.round(fontSize * 1.5);
  const bottom = dy ?? canvas.height - Math.round(canvas.height * 0.05);
  const assumed: ('dx' | 'dy' | 'h')[] = [];
  if (dx === undefined) assumed.push('dx');
  if (dy === undefined) assumed.push('dy');
  if (h === undefined) assumed.push('h');
  return { x: dx ?? Math.round((canvas.width - w) / 2), y: bottom - height, w, h: height, assumed };
}

/** Layers bottom first: by `layer_index`, then by place in the list. */
function drawingOrder(layers: LayerBox[]): LayerBox[] {
  return layers.map((layer, i) => ({ layer, i }))
    .sort((a, b) => a.layer.layerIndex - b.layer.layerIndex || a.i - b.i)
    .map(({ layer }) => layer);
}

/** A spoken text without its SSML tags (a pause reads as a space) and with its white space folded. */
export function plainText(ssml: string): string {
  return withoutTags(ssml, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, '\'').replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ').trim();
}

function frameOf(index: number, path: (string | number)[], scene: Node | undefined, at: Node, context: {
  readonly canvas: Canvas; readonly subtitle: SubtitleBox | undefined; readonly avatar: string | undefined; readonly text: string | undefined;
}): Frame {
  const pointer = jsonPointer(path);
  const layers = drawingOrder(elements(childValue(scene, 'layer_config'))
    .map((layer, j) => layerOf(layer, `${pointer}/layer_config/${j}`, j, context.canvas)));
  const hasHuman = layers.some((layer) => layer.type === 'HUMAN');
  return {
    index,
    pointer,
    at: { offset: at.offset, length: at.length },
    background: backgroundOf(childValue(scene, 'background_config'), context.canvas),
    layers,
    defaultAvatar: !hasHuman && context.avatar ? { x: 0, y: 0, w: context.canvas.width, h: context.canvas.height } : undefined,
    avatarAssetId: context.avatar,
    subtitle: context.subtitle,
    text: context.text === undefined ? undefined : plainText(context.text),
  };
}

/** Layouts by the tree they were read from: the linter and the drawings of one parse share one. */
const layouts = new WeakMap<Node, { readonly kind: ScriptKind; readonly layout: Layout }>();

/** The layout of a parsed script: one frame per video shot or live scene. */
export function layoutOfTree(root: Node | undefined, kind: ScriptKind): Layout {
  const known = root && layouts.get(root);
  if (known?.kind === kind) return known.layout;
  const layout = readLayout(root, kind);
  if (root) layouts.set(root, { kind, layout });
  return layout;
}

function readLayout(root: Node | undefined, kind: ScriptKind): Layout {
  const canvas = canvasOf(root, kind);
  const frames: Frame[] = [];
  if (root?.type === 'object' && kind === 'video') {
    const subtitle = subtitleOf(root, kind, canvas);
    const avatar = str(childValue(root, 'model_asset_id')) || undefined;
    elements(childValue(root, 'shoot_scripts')).forEach((item, i) => {
      const shot = typed(childValue(item, 'shoot_script'), 'object');
      const text = str(childValue(childValue(shot, 'text_config'), 'text'));
      frames.push(frameOf(i, ['shoot_scripts', i, 'shoot_script'], shot, item, { canvas, subtitle, avatar, text }));
    });
  } else if (root?.type === 'object' && kind === 'live') {
    elements(childValue(root, 'scene_scripts')).forEach((scene, i) => {
      const avatar = str(childValue(scene, 'model_asset_id')) || undefined;
      const first = elements(childValue(scene, 'shoot_scripts'))[0];
      const text = str(childValue(childValue(first, 'text_config'), 'text'));
      frames.push(frameOf(i, ['scene_scripts', i], typed(scene, 'object'), scene, { canvas, subtitle: undefined, avatar, text }));
    });
  }
  return { kind, canvas, frameNoun: kind === 'live' ? 'scene' : 'shot', frames };
}

/** The layout of a script's text (strict JSON, as the linter reads it). Never throws. */
export function layoutOf(text: string, kind: ScriptKind): Layout {
  try {
    return layoutOfTree(parseScript(text).root, kind);
  } catch {
    return { kind, canvas: canvasOf(undefined, kind), frameNoun: kind === 'live' ? 'scene' : 'shot', frames: [] };
  }
}

/** The frame whose range holds `offset` (frames are in document order); undefined between and outside them. */
export function frameAt(layout: Layout, offset: number): Frame | undefined {
  let low = 0;
  let high = layout.frames.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const { at } = layout.frames[mid];
    if (offset < at.offset) high = mid - 1;
    else if (offset > at.offset + at.length) low = mid + 1;
    else return layout.frames[mid];
  }
  return undefined;
}
