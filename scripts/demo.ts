/**
 * `npm run demo`: the sandbox and a browser VS Code with the packaged extension installed, connected
 * to the sandbox through the environment connection, with a fresh copy of examples/ open (the
 * repository's tracked files never change). Ctrl+C stops both.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { startSandbox } from '../src/sandbox';
import { demoWorkspace, terminalInstructions } from './demoSetup';
import { repoRoot, startServer, workbenchUrl } from './vscodeServer';

const vsix = join(repoRoot, 'metastudio-vscode.vsix');
const projectId = 'demo-project';
// The sandbox's own credentials, printed for the CLI: never a cloud account's from the environment.
const ak = 'DEMOSANDBOXAK0000001';
const sk = 'demo-sandbox-sk-local-only';

async function main(): Promise<void> {
  if (!existsSync(join(repoRoot, '.tools/node_modules/code-server'))) {
    console.log('Installing the VS Code server into .tools/ (once)…');
    const install = spawnSync('bash', [join(repoRoot, 'scripts/install-test-tools.sh')], { stdio: 'inherit' });
    if (install.status !== 0) throw new Error('installing the VS Code server failed');
  }
  const sandbox = await startSandbox({ port: Number(process.env.METASTUDIO_SANDBOX_PORT ?? 0), ak, sk, dataDir: join(repoRoot, '.tools/demo-sandbox') });
  const server = await startServer({
    vsix,
    folder: await demoWorkspace(join(repoRoot, 'examples')),
    port: process.env.DEMO_PORT ? Number(process.env.DEMO_PORT) : undefined,
    env: {
      METASTUDIO_ENDPOINT: sandbox.url,
      HUAWEICLOUD_SDK_PROJECT_ID: projectId,
      HUAWEICLOUD_SDK_AK: ak,
      HUAWEICLOUD_SDK_SK: sk,
    },
  });
  console.log(`\n${terminalInstructions({ endpoint: sandbox.url, projectId, ak, sk })}\n`);
  console.log(`VS Code with the extension, connected to the sandbox, on a copy of examples/ in ${server.workspace}:\n\n  ${workbenchUrl(server)}\n`);
  console.log('Open that URL in a browser on this machine. Ctrl+C stops the demo.');
  await new Promise<void>((resolve) => process.once('SIGINT', resolve).once('SIGTERM', resolve));
  await server.stop();
  await sandbox.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
