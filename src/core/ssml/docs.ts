/** Markdown for elements and attributes, shared by completion and hover. */
import * as l10n from '@vscode/l10n';
import type { AttributeSpec, ElementSpec } from './dialect';

export function elementMarkdown(element: ElementSpec): string {
  const lines = [element.doc()];
  if (element.attributes.length > 0) {
    lines.push('', l10n.t('Attributes:'));
    for (const a of element.attributes) {
      lines.push(`- \`${a.name}\`${a.required ? ` (${l10n.t('mandatory')})` : ''}: ${a.doc()}`);
    }
  }
  if (!element.inVideo) lines.push('', l10n.t('No effect in video production (livestreaming only).'));
  return lines.join('\n');
}

export function attributeMarkdown(element: ElementSpec, attribute: AttributeSpec): string {
  const lines = [`\`${element.name} ${attribute.name}\`${attribute.required ? ` (${l10n.t('mandatory')})` : ''}: ${attribute.doc()}`];
  if (attribute.kind === 'enum') {
    lines.push('', ...attribute.values.map((v) => `- \`${v.value}\`: ${v.doc()}`));
  }
  return lines.join('\n');
}
