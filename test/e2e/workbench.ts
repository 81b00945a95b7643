/** The packaged extension installed in the browser VS Code, for end-to-end UI tests. */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, repoRoot, startServer, workbenchUrl, type VsCodeServer } from '../support/vscodeServer';

export const vsixPath = join(repoRoot, 'metastudio-vscode.vsix');
export const resultsDir = join(repoRoot, 'test-results');

export interface Workbench {
  readonly page: Page;
  readonly server: VsCodeServer;
  close(): Promise<void>;
}

export async function openWorkbench(options: { env?: NodeJS.ProcessEnv } = {}): Promise<Workbench> {
  if (!existsSync(vsixPath)) throw new Error(`${vsixPath} is missing: run \`npm run package\` first`);
  mkdirSync(resultsDir, { recursive: true });
  const server = await startServer({ vsix: vsixPath, env: options.env });
  let browser: Browser | undefined;
  try {
    browser = await launchBrowser();
    const page = await newPage(browser);
    await page.goto(workbenchUrl(server));
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    const b = browser;
    return { page, server, close: async () => { await b.close(); await server.stop(); } };
  } catch (err) {
    await browser?.close();
    await server.stop();
    throw err;
  }
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const file = join(resultsDir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
