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
    await openFile(page, 'promo.video.json');
    // The second shot's lens ("Edit Text" above each shot text).
    const lens = page.locator('.codelens-decoration a', { hasText: 'Edit Text' }).nth(1);
    await lens.waitFor({ timeout: 60_000 });
    await lens.click();
    const tab = page.locator('.tab.active', { hasText: 'promo.video · Shot 2.ssml' });
    await tab.waitFor({ timeout: 30_000 });
    // The decoded text: real quotes, and the line break the JSON string writes as \n.
    const shotEditor = page.locator('.editor-group-container.active .view-lines');
    await shotEditor.locator('.view-line', { hasText: 'interpret-as="money">599</say-as>' }).waitFor({ timeout: 30_000 });
    await shotEditor.locator('.view-line', { hasText: '谢谢</speak>' }).waitFor({ timeout: 30_000 });

    // Type at the end of the first line: a new line with a break and a quoted word.
    await shotEditor.locator('.view-line').first().click();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('<break time="300ms"/>');
    await page.keyboard.press('Escape');
    await page.keyboard.type('“新品”就在今天。');
    // The script, in the other group, shows it escaped inside the same string (spaces render as
    // no-break spaces, so the text looked for has none).
    const scriptEditor = page.locator('.editor-group-container:not(.active) .view-lines');
    await scriptEditor.locator('.view-line', { hasText: String.raw`300ms\"/>“新品”就在今天。\n谢谢` }).waitFor({ timeout: 30_000 });
    await screenshot(page, 'e2e-shot-editor');
  });
});
