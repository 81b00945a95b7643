import * as assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { openWorkbench, screenshot, type Workbench } from './workbench';

describe('MetaStudio in the browser workbench (packaged .vsix)', () => {
  let wb: Workbench;
  before(async () => { wb = await openWorkbench(); });
  after(async () => { await wb?.close(); });

  it('opens the MetaStudio container from the activity bar, connected to the sandbox', async () => {
    const icon = wb.page.locator('.activitybar [aria-label^="MetaStudio"]').first();
    await icon.waitFor({ timeout: 60_000 });
    await icon.click();
    const sidebar = wb.page.locator('#workbench\\.parts\\.sidebar');
    await sidebar.getByText('Assets', { exact: false }).first().waitFor({ timeout: 30_000 });
    // Opening the container activates the extension: its status bar item shows the sandbox connection.
    await wb.page.locator('.statusbar-item', { hasText: 'Environment' }).first().waitFor({ timeout: 30_000 });
    const file = await screenshot(wb.page, 'e2e-metastudio-container');
    assert.ok(statSync(file).size > 10_000, 'the screenshot holds a rendered workbench');
  });
});
