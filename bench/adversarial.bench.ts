/**
 * Hostile input lints in linear time. Each adversarial file of 1 MiB is linted as
 * the CLI and the editor lint it (`lintFile`, diagnostics capped per code) and compared with the lint
 * of a benign 1 MiB video script; target: ratio of medians ≤ 3. Growth tables show the time per
 * character staying flat from 64 Ki to 4 Mi characters. Times are CPU times: on a machine shared with
 * other work, elapsed times grow with the wait for a core, the more so for the side that allocates more.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintFile } from '../src/core/lint/lintFile';
import { compare, formatComparison, growth } from './harness';

const MiB = 1024 * 1024;

/** `unit` repeated to exactly `size` characters. */
function fill(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

/** A video script of 100 shots whose texts are 10,000 characters of the bench fixture's SSML: about 1 MiB. */
export function benignScript(): string {
  const script = JSON.parse(readFileSync(join(__dirname, 'fixtures/video-100-shots.video.json'), 'utf8')) as {
    shoot_scripts: { shoot_script: { text_config: { text: string } } }[];
  };
  const body = script.shoot_scripts.map((s) => s.shoot_script.text_config.text.slice('<speak>'.length, -'</speak>'.length)).join('');
  for (const [i, shot] of script.shoot_scripts.entries()) {
    // Cut after a sentence so that every tag stays whole.
    const from = body.indexOf('。', (i * 997) % body.length) + 1;
    const text = (body.slice(from) + body).slice(0, 9_000);
    shot.shoot_script.text_config.text = `<speak>${text.slice(0, text.lastIndexOf('。') + 1)}</speak>`;
  }
  return JSON.stringify(script, null, 2);
}

/** A video script whose one shot text is `text`, as a hostile file would hold it. */
function inScript(text: string): string {
  return JSON.stringify({ script_name: 'x', shoot_scripts: [{ sequence_no: 0, shoot_script: { script_type: 'TEXT', text_config: { text } } }] });
}

/** A JSON document of about `size` characters whose one text is the literal content `escaped` repeated (whole). */
function escapedScript(escaped: string, size: number): string {
  const empty = inScript('');
  return empty.replace('"text":""', () => `"text":"${escaped.repeat(Math.floor((size - empty.length) / escaped.length))}"`);
}

/**
 * A new string for each run (trailing spaces, eight variants): a script's parse is cached by its
 * text, as for an editor's readers, and an edit makes a new text.
 */
function edited(text: string, file: string): () => string {
  let runs = 0;
  return () => (file.endsWith('.json') ? text + ' '.repeat(++runs % 8) : text);
}

interface Adversary {
  readonly name: string;
  readonly file: string;
  readonly make: (size: number) => string;
}

const adversaries: Adversary[] = [
  { name: 'all "<"', file: 'a.ssml', make: (n) => fill('<', n) },
  { name: 'runs of "<" closed by one ">"', file: 'a.ssml', make: (n) => fill('<<<<<<<<x>', n) },
  { name: '"<a <a <a" (tags never closed)', file: 'a.ssml', make: (n) => fill('<a ', n) },
  { name: 'unknown elements "<a>" never closed', file: 'a.ssml', make: (n) => `<speak>${fill('<a>', n - 7)}` },
  { name: 'deep nesting of <emotion>', file: 'a.ssml', make: (n) => `<speak>${fill('<emotion type="SAD">x', n - 7)}` },
  { name: 'unterminated attribute values', file: 'a.ssml', make: (n) => `<speak>${fill('<b a="', n - 7)}` },
  { name: 'unterminated quotes in one tag', file: 'a.ssml', make: (n) => `<speak><break time='${fill("x '", n - 20)}` },
  { name: 'an unterminated comment', file: 'a.ssml', make: (n) => `<speak><!--${fill('<a x="', n - 11)}` },
  { name: 'attributes without values', file: 'a.ssml', make: (n) => `<speak><break${fill(' a', n - 13)}` },
  { name: '"&&&&"', file: 'a.ssml', make: (n) => `<speak>${fill('&', n - 7)}` },
  { name: 'bad entities "&x;"', file: 'a.ssml', make: (n) => `<speak>${fill('&x;', n - 7)}` },
  { name: 'stray closing tags', file: 'a.ssml', make: (n) => `<speak>${fill('</sub>', n - 7)}` },
  { name: 'NUL characters', file: 'a.ssml', make: (n) => `<speak>${fill('\u0000', n - 7)}` },
  { name: 'script: a text of all "<"', file: 'a.video.json', make: (n) => inScript(fill('<', n - 100)) },
  { name: 'script: the SDK\'s escapes (\\u003c, \\u003e, \\u0026) run long', file: 'a.video.json', make: (n) => escapedScript('\\u003cb\\u003e\\u0026', n) },
  { name: 'script: a JSON string of \\"', file: 'a.video.json', make: (n) => escapedScript('\\"', n) },
  { name: 'script: a text of unclosed tags, quotes escaped', file: 'a.video.json', make: (n) => escapedScript('<b a=\\"', n) },
];

export async function run(): Promise<string[]> {
  const benign = benignScript();
  const lines = [`adversarial lint: benign baseline ${(benign.length / 1024).toFixed(0)} KiB video script, ${lintFile('b.video.json', benign).length} diagnostics`];
  for (const a of adversaries) {
    const input = a.make(MiB);
    const diagnostics = lintFile(a.file, input);
    const subject = edited(input, a.file);
    const baseline = edited(benign, 'b.video.json');
    const comparison = await compare(
      `adversarial lint (CPU time), ${a.name}`,
      { name: `lint of ${(input.length / 1024).toFixed(0)} KiB ${a.file}`, run: () => lintFile(a.file, subject()) },
      { name: 'benign script', run: () => lintFile('b.video.json', baseline()) },
      { runs: 8, warmup: 2, target: 3, clock: 'cpu' },
    );
    lines.push(formatComparison(comparison), `  ${diagnostics.length} diagnostics listed (${new Set(diagnostics.map((d) => d.code)).size} codes)`);
    lines.push(growth(`  growth (CPU time), ${a.name}`, [64 * 1024, 256 * 1024, MiB, 4 * MiB], (n) => {
      const text = edited(a.make(n), a.file);
      return () => lintFile(a.file, text());
    }, 5, 'cpu'));
  }
  return lines;
}
