/**
 * `metastudio storyboard` of a 50-shot video script (three layers a shot) against `lint` of the same
 * text in the same process: the storyboard lints too (for each shot's problem count and duration), then lays out
 * and draws every shot and the contact sheet. Target: ratio of medians ≤ 1.5. Then the layout,
 * drawing and layout checks of one shot with 20,000 layers, which must stay linear.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { layoutChecks } from '../src/core/layout/checks';
import { layoutOf, layoutOfTree } from '../src/core/layout/model';
import { contactSheetHtml, storyboardSheets } from '../src/core/layout/storyboard';
import { frameSvg } from '../src/core/layout/svg';
import { parseScript } from '../src/core/scripts/parse';
import { scriptDuration } from '../src/core/scripts/durations';
import { analyzeScript, validateScript } from '../src/core/scripts/validate';
import { compare, formatComparison } from './harness';

const source = JSON.parse(readFileSync(join(__dirname, 'fixtures/video-100-shots.video.json'), 'utf8')) as { shoot_scripts: { shoot_script: Record<string, unknown> }[] };

/** The first 50 shots of the 100-shot fixture, each with an avatar, a logo and a caption. */
function fiftyShots(): string {
  const shots = source.shoot_scripts.slice(0, 50).map((item, i) => ({
    ...item,
    shoot_script: {
      ...item.shoot_script,
      layer_config: [
        { layer_type: 'HUMAN', position: { dx: 660, dy: 120, layer_index: 1 }, size: { width: 600, height: 960 } },
        { layer_type: 'IMAGE', group_id: 'logo', position: { dx: 40, dy: 40, layer_index: 2 }, size: { width: 200, height: 100 }, image_config: { image_url: 'https://example.com/logo.png' } },
        { layer_type: 'TEXT', position: { dx: 80, dy: 900 - (i % 5) * 10, layer_index: 3 }, text_config: { text_context: Buffer.from(`第 ${i + 1} 段`).toString('base64'), font_size: 40 } },
      ],
    },
  }));
  return JSON.stringify({ ...source, shoot_scripts: shots }, null, 2);
}

function storyboard(text: string): number {
  const { diagnostics, shots } = analyzeScript(text, 'video');
  const layout = layoutOfTree(parseScript(text).root, 'video');
  const sheets = storyboardSheets(layout, diagnostics, scriptDuration(shots).shots);
  return contactSheetHtml('bench.video.json', 'en', layout, sheets).length + sheets.length;
}

function time(run: () => unknown): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

export async function run(): Promise<string[]> {
  const text = fiftyShots();
  let edits = 0;
  // A new text each run, as after an edit: the parse shared by a document's readers is not reused.
  const edited = () => `${text}${' '.repeat(++edits % 2)}`;
  const comparison = await compare(
    'storyboard: 50-shot video script, storyboard (lint + layout + SVG + contact sheet) vs lint',
    { name: 'storyboard', run: () => storyboard(edited()) },
    { name: 'validateScript', run: () => validateScript(edited(), 'video') },
    { runs: 30, target: 1.5 },
  );
  const many = JSON.stringify({ shoot_scripts: [{ shoot_script: { layer_config: Array.from({ length: 20_000 }, (_, i) => ({
    layer_type: 'IMAGE', position: { dx: (i * 37) % 1900, dy: (i * 11) % 1000, layer_index: 1 + (i % 7) }, size: { width: 10 + (i % 50), height: 10 },
  })) } }] });
  parseScript(many);
  const layout = layoutOf(many, 'video');
  const timings = {
    layout: time(() => layoutOf(`${many} `, 'video')),
    svg: time(() => frameSvg(layout, layout.frames[0])),
    checks: time(() => layoutChecks(many, layout, () => undefined)),
    lint: time(() => validateScript(`${many}  `, 'video')),
  };
  return [
    formatComparison(comparison),
    `  20,000 layers in one shot: layout ${timings.layout.toFixed(0)} ms, SVG ${timings.svg.toFixed(0)} ms, layout checks ${timings.checks.toFixed(0)} ms, whole lint ${timings.lint.toFixed(0)} ms`,
  ];
}
