/**
 * The layout view in the browser workbench with the packaged extension: it opens beside the script,
 * follows the cursor to another shot, moves a layer by a real pointer drag (the script's numbers
 * change by the drag) and one Ctrl+Z in the editor undoes the move; the avatar's cover comes from the
 * workbench's sandbox as a resource of the view. The storyboard shows every shot, and a click on one
 * shows it in the editor and the layout view. The page holds no CSP violation.
 */
import * as assert from 'node:assert/strict';
import type { Frame } from 'playwright-core';
import { webviewFrame } from './axe';
import { goToLine, openFile, openWorkbench, runCommand, screenshot, until, type Workbench } from './workbench';

const HUMAN = '[data-layer="/shoot_scripts/0/shoot_script/layer_config/0"]';

const dataX = (frame: Frame) => frame.locator(HUMAN).getAttribute('data-x').then(Number);
const dataY = (frame: Frame) => frame.locator(HUMAN).getAttribute('data-y').then(Number);

describe('layout view in the browser workbench', () => {
  let wb: Workbench;
  const violations: string[] = [];

  before(async () => {
    wb = await openWorkbench();
    wb.page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) violations.push(m.text()); });
  });
  after(async () => {
    await wb?.close();
  });

  it('follows the cursor, moves a layer by a real drag as one edit, and one Ctrl+Z undoes it', async () => {
    const { page } = wb;
    await page.locator('.activitybar [aria-label^="MetaStudio"]').first().waitFor({ timeout: 60_000 });
    await openFile(page, 'launch.video.json');
    await goToLine(page, 47, 1);
    await runCommand(page, 'MetaStudio: Open Layout to the Side');
    const frame = await webviewFrame(page, 'Layout');
    await frame.locator('#title', { hasText: 'Shot 1 of 3' }).waitFor({ timeout: 60_000 });
    assert.equal(await dataX(frame), 660);

    // The avatar's cover, from the workbench's sandbox, is one of the view's own resources and loads under its CSP.
    const cover = frame.locator(`${HUMAN} image`);
    await cover.waitFor({ state: 'attached', timeout: 30_000 });
    const href = (await cover.getAttribute('href')) ?? '';
    assert.match(href, /^https:\/\/[^/]*vscode-resource[^/]*\/.*\/layout-images\/[0-9a-f]{64}\.png$/);
    const width = await frame.evaluate((src) => new Promise<number>((resolve) => {
      const probe = new Image();
      probe.onload = () => resolve(probe.naturalWidth);
      probe.onerror = () => resolve(-1);
      probe.src = src;
    }), href);
    assert.equal(width, 32, 'the sandbox\'s 32-pixel cover loads');

    // The cursor in another shot: the view shows that shot.
    await goToLine(page, 66, 1);
    await frame.locator('#title', { hasText: 'Shot 2 of 3' }).waitFor({ timeout: 30_000 });
    assert.equal(await frame.locator(HUMAN).count(), 0, 'shot 2 has no layer 0 of shot 1');
    await goToLine(page, 47, 1);
    await frame.locator('#title', { hasText: 'Shot 1 of 3' }).waitFor({ timeout: 30_000 });

    // A real pointer drag, snapping off so that the numbers follow the pointer exactly.
    await frame.locator('#snap').uncheck();
    const canvas = await frame.locator('#stage svg').boundingBox();
    const human = await frame.locator(`${HUMAN} > rect`).boundingBox();
    assert.ok(canvas && human);
    const perPixel = 1920 / canvas.width;
    const from = { x: human.x + human.width / 2, y: human.y + human.height / 2 };
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + 40, from.y + 20, { steps: 8 });
    await page.mouse.up();
    const expected = { x: Math.round(660 + 40 * perPixel), y: Math.round(120 + 20 * perPixel) };
    await until(async () => (await dataX(frame)) !== 660, 'the drag to change the script');
    assert.ok(Math.abs((await dataX(frame)) - expected.x) <= 2, `dx ${await dataX(frame)} ≈ ${expected.x}`);
    assert.ok(Math.abs((await dataY(frame)) - expected.y) <= 2, `dy ${await dataY(frame)} ≈ ${expected.y}`);
    const editorText = page.locator('.editor-instance .view-lines').first();
    // Monaco draws spaces as no-break spaces.
    await until(async () => ((await editorText.textContent()) ?? '').replace(/\u00a0/g, ' ').includes(`"dx": ${await dataX(frame)}`), 'the editor to show the new dx');
    await screenshot(page, 'layout-view');

    // One Ctrl+Z in the editor (the first group; its cursor stays in shot 1) undoes the whole move.
    await runCommand(page, 'View: Focus First Editor Group');
    await page.keyboard.press('Control+Z');
    await until(async () => (await dataX(frame)) === 660 && (await dataY(frame)) === 120, 'one undo to restore dx and dy');
    assert.deepEqual(violations, []);
  });

  it('shows the storyboard of the script beside it, and a click on a thumbnail shows that shot in the editor and the layout view', async () => {
    const { page } = wb;
    await runCommand(page, 'View: Focus First Editor Group');
    await runCommand(page, 'MetaStudio: Open Storyboard');
    const frame = await webviewFrame(page, 'Storyboard');
    await frame.locator('#item-3').waitFor({ timeout: 60_000 });
    assert.equal(await frame.locator('button.thumb').count(), 3);
    assert.equal(await frame.locator('#item-1 svg [data-layer="/shoot_scripts/0/shoot_script/layer_config/0"]').getAttribute('data-x'), '660', 'the layout view\'s drawing');
    assert.match(await frame.locator('#item-1 .duration').textContent() ?? '', /^≈ \d+\.\d s$/);
    await screenshot(page, 'storyboard-view');

    await frame.locator('#item-3').click();
    await page.locator('.statusbar-item', { hasText: /^Ln 77, Col 6/ }).waitFor({ timeout: 30_000 });
    const layout = await webviewFrame(page, 'Layout');
    await layout.locator('#title', { hasText: 'Shot 3 of 3' }).waitFor({ timeout: 30_000 });
    assert.deepEqual(violations, []);
  });
});
