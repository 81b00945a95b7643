/**
 * How fast the extension starts inside the real VS Code: the bundle's top-level code and activate(),
 * as the extension measured them, and the extension host's own times (its "Startup Performance"
 * report, when this VS Code has one). Written to test-results/perf.json. Activation loads none of the
 * heavy modules: they wait for their first use.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { extensionId, testingApi, waitFor } from './util';

interface HostTimes {
  readonly codeLoadingMs: number;
  readonly activateCallMs: number;
  readonly activateResolvedMs: number;
  readonly activationEvent: string;
}

/**
 * The extension host's activation times of this extension, from the table "Extension Activation
 * Stats" of VS Code's "Startup Performance" document (command perfview.show), or why they are not to be had.
 */
async function hostTimes(): Promise<HostTimes | string> {
  const uri = vscode.Uri.from({ scheme: 'perf', path: 'Startup Performance' });
  let document: vscode.TextDocument;
  try {
    await vscode.commands.executeCommand('perfview.show');
    document = await waitFor(() => vscode.workspace.textDocuments.find((d) => d.uri.scheme === uri.scheme), 10_000, 'the report in an editor')
      .catch(() => vscode.workspace.openTextDocument(uri));
  } catch (err) {
    return `no startup report: ${err instanceof Error ? err.message : String(err)}`;
  }
  // The report says "Loading..." until the window has started completely, then fills in.
  // | Extension | Eager | Load Code | Call Activate | Finish Activate | Event | By |
  const cellsOf = (line: string) => line.split('|').slice(1, -1).map((cell) => cell.trim());
  const cells = await waitFor(() => document.getText().split('\n').map(cellsOf).find((row) => row[0] === extensionId), 30_000, 'the startup performance report')
    .catch(() => undefined);
  const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.scheme === uri.scheme);
  await vscode.window.tabGroups.close(tabs);
  if (!cells) return `the startup report has no row for ${extensionId}: ${document.getText().slice(0, 200)}`;
  return { codeLoadingMs: Number(cells[2]), activateCallMs: Number(cells[3]), activateResolvedMs: Number(cells[4]), activationEvent: cells[5] };
}

describe('start-up', () => {
  it('loads no heavy module to activate, and records its times in test-results/perf.json', async function () {
    this.timeout(60_000);
    const { startup } = (await testingApi()).testing;
    assert.deepEqual(startup.lazyLoaded, [], 'ajv, pinyin-pro and the JSON language service wait for their first use');
    assert.ok(startup.loadMs > 0 && startup.activateMs > 0, JSON.stringify(startup));

    const extension = vscode.extensions.getExtension(extensionId)!;
    const host = await hostTimes();
    const perf = {
      vscode: vscode.version,
      bundleBytes: statSync(join(extension.extensionPath, extension.packageJSON.main)).size,
      // The extension's own start-up: its bundle's top-level code and activate(); the wait between is the host's.
      extension: {
        loadMs: round(startup.loadMs), activateMs: round(startup.activateMs), totalMs: round(startup.loadMs + startup.activateMs), hostWaitMs: round(startup.waitMs),
        activateByFeatureMs: Object.fromEntries(Object.entries(startup.features).map(([feature, ms]) => [feature, round(ms)])),
      },
      host: typeof host === 'string' ? { unavailable: host } : host,
      goalMs: 50,
    };
    const dir = join(extension.extensionPath, 'test-results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'perf.json'), `${JSON.stringify(perf, null, 2)}\n`);
    console.log(`start-up: bundle ${perf.extension.loadMs} ms + activate() ${perf.extension.activateMs} ms (the host took ${perf.extension.hostWaitMs} ms between); extension host: ${typeof host === 'string' ? host : `load ${host.codeLoadingMs} ms, activate ${host.activateCallMs} ms (resolved ${host.activateResolvedMs} ms, ${host.activationEvent})`}`);
  });
});

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
