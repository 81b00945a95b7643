/**
 * The integration suite's entry, loaded by VS Code's extension host (through the code-server
 * runner here, or @vscode/test-electron on a desktop). Suites are imported after mocha has set
 * its globals; esbuild keeps each dynamic import lazy inside the bundle.
 */
import Mocha from 'mocha';
import * as vscode from 'vscode';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ClosingLineReporter = require('../support/closingLineReporter.cjs');

/** The runner's pass: the whole suite in English, or (METASTUDIO_TEST_PASS=zh-cn) the zh-cn checks. */
const pass = process.env.METASTUDIO_TEST_PASS ?? 'en';

const suites = pass === 'zh-cn' ? [() => import('./zhCn.test')] : [
  // First: it proves that opening a script file activates the extension.
  () => import('./scripts.test'),
  () => import('./activation.test'),
  () => import('./startup.test'),
  () => import('./connections.test'),
  () => import('./ssml.test'),
  () => import('./shots.test'),
  () => import('./walkthrough.test'),
  () => import('./proxy.test'),
  () => import('./assets.test'),
  () => import('./preview.test'),
  () => import('./polyphones.test'),
  () => import('./push.test'),
  () => import('./jobs.test'),
  () => import('./live.test'),
  () => import('./uploads.test'),
  () => import('./layout.test'),
  () => import('./sandbox.test'),
];

export async function run(): Promise<void> {
  console.log(`integration: running in VS Code ${vscode.version} (${vscode.env.appName}, ${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'}, ${vscode.env.language})`);
  const label = pass === 'en' ? 'integration' : `integration ${pass}`;
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: ClosingLineReporter, reporterOptions: { label } });
  mocha.suite.emit('pre-require', globalThis, 'integration', mocha);
  for (const load of suites) await load();
  const failures = await new Promise<number>((res) => mocha.run(res));
  if (failures > 0) throw new Error(`${failures} integration test(s) failed`);
}
