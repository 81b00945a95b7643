/** The questions a preview may ask, through the shared prompts service. */
import * as vscode from 'vscode';
import type { CoreDiagnostic } from '../core/diagnostics';
import type { PickItem, Prompts } from '../prompts';
import type { VoiceInfo } from './voices';

export type BillingAnswer = 'yes' | 'always' | 'no';

/** The text to preview when the editor offers none. */
export function askText(prompts: Prompts): Promise<string | undefined> {
  return prompts.input({
    id: 'preview.text',
    title: vscode.l10n.t('Preview Voice'),
    prompt: vscode.l10n.t('Text or SSML to hear'),
    placeHolder: vscode.l10n.t('<speak>Hello <break time="500ms"/> world</speak>'),
    ignoreFocusOut: true,
  });
}

/** The voices, the last one used first. */
export function pickVoice(prompts: Prompts, voices: Promise<readonly VoiceInfo[]>, lastId: string | undefined): Promise<VoiceInfo | undefined> {
  const items = voices.then((list) => {
    const ordered = [...list.filter((v) => v.id === lastId), ...list.filter((v) => v.id !== lastId)];
    return ordered.map((voice): PickItem<VoiceInfo> => ({
      value: voice,
      label: voice.name,
      description: [voice.id === lastId ? vscode.l10n.t('last used') : '', voice.summary ?? '', voice.provider ? vscode.l10n.t('billed by {0}', voice.provider) : ''].filter(Boolean).join(' · '),
      detail: voice.id,
    }));
  });
  // Typing a language ("English", "中文") filters by it: the description holds it in words.
  return prompts.pick({ id: 'preview.voice', items, title: vscode.l10n.t('Preview Voice'), placeHolder: vscode.l10n.t('Choose the voice to speak the text (type a language to filter)'), matchOnDescription: true, matchOnDetail: true, ignoreFocusOut: true });
}

/**
 * Whether to preview a text with SSML errors; "Go to Error" selects the first one in the active
 * editor, when `where` turns a text offset into a place in the document it comes from.
 */
export async function previewDespiteErrors(prompts: Prompts, errors: readonly CoreDiagnostic[], where: ((offset: number) => vscode.Position) | undefined): Promise<boolean> {
  const lines = errors.slice(0, 8).map((d) => {
    const at = where?.(d.start);
    return at ? `${at.line + 1}:${at.character + 1}  ${d.message}` : d.message;
  });
  if (errors.length > lines.length) lines.push(vscode.l10n.t('…and {0} more', errors.length - lines.length));
  const choice = await prompts.confirm({
    id: 'preview.lintErrors',
    message: errors.length === 1 ? vscode.l10n.t('The text has an SSML error: the preview may fail or sound wrong.') : vscode.l10n.t('The text has {0} SSML errors: the preview may fail or sound wrong.', errors.length),
    detail: lines.join('\n'),
    choices: where ? { preview: vscode.l10n.t('Preview Anyway'), goTo: vscode.l10n.t('Go to Error') } : { preview: vscode.l10n.t('Preview Anyway') },
  });
  if (choice === 'goTo' && where && vscode.window.activeTextEditor) {
    const editor = vscode.window.activeTextEditor;
    const range = new vscode.Range(where(errors[0].start), where(errors[0].end));
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
  return choice === 'preview';
}

export async function confirmBilling(prompts: Prompts, voice: VoiceInfo): Promise<BillingAnswer> {
  const choice = await prompts.confirm({
    id: 'preview.billing',
    message: vscode.l10n.t('"{0}" is a third-party voice ({1}): its previews are billed.', voice.name, voice.provider ?? ''),
    detail: vscode.l10n.t('A repeated preview of the same text and settings plays from the cache and is not billed again.'),
    choices: { yes: vscode.l10n.t('Synthesize'), always: vscode.l10n.t("Synthesize, Don't Ask Again") },
  });
  return choice ?? 'no';
}
