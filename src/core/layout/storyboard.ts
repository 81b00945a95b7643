/**
 * A storyboard of a script: every shot (video) or scene (live) drawn as SVG, with its number, the
 * first words of its text and its problem count; and a contact sheet (index.html) that shows them in
 * order, offline. `metastudio storyboard` writes these files (docs/layout.md, "Storyboard").
 */
import * as l10n from '@vscode/l10n';
import type { CoreDiagnostic } from '../diagnostics';
import { frameAt, type Frame, type Layout } from './model';
import { escapeXml, frameSvg, type SvgOptions } from './svg';

export interface StoryboardSheet {
  /** `shot-01.svg`, `scene-01.svg`… */
  readonly file: string;
  readonly frame: Frame;
  readonly svg: string;
  readonly excerpt: string;
  readonly errors: number;
  readonly warnings: number;
}

/** The names of the files a storyboard writes, and nothing else: what it may replace in its folder. */
export const storyboardFilePattern = /^(?:(?:shot|scene)-\d{2,}\.svg|index\.html)$/;

const EXCERPT_LENGTH = 80;

/** The first words of a text, cut at a word where one is near. */
export function excerptOf(text: string | undefined): string {
  if (!text) return '';
  if (text.length <= EXCERPT_LENGTH) return text;
  const cut = text.slice(0, EXCERPT_LENGTH);
  const space = cut.lastIndexOf(' ');
  return `${space > EXCERPT_LENGTH / 2 ? cut.slice(0, space) : cut}…`;
}

export function sheetFileName(layout: Layout, frame: Frame): string {
  const digits = Math.max(2, String(layout.frames.length).length);
  return `${layout.frameNoun}-${String(frame.index + 1).padStart(digits, '0')}.svg`;
}

/** Each frame's errors and warnings, by the frame that holds the diagnostic's start. */
function problemCounts(layout: Layout, diagnostics: readonly CoreDiagnostic[]): { errors: number[]; warnings: number[] } {
  const errors = layout.frames.map(() => 0);
  const warnings = layout.frames.map(() => 0);
  for (const d of diagnostics) {
    const frame = frameAt(layout, d.start);
    if (!frame) continue;
    if (d.severity === 'error') errors[frame.index]++;
    else if (d.severity === 'warning') warnings[frame.index]++;
  }
  return { errors, warnings };
}

export function storyboardSheets(layout: Layout, diagnostics: readonly CoreDiagnostic[], options: SvgOptions = {}): StoryboardSheet[] {
  const { errors, warnings } = problemCounts(layout, diagnostics);
  return layout.frames.map((frame) => ({
    file: sheetFileName(layout, frame),
    frame,
    svg: frameSvg(layout, frame, { standalone: true, guides: true, ...options }),
    excerpt: excerptOf(frame.text),
    errors: errors[frame.index],
    warnings: warnings[frame.index],
  }));
}

export function frameTitle(layout: Layout, frame: Frame): string {
  return layout.frameNoun === 'scene' ? l10n.t('Scene {0}', frame.index + 1) : l10n.t('Shot {0}', frame.index + 1);
}

export function problemsText(errors: number, warnings: number): string {
  if (!errors && !warnings) return l10n.t('no problems');
  const parts = [];
  if (errors) parts.push(errors === 1 ? l10n.t('1 error') : l10n.t('{0} errors', errors));
  if (warnings) parts.push(warnings === 1 ? l10n.t('1 warning') : l10n.t('{0} warnings', warnings));
  return parts.join(', ');
}

/** The contact sheet: the sheets in order, each with its title, excerpt and problems; no script, no remote resource. */
export function contactSheetHtml(title: string, language: string, layout: Layout, sheets: readonly StoryboardSheet[]): string {
  const ratio = `${layout.canvas.width} / ${layout.canvas.height}`;
  const items = sheets.map((sheet) => `<li>
  <figure>
    <img src="${escapeXml(sheet.file)}" alt="${escapeXml(l10n.t('Layout of {0}', frameTitle(layout, sheet.frame)))}">
    <figcaption><strong>${escapeXml(frameTitle(layout, sheet.frame))}</strong> · ${escapeXml(problemsText(sheet.errors, sheet.warnings))}<br>${escapeXml(sheet.excerpt)}</figcaption>
  </figure>
</li>`).join('\n');
  return `<!DOCTYPE html>
<html lang="${escapeXml(language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeXml(title)}</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 24px; color: #1e1e1e; background: #ffffff; }
  ol { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(${layout.canvas.viewMode === 'VERTICAL' ? 180 : 320}px, 1fr)); gap: 20px; }
  img { width: 100%; aspect-ratio: ${ratio}; display: block; border: 1px solid #8a8a8a; }
  figure { margin: 0; }
  figcaption { margin-top: 6px; font-size: 14px; line-height: 1.4; }
</style>
</head>
<body>
<h1>${escapeXml(title)}</h1>
<ol>
${items}
</ol>
</body>
</html>
`;
}
