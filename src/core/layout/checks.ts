/**
 * The layout checks of a script (docs/diagnostics.md, `layout/…`), on its layout model. Each is one
 * pass over the layers (groups through a map), so 20,000 layers in a shot take linear time. Only what
 * the script writes is checked: a box the layout had to assume is drawn, not judged.
 */
import * as l10n from '@vscode/l10n';
import type { Fix } from '../diagnostics';
import type { ScriptCode } from '../scripts/codes';
import { groupPlacementEdits, layerOrderEdits, placementEdits } from './edits';
import { containment, overlapArea, rotatedBounds } from './geometry';
import type { Frame, Layout, LayerBox, Span } from './model';

export type LayoutReport = (code: ScriptCode, at: Span, message: string, fixes?: Fix[]) => void;

/** A group's fix rewrites every member: offered for groups of up to this many (a script has at most 50 shots). */
const MAX_GROUP_FIX = 100;

function checkCanvas(text: string, layout: Layout, layer: LayerBox, report: LayoutReport): void {
  if (!layer.explicit || layer.w <= 0 || layer.h <= 0) return;
  const { width, height } = layout.canvas;
  const bounds = rotatedBounds(layer, layer.rotation);
  const where = containment(bounds, { x: 0, y: 0, w: width, h: height });
  if (where === 'inside') return;
  const fits = layer.w <= width && layer.h <= height && layer.rotation % 180 === 0;
  const fixes = fits ? [{
    title: l10n.t('Move it inside the canvas'),
    edits: placementEdits(text, layer.pointer, { x: Math.min(Math.max(layer.x, 0), width - layer.w), y: Math.min(Math.max(layer.y, 0), height - layer.h) }),
    preferred: true,
  }] : undefined;
  const box = [Math.round(bounds.x), Math.round(bounds.y), Math.round(bounds.x + bounds.w), Math.round(bounds.y + bounds.h)] as const;
  if (where === 'outside') {
    report('layout/outside-canvas', layer.positionAt, l10n.t('This layer spans x {0} to {2} and y {1} to {3}: it lies wholly outside the {4}x{5} canvas and is not seen.', ...box, width, height), fixes);
  } else {
    report('layout/partly-outside-canvas', layer.positionAt, l10n.t('This layer spans x {0} to {2} and y {1} to {3}: part of it lies outside the {4}x{5} canvas and is cut off.', ...box, width, height), fixes);
  }
}

function checkLayerIndices(text: string, frame: Frame, report: LayoutReport): void {
  const counts = new Map<number, number>();
  for (const layer of frame.layers) if (layer.layerIndexAt) counts.set(layer.layerIndex, (counts.get(layer.layerIndex) ?? 0) + 1);
  let fix: Fix[] | undefined;
  for (const layer of frame.layers) {
    const count = layer.layerIndexAt ? counts.get(layer.layerIndex) ?? 0 : 0;
    if (count < 2) continue;
    fix ??= [{ title: l10n.t('Number the layers of this shot 1, 2, 3… in their drawing order'), edits: layerOrderEdits(text, frame.layers), preferred: true }];
    report('layout/duplicate-layer-index', layer.layerIndexAt!, l10n.t('{0} layers of this shot have layer_index {1}: which is drawn on top is not defined.', count, layer.layerIndex), fix);
  }
}

function checkVideoRotation(text: string, layer: LayerBox, report: LayoutReport): void {
  const angle = layer.rotationAt && Number(text.slice(layer.rotationAt.offset, layer.rotationAt.offset + layer.rotationAt.length));
  if (layer.type !== 'VIDEO' || !angle) return;
  report('layout/video-rotation', layer.rotationAt!, l10n.t('Video layers do not rotate: the service ignores "rotation" here.'),
    [{ title: l10n.t('Set the angle to 0'), edits: placementEdits(text, layer.pointer, { rotation: 0 }), preferred: true }]);
}

/** Layers drawn above the frame's (first) avatar that hide more than half of its box. */
function checkAvatarCovered(frame: Frame, report: LayoutReport): void {
  const at = frame.layers.findIndex((layer) => layer.type === 'HUMAN');
  if (at < 0) return;
  const avatar = rotatedBounds(frame.layers[at], frame.layers[at].rotation);
  const area = avatar.w * avatar.h;
  if (area <= 0) return;
  for (const layer of frame.layers.slice(at + 1)) {
    if (layer.type === 'HUMAN' || layer.type === undefined || !layer.explicit || layer.layerIndex === frame.layers[at].layerIndex) continue;
    const covered = overlapArea(rotatedBounds(layer, layer.rotation), avatar) / area;
    if (covered > 0.5) {
      report('layout/avatar-covered', layer.positionAt, l10n.t('This layer is drawn above the avatar and hides {0}% of its box.', Math.round(covered * 100)));
    }
  }
}

/** What a group shares: the position, size and rotation as written. */
function placementKey(layer: LayerBox): string {
  return [layer.x, layer.y, layer.assumed.includes('size') ? '-' : `${layer.w}x${layer.h}`, layer.rotation].join(',');
}

function checkGroups(text: string, layout: Layout, report: LayoutReport): void {
  const groups = new Map<string, { readonly keys: Set<string>; readonly members: LayerBox[] }>();
  for (const frame of layout.frames) {
    for (const layer of frame.layers) {
      if (!layer.groupId) continue;
      const group = groups.get(layer.groupId) ?? { keys: new Set<string>(), members: [] };
      group.keys.add(placementKey(layer));
      group.members.push(layer);
      groups.set(layer.groupId, group);
    }
  }
  for (const [groupId, { keys, members }] of groups) {
    if (keys.size < 2) continue;
    for (const layer of members) {
      const fixes = members.length <= MAX_GROUP_FIX
        ? [{ title: l10n.t('Use this placement for every layer of group "{0}"', groupId), edits: groupPlacementEdits(text, layout, layer) }]
        : undefined;
      report('layout/group-mismatch', layer.positionAt, l10n.t('The layers of group "{0}" share their placement across shots, but they are placed in {1} different ways; this one at x {2}, y {3}.',
        groupId, keys.size, layer.x, layer.y), fixes);
    }
  }
}

/** Every layout check of a script's layout. */
export function layoutChecks(text: string, layout: Layout, report: LayoutReport): void {
  for (const frame of layout.frames) {
    for (const layer of frame.layers) {
      checkCanvas(text, layout, layer, report);
      checkVideoRotation(text, layer, report);
    }
    checkLayerIndices(text, frame, report);
    checkAvatarCovered(frame, report);
  }
  checkGroups(text, layout, report);
}
