import * as vscode from 'vscode';
import { polyphoneSettingValues, type PolyphoneSetting } from './core/ssml/polyphones';

/**
 * One setting of the extension: its key and type. Its default is the one package.json declares,
 * which VS Code hands out for a setting the user has not set (or set to a value of another type).
 */
export class Setting<T> {
  constructor(readonly key: string, private readonly isValid: (value: unknown) => value is T) {}

  value(): T {
    const config = vscode.workspace.getConfiguration();
    const value = config.get(this.key);
    if (this.isValid(value)) return value;
    const declared = config.inspect(this.key)?.defaultValue;
    if (!this.isValid(declared)) throw new Error(`package.json declares no default of the right type for ${this.key}`);
    return declared;
  }
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isPolyphoneSetting = (value: unknown): value is PolyphoneSetting => (polyphoneSettingValues as readonly unknown[]).includes(value);
const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';

/** Every setting the extension reads; nothing else reads VS Code's configuration. */
export const settings = {
  // Both machine-scoped: a cloned workspace's settings cannot send signed requests elsewhere
  // (docs/decisions/workspace-trust.md).
  /** A private endpoint URL; empty for the region's. */
  endpoint: new Setting('metastudio.endpoint', isString),
  region: new Setting('metastudio.region', isString),
  previewCacheSizeMB: new Setting('metastudio.preview.cacheSizeMB', isNumber),
  /** How the linters mark polyphones (`ssml/polyphone`). */
  polyphones: new Setting('metastudio.polyphones', isPolyphoneSetting),
};

/** Settings of VS Code's own that the extension follows; their defaults are VS Code's. */
export const workbenchSettings = {
  /** Whether an extension's walkthrough opens when the extension is installed. */
  openWalkthroughOnInstall: new Setting('workbench.welcomePage.walkthroughs.openOnInstall', isBoolean),
};

/** Calls `listener` once per configuration change that touches any of `watched`. */
export function onDidChangeSettings(watched: readonly Setting<unknown>[], listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (watched.some((s) => e.affectsConfiguration(s.key))) listener();
  });
}
