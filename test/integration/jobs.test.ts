/**
 * Video jobs inside a real VS Code against the sandbox (jobs there: WAITING 0.5 s, PROCESSING
 * 0.5 s, then SUCCEED or FAILED): started from a script file, followed by the Jobs view's poller
 * to the end, the video downloaded, a failure reported with its shot, a waiting job cancelled (the
 * sandbox keeps a job whose text holds its queue marker WAITING).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { JobView } from '../../src/jobs/jobsTree';
import { links, sandboxClient, sandboxRequests, useSandbox } from './remoteSupport';
import { answerPrompts, testingApi, waitFor, workspaceUri } from './util';

/** Starts a video job from a script file, naming its output asset when asked. */
async function startJob(uri: vscode.Uri, assetName: string): Promise<{ jobId: string } | undefined> {
  await answerPrompts({ 'job.assetName': assetName });
  return vscode.commands.executeCommand<{ jobId: string }>('metastudio.job.start', uri);
}

/** The Jobs view's rows as the extension's tracker has them (no reload: only its own polling moves them). */
async function shown(): Promise<JobView[]> {
  return (await vscode.commands.executeCommand<JobView[]>('metastudio.jobs.refresh', { reload: false })) ?? [];
}

/** Waits for a row in a state, checking twice a second (the tracker polls every 5 s at best). */
async function rowIn(jobId: string, state: string, timeoutMs = 30_000): Promise<JobView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = (await shown()).find((r) => r.jobId === jobId);
    if (row?.state === state) return row;
    if (Date.now() > deadline) throw new Error(`job ${jobId} is ${row?.state ?? 'not shown'}, not ${state}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

describe('video jobs', () => {
  before(useSandbox);

  it('starts a job from a video script file, pushing it first, and follows it to SUCCEED; the video downloads', async () => {
    const uri = workspaceUri('jobs', 'welcome.video.json');
    const started = await startJob(uri, 'it welcome video');
    assert.ok(started?.jobId);
    const scriptId = (await links())['jobs/welcome.video.json']?.id;
    assert.ok(scriptId, 'the file was pushed and linked first');
    assert.equal((await sandboxClient().getVideoJob(started.jobId)).output_asset_config?.asset_name, 'it welcome video');

    const first = (await shown()).find((r) => r.jobId === started.jobId);
    assert.ok(first && ['WAITING', 'PROCESSING'].includes(first.state), 'shown at once, unfinished');
    const done = await rowIn(started.jobId, 'SUCCEED');
    assert.equal(done.icon, 'pass');
    assert.equal(done.contextValue, 'metastudio.job.SUCCEED');
    assert.match(done.description, /^Succeeded · \d+ s · /);

    const target = workspaceUri('downloads', 'welcome.mp4');
    const asked = await answerPrompts({ 'job.saveVideo': target });
    const saved = await vscode.commands.executeCommand<string>('metastudio.job.downloadVideo', started.jobId);
    assert.equal(saved, target.fsPath);
    assert.match(String(asked.asked.find((q) => q.id === 'job.saveVideo')?.shown), /\/welcome\.mp4$/, 'the proposed name is the script\'s');
    const video = await vscode.workspace.fs.readFile(target);
    assert.equal(new TextDecoder('latin1').decode(video.subarray(4, 8)), 'ftyp');
    // The save prompt answers only a file the user agreed to replace: the download replaces it.
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode('an older file'));
    await answerPrompts({ 'job.saveVideo': target });
    assert.equal(await vscode.commands.executeCommand<string>('metastudio.job.downloadVideo', started.jobId), target.fsPath);
    assert.equal(new TextDecoder('latin1').decode((await vscode.workspace.fs.readFile(target)).subarray(4, 8)), 'ftyp');

    // Open Video plays a copy in the extension's storage inside VS Code, never through an external link.
    const copy = await vscode.commands.executeCommand<string>('metastudio.job.openVideo', started.jobId);
    assert.ok(copy && !vscode.workspace.asRelativePath(copy).startsWith('downloads'), copy);
    const reports = (await testingApi()).testing.videoReports;
    await waitFor(() => reports.some((r) => r.event === 'canplay'), 30_000, 'the video player to reach canplay');
    assert.ok(!reports.some((r) => r.event === 'error'));

    const details = await vscode.commands.executeCommand<string>('metastudio.job.showOutputAsset', started.jobId);
    const asset = JSON.parse((await vscode.workspace.openTextDocument(vscode.Uri.parse(details))).getText());
    assert.equal(asset.asset_type, 'VIDEO');
    assert.ok(asset.files.some((f: { asset_file_category: string }) => f.asset_file_category === 'MAIN'));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');

    const writes = async () => (await sandboxRequests()).filter((r) => r.path.includes('/digital-human-video-scripts') && r.method !== 'GET').length;
    const before = await writes();
    const again = await startJob(uri, 'it welcome again');
    assert.ok(again?.jobId);
    assert.equal(await writes(), before, 'an unchanged file is not pushed again');
  });

  it('reports a FAILED job with its error code, message and the shot it names', async () => {
    const started = await startJob(workspaceUri('jobs', 'failing.video.json'), 'it failing video');
    assert.ok(started?.jobId);
    const failed = await rowIn(started.jobId, 'FAILED');
    assert.equal(failed.icon, 'error');
    assert.match(failed.error ?? '', /^MSS\.42000007: .*shot 2 \(sequence_no 1\)/);
  });

  it('cancels a waiting job', async () => {
    // The sandbox holds this script's jobs in WAITING until they are canceled.
    const started = await startJob(workspaceUri('jobs', 'queued.video.json'), 'it cancelled video');
    const job_id = started?.jobId;
    assert.ok(job_id);
    assert.equal((await rowIn(job_id, 'WAITING')).icon, 'clock');
    await vscode.commands.executeCommand('metastudio.job.cancel', job_id);
    assert.equal((await sandboxClient().getVideoJob(job_id)).state, 'CANCELED');
    const row = await rowIn(job_id, 'CANCELED', 10_000);
    assert.equal(row.icon, 'circle-slash');
  });

  it('lists the recent jobs newest first from the job list', async () => {
    const rows = await vscode.commands.executeCommand<JobView[]>('metastudio.jobs.refresh');
    assert.ok(rows && rows.length >= 4);
    const created = await Promise.all(rows.slice(0, 4).map(async (r) => (await sandboxClient().getVideoJob(r.jobId)).create_time ?? ''));
    assert.deepEqual(created, [...created].sort().reverse());
    assert.equal(rows[0].label, 'it cancelled video');
  });
});
