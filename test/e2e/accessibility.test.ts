/**
 * Accessibility in the browser workbench, with the packaged extension and a sandbox of its own
 * (docs/accessibility.md): each failure found by trying it by keyboard and screen reader is a test
 * here; each webview does a whole task by keyboard alone; axe-core runs in every webview in four
 * themes (axe.ts). Screen-reader checks read Chromium's accessibility tree, what a screen reader
 * is given.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { MetaStudioClient } from '../../src/core/cloud/client';
import { createUndiciTransport } from '../../src/core/cloud/undiciTransport';
import { accessibleNode, accessibleNodes, checkWebviewAccessibility, setColorTheme, THEMES, webviewFrame, type Theme } from './axe';
import { goToLine, openFile, openWorkbench, runCommand, sidebar, until, type Workbench } from './workbench';

/** A webview of the extension: its page's `<title>`, how to open it, and what to check in a theme beyond axe. */
interface WebviewUnderTest {
  readonly title: string;
  /** Opens the webview, or does nothing when it is open, and puts on screen as much as it can show. */
  open(page: Page): Promise<void>;
  check?(frame: Frame, theme: Theme): Promise<void>;
}

/** The output asset of the finished job whose video the player plays: the player's title. */
const VIDEO = 'Spring launch video';

/** Every webview the extension has: the next one is one more line. */
const WEBVIEWS: readonly WebviewUnderTest[] = [
  { title: 'Voice Preview', open: showPreviewWithAnError, check: previewInTheme },
  { title: 'Layout', open: showLayoutWithASelection },
  { title: 'Storyboard', open: showStoryboard },
  { title: VIDEO, open: openVideoByKeyboard, check: seekAccentInTheme },
];

const TEXT = 'Hello from the MetaStudio voice preview, played in its own player panel.';

const focusedRow = (page: Page) => sidebar(page).locator('.monaco-list-row.focused');
/** What has the keyboard focus in the page (outside webviews), in a few words. */
const activeElement = (page: Page) => page.evaluate('(() => { const a = document.activeElement; return a ? `${a.tagName} ${a.getAttribute("role") ?? ""} ${a.getAttribute("aria-label") ?? ""}`.trim() : ""; })()') as Promise<string>;
/** The id of the focused element in a webview, when the webview has the keyboard focus. */
const focusedId = (frame: Frame) => frame.evaluate('document.hasFocus() ? document.activeElement.id || document.activeElement.tagName : ""') as Promise<string>;

async function palette(page: Page, prefix: string, text: string, row: string | RegExp): Promise<void> {
  await page.keyboard.press(prefix);
  await page.locator('.quick-input-widget input').waitFor({ timeout: 30_000 });
  await page.keyboard.type(text);
  await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: row }).waitFor({ timeout: 30_000 });
  await page.keyboard.press('Enter');
}

/** Preview Voice from the command palette, typed: the text, then the voice. */
async function previewByKeyboard(page: Page, text: string): Promise<void> {
  await palette(page, 'F1', '>MetaStudio: Preview Voice', 'MetaStudio: Preview Voice');
  await page.locator('.quick-input-widget', { hasText: 'Text or SSML to hear' }).waitFor({ timeout: 30_000 });
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget input[placeholder^="Choose the voice"]').waitFor({ timeout: 30_000 });
  await page.keyboard.type('Sarah');
  await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: 'Sarah' }).waitFor({ timeout: 30_000 });
  await page.keyboard.press('Enter');
}

/** Tab until the element with this id has the focus; the ids met on the way. */
async function tabTo(page: Page, frame: Frame, id: string, key = 'Tab'): Promise<string[]> {
  const met: string[] = [];
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press(key);
    met.push(await focusedId(frame));
    if (met.at(-1) === id) return met;
  }
  throw new Error(`no #${id} after 20 presses of ${key}: ${met.join(', ')}`);
}

/** Replaces a number field's value by typing over it. */
async function retype(page: Page, frame: Frame, id: string, value: string): Promise<void> {
  await frame.locator(`#${id}`).selectText();
  await page.keyboard.type(value);
  await until(async () => (await frame.locator(`#${id}`).inputValue()) === value, `#${id} to read ${value}`);
}

async function showPreviewWithAnError(page: Page): Promise<void> {
  const tab = page.locator('.tabs-container .tab', { hasText: 'Voice Preview' });
  // A webview behind another tab has no document: bring it to the front.
  if (await tab.count() === 0) await previewByKeyboard(page, TEXT);
  else await tab.first().click();
  const frame = await webviewFrame(page, 'Voice Preview');
  await frame.locator('#history li').first().waitFor({ timeout: 60_000 });
  await frame.locator('#speed').fill('999');
  await frame.locator('#speed-error', { hasText: 'Speed must be' }).waitFor({ timeout: 10_000 });
}

/**
 * The layout of the launch script's first shot, its avatar layer selected and its cover shown. The script opens in a
 * group to the side (Ctrl+Enter in Quick Open) and the layout beside it, so that the Voice Preview
 * stays visible in its own group.
 */
async function showLayoutWithASelection(page: Page): Promise<void> {
  if (await page.locator('.tabs-container .tab', { hasText: 'Layout' }).count() === 0) {
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input').fill('launch.video.json');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'launch.video.json' }).first().waitFor({ timeout: 30_000 });
    await page.keyboard.press('Control+Enter');
    await page.locator('.tab.active', { hasText: 'launch.video.json' }).waitFor({ timeout: 30_000 });
    await goToLine(page, 47, 1);
    await runCommand(page, 'MetaStudio: Open Layout to the Side');
  } else {
    await page.locator('.tabs-container .tab', { hasText: 'Layout' }).first().click();
  }
  const frame = await webviewFrame(page, 'Layout');
  // Checked with the pictures shown: the avatar's cover from the workbench's sandbox.
  await frame.locator('#stage [data-layer-type="HUMAN"] image').waitFor({ state: 'attached', timeout: 30_000 });
  await frame.locator('#layers button').first().click();
  await frame.locator('#layers button[aria-pressed="true"]').waitFor({ timeout: 30_000 });
}

/** The storyboard of the launch script, opened from the command palette on its editor; its three thumbnails shown. */
async function showStoryboard(page: Page): Promise<void> {
  const tab = page.locator('.tabs-container .tab', { hasText: 'Storyboard' });
  if (await tab.count() === 0) {
    await openFile(page, 'launch.video.json');
    await runCommand(page, 'MetaStudio: Open Storyboard');
  } else {
    await tab.first().click();
  }
  const frame = await webviewFrame(page, 'Storyboard');
  await frame.locator('#item-3').waitFor({ timeout: 60_000 });
}

/** In High Contrast a colour alone shows nothing: the message is there, and the slider has the theme's accent. */
async function previewInTheme(frame: Frame, theme: Theme): Promise<void> {
  const error = frame.locator('#speed-error');
  assert.ok(await error.isVisible(), `the message of an invalid setting shows in ${theme.label}`);
  assert.equal(await error.textContent(), 'Speed must be a whole number from 50 to 200.');
  await seekAccentInTheme(frame, theme);
}

/** The Position slider has the theme's accent, not the browser's blue. */
async function seekAccentInTheme(frame: Frame, theme: Theme): Promise<void> {
  const [accent, expected] = await frame.locator('#seek').evaluate((seek) => {
    const probe = document.createElement('div');
    probe.style.color = 'var(--vscode-progressBar-background)';
    document.body.append(probe);
    const colour = getComputedStyle(probe).color;
    probe.remove();
    return [getComputedStyle(seek).accentColor, colour];
  });
  assert.equal(accent, expected, `the seek slider's accent is the theme's progress bar colour in ${theme.label}`);
}

let sandboxEnv: NodeJS.ProcessEnv = {};
let finishedJob: Promise<void> | undefined;

/** A video job of the workbench's sandbox that has succeeded, made once through the API. */
function videoJobDone(): Promise<void> {
  finishedJob ??= (async () => {
    const transport = createUndiciTransport({});
    try {
      const client = new MetaStudioClient({
        endpoint: sandboxEnv.METASTUDIO_ENDPOINT!, projectId: sandboxEnv.HUAWEICLOUD_SDK_PROJECT_ID!,
        credentials: { kind: 'aksk', ak: sandboxEnv.HUAWEICLOUD_SDK_AK!, sk: sandboxEnv.HUAWEICLOUD_SDK_SK! }, fetch: transport.fetch,
      });
      const { script_id } = await client.createVideoScript({
        script_name: 'spring-launch',
        model_asset_id: '722928573bc9d8a099d400393a18d5d9',
        voice_config: { voice_asset_id: '5e93f40c9a5fb7e21cbdaf6d20b08559' },
        video_config: { codec: 'H264', bitrate: 4000, width: 1920, height: 1080, frame_rate: '25' },
        // About fifteen seconds of video (a fifth of a second a character): long enough to seek by ten.
        shoot_scripts: [{ sequence_no: 0, shoot_script: { text_config: { text: '大家好，欢迎来到春季发布会。今天我们带来三款新产品，它们更轻、更快，也更安静。请跟我一起看看它们是怎样做出来的，又能为您的生活带来哪些改变。' + '谢谢大家的到来。'.repeat(3) } } }],
      });
      const { job_id } = await client.createVideoJob({ script_id, output_asset_config: { asset_name: VIDEO } });
      await until(async () => (await client.getVideoJob(job_id)).state === 'SUCCEED', 'the video job to succeed', 60_000);
    } finally {
      await transport.close();
    }
  })();
  return finishedJob;
}

/** Opens the finished job's video from the Jobs view by keyboard: the row, Shift+F10, Open Video. */
async function openVideoByKeyboard(page: Page): Promise<void> {
  if (await page.locator('.tabs-container .tab', { hasText: VIDEO }).count() > 0) return;
  await videoJobDone();
  await runCommand(page, 'MetaStudio: Refresh Jobs');
  await runCommand(page, 'Focus on Jobs View');
  // The job listed and the tree holding the keyboard before the first Down, which a refresh could undo.
  await sidebar(page).locator('.monaco-list-row', { hasText: VIDEO }).waitFor({ timeout: 30_000 });
  await until(async () => (await activeElement(page)).startsWith('DIV tree Jobs'), 'the Jobs tree to have the focus', 10_000)
    .catch(async (err: Error) => { throw new Error(`${err.message}; the focus is on: ${await activeElement(page)}`); });
  const row = focusedRow(page).filter({ hasText: VIDEO });
  for (let i = 0; i < 10 && !(await row.count()); i++) {
    await page.keyboard.press('ArrowDown');
    await page.waitForTimeout(100);
  }
  await row.waitFor({ timeout: 10_000 });
  await page.keyboard.press('Shift+F10');
  const item = page.locator('.monaco-menu .action-item.focused', { hasText: 'Open Video' });
  for (let i = 0; i < 10 && !(await item.count()); i++) {
    await page.keyboard.press('ArrowDown');
    await page.waitForTimeout(100);
  }
  await item.waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
  const frame = await webviewFrame(page, VIDEO);
  await until(async () => (await frame.locator('#video').evaluate((v: HTMLVideoElement) => v.readyState)) >= 1, 'the video to load');
}

/** Records what the webview's live regions say from now on (window.__said). */
async function listenToLiveRegions(frame: Frame): Promise<void> {
  await frame.evaluate(`(() => {
    window.__said = [];
    const regions = [...document.querySelectorAll('[aria-live], [role="status"]')];
    const text = (r) => r.textContent.trim();
    new MutationObserver(() => {
      for (const r of regions) if (text(r) && text(r) !== r.__last) window.__said.push(text(r));
      for (const r of regions) r.__last = text(r);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
    for (const r of regions) r.__last = text(r);
  })()`);
}

const said = (frame: Frame) => frame.evaluate('window.__said') as Promise<string[]>;

describe('accessibility in the browser workbench (packaged .vsix)', () => {
  let wb: Workbench;
  let page: Page;
  before(async () => {
    wb = await openWorkbench();
    page = wb.page;
    sandboxEnv = wb.sandbox.env;
    await page.locator('.activitybar [aria-label^="MetaStudio"]').first().waitFor({ timeout: 60_000 });
  });
  after(async () => { await wb?.close(); });

  describe('Assets view and status bar', () => {
    it('Focus on Assets View in a new window lands in the tree, and the first Down on its first row', async () => {
      // The first thing done in this window: the extension is not active yet.
      await runCommand(page, 'Focus on Assets View');
      await sidebar(page).locator('.monaco-list-row', { hasText: /^Voices \(\d+\)/ }).waitFor({ timeout: 60_000 });
      await until(async () => (await activeElement(page)) === 'DIV tree Assets', 'the Assets tree to have the focus', 10_000)
        .catch(async (err: Error) => { throw new Error(`${err.message}; the focus is on: ${await activeElement(page)}`); });
      await page.keyboard.press('ArrowDown');
      await focusedRow(page).filter({ hasText: /^Voices/ }).waitFor({ timeout: 10_000 });
      assert.equal(await focusedRow(page).getAttribute('aria-posinset'), '1');
    });

    it('after Enter on "Load more…" the first new row has the focus', async () => {
      // Each group says "loading…" until its count comes.
      await sidebar(page).locator('.monaco-list-row', { hasText: /^Images \(\d+\)/ }).waitFor({ timeout: 30_000 });
      const images = focusedRow(page).filter({ hasText: /^Images/ });
      for (let i = 0; i < 8 && !(await images.count()); i++) await page.keyboard.press('ArrowDown');
      await images.waitFor({ timeout: 10_000 }).catch(async (err: Error) => {
        throw new Error(`${err.message}; focused: "${await focusedRow(page).allTextContents()}", focus on: ${await activeElement(page)}`);
      });
      await page.keyboard.press('ArrowRight');
      await sidebar(page).locator('.monaco-list-row[aria-level="2"]').first().waitFor({ timeout: 30_000 });
      for (let i = 0; i < 51; i++) await page.keyboard.press('ArrowDown');
      await focusedRow(page).filter({ hasText: 'Load more…' }).waitFor({ timeout: 10_000 });
      await page.keyboard.press('Enter');
      await until(async () => (await focusedRow(page).getAttribute('aria-posinset')) === '51' && (await focusedRow(page).getAttribute('aria-level')) === '2',
        'the 51st image to have the focus');
      // The command is done (its reveal too) when the view's progress bar is: a key pressed before may be undone.
      await until(async () => !(await sidebar(page).locator('.monaco-progress-container.active').count()), 'Load more to end');
      assert.equal(await activeElement(page), 'DIV tree Assets', 'the tree keeps the keyboard focus');
      // The tree settles its focus a moment after the reveal; a key pressed before that can be undone.
      await page.waitForTimeout(1000);
      await page.keyboard.press('ArrowDown');
      await until(async () => (await focusedRow(page).getAttribute('aria-posinset')) === '52', 'Down to go on to the 52nd image, not to the top', 10_000)
        .catch(async (err: Error) => { throw new Error(`${err.message}; focused: ${await focusedRow(page).evaluateAll((rows) => rows.map((r) => `${r.getAttribute('aria-posinset')} ${r.textContent}`).join(' | '))}`); });
    });

    it('the connection status item reads in words, without an icon name or a mouse', async () => {
      const item = page.locator('[id="metastudio-tools.metastudio-vscode.metastudio.connection"]');
      assert.equal(await item.getAttribute('aria-label'), 'MetaStudio connection: Environment (local sandbox). Switch connection');
    });
  });

  describe('Voice Preview player', () => {
    let frame: Frame;

    it('does a whole task by keyboard alone: preview a text, change its speed, synthesize, save', async () => {
      await previewByKeyboard(page, TEXT);
      frame = await webviewFrame(page, 'Voice Preview');
      await frame.locator('#status', { hasText: /^Preview 1 is ready/ }).waitFor({ timeout: 60_000 });
      // Into the player: its editor group, then Tab through its controls in reading order.
      await palette(page, 'F1', '>View: Focus Active Editor Group', 'View: Focus Active Editor Group');
      await until(async () => (await frame.evaluate('document.hasFocus()')) as boolean, 'the player to have the focus');
      assert.deepEqual(await tabTo(page, frame, 'speed'), ['play', 'seek', 'rate', 'text', 'voice', 'speed']);
      // Tab selected the field's value: typing replaces it.
      await page.keyboard.type('120');
      assert.deepEqual(await tabTo(page, frame, 'synthesize'), ['pitch', 'volume', 'synthesize']);
      await page.keyboard.press('Enter');
      await frame.locator('#status', { hasText: /^Preview 2 is ready/ }).waitFor({ timeout: 60_000 });
      assert.equal(await focusedId(frame), 'synthesize', 'the focus stayed on Synthesize while it ran');
      assert.match((await frame.locator('#history li').first().textContent()) ?? '', /speed 120, pitch 100, volume 140/);
      assert.deepEqual(await tabTo(page, frame, 'save'), ['save']);
      await page.keyboard.press('Enter');
      const path = page.locator('.quick-input-widget input');
      await page.locator('.quick-input-widget', { hasText: 'Save Audio As' }).waitFor({ timeout: 30_000 });
      await until(async () => (await path.inputValue()).endsWith('preview.wav'), 'the proposed file name');
      await page.keyboard.press('Enter');
      const saved = join(wb.server.workspace, 'preview.wav');
      await until(async () => existsSync(saved) && statSync(saved).size > 44, 'the saved file');
      assert.equal(readFileSync(saved).subarray(0, 4).toString('latin1'), 'RIFF');
      await until(async () => (await focusedId(frame)) === 'save', 'the focus back on Save after the dialog');
    });

    it('gives focus back to Save when Save Audio As is cancelled', async () => {
      await frame.locator('#save').focus();
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-widget', { hasText: 'Save Audio As' }).waitFor({ timeout: 30_000 });
      await page.keyboard.press('Escape');
      await until(async () => (await focusedId(frame)) === 'save', 'the focus back on Save', 10_000)
        .catch(async (err: Error) => { throw new Error(`${err.message}; the focus is on: ${await activeElement(page)} / ${await focusedId(frame)}`); });
    });

    it('describes an out-of-range setting: invalid, a message tied to it, and why Synthesize is unavailable', async () => {
      await retype(page, frame, 'speed', '999');
      const speed = await accessibleNode(page, frame, 'spinbutton', 'Speed');
      assert.equal(speed.properties.invalid, 'true');
      assert.equal(speed.description, 'Speed must be a whole number from 50 to 200.');
      assert.ok(await frame.locator('#speed-error').isVisible(), 'the message is on screen, not only a colour');
      const synthesize = await accessibleNode(page, frame, 'button', 'Synthesize');
      assert.equal(synthesize.properties.disabled, true);
      assert.equal(synthesize.description, 'To synthesize, correct: Speed.');
      assert.equal(synthesize.properties.focusable, true, 'still in the Tab order, so its reason can be heard');
      await retype(page, frame, 'speed', '120');
      assert.notEqual((await accessibleNode(page, frame, 'spinbutton', 'Speed')).properties.invalid, 'true');
      assert.equal(await frame.locator('#speed-error').isVisible(), false);
    });

    it('gives each number field its range', async () => {
      for (const [name, min, max] of [['Speed', 50, 200], ['Pitch', 50, 200], ['Volume', 90, 240]] as const) {
        const node = await accessibleNode(page, frame, 'spinbutton', name);
        assert.deepEqual([node.properties.valuemin, node.properties.valuemax], [min, max], name);
      }
    });

    it('steps the seek slider by seconds and says its value in words', async () => {
      await frame.locator('#audio').evaluate((audio: HTMLAudioElement) => audio.pause());
      await frame.locator('#seek').focus();
      await page.keyboard.press('Home');
      await page.keyboard.press('ArrowRight');
      const time = () => frame.locator('#audio').evaluate((audio: HTMLAudioElement) => audio.currentTime);
      assert.equal(await time(), 1, 'one second per arrow');
      // Chromium gives aria-valuetext to the platform's accessibility API, but not to its DevTools tree.
      assert.match(await frame.locator('#seek').getAttribute('aria-valuetext') ?? '', /^1 second of \d+ seconds$/);
      assert.equal((await accessibleNode(page, frame, 'slider', 'Position')).value, 1);
      const duration = await frame.locator('#audio').evaluate((audio: HTMLAudioElement) => audio.duration);
      await page.keyboard.press('PageUp');
      assert.equal(await time(), Math.min(11, duration), 'ten seconds per Page Up, not past the end');
      await page.keyboard.press('Home');
    });

    it('says a settings change in a polite live region, at most once per key pressed', async () => {
      const statuses = (await accessibleNodes(page, frame)).filter((n) => n.role === 'status');
      assert.deepEqual(statuses.map((n) => n.properties.live), ['polite', 'polite'], 'the settings notice and the status line');
      assert.equal(await frame.locator('#errors').getAttribute('aria-live'), 'polite');
      await listenToLiveRegions(frame);
      await frame.locator('#pitch').selectText();
      const perKey: string[][] = [];
      for (const key of ['1', '3', '0']) {
        const before = (await said(frame)).length;
        await page.keyboard.press(key);
        await new Promise((r) => setTimeout(r, 300));
        perKey.push((await said(frame)).slice(before));
      }
      assert.deepEqual(perKey, [['Pitch must be a whole number from 50 to 200.'], [], ['Settings changed: synthesize to hear them']]);
      assert.equal(await frame.locator('#stale').getAttribute('role'), 'status');
      await retype(page, frame, 'pitch', '100');
    });

    it('names each session button after its preview and marks the one in the player, not by colour alone', async () => {
      const buttons = frame.locator('#history button');
      const names = await buttons.evaluateAll((all) => all.map((b) => b.getAttribute('aria-label')));
      assert.deepEqual(names, [`Play preview 2: ${TEXT.slice(0, 58)}…`, `Play preview 1: ${TEXT.slice(0, 58)}…`]);
      assert.deepEqual(await buttons.evaluateAll((all) => all.map((b) => b.getAttribute('aria-current'))), ['true', null]);
      assert.equal(await frame.locator('#history li.current').textContent().then((t) => t?.includes('in the player')), true);
      for (const name of names) await accessibleNode(page, frame, 'button', name!);
    });

    it('leaves Ctrl+digit to VS Code while Playback speed has the focus', async () => {
      await frame.locator('#rate').focus();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      assert.equal(await frame.locator('#rate').inputValue(), '1.5');
      await page.keyboard.press('Control+2');
      // VS Code took it (Focus Second Editor Group): the focus left the player; the speed is unchanged.
      await until(async () => !(await frame.evaluate('document.hasFocus()')), 'VS Code to move the focus');
      assert.equal(await frame.locator('#rate').inputValue(), '1.5');
      await palette(page, 'F1', '>View: Close Editor Group', 'View: Close Editor Group');
    });

    it('has one level-one heading', async () => {
      assert.deepEqual(await frame.locator('h1').allTextContents(), ['Voice Preview']);
    });

    it('says a failed synthesis once, in its status line with code, message and request id, and raises no notification as well', async () => {
      const faults = `${wb.sandbox.url}/_sandbox/faults`;
      const injected = await fetch(faults, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ kind: '500', method: 'POST', pathPattern: '/ttsc/audition$', count: 20 }) });
      assert.equal(injected.status, 200);
      try {
        await retype(page, frame, 'speed', '130');
        await listenToLiveRegions(frame);
        await frame.locator('#synthesize').focus();
        await page.keyboard.press('Enter');
        await frame.locator('#status', { hasText: /^Synthesis failed: MSS\.\d+: .+request id \S+/ }).waitFor({ timeout: 60_000 });
        await new Promise((r) => setTimeout(r, 1_000));
        assert.deepEqual((await said(frame)).filter((text) => /failed/i.test(text)).length, 1, `said: ${JSON.stringify(await said(frame))}`);
        assert.equal(await page.locator('.notifications-toasts .notification-toast', { hasText: 'MSS.' }).count(), 0, 'no notification says it again');
      } finally {
        await fetch(faults, { method: 'DELETE' });
      }
    });
  });

  describe('Video player', () => {
    let frame: Frame;
    const video = () => frame.locator('#video');
    const time = () => video().evaluate((v: HTMLVideoElement) => v.currentTime);

    it('does a whole task by keyboard alone: open a finished video, play it, seek, mute, download it', async () => {
      await openVideoByKeyboard(page);
      frame = await webviewFrame(page, VIDEO);
      await until(async () => (await focusedId(frame)) === 'play', 'the focus on Play when the player opens', 10_000)
        .catch(async (err: Error) => { throw new Error(`${err.message}; the focus is on: ${await activeElement(page)} / ${await focusedId(frame)}`); });
      await page.keyboard.press('Enter');
      await until(async () => !(await video().evaluate((v: HTMLVideoElement) => v.paused)) && (await frame.locator('#play').textContent()) === 'Pause', 'the video to play');
      await page.keyboard.press('Space');
      await until(async () => (await frame.locator('#play').textContent()) === 'Play', 'the video to pause');

      assert.deepEqual(await tabTo(page, frame, 'seek'), ['seek']);
      const duration = await video().evaluate((v: HTMLVideoElement) => v.duration);
      assert.ok(duration > 11, `a video longer than ten seconds (${duration} s)`);
      await page.keyboard.press('Home');
      await page.keyboard.press('ArrowRight');
      assert.equal(await time(), 1, 'one second per arrow');
      assert.match(await frame.locator('#seek').getAttribute('aria-valuetext') ?? '', /^1 second of \d+ seconds$/);
      assert.equal((await accessibleNode(page, frame, 'slider', 'Position')).value, 1);
      await page.keyboard.press('PageUp');
      assert.equal(await time(), 11, 'ten seconds per Page Up');
      await page.keyboard.press('End');
      assert.equal(await time(), duration);
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowLeft');
      assert.equal(await time(), Math.ceil(duration) - 2);

      // Play the last seconds: its end is said once, in the status line.
      await listenToLiveRegions(frame);
      assert.deepEqual(await tabTo(page, frame, 'play', 'Shift+Tab'), ['play']);
      await page.keyboard.press('Enter');
      await frame.locator('#status', { hasText: 'The video has ended.' }).waitFor({ timeout: 30_000 });
      await new Promise((r) => setTimeout(r, 500));
      assert.deepEqual(await said(frame), ['The video has ended.']);
      assert.equal(await frame.locator('#play').textContent(), 'Play');

      assert.deepEqual(await tabTo(page, frame, 'mute'), ['seek', 'rate', 'mute']);
      await page.keyboard.press('Enter');
      assert.equal(await video().evaluate((v: HTMLVideoElement) => v.muted), true);
      assert.equal(await frame.locator('#mute').textContent(), 'Unmute');

      assert.deepEqual(await tabTo(page, frame, 'download'), ['download']);
      await page.keyboard.press('Enter');
      const path = page.locator('.quick-input-widget input');
      await page.locator('.quick-input-widget', { hasText: 'Save the video as' }).waitFor({ timeout: 30_000 });
      await until(async () => (await path.inputValue()).endsWith('.mp4'), 'the proposed file name');
      const saved = join(wb.server.workspace, (await path.inputValue()).split('/').pop()!);
      await page.keyboard.press('Enter');
      await until(async () => existsSync(saved) && statSync(saved).size > 1000, 'the saved video');
      await until(async () => (await focusedId(frame)) === 'download', 'the focus back on Download Video after the dialog')
        .catch(async (err: Error) => { throw new Error(`${err.message}; the focus is on: ${await activeElement(page)} / ${await focusedId(frame)}`); });
    });

    it('gives focus back to Download Video when its dialog is cancelled', async () => {
      await frame.locator('#download').focus();
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-widget', { hasText: 'Save the video as' }).waitFor({ timeout: 30_000 });
      await page.keyboard.press('Escape');
      await until(async () => (await focusedId(frame)) === 'download', 'the focus back on Download Video', 10_000)
        .catch(async (err: Error) => { throw new Error(`${err.message}; the focus is on: ${await activeElement(page)} / ${await focusedId(frame)}`); });
    });

    it('has one level-one heading, the video\'s name, and no browser controls', async () => {
      assert.deepEqual(await frame.locator('h1').allTextContents(), [VIDEO]);
      assert.equal(await video().evaluate((v: HTMLVideoElement) => v.controls), false);
    });
  });

  describe('Layout view', () => {
    it('does a whole task by keyboard alone: move the avatar 10 pixels, hear where it went, undo it with one Ctrl+Z', async () => {
      await palette(page, 'Control+P', 'launch.video.json', 'launch.video.json');
      await page.locator('.tab.active', { hasText: 'launch.video.json' }).waitFor({ timeout: 30_000 });
      await goToLine(page, 47, 1);
      await palette(page, 'F1', '>MetaStudio: Open Layout to the Side', 'MetaStudio: Open Layout to the Side');
      const frame = await webviewFrame(page, 'Layout');
      await frame.locator('#title', { hasText: 'Shot 1 of 3' }).waitFor({ timeout: 60_000 });
      const avatar = frame.locator('#layers button', { hasText: /^Avatar/ });
      assert.match((await avatar.textContent()) ?? '', /x 660, y 120, width 600, height 960, rotation 0 degrees/);

      // The view opens beside the script and leaves it the focus: into the view's group, then Tab.
      await palette(page, 'F1', '>View: Focus Next Editor Group', 'View: Focus Next Editor Group');
      await until(async () => (await frame.evaluate('document.hasFocus()')) as boolean, 'the layout view to have the focus');
      const met: string[] = [];
      while (!/^Avatar/.test(await frame.evaluate('document.activeElement.textContent') as string)) {
        if (met.length > 12) assert.fail(`no Avatar button after Tab ×12: ${met.join(', ')}`);
        await page.keyboard.press('Tab');
        met.push(await focusedId(frame));
      }
      assert.deepEqual(met.slice(0, 3), ['snap', 'forward', 'backward'], 'the tools first, then the layers');
      await page.keyboard.press('Enter');
      assert.equal(await avatar.getAttribute('aria-pressed'), 'true');
      await listenToLiveRegions(frame);
      await page.keyboard.press('Shift+ArrowRight');
      await frame.locator('#status', { hasText: 'moved to x 670, y 120.' }).waitFor({ timeout: 30_000 });
      await until(async () => /x 670, y 120/.test((await avatar.textContent()) ?? ''), 'the redraw with the new x');
      const editorText = page.locator('.editor-instance .view-lines').first();
      await until(async () => ((await editorText.textContent()) ?? '').replace(/\u00a0/g, ' ').includes('"dx": 670'), 'the script to say dx 670');
      assert.deepEqual(await said(frame), ['Avatar, layer 1 of 2 moved to x 670, y 120.']);

      await palette(page, 'F1', '>View: Focus Previous Editor Group', 'View: Focus Previous Editor Group');
      await page.keyboard.press('Control+Z');
      await until(async () => /x 660, y 120/.test((await avatar.textContent()) ?? ''), 'one undo to move it back');
    });
  });

  describe('Storyboard', () => {
    it('does a whole task by keyboard alone: open the storyboard, arrow to shot 2, Enter: the editor\'s cursor is in shot 2, the layout view shows it', async () => {
      await showStoryboard(page);
      const frame = await webviewFrame(page, 'Storyboard');
      // The view opens with the focus, on its first thumbnail: the one Tab stop of the grid.
      await until(async () => (await focusedId(frame)) === 'item-1', 'the focus on shot 1 when the storyboard opens', 10_000)
        .catch(async (err: Error) => { throw new Error(`${err.message}; the focus is on: ${await activeElement(page)} / ${await focusedId(frame)}`); });
      assert.deepEqual(await frame.locator('button.thumb').evaluateAll((all) => all.map((b) => (b as HTMLButtonElement).tabIndex)), [0, -1, -1]);
      await listenToLiveRegions(frame);
      await page.keyboard.press('End');
      assert.equal(await focusedId(frame), 'item-3');
      await page.keyboard.press('Home');
      assert.equal(await focusedId(frame), 'item-1');
      await page.keyboard.press('ArrowRight');
      assert.equal(await focusedId(frame), 'item-2');
      assert.deepEqual(await frame.locator('button.thumb').evaluateAll((all) => all.map((b) => (b as HTMLButtonElement).tabIndex)), [-1, 0, -1], 'the Tab stop moved along');
      const name = await frame.locator('#item-2 .name').textContent();
      assert.match(name ?? '', /^Shot 2 of 3: "Meet Aurora X1\. Active noise cancelling, thirty hours of battery, and a case…", about \d+ seconds, no problems$/);
      await accessibleNode(page, frame, 'button', name!);
      await page.keyboard.press('Enter');
      // The editor has the cursor in shot 2 (lines 63 to 76 of the script); the layout view shows shot 2.
      const line = async () => Number(/Ln (\d+),/.exec((await page.locator('.statusbar-item', { hasText: /^Ln \d+, Col \d+/ }).first().textContent()) ?? '')?.[1]);
      await until(async () => (await line()) >= 63 && (await line()) <= 76, 'the cursor in shot 2')
        .catch(async (err: Error) => { throw new Error(`${err.message}; the cursor is on line ${await line()}`); });
      await page.locator('.editor-instance .monaco-editor.focused').waitFor({ timeout: 10_000 });
      const layout = await webviewFrame(page, 'Layout');
      await layout.locator('#title', { hasText: 'Shot 2 of 3' }).waitFor({ timeout: 30_000 });
      assert.deepEqual(await said(frame), [], 'moving between thumbnails announces nothing: each says itself');
      // The layout view back on shot 1 (it has layers), as the axe checks below expect it.
      await goToLine(page, 47, 1);
      await layout.locator('#title', { hasText: 'Shot 1 of 3' }).waitFor({ timeout: 30_000 });
    });

    it('has one level-one heading', async () => {
      const frame = await webviewFrame(page, 'Storyboard');
      assert.deepEqual(await frame.locator('h1').allTextContents(), ['Storyboard: launch.video.json']);
    });
  });

  describe('axe-core in every webview, in four themes', () => {
    for (const theme of THEMES) {
      it(`${theme.label}: ${WEBVIEWS.map((w) => w.title).join(', ')}`, async () => {
        await setColorTheme(page, theme);
        for (const webview of WEBVIEWS) {
          await webview.open(page);
          const check = await checkWebviewAccessibility(page, webview.title, theme);
          assert.deepEqual(check.violations, [], `${webview.title} in ${theme.label} (see ${check.screenshot})`);
          await webview.check?.(await webviewFrame(page, webview.title), theme);
        }
      });
    }
  });
});
