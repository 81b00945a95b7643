/**
 * `npm run test:integration`: runs the mocha suite of test/integration inside the extension host of
 * a real VS Code (the server bundled in code-server, driven through Chromium), as @vscode/test-electron
 * would on a desktop; then a second pass with zh-cn as VS Code's display language, which runs the
 * zh-cn checks (test/integration/zhCn.test.ts). The exit code is 0 when both passes succeed.
 */
import { join } from 'node:path';
import { format } from 'node:util';
import { launchBrowser, newPage, repoRoot, startServer, workbenchUrl } from '../../scripts/vscodeServer';
import { startTestSandbox } from '../support/testSandbox';

const timeoutMs = 10 * 60_000;

/** One run of the suite in a fresh VS Code: `displayLanguage` undefined runs the English pass. */
async function runPass(displayLanguage?: string): Promise<number> {
  const sandbox = await startTestSandbox();
  const server = await startServer({ env: { ...sandbox.env, METASTUDIO_TEST_PASS: displayLanguage ?? 'en' }, displayLanguage });
  const browser = await launchBrowser();
  try {
    const page = await newPage(browser);
    let settle!: (code: number) => void;
    const exited = new Promise<number>((res) => { settle = res; });
    await page.exposeFunction('codeAutomationExit', (code: number) => settle(code));
    // The extension host's console arrives here; until the suite announces itself it is workbench start-up noise.
    let suiteStarted = false;
    await page.exposeFunction('codeAutomationLog', (_level: string, args: unknown) => {
      const text = Array.isArray(args) ? format(...args) : String(args);
      suiteStarted ||= text.startsWith('integration: running in VS Code');
      if (suiteStarted || process.env.METASTUDIO_TEST_VERBOSE) console.log(text);
    });
    const base = `vscode-remote://127.0.0.1:${server.port}`;
    await page.goto(workbenchUrl(server, [
      ['extensionDevelopmentPath', `${base}${repoRoot}`],
      ['extensionTestsPath', `${base}${join(repoRoot, 'out/test/integration/index.js')}`],
    ]));
    const timer = new Promise<number>((res) => setTimeout(() => {
      console.error(`integration: no result within ${timeoutMs / 1000} s`);
      res(1);
    }, timeoutMs).unref());
    return await Promise.race([exited, timer]);
  } finally {
    await browser.close();
    await server.stop();
    await sandbox.stop();
  }
}

async function main(): Promise<number> {
  const english = await runPass();
  const chinese = await runPass('zh-cn');
  return english || chinese;
}

main().then((code) => { process.exitCode = code; }, (err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
