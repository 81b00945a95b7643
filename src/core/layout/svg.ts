/**
 * A frame of a layout as SVG: the contract of docs/layout.md ("The SVG"). The root's `viewBox` is the
 * canvas; the background, each layer (bottom first) and the subtitle box are one element each with
 * `data-layer` and their box in `data-x`, `data-y`, `data-w`, `data-h` (layers also `data-layer-type`
 * and `data-rotation`); nothing else carries `data-layer`. Colours come from classes: a stand-alone
 * file gets a style sheet of its own, the webview styles the same classes from the theme.
 */
import * as l10n from '@vscode/l10n';
import type { BackgroundBox, Box, Frame, Layout, LayerBox, SubtitleBox } from './model';

export interface SvgOptions {
  /** A file of its own (the CLI, the storyboard): an XML declaration and a style sheet with fixed colours. */
  readonly standalone?: boolean;
  /** The image to draw for a URL or asset: an href (a data: URI or the webview's resource URI), else a labelled placeholder. */
  readonly image?: (source: { readonly url?: string; readonly assetId?: string }) => string | undefined;
  /** The title-safe and action-safe guides. */
  readonly guides?: boolean;
}

/** Title-safe and action-safe areas, as shares of each side (SMPTE RP 2046-1). */
const ACTION_SAFE = 0.93;
const TITLE_SAFE = 0.9;

const standaloneStyle = `
.canvas{fill:#1e1e1e}.background{fill:#3a3d41}.background.color>rect{stroke:none}
.layer>rect{fill:#4f7cc4;fill-opacity:.35;stroke:#9cc2ff;stroke-width:3}
.layer.human>rect{fill:#6a9955}.silhouette{fill:#ffffff;fill-opacity:.3}.layer.text>rect{fill:none}.layer.video>rect{fill:#c586c0}
.assumed>rect{stroke-dasharray:16 10}.label,.assumption{fill:#ffffff;font-family:sans-serif;font-size:28px}
.assumption{font-style:italic}.subtitle>rect{fill:#000;fill-opacity:.3;stroke:#dcdcaa;stroke-width:3;stroke-dasharray:8 8}
.guide{fill:none;stroke:#ffffff;stroke-opacity:.35;stroke-width:2;stroke-dasharray:4 8}`;

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const n = (value: number) => String(Math.round(value * 100) / 100);

function boxData(box: Box): string {
  return `data-x="${n(box.x)}" data-y="${n(box.y)}" data-w="${n(box.w)}" data-h="${n(box.h)}"`;
}

function rect(box: Box, extra = ''): string {
  return `<rect x="${n(box.x)}" y="${n(box.y)}" width="${n(Math.max(0, box.w))}" height="${n(Math.max(0, box.h))}"${extra}/>`;
}

function label(box: Box, text: string, line = 0, className = 'label'): string {
  return `<text class="${className}" x="${n(box.x + 12)}" y="${n(box.y + 36 + line * 34)}">${escapeXml(text)}</text>`;
}

/** Stretched to its box, as the service scales it; an avatar's cover keeps its shape, standing on the box's bottom. */
function image(box: Box, href: string, fit: 'stretch' | 'avatar' = 'stretch'): string {
  const aspect = fit === 'avatar' ? 'xMidYMax meet' : 'none';
  return `<image href="${escapeXml(href)}" x="${n(box.x)}" y="${n(box.y)}" width="${n(Math.max(0, box.w))}" height="${n(Math.max(0, box.h))}" preserveAspectRatio="${aspect}"/>`;
}

/** A head and shoulders standing on the bottom of the box's largest centred square: an avatar without its cover. */
function silhouette(box: Box): string {
  const s = Math.max(0, Math.min(box.w, box.h));
  const cx = box.x + box.w / 2;
  const bottom = box.y + box.h / 2 + s / 2;
  const shoulder = bottom - s * 0.42;
  return `<g class="silhouette"><circle cx="${n(cx)}" cy="${n(bottom - s * 0.68)}" r="${n(s * 0.17)}"/>`
    + `<path d="M${n(cx - s * 0.36)} ${n(bottom)}C${n(cx - s * 0.36)} ${n(shoulder)} ${n(cx + s * 0.36)} ${n(shoulder)} ${n(cx + s * 0.36)} ${n(bottom)}Z"/></g>`;
}

/** The avatar's cover when the caller has it, else a silhouette. */
function avatar(box: Box, assetId: string | undefined, options: SvgOptions): string {
  const href = assetId ? options.image?.({ assetId }) : undefined;
  return href ? image(box, href, 'avatar') : silhouette(box);
}

/** The last part of a URL's path, for a placeholder's label. */
function fileName(url: string): string {
  // Cut at the first `?` or `#` found once: `/[?#].*$/` would try again from each one before a line break.
  const cut = url.search(/[?#]/);
  const path = cut < 0 ? url : url.slice(0, cut);
  return decodeURIComponentSafe(path.slice(path.lastIndexOf('/') + 1)) || url;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function backgroundSvg(background: BackgroundBox, options: SvgOptions): string {
  const classes = ['background', background.kind.toLowerCase(), ...(background.assumed ? ['assumed'] : [])].join(' ');
  let body: string;
  if (background.kind === 'COLOR') {
    body = rect(background, background.color ? ` fill="${background.color}"` : '');
  } else if (background.kind === 'IMAGE') {
    const href = options.image?.({ url: background.url, assetId: background.assetId });
    body = rect(background) + (href ? image(background, href)
      : label(background, l10n.t('Background: {0}', background.url ? fileName(background.url) : background.assetId ?? l10n.t('no image'))));
  } else {
    body = rect(background);
  }
  return `<g data-layer="background" ${boxData(background)} class="${classes}">${body}</g>`;
}

export function layerTypeName(type: LayerBox['type']): string {
  switch (type) {
    case 'HUMAN': return l10n.t('Avatar');
    case 'IMAGE': return l10n.t('Image');
    case 'VIDEO': return l10n.t('Video');
    case 'TEXT': return l10n.t('Text');
    default: return l10n.t('Layer of unknown type');
  }
}

function textLines(layer: LayerBox): string {
  const content = layer.text!;
  if (content.text === undefined) return label(layer, l10n.t('Text (not readable: text_context is not Base64)'));
  const lines = content.text.split('\n');
  const fill = content.color ? ` fill="${content.color}"` : '';
  const spans = lines.map((line, i) => `<tspan x="${n(layer.x)}" dy="${i === 0 ? n(content.fontSize) : n(content.fontSize * 1.25)}">${escapeXml(line)}</tspan>`).join('');
  return `<text class="text-content" font-size="${n(content.fontSize)}"${fill} x="${n(layer.x)}" y="${n(layer.y)}">${spans}</text>`;
}

function layerSvg(layer: LayerBox, frame: Frame, options: SvgOptions): string {
  const classes = ['layer', (layer.type ?? 'unknown').toLowerCase(), ...(layer.assumed.length ? ['assumed'] : [])].join(' ');
  const cx = layer.x + layer.w / 2;
  const cy = layer.y + layer.h / 2;
  const transform = layer.rotation ? ` transform="rotate(${n(layer.rotation)} ${n(cx)} ${n(cy)})"` : '';
  let body = rect(layer);
  if (layer.type === 'TEXT' && layer.text) {
    body += textLines(layer);
  } else if (layer.type === 'HUMAN') {
    const assetId = layer.assetId ?? frame.avatarAssetId;
    const href = assetId ? options.image?.({ assetId }) : undefined;
    body += href ? image(layer, href, 'avatar') : silhouette(layer) + label(layer, assetId ? `${layerTypeName(layer.type)}: ${assetId}` : layerTypeName(layer.type));
  } else {
    const href = layer.imageUrl || layer.assetId ? options.image?.({ url: layer.imageUrl, assetId: layer.assetId }) : undefined;
    const source = layer.imageUrl ? fileName(layer.imageUrl) : layer.assetId;
    body += href ? image(layer, href) : label(layer, source ? `${layerTypeName(layer.type)}: ${source}` : layerTypeName(layer.type));
  }
  if (layer.assumed.length) body += label(layer, l10n.t('default placement'), 1, 'assumption');
  return `<g data-layer="${escapeXml(layer.pointer)}" data-layer-type="${layer.type ?? ''}" ${boxData(layer)} data-rotation="${n(layer.rotation)}" class="${classes}"${transform}>${body}</g>`;
}

function defaultAvatarSvg(box: Box, frame: Frame, options: SvgOptions): string {
  // Below the background's label, which starts at the same corner.
  return `<g class="layer human assumed">${rect(box)}${avatar(box, frame.avatarAssetId, options)}${label(box, l10n.t('Avatar'), 2)}${label(box, l10n.t('default placement'), 3, 'assumption')}</g>`;
}

function subtitleSvg(box: SubtitleBox): string {
  const assumed = box.assumed.length ? ' assumed' : '';
  return `<g data-layer="subtitle" ${boxData(box)} class="subtitle${assumed}">${rect(box)}${label(box, l10n.t('Subtitles'))}${assumed ? label(box, l10n.t('default placement'), 1, 'assumption') : ''}</g>`;
}

function guidesSvg(layout: Layout): string {
  const { width, height } = layout.canvas;
  const inset = (share: number): Box => ({ x: (width * (1 - share)) / 2, y: (height * (1 - share)) / 2, w: width * share, h: height * share });
  return `<g class="guides">${rect(inset(ACTION_SAFE), ' class="guide action-safe"')}${rect(inset(TITLE_SAFE), ' class="guide title-safe"')}</g>`;
}

/** On the root of a stand-alone file: how `metastudio storyboard` tells its own files from a user's. */
export const GENERATOR_MARK = 'data-generator="metastudio storyboard"';

/** One frame as SVG text; linear in its layers. */
export function frameSvg(layout: Layout, frame: Frame, options: SvgOptions = {}): string {
  const { width, height } = layout.canvas;
  const parts: string[] = [];
  if (options.standalone) parts.push('<?xml version="1.0" encoding="UTF-8"?>\n');
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" class="frame ${layout.canvas.viewMode.toLowerCase()}"${options.standalone ? ` ${GENERATOR_MARK}` : ''}>`);
  if (options.standalone) parts.push(`<style>${standaloneStyle}</style>`);
  parts.push(`<rect class="canvas" x="0" y="0" width="${width}" height="${height}"/>`, backgroundSvg(frame.background, options));
  if (frame.defaultAvatar) parts.push(defaultAvatarSvg(frame.defaultAvatar, frame, options));
  for (const layer of frame.layers) parts.push(layerSvg(layer, frame, options));
  if (frame.subtitle) parts.push(subtitleSvg(frame.subtitle));
  if (options.guides) parts.push(guidesSvg(layout));
  parts.push('</svg>\n');
  return parts.join('');
}
