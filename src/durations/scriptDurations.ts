/**
 * The spoken durations of an open script, as the duration lenses, hover and status bar show them and
 * the storyboard repeats them: the linter's estimate of each shot text, replaced by the real length
 * of a cached preview of exactly that text, voice and settings on the active connection.
 */
import * as vscode from 'vscode';
import { MeasuredDurations } from '../core/preview/measuredDurations';
import { previewRequestOf, scriptDuration, type ScriptDuration } from '../core/scripts/durations';
import type { DurationService, Services } from '../services';

export class ScriptDurations implements DurationService, vscode.Disposable {
  private readonly measured: MeasuredDurations;
  private readonly changed = new vscode.EventEmitter<void>();
  /** What is measured may have changed (another connection, a new preview): the texts did not. */
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly services: Pick<Services, 'analyses' | 'previews' | 'connections'>) {
    this.measured = new MeasuredDurations(services.previews.cache);
    this.subscriptions = [
      this.changed,
      services.connections.onDidChange(() => this.changed.fire()),
      services.previews.onDidChangeCache(() => this.changed.fire()),
    ];
  }

  /** The document's durations as analysed last, measured where the active connection's cache has the preview. */
  async of(document: vscode.TextDocument): Promise<ScriptDuration | undefined> {
    const analysis = this.services.analyses.get(document);
    if (!analysis) return undefined;
    const profile = this.services.connections.active();
    const seconds = profile
      ? await this.measured.of(analysis.shots.map((s) => previewRequestOf(s.text)), { endpoint: profile.endpoint, projectId: profile.projectId }).catch(() => undefined)
      : undefined;
    return scriptDuration(analysis.shots, seconds);
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
  }
}
