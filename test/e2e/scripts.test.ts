/**
 * Writing a script in the browser workbench with the packaged extension: the Problems panel lists
 * MetaStudio's diagnostics of a script with mistakes, SSML completion works inside a shot text, and a
 * polyphone's quick fixes offer its readings under the shot's duration CodeLens.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../scripts/vscodeServer';
import { goToLine, openFile, openWorkbench, screenshot, type Workbench } from './workbench';

describe('script editing in the browser workbench (packaged .vsix)', () => {
  let wb: Workbench;
  before(async () => { wb = await openWorkbench(); });
  after(async () => { await wb?.close(); });

  it('lists the problems of a script in the Problems panel', async () => {
    await openFile(wb.page, 'mistakes.video.json');
    await wb.page.keyboard.press('Control+Shift+M');
    const rows = wb.page.locator('.markers-panel .monaco-list-row');
    await rows.filter({ hasText: 'script/invalid-enum' }).first().waitFor({ timeout: 30_000 });
    const texts = await rows.allInnerTexts();
    for (const code of ['script/unknown-property', 'script/invalid-enum', 'ssml/break-time-out-of-range']) {
      assert.ok(texts.some((t) => t.includes(code)), `${code} in the Problems panel:\n${texts.join('\n')}`);
    }
    await screenshot(wb.page, 'e2e-script-problems');
  });

  it('completes SSML tags inside a shot text', async () => {
    await openFile(wb.page, 'launch.video.json');
    // Go to just after "<speak>大家好" in the first shot text, then ask for suggestions.
    const text = readFileSync(join(repoRoot, 'test/fixtures/workspace/scripts/launch.video.json'), 'utf8');
    const at = text.indexOf('<speak>大家好') + '<speak>大家好'.length;
    const line = text.slice(0, at).split('\n').length;
    const column = at - text.lastIndexOf('\n', at - 1);
    await goToLine(wb.page, line, column);
    await wb.page.keyboard.press('Control+Space');
    const suggest = wb.page.locator('.suggest-widget .monaco-list-row', { hasText: 'phoneme' }).first();
    await suggest.waitFor({ timeout: 30_000 });
    await screenshot(wb.page, 'e2e-ssml-completion');
  });

  it('offers the readings of a polyphone as quick fixes, the one its word implies first, under the shot\'s duration', async () => {
    await openFile(wb.page, 'launch.video.json');
    // Put the cursor on 会 of 发布会 in the first shot text, then ask for its quick fixes.
    const text = readFileSync(join(repoRoot, 'test/fixtures/workspace/scripts/launch.video.json'), 'utf8');
    const at = text.indexOf('发布会') + '发布'.length;
    const line = text.slice(0, at).split('\n').length;
    const column = at - text.lastIndexOf('\n', at - 1);
    await goToLine(wb.page, line, column);
    await wb.page.locator('.codelens-decoration:visible', { hasText: '≈' }).first().waitFor({ timeout: 30_000 });
    await wb.page.keyboard.press('Control+.');
    const fixes = wb.page.locator('.action-widget .monaco-list-row', { hasText: 'Read "' });
    await fixes.first().waitFor({ timeout: 30_000 });
    const titles = await fixes.allInnerTexts();
    assert.match(titles[0], /^Read "[^"]*会[^"]*" as .*hui4.* \(in context\)/, titles.join('\n'));
    assert.ok(titles.some((t) => /kuai4/.test(t)), titles.join('\n'));
    await screenshot(wb.page, 'e2e-polyphone-fix');
    await wb.page.keyboard.press('Escape');
  });
});
