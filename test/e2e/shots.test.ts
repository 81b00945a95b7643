/**
 * Edit Shot Text in the browser workbench with the packaged extension: the "Edit Text" CodeLens opens
 * the shot's decoded text beside its script, and what is typed there shows escaped in the script.
 */
import { openFile, openWorkbench, screenshot, type Workbench } from './workbench';

describe('the shot editor in the browser workbench (packaged .vsix)', () => {
  let wb: Workbench;
  before(async () => { wb = await openWorkbench(); });
  after(async () => { await wb?.close(); });

  it('opens a shot\'s text beside its script and writes what is typed into the JSON string', async () => {
    const { page } = wb;
    await openFile(page, 'evening.live.json');
    // The first shot's lens ("Edit Text" above each shot text).
    const lens = page.locator('.codelens-decoration a', { hasText: 'Edit Text' }).first();
    await lens.waitFor({ timeout: 60_000 });
    await lens.click();
    await page.locator('.tab.active', { hasText: 'evening.live · Opening › Greeting.ssml' }).waitFor({ timeout: 30_000 });
    // The decoded text: one line per line of SSML, quotes as they are.
    const shotEditor = page.locator('.editor-group-container.active .view-lines');
    await shotEditor.locator('.view-line', { hasText: 'type="HAPPY">欢迎来到极光官方直播间！' }).waitFor({ timeout: 30_000 });

    // A new line after the greeting: typed with its quotes, as in any SSML file.
    await shotEditor.locator('.view-line', { hasText: '点个关注，不迷路。' }).click();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('<prosody rate="120">');
    await page.keyboard.press('Escape');
    await page.keyboard.type('今晚八点，新品首发！</prosody>');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Home');
    // The script, in the other group, has it escaped inside the same string (spaces render as
    // no-break spaces, so the text looked for has none).
    const scriptEditor = page.locator('.editor-group-container:not(.active) .view-lines');
    await scriptEditor.locator('.view-line', { hasText: String.raw`不迷路。\n` }).filter({ hasText: String.raw`rate=\"120\">今晚八点，新品首发！</prosody>\n</speak>` }).waitFor({ timeout: 30_000 });
    // The linter's last pass (debounced) has seen the finished text: no error is left in the shot editor.
    await page.locator('.editor-group-container.active .squiggly-error').first().waitFor({ state: 'detached', timeout: 30_000 });
    await page.keyboard.press('Control+B');
    await screenshot(page, 'e2e-shot-editor');
  });
});
