/** The packaged extension installed in the browser VS Code, for end-to-end UI tests. */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startTestSandbox, type TestSandbox } from '../support/testSandbox';
import { launchBrowser, newPage, repoRoot, startServer, workbenchUrl, type VsCodeServer } from '../../scripts/vscodeServer';

export const vsixPath = join(repoRoot, 'metastudio-vscode.vsix');
export const resultsDir = join(repoRoot, 'test-results');

export interface Workbench {
  readonly page: Page;
  readonly server: VsCodeServer;
  /** The sandbox the workbench's "Environment" connection points at. */
  readonly sandbox: TestSandbox;
  close(): Promise<void>;
}

/**
 * `displayLanguage`: VS Code's display language, e.g. `zh-cn` (English by default). The walkthrough
 * does not open by itself (it would take the editor from a test) unless `openWalkthrough`: it follows
 * VS Code's machine setting `workbench.welcomePage.walkthroughs.openOnInstall`.
 */
export async function openWorkbench(options: { env?: NodeJS.ProcessEnv; displayLanguage?: string; openWalkthrough?: boolean } = {}): Promise<Workbench> {
  if (!existsSync(vsixPath)) throw new Error(`${vsixPath} is missing: run \`npm run package\` first`);
  mkdirSync(resultsDir, { recursive: true });
  const sandbox = await startTestSandbox();
  let server: VsCodeServer | undefined;
  let browser: Browser | undefined;
  try {
    server = await startServer({
      vsix: vsixPath,
      env: { ...sandbox.env, ...options.env },
      displayLanguage: options.displayLanguage,
      machineSettings: { 'workbench.welcomePage.walkthroughs.openOnInstall': options.openWalkthrough ?? false },
    });
    browser = await launchBrowser();
    const page = await newPage(browser);
    await page.goto(workbenchUrl(server));
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    const [b, s] = [browser, server];
    return { page, server, sandbox, close: async () => { await b.close(); await s.stop(); await sandbox.stop(); } };
  } catch (err) {
    await browser?.close();
    await server?.stop();
    await sandbox.stop();
    throw err;
  }
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const file = join(resultsDir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/**
 * Quick input helpers. Each waits for the widget before it types and for the row it will accept,
 * so that no keystroke lands in a widget that is not open yet (the workbench is slow under load).
 */
const quickInput = (page: Page) => page.locator('.quick-input-widget input');
const quickRow = (page: Page, text: string | RegExp) => page.locator('.quick-input-widget .monaco-list-row', { hasText: text }).first();

async function quickPick(page: Page, open: string, value: string, row: string | RegExp): Promise<void> {
  await page.keyboard.press(open);
  await quickInput(page).waitFor({ timeout: 30_000 });
  await quickInput(page).fill(value);
  await quickRow(page, row).waitFor({ timeout: 30_000 });
  await page.keyboard.press('Enter');
}

export async function runCommand(page: Page, title: string): Promise<void> {
  await quickPick(page, 'F1', `>${title}`, title);
}

export async function openFile(page: Page, name: string): Promise<void> {
  await quickPick(page, 'Control+P', name, name);
  await page.locator('.tab.active', { hasText: name }).waitFor({ timeout: 30_000 });
}

/** Puts the cursor of the active editor at a 1-based line and column, and waits until it is there. */
export async function goToLine(page: Page, line: number, column: number): Promise<void> {
  await quickPick(page, 'Control+P', `:${line}:${column}`, new RegExp(`line ${line}.*character ${column}`, 'i'));
  await page.locator('.statusbar-item', { hasText: `Ln ${line}, Col ${column}` }).waitFor({ timeout: 30_000 });
}

/**
 * Polls `probe` from Node (functions evaluated in the page must stay free of bundler helpers) until
 * it gives a value other than undefined or false. A probe that throws is tried again; the last error
 * is in the timeout's message.
 */
export async function until<T>(probe: () => Promise<T | undefined | false>, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    const value = await probe().catch((err: unknown) => { lastError = err; return undefined; });
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${lastError instanceof Error ? ` (last: ${lastError.message})` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export const sidebar = (page: Page) => page.locator('#workbench\\.parts\\.sidebar');
/** The first row of a tree or list in the side bar that shows `text`. */
export const sidebarRow = (page: Page, text: string | RegExp) => sidebar(page).locator('.monaco-list-row', { hasText: text }).first();
