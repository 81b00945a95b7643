import * as vscode from 'vscode';

/** An item of a quick pick and the value that picking it answers. */
export interface PickItem<T> extends vscode.QuickPickItem {
  readonly value: T;
}

/** Every question names itself with a stable `id` (e.g. `push.lintErrors`), by which tests answer it. */
export interface InputRequest extends vscode.InputBoxOptions {
  readonly id: string;
}

export interface PickRequest<T> extends Omit<vscode.QuickPickOptions, 'canPickMany'> {
  readonly id: string;
  /** The items, or a promise of them: the quick pick shows its busy state meanwhile. */
  readonly items: readonly PickItem<T>[] | Promise<readonly PickItem<T>[]>;
}

export interface ConfirmRequest<K extends string> {
  readonly id: string;
  readonly message: string;
  readonly detail?: string;
  /** The buttons: each one's key (what `confirm` answers) and its label. */
  readonly choices: { readonly [key in K]?: string };
}

export interface SaveRequest extends vscode.SaveDialogOptions {
  readonly id: string;
}

export interface OpenRequest extends vscode.OpenDialogOptions {
  readonly id: string;
}

/**
 * The questions the extension asks: input boxes, quick picks, modal confirmations, and open and
 * save dialogs.
 * Every feature asks through `services.prompts`, so that the integration tests can answer with a
 * scripted double (a dialog cannot be answered from the extension host). Undefined means dismissed.
 */
export interface Prompts {
  input(request: InputRequest): Promise<string | undefined>;
  /** The value of the picked item. */
  pick<T>(request: PickRequest<T>): Promise<T | undefined>;
  /** A modal warning: the key of the chosen button. */
  confirm<K extends string>(request: ConfirmRequest<K>): Promise<K | undefined>;
  /** The file chosen; when it exists, the user has agreed to replace it. */
  saveAs(request: SaveRequest): Promise<vscode.Uri | undefined>;
  /** The files (or folders) chosen. */
  open(request: OpenRequest): Promise<vscode.Uri[] | undefined>;
}

/** The prompts of the VS Code window. */
export const windowPrompts: Prompts = {
  input: ({ id: _id, ...options }) => Promise.resolve(vscode.window.showInputBox(options)),

  async pick<T>({ id: _id, items, ...options }: PickRequest<T>) {
    const shown = Promise.resolve(items).then((list) => [...list]);
    return (await vscode.window.showQuickPick(shown, options))?.value;
  },

  async confirm<K extends string>({ message, detail, choices }: ConfirmRequest<K>) {
    const buttons = Object.entries(choices) as [K, string][];
    const chosen = await vscode.window.showWarningMessage(message, { modal: true, detail }, ...buttons.map(([, label]) => label));
    return buttons.find(([, label]) => label === chosen)?.[0];
  },

  async saveAs({ id: _id, ...options }: SaveRequest) {
    const target = await vscode.window.showSaveDialog(options);
    if (!target || dialogAsksBeforeReplacing() || !await vscode.workspace.fs.stat(target).then(() => true, () => false)) return target;
    const replace = vscode.l10n.t('Replace');
    const chosen = await vscode.window.showWarningMessage(
      vscode.l10n.t('{0} already exists. Replace it?', vscode.workspace.asRelativePath(target)), { modal: true }, replace);
    return chosen === replace ? target : undefined;
  },

  open: ({ id: _id, ...options }) => Promise.resolve(vscode.window.showOpenDialog(options)),
};

/**
 * Save dialogs ask before replacing a file, except the system one on Linux: Electron asks there only
 * on request (`showOverwriteConfirmation`), and VS Code does not request it. VS Code's own dialog (remote
 * windows, `files.simpleDialog.enable`) asks.
 */
function dialogAsksBeforeReplacing(): boolean {
  return process.platform !== 'linux' || vscode.env.remoteName !== undefined
    || vscode.workspace.getConfiguration('files').get<boolean>('simpleDialog.enable') === true;
}

/** Prompts whose implementation can be replaced while running: ExtensionMode.Test only, for the tests' answers. */
export function replaceablePrompts(initial: Prompts): { readonly prompts: Prompts; replace(prompts: Prompts): void } {
  let current = initial;
  return {
    prompts: {
      input: (request) => current.input(request),
      pick: (request) => current.pick(request),
      confirm: (request) => current.confirm(request),
      saveAs: (request) => current.saveAs(request),
      open: (request) => current.open(request),
    },
    replace: (prompts) => { current = prompts; },
  };
}
