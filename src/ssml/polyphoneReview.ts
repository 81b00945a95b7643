/**
 * "Review Polyphones": walks through every polyphone no `<phoneme>` marks in a script or `.ssml`
 * file, asks for its reading in a quick pick that shows its sentence, and marks it with one edit per
 * answer. The quick pick goes through `ReviewPrompts`, a small local wrapper, so a shared prompts
 * service can take its place, and tests can answer it.
 */
import * as vscode from 'vscode';
import { polyphoneInScript } from '../core/scripts/texts';
import { validateScript } from '../core/scripts/validate';
import { lintSsml } from '../core/ssml/lint';
import { polyphoneAt, type Polyphone } from '../core/ssml/polyphones';
import type { VoiceCapability } from '../core/ssml/types';
import { UserFacingError } from '../commands/registerCommand';
import { toWorkspaceEdit } from '../diagnostics/convert';
import { scriptKindOf } from '../scripts/scriptLanguages';

/** One question: which reading a polyphone has, the `n`th of `total` still unmarked. */
export interface ReadingQuestion {
  readonly polyphone: Polyphone;
  /** The word a reading marks, e.g. 银行. */
  readonly word: string;
  readonly n: number;
  readonly total: number;
}

/** The index of the reading chosen, `skip` to leave this one unmarked, undefined to stop. */
export type ReadingAnswer = number | 'skip' | undefined;

export interface ReviewPrompts {
  pickReading(question: ReadingQuestion): Promise<ReadingAnswer>;
}

export const windowReviewPrompts: ReviewPrompts = {
  async pickReading({ polyphone, word, n, total }) {
    type Item = vscode.QuickPickItem & { answer: ReadingAnswer };
    const items: Item[] = polyphone.readings.map((r, i) => ({
      label: r.reading,
      description: r.contextual ? vscode.l10n.t('{0} {1} · in context', word, r.ph) : `${word} ${r.ph}`,
      answer: i,
    }));
    items.push({ label: vscode.l10n.t('Skip'), description: vscode.l10n.t('leave "{0}" unmarked', polyphone.char), answer: 'skip', alwaysShow: true });
    const picked = await vscode.window.showQuickPick(items, {
      title: vscode.l10n.t('Review Polyphones ({0} of {1})', n, total),
      placeHolder: `${polyphone.before}【${polyphone.char}】${polyphone.after}`,
      ignoreFocusOut: true,
    });
    return picked?.answer;
  },
};

/** How the review finds polyphones in a kind of document, in document offsets. */
interface PolyphoneSource {
  offsets(text: string): number[];
  at(text: string, offset: number): Polyphone | undefined;
}

function sourceOf(document: vscode.TextDocument, voiceCapability: (id: string) => VoiceCapability | undefined): PolyphoneSource | undefined {
  const starts = (diagnostics: { code: string; start: number }[]) => diagnostics.filter((d) => d.code === 'ssml/polyphone').map((d) => d.start);
  const kind = scriptKindOf(document);
  if (kind) {
    return {
      offsets: (text) => starts(validateScript(text, kind, { voiceCapability, polyphones: 'hint' })),
      at: (text, offset) => polyphoneInScript(text, kind, offset),
    };
  }
  if (document.languageId !== 'metastudio-ssml') return undefined;
  return { offsets: (text) => starts(lintSsml(text, { where: 'standalone', polyphones: 'hint' })), at: polyphoneAt };
}

/** Where the next polyphone starts after a fix: just after its `</phoneme>`. */
function afterFix(polyphone: Polyphone, index: number): number {
  const edit = polyphone.readings[index].fix.edits[0];
  return edit.start + edit.newText.indexOf('</phoneme>') + '</phoneme>'.length;
}

/** Reviews the editor's document; returns how many polyphones it marked. */
export async function reviewPolyphones(editor: vscode.TextEditor, prompts: ReviewPrompts, voiceCapability: (id: string) => VoiceCapability | undefined): Promise<number> {
  const { document } = editor;
  const source = sourceOf(document, voiceCapability);
  if (!source) throw new UserFacingError(vscode.l10n.t('Review Polyphones works in video and live scripts and .ssml files.'));
  let cursor = 0;
  let reviewed = 0;
  let marked = 0;
  for (;;) {
    const text = document.getText();
    const version = document.version;
    const offsets = source.offsets(text).filter((o) => o >= cursor);
    if (offsets.length === 0) break;
    const polyphone = source.at(text, offsets[0]);
    if (!polyphone) {
      cursor = offsets[0] + 1;
      continue;
    }
    const range = new vscode.Range(document.positionAt(polyphone.offset), document.positionAt(polyphone.offset + 1));
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    const answer = await prompts.pickReading({ polyphone, word: text.slice(polyphone.wordStart, polyphone.wordEnd), n: reviewed + 1, total: reviewed + offsets.length });
    if (answer === undefined) break;
    // Edited meanwhile: ask again about the document as it is now.
    if (document.version !== version) continue;
    reviewed++;
    if (answer === 'skip') {
      cursor = polyphone.offset + 1;
      continue;
    }
    if (!(await vscode.workspace.applyEdit(toWorkspaceEdit(document, polyphone.readings[answer].fix)))) {
      throw new UserFacingError(vscode.l10n.t('The polyphone could not be marked: the document did not take the edit.'));
    }
    marked++;
    cursor = afterFix(polyphone, answer);
  }
  const left = source.offsets(document.getText()).length;
  void vscode.window.showInformationMessage(left === 0
    ? vscode.l10n.t('Marked {0} polyphone(s); none is left unmarked.', marked)
    : vscode.l10n.t('Marked {0} polyphone(s); {1} left unmarked.', marked, left));
  return marked;
}

/** What the tests answer, in order (`contextual`: the reading the word context implies); out of answers, the review stops. */
export type ScriptedReadingAnswer = 'contextual' | 'skip' | number;

export class ScriptedReviewPrompts implements ReviewPrompts {
  /** Each question asked: the character, its sentence as shown, its readings in the order offered. */
  readonly asked: { readonly char: string; readonly sentence: string; readonly readings: readonly string[] }[] = [];

  constructor(private readonly answers: ScriptedReadingAnswer[]) {}

  async pickReading({ polyphone }: ReadingQuestion): Promise<ReadingAnswer> {
    this.asked.push({ char: polyphone.char, sentence: `${polyphone.before}【${polyphone.char}】${polyphone.after}`, readings: polyphone.readings.map((r) => r.reading) });
    const answer = this.answers.shift();
    return answer === 'contextual' ? Math.max(0, polyphone.readings.findIndex((r) => r.contextual)) : answer;
  }
}

/** `globalThis[Symbol.for(reviewTestHooksKey)]` in ExtensionMode.Test only: sets the answers, returns what was asked. */
export const reviewTestHooksKey = 'metastudio.polyphones.testHooks';
export type ReviewTestHooks = (answers?: ScriptedReadingAnswer[]) => ScriptedReviewPrompts['asked'];
