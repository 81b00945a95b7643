/**
 * Webview styles take every colour from the theme (docs/accessibility.md): no hex, rgb(), hsl()…
 * or named colour in any style sheet under webview/, only `var(--vscode-…)`, `transparent`,
 * `currentColor` and `inherit`.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '../../..');
const named = ['white', 'black', 'red', 'green', 'blue', 'yellow', 'orange', 'purple', 'gray', 'grey', 'silver', 'maroon', 'navy',
  'teal', 'olive', 'lime', 'aqua', 'cyan', 'magenta', 'fuchsia', 'pink', 'brown', 'gold', 'violet', 'indigo'];
const literal = new RegExp(`#[0-9a-f]{3,8}\\b|\\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\\(|\\b(?:${named.join('|')})\\b`, 'i');

/** `file:line  declaration` for each declaration that holds a literal colour. */
function literalColours(css: string, file: string): string[] {
  const found: string[] = [];
  const text = css.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '));
  // Property values only (a selector such as `#add` is no colour), without the names of custom properties.
  for (const match of text.matchAll(/([\w-]+)\s*:\s*([^;{}]+)/g)) {
    const value = match[2].replace(/--[\w-]+/g, '');
    if (!literal.test(value)) continue;
    const line = text.slice(0, match.index).split('\n').length;
    found.push(`${file}:${line}  ${match[0].trim()}`);
  }
  return found;
}

function styleSheets(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? styleSheets(path) : entry.name.endsWith('.css') ? [path] : [];
  });
}

describe('webview styles: colours from the theme only', () => {
  it('finds a literal colour where there is one', () => {
    const css = '#history li { color: #9d9d9d; }\n.a { background: rgb(1, 2, 3) }\n.b { border: 1px solid white; }\n.c { color: var(--vscode-terminal-ansiWhite, transparent); }';
    assert.deepEqual(literalColours(css, 'x.css').map((f) => f.split('  ')[0]), ['x.css:1', 'x.css:2', 'x.css:3']);
  });

  it('holds for every style sheet under webview/', () => {
    const sheets = styleSheets(join(root, 'webview'));
    assert.ok(sheets.length >= 1, 'the player has a style sheet');
    assert.deepEqual(sheets.flatMap((sheet) => literalColours(readFileSync(sheet, 'utf8'), relative(root, sheet))), []);
  });
});
