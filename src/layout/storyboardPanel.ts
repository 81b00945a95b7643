/**
 * The storyboard of a script: every shot (video) or scene (live) as a thumbnail of its layout, drawn
 * as the layout view draws it (viewSvg.ts), with its number, first words, duration (the duration
 * lenses' own) and problem count (the lint's, counted per frame as `metastudio storyboard` does).
 * One view per script, beside the editor. It redraws after each lint pass of its script (the linter
 * debounces typing) and when measured durations change, and sends only the thumbnails that changed.
 * Choosing a thumbnail puts the editor's cursor on that frame and shows it in the layout view.
 */
import * as vscode from 'vscode';
import { layoutOf, type Layout } from '../core/layout/model';
import { durationText, excerptOf, frameCountText, frameDurations, frameTitle, problemCounts, problemsText, storyboardItemName } from '../core/layout/storyboard';
import { formatSeconds } from '../core/scripts/durations';
import type { ScriptAnalysis } from '../core/scripts/validate';
import type { Languages } from '../languages';
import type { DurationService, ScriptAnalyses } from '../services';
import { escapeHtml, pageHtml } from '../webviews/page';
import type { LayoutImages } from './layoutImages';
import type { LayoutPanel } from './layoutPanel';
import { isFromStoryboardMessage, type StoryboardItem, type ToStoryboardMessage } from './storyboardMessages';
import { viewFrameSvg } from './viewSvg';

export const STORYBOARD_VIEW_TYPE = 'metastudio.storyboard';

/** What the integration tests read of one storyboard. */
export interface StoryboardState {
  /** The newest message the view has drawn, and how many thumbnails it shows then. */
  readonly rendered: { readonly version: number; readonly items: number } | undefined;
  /** How many thumbnails the last message carried (the changed ones). */
  readonly sent: number;
  /** Every thumbnail's name in words, as last sent. */
  readonly names: readonly string[];
  /** Milliseconds from the start of a redraw (a lint pass done) to the view's "rendered", newest last. */
  readonly redraws: readonly number[];
  /** Milliseconds from an edit of the script to the view's "rendered" of it (the linter's debounce included), newest last. */
  readonly latencies: readonly number[];
}

export interface StoryboardProbe {
  state(uri: string): StoryboardState | undefined;
  /** What choosing the thumbnail `index` does (a click, Enter or Space in the view). */
  reveal(uri: string, index: number): Promise<void>;
}

export interface StoryboardDeps {
  readonly extensionUri: vscode.Uri;
  readonly languages: Languages;
  readonly analyses: ScriptAnalyses;
  readonly durations: DurationService;
  readonly layout: LayoutPanel;
  /** The pictures the layout view draws (asset previews, avatar covers): the thumbnails get the same. */
  readonly images: LayoutImages;
}

const fileName = (uri: vscode.Uri) => uri.path.slice(uri.path.lastIndexOf('/') + 1);

/** One script's storyboard view. */
class Storyboard implements vscode.Disposable {
  private ready = false;
  private version = 0;
  /** Each frame as last sent (its thumbnail and words), to send only what changed. */
  private sentItems: string[] = [];
  private sentCount: number | undefined;
  /** The last message's heading and summary: a drawing that changes nothing is not sent. */
  private sentHeading: string | undefined;
  /** The analysis drawn last: a lint pass that found the same (a repeated event) draws nothing. */
  private drawn: ScriptAnalysis | undefined;
  private stale = true;
  private pending: { readonly version: number; readonly since: number; readonly editedAt: number | undefined } | undefined;
  /** When the script changed first since the last drawing. */
  private editedAt: number | undefined;
  private updating = false;
  private again = false;
  private readonly subscriptions: vscode.Disposable[] = [];
  readonly state: { rendered: StoryboardState['rendered']; sent: number; names: string[]; readonly redraws: number[]; readonly latencies: number[] }
    = { rendered: undefined, sent: 0, names: [], redraws: [], latencies: [] };

  constructor(readonly panel: vscode.WebviewPanel, readonly uri: vscode.Uri, private readonly deps: StoryboardDeps) {
    const root = vscode.Uri.joinPath(deps.extensionUri, 'dist', 'webview');
    panel.webview.options = { enableScripts: true, localResourceRoots: [root, deps.images.folder] };
    panel.webview.html = storyboardHtml(panel.webview, root, uri);
    panel.title = vscode.l10n.t('Storyboard: {0}', fileName(uri));
    const mine = (document: vscode.TextDocument) => document.uri.toString() === uri.toString();
    this.subscriptions.push(
      panel.webview.onDidReceiveMessage((message: unknown) => this.receive(message)),
      deps.analyses.onDidChange((document) => { if (mine(document)) void this.update(); }),
      vscode.workspace.onDidChangeTextDocument((e) => { if (mine(e.document) && e.contentChanges.length) this.editedAt ??= performance.now(); }),
      deps.images.onDidChange(() => {
        this.stale = true;
        void this.update();
      }),
      deps.durations.onDidChange(() => {
        this.stale = true;
        void this.update();
      }),
    );
  }

  /** The script's document: the open one, else opened again (a file); undefined when it is gone. */
  private async document(): Promise<vscode.TextDocument | undefined> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === this.uri.toString());
    if (open || this.uri.scheme === 'untitled') return open;
    return vscode.workspace.openTextDocument(this.uri).then((d) => d, () => undefined);
  }

  private layoutOf(document: vscode.TextDocument): Layout | undefined {
    const kind = this.deps.languages.scriptKindOf(document);
    return kind && layoutOf(document.getText(), kind);
  }

  /** Draws again, one run at a time; a change during a run draws once more after it. */
  private async update(): Promise<void> {
    if (!this.ready) return;
    if (this.updating) {
      this.again = true;
      return;
    }
    this.updating = true;
    try {
      do {
        this.again = false;
        await this.draw();
      } while (this.again);
    } finally {
      this.updating = false;
    }
  }

  private async draw(): Promise<void> {
    const document = await this.document();
    const analysis = document && this.deps.analyses.get(document);
    if (analysis && analysis === this.drawn && !this.stale) return;
    const since = performance.now();
    this.drawn = analysis;
    this.stale = false;
    const layout = document && this.layoutOf(document);
    const name = fileName(this.uri);
    const heading = vscode.l10n.t('Storyboard: {0}', name);
    if (!document || !analysis || !layout?.frames.length) {
      const text = document ? vscode.l10n.t('{0} has no shot or scene to lay out yet.', name) : vscode.l10n.t('{0} is not open.', name);
      const changed = this.countChanged(0);
      if (changed || this.sentHeading !== `${heading}\n${text}`) this.post({ type: 'empty', version: ++this.version, heading, text, announce: changed ? text : undefined }, since);
      this.sentHeading = `${heading}\n${text}`;
      return;
    }
    const duration = await this.deps.durations.of(document);
    const { errors, warnings } = problemCounts(layout, analysis.diagnostics);
    const durations = frameDurations(layout, duration?.shots ?? []);
    const image = this.deps.images.imageOption(this.panel.webview, layout.frames);
    const items: StoryboardItem[] = [];
    const names: string[] = [];
    const sent = layout.frames.map((frame, i) => {
      const excerpt = excerptOf(frame.text);
      const item: StoryboardItem = {
        index: i,
        svg: viewFrameSvg(layout, frame, image),
        title: frameTitle(layout, frame),
        excerpt,
        duration: durations[i] ? durationText(durations[i]) : '',
        problems: problemsText(errors[i], warnings[i]),
        severity: errors[i] ? 'error' : warnings[i] ? 'warning' : 'none',
        name: storyboardItemName(layout, frame, { excerpt, duration: durations[i], errors: errors[i], warnings: warnings[i] }),
      };
      names.push(item.name);
      const key = JSON.stringify(item);
      if (this.sentItems[i] !== key) items.push(item);
      return key;
    });
    this.sentItems = sent;
    this.state.names = names;
    const count = frameCountText(layout);
    const summary = duration?.shots.length ? `${count} · ≈ ${formatSeconds(duration.seconds)}` : count;
    const changed = this.countChanged(layout.frames.length);
    // Another lint pass of the same text (the duration lens asks for one too) draws nothing new.
    if (!items.length && !changed && this.sentHeading === `${heading}\n${summary}`) {
      this.editedAt = undefined;
      return;
    }
    this.sentHeading = `${heading}\n${summary}`;
    const announce = changed ? vscode.l10n.t('Storyboard updated: {0}', count) : undefined;
    this.post({ type: 'show', version: ++this.version, heading, summary, count: layout.frames.length, items, announce }, since);
  }

  /** Whether the view last showed another number of frames (not on the first drawing: the heading says it then). */
  private countChanged(count: number): boolean {
    const changed = this.sentCount !== undefined && this.sentCount !== count;
    this.sentCount = count;
    if (count === 0) this.sentItems = [];
    return changed;
  }

  private post(message: ToStoryboardMessage, since: number): void {
    this.pending = { version: message.version, since, editedAt: this.editedAt };
    this.editedAt = undefined;
    this.state.sent = message.type === 'show' ? message.items.length : 0;
    void this.panel.webview.postMessage(message);
  }

  private receive(message: unknown): void {
    if (!isFromStoryboardMessage(message)) return;
    switch (message.type) {
      case 'ready':
        // A new page (first open, or restored): it has nothing yet.
        this.ready = true;
        this.sentItems = [];
        this.sentCount = undefined;
        this.sentHeading = undefined;
        this.stale = true;
        void this.update();
        return;
      case 'rendered':
        this.state.rendered = { version: message.version, items: message.items };
        if (this.pending?.version === message.version) {
          const now = performance.now();
          this.state.redraws.push(now - this.pending.since);
          if (this.pending.editedAt !== undefined) this.state.latencies.push(now - this.pending.editedAt);
          for (const times of [this.state.redraws, this.state.latencies]) if (times.length > 200) times.splice(0, 100);
          this.pending = undefined;
        }
        return;
      case 'reveal':
        void this.reveal(message.index);
        return;
    }
  }

  /**
   * The layout view shows the frame, in a group of its own (not over this view or the script), then
   * the script's editor gets the cursor at the frame's start and the focus.
   */
  async reveal(index: number): Promise<void> {
    const document = await this.document();
    const frame = document && this.layoutOf(document)?.frames[index];
    if (!document || !frame) return;
    const offset = frame.at.offset + 1;
    const column = vscode.window.visibleTextEditors.find((e) => e.document === document)?.viewColumn
      ?? (this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One);
    this.deps.layout.open(document, offset, [column, this.panel.viewColumn ?? column].filter((c) => c > 0));
    const at = document.positionAt(offset);
    await vscode.window.showTextDocument(document, { viewColumn: column, selection: new vscode.Range(at, at), preserveFocus: false });
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}

/** The storyboards, one per script; restored with their scripts when VS Code opens again. */
export class Storyboards implements vscode.Disposable {
  private readonly open = new Map<string, Storyboard>();
  private readonly serializer: vscode.Disposable;

  constructor(private readonly deps: StoryboardDeps) {
    this.serializer = vscode.window.registerWebviewPanelSerializer(STORYBOARD_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state: unknown) => {
        const uri = (state as { uri?: unknown } | undefined)?.uri;
        if (typeof uri !== 'string' || this.open.has(uri)) {
          panel.dispose();
          return;
        }
        this.attach(panel, vscode.Uri.parse(uri));
      },
    });
  }

  /** Shows the storyboard of `document` (a new one beside its editor, or the one it has). */
  show(document: vscode.TextDocument): void {
    const existing = this.open.get(document.uri.toString());
    if (existing) {
      existing.panel.reveal();
      return;
    }
    const panel = vscode.window.createWebviewPanel(STORYBOARD_VIEW_TYPE, vscode.l10n.t('Storyboard'), { viewColumn: vscode.ViewColumn.Beside }, { retainContextWhenHidden: true });
    this.attach(panel, document.uri);
  }

  private attach(panel: vscode.WebviewPanel, uri: vscode.Uri): void {
    const storyboard = new Storyboard(panel, uri, this.deps);
    this.open.set(uri.toString(), storyboard);
    panel.onDidDispose(() => {
      storyboard.dispose();
      if (this.open.get(uri.toString()) === storyboard) this.open.delete(uri.toString());
    });
  }

  get probe(): StoryboardProbe {
    return {
      state: (uri) => this.open.get(uri)?.state,
      reveal: async (uri, index) => this.open.get(uri)?.reveal(index),
    };
  }

  dispose(): void {
    this.serializer.dispose();
    for (const storyboard of this.open.values()) storyboard.panel.dispose();
  }
}

function storyboardHtml(webview: vscode.Webview, folder: vscode.Uri, uri: vscode.Uri): string {
  const t = (text: string) => escapeHtml(text);
  // The script's URI goes with the page's words: the page keeps it in its state, which VS Code gives back to restore it.
  return pageHtml(webview, {
    folder, bundle: 'storyboard', title: vscode.l10n.t('Storyboard'), strings: { uri: uri.toString() }, sources: { images: true },
    main: `  <h1 id="heading">${t(vscode.l10n.t('Storyboard: {0}', fileName(uri)))}</h1>
  <p id="summary" class="why"></p>
  <p id="help" class="why">${t(vscode.l10n.t('Arrow keys, Home and End move between thumbnails; Enter or Space shows one in the editor and the layout view.'))}</p>
  <ol id="items" aria-labelledby="heading"></ol>
  <p id="status" role="status" aria-live="polite"></p>`,
  });
}
