/**
 * Accessibility checks of the extension's webviews in the real workbench: axe-core (the npm
 * package) runs inside a webview's own document and every violation fails the check. The color
 * theme is switched the way a user does (Preferences: Color Theme, which writes
 * `workbench.colorTheme`), so contrast is measured with the theme's real colours; a webview page
 * paints its body with `--vscode-editor-background`, what the user sees behind it.
 *
 * A webview is found by its page's `<title>`: checking one more webview is one more line in the list
 * of accessibility.test.ts. `accessibleNode` reads Chromium's accessibility tree of a webview: what a
 * screen reader is given (roles, names, values, ranges), which the DOM does not always say.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Frame, Page } from 'playwright-core';
import { repoRoot } from '../../scripts/vscodeServer';
import { resultsDir, until } from './workbench';

export interface Theme {
  /** The `workbench.colorTheme` value. */
  readonly id: string;
  /** The name Preferences: Color Theme lists, which the webview's body gets as `data-vscode-theme-name`. */
  readonly label: string;
}

export const THEMES: readonly Theme[] = [
  { id: 'Default Dark Modern', label: 'Dark Modern' },
  { id: 'Default Light Modern', label: 'Light Modern' },
  { id: 'Default High Contrast', label: 'Dark High Contrast' },
  { id: 'Default High Contrast Light', label: 'Light High Contrast' },
];

const axeSource = readFileSync(join(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** Switches the color theme through the theme picker (Ctrl+K Ctrl+T), as a user does. */
export async function setColorTheme(page: Page, theme: Theme): Promise<void> {
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+T');
  const input = page.locator('.quick-input-widget input[placeholder^="Select Color Theme"]');
  await input.waitFor({ timeout: 30_000 });
  await input.fill(theme.label);
  // Accept only once the highlighted row is this theme (the picker previews as it moves).
  await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: theme.label }).waitFor({ timeout: 30_000 });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 30_000 });
}

/** The document of the webview whose page has this `<title>`. */
export async function webviewFrame(page: Page, title: string): Promise<Frame> {
  return until(async () => {
    for (const frame of page.frames()) {
      if (frame.parentFrame() && frame.parentFrame() !== page.mainFrame() && (await frame.title()) === title) return frame;
    }
    return undefined;
  }, `the "${title}" webview`);
}

export interface AxeCheck {
  readonly violations: readonly string[];
  readonly screenshot: string;
}

/**
 * Runs axe-core in the webview's document once it shows the theme, and saves a screenshot of the
 * webview. Each violation reads "rule (impact): target — what to fix".
 */
export async function checkWebviewAccessibility(page: Page, title: string, theme: Theme): Promise<AxeCheck> {
  // The editor tab in front, so that its webview is the visible one.
  await page.locator('.tabs-container .tab', { hasText: title }).first().click();
  const frame = await webviewFrame(page, title);
  await until(async () => ((await frame.evaluate('document.body.dataset.vscodeThemeName')) === theme.label ? true : undefined), `the "${title}" webview in ${theme.label}`);
  if ((await frame.evaluate('typeof axe')) === 'undefined') await frame.evaluate(axeSource);
  const json = await frame.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((r) => JSON.stringify(r.violations.flatMap((v) =>
    v.nodes.map((n) => v.id + ' (' + v.impact + '): ' + n.target.join(' ') + ' — ' + n.failureSummary.replace(/\\s+/g, ' ')))))`) as string;
  const screenshot = join(resultsDir, `a11y-${title}-${theme.label}.png`.replace(/\s+/g, '-').toLowerCase());
  await (await frame.parentFrame()!.frameElement()).screenshot({ path: screenshot });
  return { violations: JSON.parse(json) as string[], screenshot };
}

export interface AccessibleNode {
  readonly role: string;
  readonly name: string;
  /** Chromium's properties: valuemin, valuemax, invalid, live, focusable… */
  readonly properties: Readonly<Record<string, unknown>>;
  readonly value?: unknown;
  readonly description?: string;
}

interface AXNode {
  role?: { value: string };
  name?: { value: string };
  value?: { value: unknown };
  description?: { value: string };
  properties?: { name: string; value: { value: unknown } }[];
}

interface FrameTree {
  frame: { id: string; name?: string };
  childFrames?: FrameTree[];
}

/** The CDP session that holds the frame: its own (an out-of-process frame), else its parent's. */
async function sessionOf(page: Page, frame: Frame): Promise<CDPSession> {
  for (let f: Frame | null = frame; f; f = f.parentFrame()) {
    try {
      return await page.context().newCDPSession(f === page.mainFrame() ? page : f);
    } catch {
      // part of its parent's session
    }
  }
  throw new Error('no CDP session for the frame');
}

/** Chromium's accessibility tree of a frame, as a screen reader gets it. */
export async function accessibleNodes(page: Page, frame: Frame): Promise<AccessibleNode[]> {
  const session = await sessionOf(page, frame);
  try {
    // The frame tree names a frame by its window's name: give it one to be found by.
    const marker = `axe-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    await frame.evaluate(`window.name = ${JSON.stringify(marker)}`);
    const { frameTree } = await session.send('Page.getFrameTree') as { frameTree: FrameTree };
    const find = (tree: FrameTree): string | undefined => tree.frame.name === marker ? tree.frame.id : tree.childFrames?.map(find).find(Boolean);
    const frameId = find(frameTree);
    if (!frameId) throw new Error(`frame ${frame.url()} not in its CDP session`);
    const { nodes } = await session.send('Accessibility.getFullAXTree', { frameId }) as { nodes: AXNode[] };
    return nodes.map((n) => ({
      role: n.role?.value ?? '',
      name: n.name?.value ?? '',
      value: n.value?.value,
      description: n.description?.value,
      properties: Object.fromEntries((n.properties ?? []).map((p) => [p.name, p.value.value])),
    }));
  } finally {
    await session.detach();
  }
}

/** The one node of this role whose name is or matches `name`. */
export async function accessibleNode(page: Page, frame: Frame, role: string, name: string | RegExp): Promise<AccessibleNode> {
  const matches = (await accessibleNodes(page, frame)).filter((n) => n.role === role && (typeof name === 'string' ? n.name === name : name.test(n.name)));
  if (matches.length !== 1) throw new Error(`expected one ${role} named ${String(name)}, found ${matches.length}`);
  return matches[0];
}
