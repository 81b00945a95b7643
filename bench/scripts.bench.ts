/**
 * The full lint of a 100-shot video script (1,000-character SSML texts) against VS Code's own JSON
 * language service on the same document: parse + doValidation with the same schemas. Target: ratio
 * of medians ≤ 2, although the lint checks far more (cross-field rules, SSML); see
 * docs/decisions/lint-performance.md. And the editor's lint (durations counted, polyphones marked)
 * against the lint without polyphones, and without either: target ≤ 1.2.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getLanguageService, TextDocument } from 'vscode-json-languageservice';
import { scriptKinds } from '../src/core/scripts/kinds';
import { analyzeScript, validateScript } from '../src/core/scripts/validate';
import { compare, formatComparison } from './harness';

const input = join(__dirname, 'fixtures/video-100-shots.video.json');

function jsonLanguageService() {
  const service = getLanguageService({
    schemaRequestService: async (uri) => readFileSync(new URL(uri), 'utf8'),
    workspaceContext: { resolveRelativePath: (relative, resource) => new URL(relative, resource).href },
  });
  const { schema, suffix } = scriptKinds.video;
  const schemaUri = pathToFileURL(join(__dirname, '../schemas', schema.file)).href;
  service.configure({ validate: true, schemas: [{ uri: schemaUri, fileMatch: [`*${suffix}`] }] });
  return service;
}

export async function run(): Promise<string[]> {
  const text = readFileSync(input, 'utf8');
  const service = jsonLanguageService();
  const lintDiagnostics = validateScript(text, 'video');
  // A new text each run, as after an edit: more texts than the parse cache keeps (parse.ts), so that
  // no run reuses the parse of an earlier one.
  let edits = 0;
  const edited = () => `${text}${' '.repeat(++edits % 8)}`;
  const document = TextDocument.create('file:///bench/video-100-shots.video.json', 'json', 1, text);
  const serviceDiagnostics = await service.doValidation(document, service.parseJSONDocument(document));
  const comparison = await compare(
    'scripts: lint of a 100-shot video script (1,000-char SSML texts)',
    { name: 'validateScript', run: () => validateScript(edited(), 'video') },
    {
      name: 'json-languageservice parse+doValidation',
      run: () => {
        const doc = TextDocument.create('file:///bench/video-100-shots.video.json', 'json', 1, text);
        return service.doValidation(doc, service.parseJSONDocument(doc));
      },
    },
    { runs: 40, target: 2 },
  );
  const analysis = analyzeScript(text, 'video', { polyphones: 'hint' });
  const editor = { name: 'analyzeScript, polyphones hint', run: () => analyzeScript(edited(), 'video', { polyphones: 'hint' }) };
  const polyphonesComparison = await compare(
    'scripts: the lint with polyphones marked, against the same without them (durations counted in both)',
    editor,
    { name: 'analyzeScript, polyphones off', run: () => analyzeScript(edited(), 'video') },
    { runs: 60, target: 1.2, clock: 'cpu', repeat: 3 },
  );
  const editorComparison = await compare(
    'scripts: the editor\'s lint (durations counted, polyphones marked) against the lint without either',
    editor,
    { name: 'validateScript', run: () => validateScript(edited(), 'video') },
    { runs: 60, target: 1.2, clock: 'cpu', repeat: 3 },
  );
  const polyphones = analysis.diagnostics.filter((d) => d.code === 'ssml/polyphone').length;
  return [
    formatComparison(comparison),
    `  input ${(text.length / 1024).toFixed(0)} KiB, SSML of every text linted; diagnostics: lint ${lintDiagnostics.length} (${lintDiagnostics.map((d) => d.code).join(', ')}), language service ${serviceDiagnostics.length}`,
    formatComparison(polyphonesComparison),
    formatComparison(editorComparison),
    `  ${analysis.shots.length} shots counted, ${polyphones} polyphones marked`,
  ];
}
