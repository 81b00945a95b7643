/**
 * The design record lives in the repository: every `docs/decisions/*.md` that code, tests or docs
 * cite exists, nothing cites a decision list or an issue tracker a clone cannot see, and the
 * index lists every record.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const root = join(__dirname, '../../..');
const recordDir = join(root, 'docs/decisions');
const folders = ['src', 'test', 'bench', 'scripts', 'schemas', 'docs', 'webview'];
const rootFiles = ['README.md', 'CHANGELOG.md', 'package.json', 'eslint.config.mjs', 'esbuild.mjs'];
const textFile = /\.(ts|mts|cts|js|mjs|cjs|json|md|sh|ssml|html|css)$/;
const self = relative(root, __filename).split(sep).join('/');

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : walk(path);
    return textFile.test(entry.name) ? [path] : [];
  });
}

/** Repository-relative POSIX path -> text, for every file that may cite a record. */
const sources = new Map(
  [...folders.filter((f) => existsSync(join(root, f))).flatMap((f) => walk(join(root, f))), ...rootFiles.map((f) => join(root, f))]
    .filter((path) => existsSync(path) && statSync(path).isFile())
    .map((path) => [relative(root, path).split(sep).join('/'), readFileSync(path, 'utf8')] as const)
    .filter(([path]) => path !== self),
);
const records = readdirSync(recordDir).filter((f) => f.endsWith('.md') && f !== 'README.md').sort();

/** Each line of `text` that matches `pattern`, as `path:line: text`. */
function linesMatching(path: string, text: string, pattern: RegExp): string[] {
  return text.split('\n').flatMap((line, i) => (pattern.test(line) ? [`${path}:${i + 1}: ${line.trim()}`] : []));
}

describe('the design record (docs/decisions)', () => {
  it('has every record that something cites', () => {
    const missing: string[] = [];
    for (const [path, text] of sources) {
      const cited = [...text.matchAll(/docs\/decisions\/([\w.-]+\.md)/g)].map((m) => m[1]);
      // Records and the index link each other by bare file name.
      if (path.startsWith('docs/decisions/')) cited.push(...[...text.matchAll(/\]\(([\w-]+\.md)\)/g)].map((m) => m[1]));
      for (const name of cited) if (!existsSync(join(recordDir, name))) missing.push(`${path}: ${name}`);
    }
    assert.deepEqual(missing, []);
    assert.ok(records.length > 0);
  });

  it('is cited instead of a decision list or an issue number', () => {
    const stale = [...sources].flatMap(([path, text]) => [
      ...linesMatching(path, text, /\bDECISIONS\b/),
      ...linesMatching(path, text, /\bissues?\s+#?\d+/i),
    ]);
    assert.deepEqual(stale, []);
  });

  it('lists every record in its index', () => {
    const index = readFileSync(join(recordDir, 'README.md'), 'utf8');
    assert.deepEqual(records.filter((name) => !index.includes(`](${name})`)), []);
  });

  it('gives every record a context, a decision and its consequences', () => {
    const incomplete = records.filter((name) => {
      const text = readFileSync(join(recordDir, name), 'utf8');
      return !['## Context', '## Decision', '## Consequences'].every((heading) => text.includes(`\n${heading}\n`));
    });
    assert.deepEqual(incomplete, []);
  });
});
