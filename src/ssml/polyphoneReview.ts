/**
 * "Review Polyphones": walks through every polyphone no `<phoneme>` marks in a script or `.ssml`
 * file, asks for its reading in a quick pick that shows its sentence (question `polyphones.reading`),
 * and marks it with one edit per answer.
 */
import * as vscode from 'vscode';
import { ExpectedError } from '../core/errors';
import { polyphoneInScript } from '../core/scripts/texts';
import { validateScript } from '../core/scripts/validate';
import { lintSsml } from '../core/ssml/lint';
import { polyphoneAt, type Polyphone, type PolyphoneReading } from '../core/ssml/polyphones';
import type { VoiceCapability } from '../core/ssml/types';
import { toWorkspaceEdit } from '../diagnostics/convert';
import type { Languages } from '../languages';
import type { PickItem } from '../prompts';
import type { Services } from '../services';

/** The reading chosen, or `skip` to leave this polyphone unmarked. */
export type ReadingAnswer = PolyphoneReading | 'skip';

/** Asks for the reading of a polyphone, the `n`th of `total` still unmarked; undefined stops the review. */
function pickReading({ prompts }: Services, polyphone: Polyphone, word: string, n: number, total: number): Promise<ReadingAnswer | undefined> {
  const items: PickItem<ReadingAnswer>[] = polyphone.readings.map((r) => ({
    label: r.reading,
    description: r.contextual ? vscode.l10n.t('{0} {1} · in context', word, r.ph) : `${word} ${r.ph}`,
    value: r,
  }));
  items.push({ label: vscode.l10n.t('Skip'), description: vscode.l10n.t('leave "{0}" unmarked', polyphone.char), value: 'skip', alwaysShow: true });
  return prompts.pick({
    id: 'polyphones.reading',
    items,
    title: vscode.l10n.t('Review Polyphones ({0} of {1})', n, total),
    placeHolder: `${polyphone.before}【${polyphone.char}】${polyphone.after}`,
    ignoreFocusOut: true,
  });
}

/** How the review finds polyphones in a kind of document, in document offsets. */
interface PolyphoneSource {
  offsets(text: string): number[];
  at(text: string, offset: number): Polyphone | undefined;
}

function sourceOf(document: vscode.TextDocument, languages: Languages, voiceCapability: (id: string) => VoiceCapability | undefined): PolyphoneSource | undefined {
  const starts = (diagnostics: { code: string; start: number }[]) => diagnostics.filter((d) => d.code === 'ssml/polyphone').map((d) => d.start);
  const kind = languages.scriptKindOf(document);
  if (kind) {
    return {
      offsets: (text) => starts(validateScript(text, kind, { voiceCapability, polyphones: 'hint' })),
      at: (text, offset) => polyphoneInScript(text, kind, offset),
    };
  }
  if (document.languageId !== languages.ssml) return undefined;
  return { offsets: (text) => starts(lintSsml(text, { where: 'standalone', polyphones: 'hint' })), at: polyphoneAt };
}

/** Where the next polyphone starts after a fix: just after its `</phoneme>`. */
function afterFix(reading: PolyphoneReading): number {
  const edit = reading.fix.edits[0];
  return edit.start + edit.newText.indexOf('</phoneme>') + '</phoneme>'.length;
}

/** Reviews the editor's document; returns how many polyphones it marked. */
export async function reviewPolyphones(editor: vscode.TextEditor, services: Services): Promise<number> {
  const { document } = editor;
  const source = sourceOf(document, services.languages, (id) => services.assets.voiceCapability(id));
  if (!source) throw new ExpectedError(vscode.l10n.t('Review Polyphones works in video and live scripts and .ssml files.'));
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
    const answer = await pickReading(services, polyphone, text.slice(polyphone.wordStart, polyphone.wordEnd), reviewed + 1, reviewed + offsets.length);
    if (answer === undefined) break;
    // Edited meanwhile: ask again about the document as it is now.
    if (document.version !== version) continue;
    reviewed++;
    if (answer === 'skip') {
      cursor = polyphone.offset + 1;
      continue;
    }
    if (!(await vscode.workspace.applyEdit(toWorkspaceEdit(document, answer.fix)))) {
      throw new ExpectedError(vscode.l10n.t('The polyphone could not be marked: the document did not take the edit.'));
    }
    marked++;
    cursor = afterFix(answer);
  }
  const left = source.offsets(document.getText()).length;
  void vscode.window.showInformationMessage(left === 0
    ? vscode.l10n.t('Marked {0} polyphone(s); none is left unmarked.', marked)
    : vscode.l10n.t('Marked {0} polyphone(s); {1} left unmarked.', marked, left));
  return marked;
}
