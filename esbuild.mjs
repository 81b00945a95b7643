// Bundles the extension (Node), the CLI (Node) and the webview scripts (browser) into dist/.
// Usage: node esbuild.mjs [--watch] [--production]
import * as esbuild from 'esbuild';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

const common = {
  bundle: true,
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'info',
  define: { __VERSION__: JSON.stringify(version) },
};

// 'module' first: jsonc-parser and vscode-json-languageservice ship UMD builds whose dynamic requires esbuild cannot follow.
const node = { ...common, platform: 'node', target: 'node20', format: 'cjs', mainFields: ['module', 'main'] };

// esbuild gives every module that imports 'vscode' a copy of the API's ~200 names (its __toESM,
// once per importing module): some 40 copies as the extension loads, its largest start-up cost.
// Every import of 'vscode' goes through one module instead, which copies them once.
const oneVscodeNamespace = {
  name: 'one-vscode-namespace',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) => args.namespace === 'vscode-once'
      ? { path: 'vscode', external: true }
      : { path: 'vscode', namespace: 'vscode-once' });
    build.onLoad({ filter: /.*/, namespace: 'vscode-once' }, () => ({ contents: "export * from 'vscode';", loader: 'js' }));
  },
};

// The heavy dependencies the extension needs only on first use (src/core/lazy.ts) are files of their
// own, dist/vendor/<name>.js, so that VS Code reads and compiles a smaller extension.js to activate it
// (docs/decisions/fast-start.md). The CLI keeps them inside its bundle.
const vendored = ['ajv', 'pinyin-pro', 'vscode-json-languageservice'];
const requireVendored = {
  name: 'require-vendored',
  setup(build) {
    build.onResolve({ filter: new RegExp(`^(${vendored.join('|')})$`) }, (args) => ({ path: `./vendor/${args.path}.js`, external: true }));
  },
};

const builds = [
  { ...node, entryPoints: { extension: 'src/extension.ts' }, outdir: 'dist', plugins: [oneVscodeNamespace, requireVendored] },
  ...vendored.map((name) => ({
    ...node,
    stdin: { contents: `module.exports = require(${JSON.stringify(name)});`, resolveDir: '.', loader: 'js' },
    outfile: `dist/vendor/${name}.js`,
  })),
  { ...node, entryPoints: { cli: 'src/cli/index.ts' }, outdir: 'dist' },
  // The sandbox the extension host forks for "Try the Local Sandbox": a bundle of its own, so the
  // extension's stays small (src/sandbox/main.ts).
  { ...node, entryPoints: { sandbox: 'src/sandbox/main.ts' }, outdir: 'dist' },
  {
    ...common,
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    // One script per webview: webview/<name>/main.ts becomes dist/webview/<name>.js.
    entryPoints: Object.fromEntries((existsSync('webview') ? readdirSync('webview') : [])
      .filter((name) => existsSync(`webview/${name}/main.ts`))
      .map((name) => [name, `webview/${name}/main.ts`])),
    outdir: 'dist/webview',
  },
  // The integration suite runs inside the extension host; mocha comes from node_modules there.
  // It is never packaged (out/ is outside the .vscodeignore allowlist).
  {
    ...node,
    entryPoints: { index: 'test/integration/index.ts' },
    outdir: 'out/test/integration',
    external: ['vscode', 'mocha'],
    sourcemap: 'inline',
    minify: false,
  },
];

// A production build starts from an empty dist/, so no stale file (e.g. a source map) gets packaged.
if (production) rmSync('dist', { recursive: true, force: true });

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
