/**
 * The Jobs view in the browser workbench with the packaged extension, signed in to a sandbox of its
 * own: finished, failed and cancelled jobs with their state icons, a new job followed by the view's
 * poller until it succeeds, the "ready" notification with its actions, and its video played in the
 * video player webview.
 */
import * as assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { MetaStudioClient } from '../../src/core/cloud/client';
import { createUndiciTransport, type UndiciTransport } from '../../src/core/cloud/undiciTransport';
import { FAIL_MARKER, startSandbox, type Sandbox } from '../../src/sandbox';
import { openWorkbench, runCommand, screenshot, sidebar, sidebarRow, until, type Workbench } from './workbench';

const AK = 'E2EJOBSAK00000000001';
const SK = 'e2e-jobs-sk-not-a-real-secret';
const PROJECT = 'e2e-jobs-project';


describe('Jobs view in the browser workbench (packaged .vsix)', () => {
  let wb: Workbench;
  let sandbox: Sandbox;
  let transport: UndiciTransport;
  let client: MetaStudioClient;

  async function job(name: string, text: string): Promise<string> {
    const { script_id } = await client.createVideoScript({
      script_name: name,
      model_asset_id: '722928573bc9d8a099d400393a18d5d9',
      voice_config: { voice_asset_id: '5e93f40c9a5fb7e21cbdaf6d20b08559' },
      video_config: { codec: 'H264', bitrate: 4000, width: 1920, height: 1080, frame_rate: '25' },
      shoot_scripts: [{ sequence_no: 0, shoot_script: { text_config: { text } } }, { sequence_no: 1, shoot_script: { text_config: { text: `第二句。${text.includes(FAIL_MARKER) ? '' : '谢谢。'}` } } }],
    });
    return (await client.createVideoJob({ script_id, output_asset_config: { asset_name: name } })).job_id;
  }

  before(async () => {
    sandbox = await startSandbox({ ak: AK, sk: SK, timings: { jobStepMs: 3_000 } });
    transport = createUndiciTransport({});
    client = new MetaStudioClient({ endpoint: sandbox.url, projectId: PROJECT, credentials: { kind: 'aksk', ak: AK, sk: SK }, fetch: transport.fetch });
    await job('e2e welcome video', '大家好，欢迎来到发布会。');
    await job('e2e failing video', `开始。${FAIL_MARKER}`);
    await client.cancelVideoJob(await job('e2e cancelled video', '这个任务会被取消。'));
    wb = await openWorkbench({ env: { METASTUDIO_ENDPOINT: sandbox.url, HUAWEICLOUD_SDK_PROJECT_ID: PROJECT, HUAWEICLOUD_SDK_AK: AK, HUAWEICLOUD_SDK_SK: SK } });
  });
  after(async () => {
    await wb?.close();
    await transport?.close();
    await sandbox?.close();
  });

  it('shows jobs newest first with state icons, follows a new job to success and announces it', async () => {
    const { page } = wb;
    const icon = page.locator('.activitybar [aria-label^="MetaStudio"]').first();
    await icon.waitFor({ timeout: 60_000 });
    if (!(await page.locator('#workbench\\.parts\\.sidebar .composite.title', { hasText: /MetaStudio/i }).isVisible())) await icon.click();
    const header = sidebar(page).locator('.pane-header', { hasText: 'Jobs' }).first();
    await header.waitFor({ timeout: 30_000 });
    if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();

    await sidebarRow(page, 'e2e welcome video').waitFor({ timeout: 30_000 });
    await sidebarRow(page, /e2e failing video.*Failed/).waitFor({ timeout: 30_000 });
    await sidebarRow(page, /e2e cancelled video.*Cancelled/).waitFor();
    await sidebarRow(page, /e2e welcome video.*Succeeded/).waitFor({ timeout: 30_000 });
    assert.equal(await sidebarRow(page, 'e2e welcome video').locator('.codicon-pass').count(), 1);
    assert.equal(await sidebarRow(page, 'e2e failing video').locator('.codicon-error').count(), 1);

    await job('e2e fresh video', '新的任务，正在制作。');
    await runCommand(page, 'MetaStudio: Refresh Jobs');
    const fresh = sidebarRow(page, 'e2e fresh video');
    await fresh.waitFor({ timeout: 30_000 });
    const labels = await sidebar(page).locator('.monaco-list-row .label-name').allTextContents();
    const order = ['e2e fresh video', 'e2e cancelled video', 'e2e failing video', 'e2e welcome video'].map((n) => labels.indexOf(n));
    assert.deepEqual(order, [...order].sort((a, b) => a - b), `newest first: ${labels.join(', ')}`);
    assert.ok(!order.includes(-1));

    await sidebarRow(page, /e2e fresh video.*Succeeded/).waitFor({ timeout: 30_000 });
    const toast = page.locator('.notification-toast', { hasText: 'Video "e2e fresh video" is ready.' }).first();
    await toast.waitFor({ timeout: 15_000 });
    for (const action of ['Open Video', 'Download Video', 'Show Output Asset']) {
      assert.equal(await toast.locator('.monaco-button', { hasText: action }).count(), 1, action);
    }
    const file = await screenshot(page, 'e2e-jobs-tree');
    assert.ok(statSync(file).size > 10_000);

    // Open Video plays the video inside VS Code, from the extension's storage (no port proxy, no external link).
    await toast.locator('.monaco-button', { hasText: 'Open Video' }).click();
    const player = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    const video = player.locator('#video');
    await video.waitFor({ state: 'attached', timeout: 60_000 });
    await until(() => video.evaluate((el: HTMLVideoElement) => el.readyState >= 3), 'the video to reach canplay');
    assert.match(await video.evaluate((el: HTMLVideoElement) => el.currentSrc), /^https:\/\/[^/]+\.vscode-resource\.vscode-cdn\.net\/.*\/videos\/[^/]+\/e2e(%20| )fresh(%20| )video\.mp4$/, "played from the extension's storage through asWebviewUri");
    assert.ok((await video.evaluate((el: HTMLVideoElement) => el.duration)) > 1);
    assert.equal(await player.locator('#status').isHidden(), true, 'no "cannot be played" message');
    await runCommand(page, 'View: Close All Editors');

    await sidebarRow(page, 'e2e failing video').hover();
    const hover = page.locator('.monaco-hover, .workbench-hover', { hasText: 'MSS.42000007' }).first();
    await hover.waitFor({ timeout: 10_000 });
    assert.match((await hover.innerText()).replace(/\u00a0/g, ' '), /shot 1 \(sequence_no 0\)/);
  });
});
