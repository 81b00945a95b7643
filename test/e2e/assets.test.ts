/**
 * The Assets view in the browser workbench with the packaged extension: signed out it welcomes with
 * a Sign In button; signed in (to a sandbox of its own, holding an asset whose name is markup) it
 * shows the groups, the assets as text, the filter in its description after a reload.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startSandbox, type Sandbox } from '../../src/sandbox';
import { STATE_FILE } from '../../src/sandbox/store';
import type { AssetRecord, PersistedState } from '../../src/sandbox/model';
import { openWorkbench, runCommand, screenshot, sidebar, sidebarRow, type Workbench } from './workbench';

const AK = 'E2EASSETSAK000000001';
const SK = 'e2e-assets-sk-not-a-real-secret';
const markupName = '**Bold** <b>tag</b> [x](command:workbench.action.quit)';

function stateWithMarkupAsset(): PersistedState {
  const asset: AssetRecord = {
    asset_id: 'e2e00000000000000000000000000001',
    asset_name: markupName,
    asset_type: 'IMAGE',
    asset_state: 'ACTIVED',
    // Oldest first: the first row of Images.
    create_time: '2020-01-01T00:00:00Z',
    update_time: '2020-01-01T00:00:00Z',
    tags: ['e2e'],
    source: 'CUSTOMIZATION',
    project_id: null,
    files: [{ file_id: 'e2e-file-1', file_name: 'x.png', file_type: 'png', asset_file_category: 'MAIN', recipe: { kind: 'png', width: 8, height: 8, rgb: [200, 40, 40] } }],
  };
  const inactive: AssetRecord = {
    ...asset, asset_id: 'e2e00000000000000000000000000002', asset_name: 'Draft banner', asset_state: 'UNACTIVED',
    create_time: '2020-01-01T00:00:01Z', update_time: '2020-01-01T00:00:01Z',
    files: [{ ...asset.files[0], file_id: 'e2e-file-2' }],
  };
  return { version: 1, assets: [asset, inactive], scripts: [], rooms: [], jobs: [], tts: [] };
}

async function openAssetsView(page: Page): Promise<void> {
  const icon = page.locator('.activitybar [aria-label^="MetaStudio"]').first();
  await icon.waitFor({ timeout: 60_000 });
  // Clicking the icon of the container already shown hides the side bar, and after a reload the
  // workbench may still be restoring it: click only while the container is not shown, and look again.
  const shown = page.locator('#workbench\\.parts\\.sidebar .composite.title', { hasText: /MetaStudio/i });
  for (let attempt = 0; attempt < 4; attempt++) {
    if (await shown.waitFor({ timeout: attempt === 0 ? 3_000 : 5_000 }).then(() => true, () => false)) return;
    await icon.click();
  }
  await shown.waitFor({ timeout: 5_000 });
}


describe('Assets view in the browser workbench (packaged .vsix)', () => {
  describe('signed out', () => {
    let wb: Workbench;
    // No credentials in the environment: the sandbox's would sign the workbench in.
    before(async () => { wb = await openWorkbench({ env: { HUAWEICLOUD_SDK_AK: '', HUAWEICLOUD_SDK_SK: '', METASTUDIO_TOKEN: '' } }); });
    after(async () => { await wb?.close(); });

    it('lands on the welcome on Focus on Assets View in a new window, and Tab on its Sign In button', async () => {
      const { page } = wb;
      // Once the extension is active, which says in the status bar that no one is signed in. Run
      // before that, the command focuses the view while it has no welcome yet; the welcome the
      // extension then asks for takes the place of what had the focus, a race inside VS Code.
      await page.locator('.statusbar-item', { hasText: 'MetaStudio: Sign In' }).first().waitFor({ timeout: 60_000 });
      await runCommand(page, 'Focus on Assets View');
      const focused = () => page.evaluate('(() => { const a = document.activeElement; return a?.closest(".welcome-view-content") ? a.textContent : `not in the welcome: ${a?.tagName} ${a?.className}`; })()') as Promise<string>;
      for (const deadline = Date.now() + 30_000; !(await focused()).startsWith('Sign in to MetaStudio');) {
        if (Date.now() > deadline) assert.fail(`the focus is ${await focused()}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      await page.keyboard.press('Tab');
      assert.equal(await focused(), 'Sign In');
    });

    it('welcomes with a Sign In button', async () => {
      await openAssetsView(wb.page);
      const button = sidebar(wb.page).locator('.welcome-view-content a.monaco-button, .welcome-view-content .monaco-button', { hasText: 'Sign In' }).first();
      await button.waitFor({ timeout: 30_000 });
      await sidebar(wb.page).getByText('Sign in to MetaStudio to browse voices', { exact: false }).waitFor();
      const file = await screenshot(wb.page, 'e2e-assets-welcome');
      assert.ok(statSync(file).size > 10_000);
    });
  });

  describe('signed in to a sandbox', () => {
    let wb: Workbench;
    let sandbox: Sandbox;
    let dataDir: string;
    before(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'metastudio-e2e-assets-'));
      writeFileSync(join(dataDir, STATE_FILE), JSON.stringify(stateWithMarkupAsset()));
      sandbox = await startSandbox({ ak: AK, sk: SK, dataDir });
      wb = await openWorkbench({ env: {
        METASTUDIO_ENDPOINT: sandbox.url, HUAWEICLOUD_SDK_PROJECT_ID: 'e2e-project', HUAWEICLOUD_SDK_AK: AK, HUAWEICLOUD_SDK_SK: SK,
      } });
    });
    after(async () => {
      await wb?.close();
      await sandbox?.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('shows the groups with counts, an asset named with markup as text, and its tooltip as text', async () => {
      const { page } = wb;
      await openAssetsView(page);
      await sidebarRow(page, /^Voices \(\d+\)/).waitFor({ timeout: 60_000 });
      for (const group of ['2D Avatars (20)', 'Images (92)', 'Videos (40)', 'Music (25)', 'Audio (20)', 'Animations (20)', 'Others (10)']) {
        await sidebarRow(page, group).waitFor({ timeout: 30_000 });
      }
      await sidebarRow(page, 'Images (92)').click();
      const asset = sidebarRow(page, markupName);
      await asset.waitFor({ timeout: 30_000 });
      assert.equal(await asset.locator('b').count(), 0, 'no HTML from the name in the row');
      assert.equal(await asset.locator('.label-name').innerText(), markupName);
      const inactive = sidebarRow(page, 'Draft banner');
      assert.equal(await inactive.locator('.label-description').innerText(), 'inactive', 'the state in words, not its code');
      assert.equal(await inactive.locator('.codicon-circle-slash').count(), 1, 'a not ACTIVED asset is marked');
      await sidebarRow(page, /^Voices/).click();
      await sidebarRow(page, 'Sarah (English, female)').waitFor({ timeout: 30_000 });

      await asset.hover();
      const hover = page.locator('.monaco-hover, .workbench-hover').filter({ hasText: 'tag' }).first();
      await hover.waitFor({ timeout: 15_000 });
      const text = (await hover.innerText()).replace(/\u00a0/g, ' ');
      assert.ok(text.includes(markupName), `the tooltip shows the name as written: ${text}`);
      assert.equal(await hover.locator('a[href*="command"], b, strong:has-text("Bold")').count(), 0, 'no link, tag or bold from the name');
      const file = await screenshot(page, 'e2e-assets-tree');
      assert.ok(statSync(file).size > 10_000, 'the screenshot holds a rendered workbench');
    });

    it('keeps a name filter for the workspace and shows it in the view description', async () => {
      const { page } = wb;
      await runCommand(page, 'MetaStudio: Search Assets by Name');
      await page.locator('.quick-input-widget', { hasText: 'Part of the asset name' }).waitFor({ timeout: 30_000 });
      await page.locator('.quick-input-widget input').fill('Studio');
      await page.keyboard.press('Enter');
      await sidebar(page).getByText('Filtered: All sources · name "Studio"').first().waitFor({ timeout: 30_000 });
      assert.equal(await sidebar(page).locator('.description', { hasText: 'All sources · name "Studio"' }).count(), 1, 'the view description');
      await sidebarRow(page, /^Images \(\d+\)/).waitFor({ timeout: 30_000 });
      assert.ok(!(await sidebarRow(page, 'Images (92)').isVisible()), 'the counts follow the filter');

      await page.reload();
      await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      await openAssetsView(page);
      await sidebar(page).getByText('Filtered: All sources · name "Studio"').first().waitFor({ timeout: 60_000 });
      await sidebarRow(page, /^Images \(\d+\)/).waitFor({ timeout: 30_000 });
      await screenshot(page, 'e2e-assets-filtered');
    });
  });
});
