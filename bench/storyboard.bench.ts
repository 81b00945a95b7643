/**
 * `metastudio storyboard` of a 50-shot video script (three layers a shot) against `lint` of the same
 * text in the same process: the storyboard lints too (for each shot's problem count and duration),
 * then lays out and draws every shot and the contact sheet. Target: ratio of medians of CPU time ≤ 1.5
 * (both sides are synchronous: a busy machine's waits do not count). Then the
 * growth of the layout, drawing, layout checks and lint of one shot from 2,000 to 20,000 layers: linear.
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
import { manyLayers } from '../test/unit/layout/support';
import { compare, formatComparison, growth } from './harness';

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

export async function run(): Promise<string[]> {
  const text = fiftyShots();
  let edits = 0;
  // A new text each run, as after an edit: the parse shared by a document's readers is not reused.
  const edited = () => `${text}${' '.repeat(++edits % 2)}`;
  const comparison = await compare(
    'storyboard: 50-shot video script, storyboard (lint + layout + SVG + contact sheet) vs lint',
    { name: 'storyboard', run: () => storyboard(edited()) },
    { name: 'validateScript', run: () => validateScript(edited(), 'video') },
    { runs: 30, target: 1.5, clock: 'cpu' },
  );
  // A text never seen before on every call: no parse or layout is served from a cache.
  const anew = (text: string) => `{"run":${++edits},${text.slice(1)}`;
  const shotOf = (count: number) => JSON.stringify({ shoot_scripts: [{ shoot_script: { layer_config: manyLayers(count) } }] });
  // Linear work shows a flat time per layer from 2,000 to 20,000 layers; quadratic work ten times more.
  const perLayer = (name: string, make: (text: string) => () => unknown) => growth(`${name}, one shot of N layers`, [2_000, 20_000], (count) => make(shotOf(count)), 5, 'cpu');
  return [
    formatComparison(comparison),
    perLayer('layout', (text) => () => layoutOf(anew(text), 'video')),
    perLayer('SVG', (text) => { const layout = layoutOf(text, 'video'); return () => frameSvg(layout, layout.frames[0]); }),
    perLayer('layout checks', (text) => { const layout = layoutOf(text, 'video'); return () => layoutChecks(text, layout, () => undefined); }),
    perLayer('whole lint', (text) => () => validateScript(anew(text), 'video')),
  ];
}
