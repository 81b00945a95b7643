/** The CLI bundled as esbuild.mjs bundles it, for tests that run it as its own process. */
import { join } from 'node:path';
import { build } from 'esbuild';

const repo = join(__dirname, '../..');

/** Writes `cli.js` into `dir` and returns its path. */
export async function buildCli(dir: string): Promise<string> {
  const outfile = join(dir, 'cli.js');
  await build({
    entryPoints: [join(repo, 'src/cli/index.ts')], bundle: true, platform: 'node', target: 'node20', format: 'cjs',
    mainFields: ['module', 'main'], outfile, define: { __VERSION__: '"0.0.0-test"' }, logLevel: 'silent',
  });
  return outfile;
}
