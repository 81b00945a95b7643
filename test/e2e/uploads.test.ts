/**
 * Uploading media in the browser workbench with the packaged extension: "Upload to MetaStudio" on
 * an image in the explorer shows a progress notification with bytes and percent (the sandbox holds
 * the upload's answer a while, so that it can be seen), then the new asset in its group of the
 * Assets view and "Insert ID".
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { renderFile } from '../../src/sandbox/media';
import { openWorkbench, screenshot, sidebar, sidebarRow, type Workbench } from './workbench';

const toast = (page: Page, text: string | RegExp) => page.locator('.notifications-toasts .notification-toast', { hasText: text }).first();

/** Shows the MetaStudio container in the side bar (a click on its icon while shown would hide it). */
async function showMetaStudio(page: Page): Promise<void> {
  const shown = sidebar(page).locator('.composite.title', { hasText: /MetaStudio/i });
  for (let attempt = 0; attempt < 4; attempt++) {
    if (await shown.waitFor({ timeout: attempt === 0 ? 1_000 : 5_000 }).then(() => true, () => false)) return;
    await page.locator('.activitybar [aria-label^="MetaStudio"]').first().click();
  }
  await shown.waitFor({ timeout: 5_000 });
}

describe('Upload media in the browser workbench (packaged .vsix)', () => {
  let wb: Workbench;
  before(async () => {
    wb = await openWorkbench();
    mkdirSync(join(wb.server.workspace, 'media'), { recursive: true });
    writeFileSync(join(wb.server.workspace, 'media', 'beach.png'), renderFile({ kind: 'png', width: 320, height: 180, rgb: [240, 200, 120] }));
  });
  after(async () => { await wb?.close(); });

  it('uploads an image from the explorer with a progress notification, and shows the new asset in its group', async () => {
    const { page } = wb;
    // The Images group open, as an author keeps it.
    await showMetaStudio(page);
    await sidebarRow(page, /^Images \(\d+\)/).waitFor({ timeout: 60_000 });
    await sidebarRow(page, /^Images \(\d+\)/).click();

    const faults = await fetch(`${wb.sandbox.url}/_sandbox/faults`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ method: 'PUT', pathPattern: '^/_sandbox/uploads/', kind: 'slow', delayMs: 8000 }),
    });
    assert.equal(faults.status, 200);

    await page.keyboard.press('Control+Shift+E');
    await sidebarRow(page, /^media$/).waitFor({ timeout: 30_000 });
    await sidebarRow(page, /^media$/).click();
    await sidebarRow(page, 'beach.png').waitFor({ timeout: 30_000 });
    await sidebarRow(page, 'beach.png').click({ button: 'right' });
    // The menu may take no pointer click while it settles: the item is chosen as a user at the keyboard would.
    await page.locator('.monaco-menu .action-label', { hasText: 'Upload to MetaStudio' }).first().hover();
    await page.keyboard.press('Enter');

    const progress = toast(page, 'Uploading media/beach.png to MetaStudio');
    await progress.waitFor({ timeout: 30_000 });
    await showMetaStudio(page);
    await progress.filter({ hasText: /of .* sent \(\d+%\)|confirming|reviewing/ }).waitFor({ timeout: 30_000 });
    assert.match(await progress.innerText(), /beach\.png: .* sent \(\d+%\)|confirming|reviewing/);
    const during = await screenshot(page, 'e2e-upload-progress');
    assert.ok(statSync(during).size > 10_000);

    const done = toast(page, /Uploaded "beach" to MetaStudio as [0-9a-f]{32}/);
    await done.waitFor({ timeout: 60_000 });
    await done.locator('.monaco-button, a', { hasText: 'Insert ID' }).first().waitFor();
    const asset = sidebarRow(page, /^beach/);
    await asset.waitFor({ timeout: 30_000 });
    const images = await sidebar(page).locator('.monaco-list-row').allInnerTexts();
    const group = images.findIndex((text) => /^Images/.test(text));
    assert.match(images[group + 1], /^beach/, 'the new asset first in its group, without a refresh');
    const after = await screenshot(page, 'e2e-upload-done');
    assert.ok(statSync(after).size > 10_000);
  });
});
