/**
 * `npm run test:electron`: the same integration suite in a desktop VS Code downloaded by
 * @vscode/test-electron (needs a network that reaches VS Code's downloads; not this CI).
 */
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { repoRoot } from '../../scripts/vscodeServer';
import { startTestSandbox } from '../support/testSandbox';

async function main(): Promise<void> {
  const sandbox = await startTestSandbox();
  try {
    await runTests({
      version: process.env.VSCODE_TEST_VERSION ?? '1.100.3',
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: join(repoRoot, 'out/test/integration/index.js'),
      launchArgs: [join(repoRoot, 'test/fixtures/workspace'), '--disable-extensions', '--disable-workspace-trust'],
      extensionTestsEnv: sandbox.env,
    });
  } finally {
    await sandbox.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
