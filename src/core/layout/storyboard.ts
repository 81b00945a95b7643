/**
 * A storyboard of a script: every shot (video) or scene (live) drawn as SVG, with its number, the
 * first words of its text, its spoken duration and its problem count; and a contact sheet
 * (index.html) that shows them in order, offline. `metastudio storyboard` writes these files, the
 * Storyboard view shows the same (docs/layout.md, "Storyboard").
 */
import * as l10n from '@vscode/l10n';
import type { CoreDiagnostic } from '../diagnostics';
import { formatSeconds, type ShotDuration } from '../scripts/durations';
import { frameAt, type Frame, type Layout } from './model';
import { escapeXml, frameSvg, type SvgOptions } from './svg';

export interface StoryboardSheet {
  /** `shot-01.svg`, `scene-01.svg`… */
  readonly file: string;
  readonly frame: Frame;
  readonly svg: string;
  readonly excerpt: string;
  readonly duration: FrameDuration | undefined;
  readonly errors: number;
  readonly warnings: number;
}

/** How long a frame speaks: its texts' durations added up; measured when every one of them is. */
export interface FrameDuration {
  readonly seconds: number;
  readonly measured: boolean;
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
export function problemCounts(layout: Layout, diagnostics: readonly CoreDiagnostic[]): { errors: number[]; warnings: number[] } {
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

/**
 * Each frame's duration, from the shot durations of the script (what the editor's duration lenses
 * show): a video shot has one text, a live scene the sum of its shots'; undefined for a frame without
 * text. Texts outside every frame (a live room's replies) count for none.
 */
export function frameDurations(layout: Layout, shots: readonly ShotDuration[]): (FrameDuration | undefined)[] {
  const durations: (FrameDuration | undefined)[] = layout.frames.map(() => undefined);
  for (const shot of shots) {
    const frame = frameAt(layout, shot.text.start);
    if (!frame) continue;
    const known = durations[frame.index];
    durations[frame.index] = { seconds: (known?.seconds ?? 0) + shot.seconds, measured: (known?.measured ?? true) && shot.measuredSeconds !== undefined };
  }
  return durations;
}

/** `≈ 8.0 s`, or `8.0 s (measured)`: as the duration lens writes it. */
export function durationText(duration: FrameDuration): string {
  return duration.measured ? l10n.t('{0} (measured)', formatSeconds(duration.seconds)) : `≈ ${formatSeconds(duration.seconds)}`;
}

/** The same in words, for a screen reader: `about 8 seconds`, `1 minute 5 seconds, measured`. */
export function durationInWords(duration: FrameDuration): string {
  const whole = duration.seconds > 0 ? Math.max(1, Math.round(duration.seconds)) : 0;
  const minutes = Math.floor(whole / 60);
  const rest = whole % 60;
  const seconds = rest === 1 ? l10n.t('{0} second', rest) : l10n.t('{0} seconds', rest);
  const words = minutes === 0 ? seconds
    : [minutes === 1 ? l10n.t('{0} minute', minutes) : l10n.t('{0} minutes', minutes), ...(rest ? [seconds] : [])].join(' ');
  return duration.measured ? l10n.t('{0}, measured', words) : l10n.t('about {0}', words);
}

/**
 * `shots`: the script's shot durations, where known (see frameDurations).
 */
export function storyboardSheets(layout: Layout, diagnostics: readonly CoreDiagnostic[], shots: readonly ShotDuration[] = [], options: SvgOptions = {}): StoryboardSheet[] {
  const { errors, warnings } = problemCounts(layout, diagnostics);
  const durations = frameDurations(layout, shots);
  return layout.frames.map((frame) => ({
    file: sheetFileName(layout, frame),
    frame,
    svg: frameSvg(layout, frame, { standalone: true, guides: true, ...options }),
    excerpt: excerptOf(frame.text),
    duration: durations[frame.index],
    errors: errors[frame.index],
    warnings: warnings[frame.index],
  }));
}

export function frameTitle(layout: Layout, frame: Frame): string {
  return layout.frameNoun === 'scene' ? l10n.t('Scene {0}', frame.index + 1) : l10n.t('Shot {0}', frame.index + 1);
}

/** `12 shots`, `1 scene`. */
export function frameCountText(layout: Layout): string {
  const count = layout.frames.length;
  if (layout.frameNoun === 'scene') return count === 1 ? l10n.t('1 scene') : l10n.t('{0} scenes', count);
  return count === 1 ? l10n.t('1 shot') : l10n.t('{0} shots', count);
}

export function problemsText(errors: number, warnings: number): string {
  if (!errors && !warnings) return l10n.t('no problems');
  const parts = [];
  if (errors) parts.push(errors === 1 ? l10n.t('1 error') : l10n.t('{0} errors', errors));
  if (warnings) parts.push(warnings === 1 ? l10n.t('1 warning') : l10n.t('{0} warnings', warnings));
  return parts.join(', ');
}

/** What a storyboard item is called by a screen reader: `Shot 3 of 12: "Welcome to…", about 8 seconds, 1 error`. */
export function storyboardItemName(layout: Layout, frame: Frame, item: { readonly excerpt: string; readonly duration: FrameDuration | undefined; readonly errors: number; readonly warnings: number }): string {
  const parts = [
    ...(item.excerpt ? [l10n.t('"{0}"', item.excerpt)] : []),
    ...(item.duration ? [durationInWords(item.duration)] : []),
    problemsText(item.errors, item.warnings),
  ];
  return l10n.t('{0}: {1}', l10n.t('{0} of {1}', frameTitle(layout, frame), layout.frames.length), parts.join(', '));
}

/** The contact sheet: the sheets in order, each with its title, excerpt and problems; no script, no remote resource. */
export function contactSheetHtml(title: string, language: string, layout: Layout, sheets: readonly StoryboardSheet[]): string {
  const ratio = `${layout.canvas.width} / ${layout.canvas.height}`;
  const items = sheets.map((sheet) => `<li>
  <figure>
    <img src="${escapeXml(sheet.file)}" alt="${escapeXml(l10n.t('Layout of {0}', frameTitle(layout, sheet.frame)))}">
    <figcaption><strong>${escapeXml(frameTitle(layout, sheet.frame))}</strong> · ${sheet.duration ? `${escapeXml(durationText(sheet.duration))} · ` : ''}${escapeXml(problemsText(sheet.errors, sheet.warnings))}<br>${escapeXml(sheet.excerpt)}</figcaption>
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
