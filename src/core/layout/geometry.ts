/** Boxes on the canvas: where a rotated box reaches, and how much two boxes overlap. */
import type { Box } from './model';

/** The smallest upright box holding `box` turned by `degrees` about its centre. */
export function rotatedBounds(box: Box, degrees: number): Box {
  if (!degrees || degrees % 180 === 0) return box;
  const radians = (degrees * Math.PI) / 180;
  const cos = Math.abs(Math.cos(radians));
  const sin = Math.abs(Math.sin(radians));
  const w = box.w * cos + box.h * sin;
  const h = box.w * sin + box.h * cos;
  return { x: box.x + (box.w - w) / 2, y: box.y + (box.h - h) / 2, w, h };
}

/** The area two upright boxes share. */
export function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** `inside`: wholly within `area`; `outside`: sharing no area with it; else `partly` (for boxes of some area). */
export function containment(box: Box, area: Box): 'inside' | 'partly' | 'outside' {
  if (box.x >= area.x && box.y >= area.y && box.x + box.w <= area.x + area.w && box.y + box.h <= area.y + area.h) return 'inside';
  return overlapArea(box, area) > 0 ? 'partly' : 'outside';
}
