/**
 * Issue 3, point 8: the full lint of a 100-shot video script (1,000-character SSML texts) against
 * VS Code's own JSON language service on the same document: parse + doValidation with the same
 * schemas. Target: ratio of medians ≤ 2, although the lint checks far more (cross-field rules, SSML).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { getLanguageService, TextDocument } from 'vscode-json-languageservice';
import { scriptSchemaFile } from '../src/core/scripts/schemas';
import { validateScript } from '../src/core/scripts/validate';
import { formatComparison, type Comparison } from './harness';

const runs = 40;
const warmup = 5;
const input = join(__dirname, 'fixtures/video-100-shots.video.json');

function jsonLanguageService() {
  const service = getLanguageService({
    schemaRequestService: async (uri) => readFileSync(new URL(uri), 'utf8'),
    workspaceContext: { resolveRelativePath: (relative, resource) => new URL(relative, resource).href },
  });
  const schemaUri = pathToFileURL(join(__dirname, '../schemas', scriptSchemaFile.video)).href;
  service.configure({ validate: true, schemas: [{ uri: schemaUri, fileMatch: ['*.video.json'] }] });
  return service;
}

function quantile(sorted: number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  return sorted[Math.floor(pos)] + (sorted[Math.ceil(pos)] - sorted[Math.floor(pos)]) * (pos - Math.floor(pos));
}

/**
 * harness.compare() for a baseline that is asynchronous (doValidation returns a promise): the same
 * interleaved runs, alternating which side goes first, medians and p10–p90 of the per-run ratios.
 */
async function compareWithAsyncBaseline(name: string, subject: { name: string; run: () => unknown }, baseline: { name: string; run: () => PromiseLike<unknown> }): Promise<Comparison> {
  const timeSubject = () => { const t = performance.now(); subject.run(); return performance.now() - t; };
  const timeBaseline = async () => { const t = performance.now(); await baseline.run(); return performance.now() - t; };
  for (let i = 0; i < warmup; i++) { timeSubject(); await timeBaseline(); }
  const s: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) { s.push(timeSubject()); b.push(await timeBaseline()); }
    else { b.push(await timeBaseline()); s.push(timeSubject()); }
  }
  const sorted = (xs: number[]) => [...xs].sort((x, y) => x - y);
  const ratios = sorted(s.map((v, i) => v / b[i]));
  const sMed = quantile(sorted(s), 0.5);
  const bMed = quantile(sorted(b), 0.5);
  return { name, subject: subject.name, baseline: baseline.name, runs, subjectMedianMs: sMed, baselineMedianMs: bMed, ratio: sMed / bMed, spread: [quantile(ratios, 0.1), quantile(ratios, 0.9)], target: 2 };
}

export async function run(): Promise<string[]> {
  const text = readFileSync(input, 'utf8');
  const service = jsonLanguageService();
  const lintDiagnostics = validateScript(text, 'video');
  const document = TextDocument.create('file:///bench/video-100-shots.video.json', 'json', 1, text);
  const serviceDiagnostics = await service.doValidation(document, service.parseJSONDocument(document));
  const comparison = await compareWithAsyncBaseline(
    'scripts: lint of a 100-shot video script (1,000-char SSML texts)',
    { name: 'validateScript', run: () => validateScript(text, 'video') },
    {
      name: 'json-languageservice parse+doValidation',
      run: () => {
        const doc = TextDocument.create('file:///bench/video-100-shots.video.json', 'json', 1, text);
        return service.doValidation(doc, service.parseJSONDocument(doc));
      },
    },
  );
  return [
    formatComparison(comparison),
    `  input ${(text.length / 1024).toFixed(0)} KiB, SSML of every text linted; diagnostics: lint ${lintDiagnostics.length} (${lintDiagnostics.map((d) => d.code).join(', ')}), language service ${serviceDiagnostics.length}`,
  ];
}
