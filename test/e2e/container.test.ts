import * as assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { openWorkbench, screenshot, type Workbench } from './workbench';

describe('MetaStudio in the browser workbench (packaged .vsix)', () => {
  let wb: Workbench;
  before(async () => { wb = await openWorkbench(); });
  after(async () => { await wb?.close(); });

  it('shows the active connection in the status bar at startup, before any script or view opens', async () => {
    await wb.page.locator('.statusbar-item', { hasText: 'Environment' }).first().waitFor({ timeout: 60_000 });
    assert.equal(await wb.page.locator('.tabs-container .tab', { hasText: /\.(video\.json|live\.json|ssml)\b/ }).count(), 0, 'no script is open');
    assert.equal(await wb.page.locator('#workbench\\.parts\\.sidebar .composite.title', { hasText: /MetaStudio/i }).count(), 0, 'the MetaStudio container is closed');
  });

  it('opens the MetaStudio container from the activity bar, connected to the sandbox', async () => {
    const icon = wb.page.locator('.activitybar [aria-label^="MetaStudio"]').first();
    await icon.waitFor({ timeout: 60_000 });
    await icon.click();
    const sidebar = wb.page.locator('#workbench\\.parts\\.sidebar');
    await sidebar.getByText('Assets', { exact: false }).first().waitFor({ timeout: 30_000 });
    await wb.page.locator('.statusbar-item', { hasText: 'Environment' }).first().waitFor({ timeout: 30_000 });
    const file = await screenshot(wb.page, 'e2e-metastudio-container');
    assert.ok(statSync(file).size > 10_000, 'the screenshot holds a rendered workbench');
  });
});
