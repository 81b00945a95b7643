/**
 * Renders media/icon.svg into media/icon.png, the 128×128 Marketplace icon, with the Chromium the
 * tests use (playwright-core). Run `npx tsx scripts/render-icon.ts` after changing the SVG and commit both.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, repoRoot } from './vscodeServer';

const size = 128;

async function main(): Promise<void> {
  const svg = readFileSync(join(repoRoot, 'media/icon.svg'), 'utf8');
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    await page.setContent(`<!DOCTYPE html><html><body style="margin:0">${svg}</body></html>`);
    await page.locator('svg').screenshot({ path: join(repoRoot, 'media/icon.png'), omitBackground: true });
  } finally {
    await browser.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
