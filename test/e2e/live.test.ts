/**
 * The Live view in the browser workbench with the packaged extension, signed in to a sandbox of its
 * own: a live room with a running livestream and one that has ended, with their state icons.
 */
import * as assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { MetaStudioClient } from '../../src/core/cloud/client';
import type { LiveRoomRequest } from '../../src/core/cloud/types';
import { createUndiciTransport, type UndiciTransport } from '../../src/core/cloud/undiciTransport';
import { startSandbox, type Sandbox } from '../../src/sandbox';
import { openWorkbench, screenshot, sidebar, sidebarRow, type Workbench } from './workbench';

const AK = 'E2ELIVEAK00000000001';
const SK = 'e2e-live-sk-not-a-real-secret';
const PROJECT = 'e2e-live-project';

/** A job row: its label is the state (the room rows show it as their description). */
const jobRow = (page: Page, state: string) => sidebar(page).locator('.monaco-list-row').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${state}$`) }) }).first();

function room(name: string): LiveRoomRequest {
  return {
    room_name: name,
    video_config: { codec: 'H264', bitrate: 4000, width: 1080, height: 1920 },
    scene_scripts: [{
      script_name: 'Opening',
      model_asset_id: '722928573bc9d8a099d400393a18d5d9',
      voice_config: { voice_asset_id: '5e93f40c9a5fb7e21cbdaf6d20b08559' },
      shoot_scripts: [{ sequence_no: 0, title: 'Welcome', text_config: { text: '欢迎来到茶叶直播间！今天为大家介绍春季新茶，还有适合泡茶的茶具。'.repeat(5) } }],
    }],
  };
}

describe('Live view in the browser workbench (packaged .vsix)', () => {
  let wb: Workbench;
  let sandbox: Sandbox;
  let transport: UndiciTransport;

  before(async () => {
    sandbox = await startSandbox({ ak: AK, sk: SK, timings: { jobStepMs: 1_000 } });
    transport = createUndiciTransport({});
    const client = new MetaStudioClient({ endpoint: sandbox.url, projectId: PROJECT, credentials: { kind: 'aksk', ak: AK, sk: SK }, fetch: transport.fetch });
    const ended = (await client.createLiveRoom(room('e2e evening show'))).room_id;
    await client.stopLiveJob(ended, (await client.startLiveJob(ended, {})).job_id);
    const live = (await client.createLiveRoom(room('e2e tea shop'))).room_id;
    await client.startLiveJob(live, { output_urls: ['rtmp://live.example.com/app'], stream_keys: ['e2e-key'] });
    wb = await openWorkbench({ env: { METASTUDIO_ENDPOINT: sandbox.url, HUAWEICLOUD_SDK_PROJECT_ID: PROJECT, HUAWEICLOUD_SDK_AK: AK, HUAWEICLOUD_SDK_SK: SK } });
  });
  after(async () => {
    await wb?.close();
    await transport?.close();
    await sandbox?.close();
  });

  it('shows live rooms with a running livestream on air and an ended one', async () => {
    const { page } = wb;
    const icon = page.locator('.activitybar [aria-label^="MetaStudio"]').first();
    await icon.waitFor({ timeout: 60_000 });
    if (!(await page.locator('#workbench\\.parts\\.sidebar .composite.title', { hasText: /MetaStudio/i }).isVisible())) await icon.click();
    for (const collapse of ['Assets', 'Jobs']) {
      const other = sidebar(page).locator('.pane-header', { hasText: collapse }).first();
      if ((await other.getAttribute('aria-expanded')) === 'true') await other.click();
    }
    const header = sidebar(page).locator('.pane-header', { hasText: 'Live' }).first();
    await header.waitFor({ timeout: 30_000 });
    if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();

    await sidebarRow(page, 'e2e tea shop').waitFor({ timeout: 30_000 });
    await sidebarRow(page, 'e2e tea shop').click();
    await page.keyboard.press('ArrowRight');
    await sidebarRow(page, 'e2e evening show').click();
    await page.keyboard.press('ArrowRight');
    // The view polls while a job waits: the WAITING job goes on air after a second.
    await jobRow(page, 'On air').waitFor({ timeout: 30_000 });
    await jobRow(page, 'Stream ended').waitFor({ timeout: 30_000 });
    assert.equal(await jobRow(page, 'On air').locator('.codicon-broadcast').count(), 1);
    assert.equal(await sidebarRow(page, 'e2e tea shop').locator('.codicon-broadcast').count(), 1, 'the room on air has the broadcast icon');
    assert.equal(await jobRow(page, 'Stream ended').locator('.codicon-pass').count(), 1);
    const file = await screenshot(page, 'e2e-live-view');
    assert.ok(statSync(file).size > 10_000);
  });
});
