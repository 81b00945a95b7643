/** Text layers as people read them: `text_context` decoded from Base64, and written back encoded. */
import type { TextEdit } from '../diagnostics';
import type { ScriptKind } from '../scripts/kinds';
import { encodeBase64Text, frameAt, layoutOf, type LayerBox, type Span } from './model';

export interface TextLayerAt {
  readonly layer: LayerBox;
  /** The `text_context` string literal, quotes included. */
  readonly at: Span;
  /** Its decoded text; undefined when it is not Base64-encoded UTF-8. */
  readonly text: string | undefined;
}

/** The TEXT layer whose `text_context` string holds `offset`. */
export function textLayerAt(text: string, kind: ScriptKind, offset: number): TextLayerAt | undefined {
  const layout = layoutOf(text, kind);
  const frame = frameAt(layout, offset);
  for (const layer of frame?.layers ?? []) {
    const at = layer.text?.textContextAt;
    if (at && offset >= at.offset && offset <= at.offset + at.length) return { layer, at, text: layer.text!.text };
  }
  return undefined;
}

/** The edit that writes `plain` as the Base64 `text_context` at `at`. */
export function textContextEdit(at: Span, plain: string): TextEdit {
  return { start: at.offset, end: at.offset + at.length, newText: JSON.stringify(encodeBase64Text(plain)) };
}
