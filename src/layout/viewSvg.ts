/**
 * A frame as the extension's webviews draw it: the layout view's frame and the storyboard's
 * thumbnails are one drawing with one set of options, so that what one shows the other does too.
 */
import type { Frame, Layout } from '../core/layout/model';
import { frameSvg, type SvgOptions } from '../core/layout/svg';

export function viewFrameSvg(layout: Layout, frame: Frame, image?: SvgOptions['image']): string {
  return frameSvg(layout, frame, { guides: true, image });
}
