/**
 * The questions a preview may ask. Tests of the extension replace them with scripted answers
 * (only in ExtensionMode.Test, see register.ts), since a modal dialog cannot be answered from the
 * extension host.
 */
import * as vscode from 'vscode';
import type { CoreDiagnostic } from '../core/diagnostics';
import type { AudioReport, SessionEntry } from './previewPanel';
import type { VoiceInfo } from './voices';


export type LintAnswer = 'preview' | 'cancel';
export type BillingAnswer = 'yes' | 'always' | 'no';

export interface PreviewPrompts {
  /** The text to preview when the editor offers none. */
  text(): Promise<string | undefined>;
  pickVoice(voices: Promise<readonly VoiceInfo[]>, lastId: string | undefined): Promise<VoiceInfo | undefined>;
  /** `where` turns a text offset into a place in the document, when the text comes from one. */
  lintErrors(errors: readonly CoreDiagnostic[], where: ((offset: number) => vscode.Position) | undefined): Promise<LintAnswer>;
  confirmBilling(voice: VoiceInfo): Promise<BillingAnswer>;
}

export const windowPrompts: PreviewPrompts = {
  text: () => Promise.resolve(vscode.window.showInputBox({
    title: vscode.l10n.t('Preview Voice'),
    prompt: vscode.l10n.t('Text or SSML to hear'),
    placeHolder: vscode.l10n.t('<speak>Hello <break time="500ms"/> world</speak>'),
    ignoreFocusOut: true,
  })),

  async pickVoice(voices, lastId) {
    type Item = vscode.QuickPickItem & { voice: VoiceInfo };
    const items = voices.then((list) => {
      const ordered = [...list.filter((v) => v.id === lastId), ...list.filter((v) => v.id !== lastId)];
      return ordered.map((voice): Item => ({
        voice,
        label: voice.name,
        description: [voice.id === lastId ? vscode.l10n.t('last used') : '', voice.provider ? vscode.l10n.t('billed by {0}', voice.provider) : ''].filter(Boolean).join(' · '),
        detail: voice.id,
      }));
    });
    const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Preview Voice'), placeHolder: vscode.l10n.t('Choose the voice to speak the text'), matchOnDetail: true, ignoreFocusOut: true });
    return picked?.voice;
  },

  async lintErrors(errors, where) {
    const lines = errors.slice(0, 8).map((d) => {
      const at = where?.(d.start);
      return at ? `${at.line + 1}:${at.character + 1}  ${d.message}` : d.message;
    });
    if (errors.length > lines.length) lines.push(vscode.l10n.t('…and {0} more', errors.length - lines.length));
    const anyway = vscode.l10n.t('Preview Anyway');
    const goTo = vscode.l10n.t('Go to Error');
    const choice = await vscode.window.showWarningMessage(
      errors.length === 1 ? vscode.l10n.t('The text has an SSML error: the preview may fail or sound wrong.') : vscode.l10n.t('The text has {0} SSML errors: the preview may fail or sound wrong.', errors.length),
      { modal: true, detail: lines.join('\n') },
      ...(where ? [anyway, goTo] : [anyway]),
    );
    if (choice === goTo && where && vscode.window.activeTextEditor) {
      const editor = vscode.window.activeTextEditor;
      const range = new vscode.Range(where(errors[0].start), where(errors[0].end));
      editor.selection = new vscode.Selection(range.start, range.end);
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }
    return choice === anyway ? 'preview' : 'cancel';
  },

  async confirmBilling(voice) {
    const yes = vscode.l10n.t('Synthesize');
    const always = vscode.l10n.t("Synthesize, Don't Ask Again");
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('"{0}" is a third-party voice ({1}): its previews are billed.', voice.name, voice.provider ?? ''),
      { modal: true, detail: vscode.l10n.t('A repeated preview of the same text and settings plays from the cache and is not billed again.') },
      yes, always,
    );
    return choice === yes ? 'yes' : choice === always ? 'always' : 'no';
  },
};

export interface PromptCall {
  readonly prompt: keyof PreviewPrompts;
  readonly detail: unknown;
}

export interface ScriptedAnswers {
  text?: string;
  /** A voice ID to pick. */
  voice?: string;
  lint?: LintAnswer;
  billing?: BillingAnswer;
}

/** Answers the tests give; asking a question the test did not answer fails loudly. */
export class ScriptedPrompts implements PreviewPrompts {
  readonly calls: PromptCall[] = [];
  constructor(public answers: ScriptedAnswers) {}

  private answer<K extends keyof ScriptedAnswers>(prompt: keyof PreviewPrompts, name: K, detail: unknown): NonNullable<ScriptedAnswers[K]> {
    this.calls.push({ prompt, detail });
    const value = this.answers[name];
    if (value === undefined) throw new Error(`test prompts: no answer for ${prompt}`);
    return value as NonNullable<ScriptedAnswers[K]>;
  }

  async text() {
    return this.answer('text', 'text', undefined);
  }

  async pickVoice(voices: Promise<readonly VoiceInfo[]>, lastId: string | undefined) {
    const list = await voices;
    const id = this.answer('pickVoice', 'voice', { lastId, count: list.length });
    return list.find((v) => v.id === id);
  }

  async lintErrors(errors: readonly CoreDiagnostic[]) {
    return this.answer('lintErrors', 'lint', errors.map((e) => e.code));
  }

  async confirmBilling(voice: VoiceInfo) {
    return this.answer('confirmBilling', 'billing', voice.id);
  }
}

/** `globalThis[Symbol.for(testHooksKey)]` in ExtensionMode.Test only. */
export const testHooksKey = 'metastudio.preview.testHooks';

export type PreviewTestHooks = (arg?: { answers?: ScriptedAnswers; reset?: boolean }) => Promise<{
  readonly prompts: readonly PromptCall[];
  readonly audio: readonly AudioReport[];
  readonly session: readonly SessionEntry[];
  readonly cacheFolder: string;
  readonly cache: { readonly entries: number; readonly bytes: number };
}>;
