/** A "Preview Voice" CodeLens above every shot text of a script file. */
import * as vscode from 'vscode';
import { scriptTexts } from '../core/scripts/texts';
import type { Languages } from '../languages';

export const previewCodeLenses = (languages: Languages): vscode.CodeLensProvider => ({
  provideCodeLenses(document) {
    const kind = languages.scriptKindOf(document);
    if (!kind) return [];
    return scriptTexts(document.getText(), kind).map((text) => {
      const at = document.positionAt(text.start);
      return new vscode.CodeLens(new vscode.Range(at, at), {
        title: vscode.l10n.t('$(unmute) Preview Voice'),
        tooltip: text.voice?.voiceAssetId
          ? vscode.l10n.t('Hear this text with voice {0}', text.voice.voiceAssetId)
          : vscode.l10n.t('Hear this text (you choose the voice)'),
        command: 'metastudio.preview.voice',
        arguments: [{ uri: document.uri.toString(), offset: text.start }],
      });
    });
  },
});
