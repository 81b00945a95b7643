/**
 * Layout (docs/layout.md): the layout view beside a script ("Open Layout to the Side", from the
 * editor title and a CodeLens on every shot or scene), the storyboard of a whole script ("Open
 * Storyboard"), and text layers readable in the editor (hover, "Edit text…").
 */
import * as vscode from 'vscode';
import { layoutOf } from '../core/layout/model';
import { frameTitle } from '../core/layout/storyboard';
import { registerCommand } from '../commands/registerCommand';
import type { Services } from '../services';
import { LayoutImages } from './layoutImages';
import { LayoutPanel, type LayoutProbe } from './layoutPanel';
import { isPlaceArgument } from './placeArgument';
import { Storyboards, type StoryboardProbe } from './storyboardPanel';
import { EDIT_TEXT_COMMAND, editText, textLayerActions, textLayerHover } from './textLayers';

const OPEN_COMMAND = 'metastudio.layout.open';
const STORYBOARD_COMMAND = 'metastudio.layout.storyboard';

/** "Layout" above every shot (video) or scene (live). */
function layoutCodeLenses(services: Services): vscode.CodeLensProvider {
  return {
    provideCodeLenses(document) {
      const kind = services.languages.scriptKindOf(document);
      if (!kind) return [];
      const layout = layoutOf(document.getText(), kind);
      return layout.frames.map((frame) => {
        const at = document.positionAt(frame.at.offset);
        return new vscode.CodeLens(new vscode.Range(at, at), {
          title: vscode.l10n.t('$(layout) Layout'),
          tooltip: vscode.l10n.t('Open the layout of {0} to the side', frameTitle(layout, frame)),
          command: OPEN_COMMAND,
          arguments: [{ uri: document.uri.toString(), offset: frame.at.offset + 1 }],
        });
      });
    },
  };
}

export function register(context: vscode.ExtensionContext, services: Services): { readonly layout: LayoutProbe; readonly storyboard: StoryboardProbe } {
  const { scriptSelector } = services.languages;
  const images = new LayoutImages(context.globalStorageUri, services.connections);
  const panel = new LayoutPanel(context.extensionUri, services.languages, images);
  const storyboards = new Storyboards({ extensionUri: context.extensionUri, languages: services.languages, analyses: services.analyses, durations: services.durations, layout: panel, images });
  context.subscriptions.push(images, panel, storyboards);
  registerCommand(context, OPEN_COMMAND, async (args: unknown) => {
    const editor = vscode.window.activeTextEditor;
    const document = isPlaceArgument(args) ? await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri)) : editor?.document;
    if (!document || !services.languages.scriptKindOf(document)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a video or live script to see its layout.'));
      return;
    }
    const offset = isPlaceArgument(args) ? args.offset : document.offsetAt(editor!.selection.active);
    panel.open(document, offset);
  });
  registerCommand(context, STORYBOARD_COMMAND, async (uri: unknown) => {
    const document = uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
    if (!document || !services.languages.scriptKindOf(document)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a video or live script to see its storyboard.'));
      return;
    }
    storyboards.show(document);
  });
  registerCommand(context, EDIT_TEXT_COMMAND, (args: unknown) => editText(services, args));
  context.subscriptions.push(
    vscode.languages.registerHoverProvider(scriptSelector, textLayerHover(services)),
    vscode.languages.registerCodeActionsProvider(scriptSelector, textLayerActions(services), { providedCodeActionKinds: [vscode.CodeActionKind.RefactorRewrite] }),
    vscode.languages.registerCodeLensProvider(scriptSelector, layoutCodeLenses(services)),
  );
  return { layout: panel.probe, storyboard: storyboards.probe };
}
