/**
 * The walkthrough in the browser workbench with the packaged extension, for a user without an
 * account: it opens by itself the first time the extension runs, its "Try the Local Sandbox" button
 * starts the sandbox, and each step ticks as the user does what it says (its buttons, the Command
 * Palette, a quick fix applied in the editor).
 */
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { goToLine, openFile, openWorkbench, runCommand, screenshot, type Workbench } from './workbench';

const walkthroughId = 'metastudio-tools.metastudio-vscode#metastudio.gettingStarted';
const walkthrough = (page: Page) => page.locator('.gettingStartedContainer');
const done = (page: Page, step: string) => walkthrough(page).locator(`[data-done-step-id="${walkthroughId}#${step}"].complete`);
const tab = (page: Page, text: string | RegExp) => page.locator('.tabs-container .tab', { hasText: text }).first();

/** Accepts the value an input box of ours proposes, once it is the one shown. */
async function acceptProposed(page: Page, value: string): Promise<void> {
  await page.waitForFunction((v) => document.querySelector<HTMLInputElement>('.quick-input-widget input')?.value === v, value, { timeout: 30_000 });
  await page.keyboard.press('Enter');
}

describe('the walkthrough in the browser workbench (packaged .vsix)', () => {
  let wb: Workbench;
  before(async () => {
    // No credentials in the environment: a new user without an account.
    wb = await openWorkbench({
      env: { HUAWEICLOUD_SDK_AK: '', HUAWEICLOUD_SDK_SK: '', HUAWEICLOUD_SDK_PROJECT_ID: '', METASTUDIO_ENDPOINT: '' },
      openWalkthrough: true,
    });
  });
  afterEach(async function () {
    // What the page showed when a step did not happen, for the reviewer.
    if (this.currentTest?.state === 'failed' && wb) await screenshot(wb.page, 'e2e-walkthrough-failed');
  });
  after(async () => { await wb?.close(); });

  it('opens when the extension first runs, and its steps tick as the user goes', async () => {
    const { page } = wb;
    // The extension's contributions are in once its activity bar entry is.
    await page.locator('.activitybar [aria-label^="MetaStudio"]').first().waitFor({ timeout: 60_000 });
    await runCommand(page, 'MetaStudio: Show Logs');
    await walkthrough(page).getByText('Get started with MetaStudio').first().waitFor({ timeout: 60_000 });
    await screenshot(page, 'e2e-walkthrough');
    // It opens as a preview editor, which the next file opened from Quick Open would replace: keep it.
    await runCommand(page, 'View: Keep Editor');

    await walkthrough(page).locator(':is(a, button)', { hasText: /^\s*Try the Local Sandbox\s*$/ }).first().click();
    await page.locator('.statusbar-item', { hasText: 'Sandbox' }).first().waitFor({ timeout: 60_000 });
    await done(page, 'connect').waitFor({ timeout: 30_000 });
    // The walkthrough goes on to its next step a moment after one ticks, taking the focus: keep it behind.
    await openFile(page, 'README.md');

    await runCommand(page, 'MetaStudio: New Video Script');
    await acceptProposed(page, 'my-video');
    await tab(page, 'my-video.video.json').waitFor({ timeout: 30_000 });
    await runCommand(page, 'MetaStudio: Preview Voice');
    await page.keyboard.press('Escape');

    await openFile(page, 'typos.ssml');
    await goToLine(page, 1, 3);
    await page.keyboard.press('Control+.');
    // The menu takes keys, not clicks (VS Code blocks the pointer under it): Enter applies the focused fix.
    await page.locator('.action-widget .monaco-list-row.focused', { hasText: 'Change to <speak>' }).first().waitFor({ timeout: 30_000 });
    await page.keyboard.press('Enter');
    await page.locator('.view-line', { hasText: /^<speak>$/ }).first().waitFor({ timeout: 30_000 });

    await runCommand(page, 'MetaStudio: New Live Script');
    await acceptProposed(page, 'my-live');
    await tab(page, 'my-live.live.json').waitFor({ timeout: 30_000 });

    await tab(page, 'Walkthrough:').click();
    await runCommand(page, 'MetaStudio: Start Video Job');
    await page.keyboard.press('Escape');

    for (const step of ['connect', 'newVideoScript', 'quickFix', 'previewVoice', 'videoJob', 'liveScript']) {
      await done(page, step).waitFor({ timeout: 30_000 }).catch(() => assert.fail(`the step "${step}" did not tick`));
    }
    await screenshot(page, 'e2e-walkthrough-done');
  });
});
