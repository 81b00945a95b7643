/** Hover documentation for MetaStudio SSML tags, attributes and values, editor-free. */
import * as l10n from '@vscode/l10n';
import { attributeSpec, canonicalName, elementSpec } from './dialect';
import { attributeMarkdown, elementMarkdown } from './docs';
import { locate } from './locate';
import type { SsmlHover } from './types';
import { parseDuration } from './values';

export function ssmlHover(text: string, offset: number): SsmlHover | undefined {
  try {
    if (typeof text !== 'string' || !(offset >= 0 && offset <= text.length)) return undefined;
    return hover(text, offset);
  } catch {
    return undefined;
  }
}

function hover(text: string, offset: number): SsmlHover | undefined {
  // The pointer is on the character after `offset`: look at offset + 1 so that a name's first character counts.
  const { spot } = locate(text, Math.min(offset + 1, text.length));
  switch (spot.kind) {
    case 'tag-name':
    case 'close-name': {
      const [name, start, end] = spot.kind === 'tag-name' ? [spot.tag.name, spot.tag.nameStart, spot.tag.nameEnd] : [spot.name, spot.start, spot.end];
      const spec = elementSpec(canonicalName(name));
      return spec ? { markdown: elementMarkdown(spec), start, end } : undefined;
    }
    case 'attribute-name':
    case 'attribute-value': {
      const element = elementSpec(canonicalName(spot.tag.name));
      const attr = element && attributeSpec(element, spot.attribute.name);
      if (!element || !attr) return undefined;
      const { attribute } = spot;
      if (spot.kind === 'attribute-name') return { markdown: attributeMarkdown(element, attr), start: attribute.nameStart, end: attribute.nameEnd };
      const value = attribute.value ?? '';
      const known = attr.values.find((v) => v.value === value);
      const duration = attr.kind === 'duration' ? parseDuration(value) : undefined;
      const markdown = known && attr.kind === 'enum'
        ? `\`${value}\`: ${known.doc()}`
        : duration
          ? l10n.t('{0} = {1} ms', value, duration.ms)
          : attributeMarkdown(element, attr);
      return { markdown, start: attribute.valueStart, end: attribute.valueEnd };
    }
    default:
      return undefined;
  }
}
