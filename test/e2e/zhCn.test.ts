/**
 * The packaged extension in a browser workbench whose display language is zh-cn (VS Code's own texts
 * stay English: see scripts/vscodeServer.ts): the Problems panel, a schema hover, the Assets view
 * and the voice preview player in Chinese, each saved as a screenshot (test-results/e2e-zh-cn-*.png,
 * shown in the README's 中文 section).
 */
import * as assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { openFile, openWorkbench, runCommand, screenshot, sidebar, sidebarRow, until, type Workbench } from './workbench';


describe('the extension in Chinese (zh-cn display language, packaged .vsix)', () => {
  let wb: Workbench;
  before(async () => { wb = await openWorkbench({ displayLanguage: 'zh-cn' }); });
  after(async () => { await wb?.close(); });

  it('lists a script\'s problems in Chinese in the Problems panel', async () => {
    const { page } = wb;
    await openFile(page, 'mistakes.video.json');
    await page.keyboard.press('Control+Shift+M');
    const rows = page.locator('.markers-panel .monaco-list-row');
    await rows.filter({ hasText: '未知属性“sped”。你是否想写“speed”？' }).first().waitFor({ timeout: 30_000 });
    await rows.filter({ hasText: '停顿时长 20s 超出 200ms–10s 的范围' }).first().waitFor({ timeout: 30_000 });
    const file = await screenshot(page, 'e2e-zh-cn-problems');
    assert.ok(statSync(file).size > 10_000, 'the screenshot holds a rendered workbench');
  });

  it('hovers a script property with its Chinese schema description', async () => {
    const { page } = wb;
    await page.locator('.monaco-editor .view-line span', { hasText: /^"codec"$/ }).first().hover();
    await page.locator('.monaco-hover', { hasText: '视频编码格式，同时决定文件格式' }).first().waitFor({ timeout: 30_000 });
    const file = await screenshot(page, 'e2e-zh-cn-hover');
    assert.ok(statSync(file).size > 10_000, 'the screenshot holds a rendered workbench');
    await page.mouse.move(0, 0);
  });

  it('shows the Assets view in Chinese', async () => {
    const { page } = wb;
    await page.locator('.activitybar [aria-label^="MetaStudio"]').first().click();
    await sidebar(page).locator('.pane-header', { hasText: '资产库' }).first().waitFor({ timeout: 30_000 });
    await sidebarRow(page, /^音色 \(\d+\)/).click({ timeout: 60_000 });
    await sidebarRow(page, '晓雅 知性女声').waitFor({ timeout: 30_000 });
    assert.match(await sidebarRow(page, '晓雅 知性女声').locator('.label-description').innerText(), /女 · 实时/);
    await sidebarRow(page, /^分身数字人 \(\d+\)/).waitFor({ timeout: 30_000 });
    const file = await screenshot(page, 'e2e-zh-cn-assets');
    assert.ok(statSync(file).size > 10_000, 'the screenshot holds a rendered workbench');
  });

  it('plays a voice preview in the Chinese player', async () => {
    const { page } = wb;
    // With no editor open the command asks for the text (VS Code's own command titles stay English).
    await runCommand(page, 'View: Close All Editors');
    await page.locator('.editor-group-container .tab').first().waitFor({ state: 'detached', timeout: 30_000 });
    await runCommand(page, 'MetaStudio: 试听');
    await page.locator('.quick-input-widget', { hasText: '要试听的文本或 SSML' }).waitFor({ timeout: 30_000 });
    const input = page.locator('.quick-input-widget input');
    await input.fill('<speak>大家好<break time="500ms"/>欢迎来到 MetaStudio 智能直播间。</speak>');
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget input[placeholder^="选择朗读文本的音色"]').waitFor({ timeout: 30_000 });
    await input.fill('晓雅');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: '晓雅' }).first().waitFor({ timeout: 30_000 });
    await page.keyboard.press('Enter');

    const player = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    const audio = player.locator('#audio');
    await audio.waitFor({ state: 'attached', timeout: 60_000 });
    await until(() => audio.evaluate((el: HTMLAudioElement) => el.readyState >= 4), 'the audio to load');
    assert.match((await player.locator('#synthesize').textContent()) ?? '', /合成/);
    assert.match((await player.locator('h2').first().textContent()) ?? '', /音色/);
    if (await audio.evaluate((el: HTMLAudioElement) => el.paused)) await player.locator('#play').click();
    await until(async () => /暂停/.test((await player.locator('#play').textContent()) ?? ''), 'the Play button to read 暂停');
    const file = await screenshot(page, 'e2e-zh-cn-preview-player');
    assert.ok(statSync(file).size > 10_000, 'the screenshot holds a rendered workbench');
  });
});
