/**
 * Starts the VS Code server bundled in code-server (installed into .tools/ by
 * scripts/install-test-tools.sh) on loopback, with every data folder in a fresh run folder, and
 * opens its browser workbench in Debian's Chromium through playwright-core. See TESTING.md.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync, existsSync, cpSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const repoRoot = resolve(__dirname, '..');
const serverMain = join(repoRoot, '.tools/node_modules/code-server/lib/vscode/out/server-main.js');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface VsCodeServer {
  readonly port: number;
  readonly runDir: string;
  /** The folder the workbench opens: a copy of test/fixtures/workspace unless another was given. */
  readonly workspace: string;
  readonly extensionsDir: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => res(port));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`VS Code server exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/version`);
      if (res.ok || res.status === 404) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`VS Code server did not listen on ${port} within ${timeoutMs} ms`);
}

function serverEnv(runDir: string, extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  for (const name of ['XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'XDG_CACHE_HOME', 'TMPDIR']) {
    env[name] = join(runDir, name.toLowerCase());
    mkdirSync(env[name]!, { recursive: true });
  }
  return env;
}

export function installVsix(server: Pick<VsCodeServer, 'runDir' | 'extensionsDir'>, vsix: string): void {
  const result = spawnSync(process.execPath, [serverMain, '--extensions-dir', server.extensionsDir,
    '--server-data-dir', join(server.runDir, 'sd'), '--install-extension', vsix, '--force'], {
    env: serverEnv(server.runDir, {}), encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`installing ${vsix} failed: ${result.stderr || result.stdout}`);
}

export interface ServerOptions {
  readonly env?: NodeJS.ProcessEnv;
  /** Installed into the server's extensions folder before it starts. */
  readonly vsix?: string;
  readonly settings?: object;
  /**
   * Settings of machine scope, which a remote window (the browser workbench is one) reads from the
   * server's machine settings only, e.g. `workbench.welcomePage.walkthroughs.openOnInstall`.
   */
  readonly machineSettings?: object;
  /** Opened in place instead of a copy of test/fixtures/workspace. */
  readonly folder?: string;
  readonly port?: number;
  /** Where the server's output goes; kept in memory (and shown on a failed start) by default. */
  readonly onLog?: (text: string) => void;
  /** VS Code's display language, e.g. `zh-cn` (see `setDisplayLanguage`); English by default. */
  readonly displayLanguage?: string;
}

/**
 * Makes `language` the display language of the server's browser workbench, as "Configure Display
 * Language" does: `locale` in the user data folder's `User/argv.json`. The server uses a locale only
 * when an installed language pack provides it, and the Marketplace's packs are out of reach offline:
 * `languagepacks.json` (the server's record of installed packs) gets an entry whose translation of
 * VS Code is empty. The workbench then runs in `language` (VS Code's own texts stay English) and so
 * does the extension host: `vscode.env.language` is `language`, and extensions load their
 * `package.nls.<language>.json` and `l10n/bundle.l10n.<language>.json`.
 */
function setDisplayLanguage(runDir: string, language: string): void {
  writeFileSync(join(runDir, 'ud/User/argv.json'), JSON.stringify({ locale: language }));
  const translations = join(runDir, `language-pack-${language}.i18n.json`);
  writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
  writeFileSync(join(runDir, 'ud/languagepacks.json'), JSON.stringify({
    [language]: {
      hash: 'test', label: language, translations: { vscode: translations },
      extensions: [{ extensionIdentifier: { id: `metastudio-tests.language-pack-${language}` }, version: '1.0.0' }],
    },
  }));
}

export async function startServer(options: ServerOptions = {}): Promise<VsCodeServer> {
  if (!existsSync(serverMain)) {
    throw new Error('The test VS Code server is missing: run `npm run tools:install` (see README, Testing).');
  }
  const runDir = mkdtempSync(join(tmpdir(), 'metastudio-vscode-'));
  const workspace = options.folder ?? join(runDir, 'workspace');
  if (!options.folder) cpSync(join(repoRoot, 'test/fixtures/workspace'), workspace, { recursive: true });
  const extensionsDir = join(runDir, 'ext');
  mkdirSync(join(runDir, 'ud/User'), { recursive: true });
  writeFileSync(join(runDir, 'ud/User/settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'telemetry.telemetryLevel': 'off',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'update.mode': 'none',
    'workbench.tips.enabled': false,
    'security.workspace.trust.enabled': false,
    'git.openRepositoryInParentFolders': 'never',
    ...options.settings,
  }, null, 2));
  if (options.machineSettings) {
    mkdirSync(join(runDir, 'ud/Machine'), { recursive: true });
    writeFileSync(join(runDir, 'ud/Machine/settings.json'), JSON.stringify(options.machineSettings, null, 2));
  }
  if (options.displayLanguage) setDisplayLanguage(runDir, options.displayLanguage);
  if (options.vsix) installVsix({ runDir, extensionsDir }, options.vsix);

  const port = options.port ?? await freePort();
  const child = spawn(process.execPath, [serverMain,
    '--host', '127.0.0.1', '--port', String(port), '--without-connection-token', '--accept-server-license-terms',
    '--enable-smoke-test-driver', '--telemetry-level', 'off', '--disable-workspace-trust',
    '--server-data-dir', join(runDir, 'sd'), '--user-data-dir', join(runDir, 'ud'), '--extensions-dir', extensionsDir,
  ], { env: serverEnv(runDir, options.env ?? {}), stdio: ['ignore', 'pipe', 'pipe'] });
  const serverLog: string[] = [];
  const onLog = options.onLog ?? ((text: string) => serverLog.push(text));
  child.stdout!.on('data', (d: Buffer) => onLog(d.toString()));
  child.stderr!.on('data', (d: Buffer) => onLog(d.toString()));
  try {
    await waitForPort(port, child, 30_000);
  } catch (err) {
    child.kill('SIGKILL');
    throw new Error(`${(err as Error).message}\n${serverLog.join('')}`);
  }
  return {
    port, runDir, workspace, extensionsDir,
    stop: () => new Promise<void>((res) => {
      if (child.exitCode !== null) return res();
      child.once('exit', () => res());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
    }),
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

export function workbenchUrl(server: VsCodeServer, payload?: [string, string][]): string {
  const params = new URLSearchParams({ folder: server.workspace });
  if (payload) params.set('payload', JSON.stringify(payload));
  return `http://127.0.0.1:${server.port}/?${params.toString()}`;
}

export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  return context.newPage();
}
