/** The CLI bundled as esbuild.mjs bundles it, for tests that run it as its own process. */
import { spawn } from 'node:child_process';
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

export interface ProcessRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the bundled CLI in a process of its own with only `env` (plus PATH) for environment. */
export function runCliProcess(cli: string, args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: options.cwd, env: { PATH: process.env.PATH, ...options.env } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => { stdout += chunk; });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
