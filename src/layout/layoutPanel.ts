/**
 * The layout view beside a script's editor: the shot or scene under the cursor drawn by the core
 * (src/core/layout/svg.ts), redrawn as the cursor moves and the text changes. The view's gestures
 * come back as placement changes; each becomes ONE workspace edit of the script's numbers (one undo).
 */
import * as vscode from 'vscode';
import { groupPlacementEdits, placementEdits, restackEdits } from '../core/layout/edits';
import { frameAt, layoutOf, type Frame, type Layout, type LayerBox } from '../core/layout/model';
import { frameTitle } from '../core/layout/storyboard';
import { layerTypeName } from '../core/layout/svg';
import type { TextEdit } from '../core/diagnostics';
import { log } from '../logging/log';
import type { Languages } from '../languages';
import { escapeHtml, pageHtml } from '../webviews/page';
import type { LayoutImages } from './layoutImages';
import { isFromViewMessage, type LayerSummary, type ToViewMessage, type ViewStrings } from './layoutMessages';
import { viewFrameSvg } from './viewSvg';

/** What the integration tests read: the frame shown and how long each redraw took. */
export interface LayoutProbe {
  readonly shown: () => { readonly uri: string; readonly frame: number; readonly version: number } | undefined;
  /** Milliseconds from a change (text or cursor) to the view's "rendered", newest last. */
  readonly redraws: readonly number[];
  /** The drawing last sent to the view. */
  readonly svg: () => string | undefined;
}

function viewStrings(): ViewStrings {
  return {
    layerValue: vscode.l10n.t('x {0}, y {1}, width {2}, height {3}, rotation {4} degrees'),
    moved: vscode.l10n.t('{0} moved to x {1}, y {2}.'),
    resized: vscode.l10n.t('{0} resized to width {1}, height {2}.'),
    rotated: vscode.l10n.t('{0} rotated to {1} degrees.'),
    selected: vscode.l10n.t('{0} selected.'),
    noLayer: vscode.l10n.t('Select a layer first.'),
    noRotation: vscode.l10n.t('Video layers do not rotate.'),
  };
}

function layerName(layer: LayerBox, position: number, count: number): string {
  const what = layer.type === 'TEXT' && layer.text?.text !== undefined ? `${layerTypeName(layer.type)} "${layer.text.text.slice(0, 40)}"` : layerTypeName(layer.type);
  const name = vscode.l10n.t('{0}, layer {1} of {2}', what, position, count);
  return layer.assumed.length ? `${name} (${vscode.l10n.t('default placement')})` : name;
}

function summaries(frame: Frame): LayerSummary[] {
  return frame.layers.map((layer, i) => ({
    pointer: layer.pointer, type: layer.type ?? '', name: layerName(layer, i + 1, frame.layers.length),
    x: layer.x, y: layer.y, w: layer.w, h: layer.h, rotation: layer.rotation, groupId: layer.groupId, assumed: layer.assumed.length > 0,
  }));
}

export class LayoutPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private document: vscode.TextDocument | undefined;
  private frameIndex = 0;
  private version = 0;
  private ready = false;
  /** When the change being drawn happened (performance.now()), until the view says it rendered. */
  private pending: { readonly version: number; readonly since: number } | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  readonly redraws: number[] = [];
  private lastSvg: string | undefined;

  constructor(private readonly extensionUri: vscode.Uri, private readonly languages: Languages, private readonly images: LayoutImages) {
    this.subscriptions.push(
      images.onDidChange(() => this.update()),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.textEditor.document !== this.document) return;
        const frame = this.frameAtOffset(e.textEditor.document.offsetAt(e.selections[0].active));
        if (frame && frame.index !== this.frameIndex) {
          this.frameIndex = frame.index;
          this.update();
        }
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === this.document && e.contentChanges.length) this.update();
      }),
    );
  }

  get probe(): LayoutProbe {
    return {
      shown: () => (this.document && this.panel ? { uri: this.document.uri.toString(), frame: this.frameIndex, version: this.version } : undefined),
      redraws: this.redraws,
      svg: () => this.lastSvg,
    };
  }

  private layout(): Layout | undefined {
    const kind = this.document && this.languages.scriptKindOf(this.document);
    return kind ? layoutOf(this.document!.getText(), kind) : undefined;
  }

  private frameAtOffset(offset: number): Frame | undefined {
    const layout = this.layout();
    return layout && frameAt(layout, offset);
  }

  /** Shows the frame at `offset` of `document` (the cursor's, by default) beside its editor. */
  /**
   * `avoid`: editor groups the view should not cover (the storyboard's and the script's, when the
   * storyboard opens it): it goes to a group right of them instead.
   */
  open(document: vscode.TextDocument, offset: number, avoid: readonly vscode.ViewColumn[] = []): void {
    this.document = document;
    this.frameIndex = this.frameAtOffset(offset)?.index ?? 0;
    const elsewhere: vscode.ViewColumn | undefined = avoid.length ? Math.max(...avoid) + 1 : undefined;
    if (!this.panel) {
      const root = vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview');
      const panel = vscode.window.createWebviewPanel('metastudio.layout', vscode.l10n.t('Layout'), { viewColumn: elsewhere ?? vscode.ViewColumn.Beside, preserveFocus: true }, {
        enableScripts: true,
        retainContextWhenHidden: true,
        localResourceRoots: [root, this.images.folder],
      });
      panel.webview.html = layoutHtml(panel.webview, root);
      panel.webview.onDidReceiveMessage((message: unknown) => this.receive(message));
      panel.onDidDispose(() => {
        if (this.panel === panel) {
          this.panel = undefined;
          this.ready = false;
        }
      });
      this.panel = panel;
    } else {
      const covers = this.panel.viewColumn !== undefined && avoid.includes(this.panel.viewColumn);
      this.panel.reveal(covers ? elsewhere : undefined, true);
    }
    this.update();
  }

  private update(): void {
    if (!this.panel || !this.ready || !this.document) return;
    const since = performance.now();
    const layout = this.layout();
    const name = this.document.uri.path.slice(this.document.uri.path.lastIndexOf('/') + 1);
    const frame = layout?.frames[Math.min(this.frameIndex, layout.frames.length - 1)];
    this.version++;
    let message: ToViewMessage;
    if (!layout || !frame) {
      message = { type: 'empty', text: vscode.l10n.t('{0} has no shot or scene to lay out yet.', name) };
    } else {
      this.frameIndex = frame.index;
      const title = vscode.l10n.t('{0} of {1} · {2}', frameTitle(layout, frame), layout.frames.length, name);
      this.panel.title = vscode.l10n.t('Layout: {0}', frameTitle(layout, frame));
      this.lastSvg = viewFrameSvg(layout, frame, this.images.imageOption(this.panel.webview, [frame]));
      message = { type: 'show', version: this.version, title, svg: this.lastSvg, canvas: layout.canvas, layers: summaries(frame) };
      this.pending = { version: this.version, since };
    }
    void this.panel.webview.postMessage(message);
  }

  private receive(message: unknown): void {
    if (!isFromViewMessage(message)) return;
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.update();
        return;
      case 'rendered':
        if (this.pending?.version === message.version) {
          this.redraws.push(performance.now() - this.pending.since);
          if (this.redraws.length > 200) this.redraws.splice(0, 100);
          this.pending = undefined;
        }
        return;
      case 'place':
        void this.apply((text) => placementEdits(text, message.pointer, message.change));
        return;
      case 'applyToGroup':
        void this.apply((text, layout) => {
          const layer = layout.frames.flatMap((f) => f.layers).find((l) => l.pointer === message.pointer);
          return layer ? groupPlacementEdits(text, layout, layer) : [];
        });
        return;
      case 'restack':
        void this.apply((text, layout) => {
          const frame = layout.frames[this.frameIndex];
          return frame ? restackEdits(text, frame, message.pointer, message.direction) : [];
        });
        return;
    }
  }

  /** Applies the edits `make` computes on the current text as one workspace edit (one undo step). */
  private async apply(make: (text: string, layout: Layout) => TextEdit[]): Promise<void> {
    const document = this.document;
    const layout = this.layout();
    if (!document || !layout) return;
    const edits = make(document.getText(), layout);
    if (!edits.length) return;
    const edit = new vscode.WorkspaceEdit();
    for (const e of edits) edit.replace(document.uri, new vscode.Range(document.positionAt(e.start), document.positionAt(e.end)), e.newText);
    if (!(await vscode.workspace.applyEdit(edit))) log().warn('layout: the edit was not applied');
  }

  dispose(): void {
    this.panel?.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

function layoutHtml(webview: vscode.Webview, folder: vscode.Uri): string {
  const t = (text: string) => escapeHtml(text);
  return pageHtml(webview, {
    folder, bundle: 'layout', title: vscode.l10n.t('Layout'), strings: viewStrings(), sources: { images: true },
    main: `  <h1 id="title">${t(vscode.l10n.t('Layout'))}</h1>
  <p id="empty" hidden></p>
  <div class="toolbar" role="toolbar" aria-label="${t(vscode.l10n.t('Layout tools'))}">
    <label><input type="checkbox" id="snap" checked> ${t(vscode.l10n.t('Snap to edges and centre lines'))}</label>
    <button type="button" id="forward" class="secondary">${t(vscode.l10n.t('Bring Forward'))}</button>
    <button type="button" id="backward" class="secondary">${t(vscode.l10n.t('Send Back'))}</button>
    <button type="button" id="group" class="secondary" hidden>${t(vscode.l10n.t('Apply to Every Shot of This Group'))}</button>
  </div>
  <div id="stage" role="img" aria-labelledby="title"></div>
  <h2 id="layers-title">${t(vscode.l10n.t('Layers (bottom first)'))}</h2>
  <ul id="layers" aria-labelledby="layers-title"></ul>
  <p id="help" class="why">${t(vscode.l10n.t('Drag a layer to move it, a corner to resize it (Shift keeps its shape), the round handle to rotate it. With a layer selected: arrow keys move it 1 pixel (Shift: 10), Alt+arrow keys resize it, [ and ] rotate it (Shift: 15 degrees), Page Up and Page Down bring it forward or send it back.'))}</p>
  <p id="status" role="status" aria-live="polite"></p>`,
  });
}
