/**
 * Voice preview in the browser workbench with the packaged extension, against a sandbox of its
 * own: the palette command asks for a text and a voice, and the player webview's `<audio>` loads
 * the preview and plays it (its time advances). The page holds no CSP violation.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { startTestSandbox, type TestSandbox } from '../support/testSandbox';
import { openWorkbench, runCommand, screenshot, until, type Workbench } from './workbench';

const TEXT = 'Hello from the MetaStudio voice preview, played in its own player panel.';

describe('voice preview player in the browser workbench', () => {
  let sandbox: TestSandbox;
  let wb: Workbench;
  const violations: string[] = [];

  before(async () => {
    sandbox = await startTestSandbox();
    wb = await openWorkbench({ env: sandbox.env });
    wb.page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) violations.push(m.text()); });
  });
  after(async () => {
    await wb?.close();
    await sandbox?.stop();
  });

  it('loads the preview into the <audio> element and plays it', async () => {
    const { page } = wb;
    // The extension's contributions are in once its activity bar entry is.
    await page.locator('.activitybar [aria-label^="MetaStudio"]').first().waitFor({ timeout: 60_000 });
    await runCommand(page, 'MetaStudio: Preview Voice');
    const input = page.locator('.quick-input-widget input');
    // No editor is open: the command asks for the text, then for the voice.
    await page.locator('.quick-input-widget', { hasText: 'Text or SSML to hear' }).waitFor({ timeout: 30_000 });
    await input.fill(TEXT);
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget input[placeholder^="Choose the voice"]').waitFor({ timeout: 30_000 });
    await input.fill('Sarah');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Sarah' }).first().waitFor({ timeout: 30_000 });
    await page.keyboard.press('Enter');

    const player = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    const audio = player.locator('#audio');
    await audio.waitFor({ state: 'attached', timeout: 60_000 });
    await until(() => audio.evaluate((el: HTMLAudioElement) => el.readyState >= 4), 'the audio to load');
    assert.equal(await player.locator('#text').textContent(), TEXT, 'the spoken text is shown as text');
    const csp = await player.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.match(csp ?? '', /^default-src 'none'; script-src 'nonce-[A-Za-z0-9+/=]{24}';/);
    assert.match(await audio.evaluate((el: HTMLAudioElement) => el.currentSrc), /^https:\/\/[^/]+\.vscode-resource\.vscode-cdn\.net\/.*\/previews\/[0-9a-f]{64}-1\.wav$/, 'the audio comes from the cache folder through asWebviewUri');
    const voice = player.locator('#voice');
    await until(async () => /Sarah/.test(await voice.evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.textContent ?? '')), 'the voice list to show the voice used');
    assert.equal(await player.locator('#stale').textContent(), '', 'the settings match the preview: not stale');
    const duration = await audio.evaluate((el: HTMLAudioElement) => el.duration);
    assert.ok(duration > 2, `a few seconds of audio, got ${duration}`);

    // Autoplay may be refused without a user gesture; Play is one.
    if (await audio.evaluate((el: HTMLAudioElement) => el.paused)) await player.locator('#play').click();
    const start = await audio.evaluate((el: HTMLAudioElement) => el.currentTime);
    await until(async () => (await audio.evaluate((el: HTMLAudioElement) => el.currentTime)) > start + 0.5, 'the playback time to advance');
    assert.match((await player.locator('#time').textContent()) ?? '', /^0:0\d \/ 0:0\d$/);
    const file = await screenshot(page, 'e2e-preview-player');
    assert.ok(statSync(file).size > 10_000, 'the screenshot holds a rendered workbench');
    assert.deepEqual(violations, [], 'no Content Security Policy violation');
  });

  it('marks a settings change stale and synthesizes it from the player, through the extension', async () => {
    const player = wb.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    const creates = async () => ((await (await fetch(`${sandbox.url}/_sandbox/requests`)).json()) as { method: string; path: string }[])
      .filter((r) => r.method === 'POST' && r.path.endsWith('/ttsc/audition')).length;
    const before = await creates();
    await player.locator('#speed').fill('150');
    await player.locator('#stale', { hasText: 'Settings changed' }).waitFor({ timeout: 10_000 });
    await player.locator('#synthesize').click();
    await player.locator('#history li').nth(1).waitFor({ timeout: 60_000 });
    assert.equal(await creates(), before + 1, 'one new synthesis');
    assert.match((await player.locator('#history li').first().textContent()) ?? '', /speed 150, pitch 100, volume 140/);
    await until(async () => (await player.locator('#stale').textContent()) === '', 'the new preview to match the settings');
  });

  it('keeps its session and place when hidden and shown again', async () => {
    const { page } = wb;
    await page.keyboard.press('Control+N'); // an editor in front of the player
    await page.locator('.tabs-container .tab', { hasText: 'Untitled' }).first().waitFor({ timeout: 10_000 });
    await page.locator('.tabs-container .tab', { hasText: 'Voice Preview' }).first().click();
    const player = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await player.locator('#history li').nth(1).waitFor({ timeout: 30_000 });
    assert.equal(await player.locator('#history li').count(), 2, 'both previews of the session are listed again');
    assert.equal(await player.locator('#text').textContent(), TEXT);
    await screenshot(page, 'e2e-preview-player-restored');
  });

  it('saves the audio where the user says', async () => {
    const { page } = wb;
    const player = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await player.locator('#save').click();
    // The browser workbench asks for the path in its own file dialog, proposing preview.wav in the workspace.
    const path = page.locator('.quick-input-widget input');
    await page.locator('.quick-input-widget', { hasText: 'Save Audio As' }).waitFor({ timeout: 30_000 });
    await until(async () => (await path.inputValue()).endsWith('preview.wav'), 'the proposed file name');
    await page.keyboard.press('Enter');
    const saved = join(wb.server.workspace, 'preview.wav');
    await until(async () => existsSync(saved) && statSync(saved).size > 44, 'the saved file');
    assert.equal(readFileSync(saved).subarray(0, 4).toString('latin1'), 'RIFF');
  });
});
