/**
 * Duration at a glance (docs/duration.md): the spoken duration of every shot text in a CodeLens above
 * it and in a hover on it, the script's total in a CodeLens on its first line and, while a script is
 * the active editor, in the status bar. Estimates come from the linter's pass (`ScriptAnalyses`); a
 * cached preview of exactly a shot's text, voice and settings replaces its estimate, marked measured.
 */
import * as vscode from 'vscode';
import { formatSeconds, type ScriptDuration, type ShotDuration } from '../core/scripts/durations';
import { maxTotalChars } from '../core/scripts/rules';
import type { DurationService, Services } from '../services';
import { ScriptDurations } from './scriptDurations';

const count = (n: number) => n.toLocaleString(vscode.env.language);

function shotTitle(shot: ShotDuration): string {
  return shot.measuredSeconds === undefined
    ? vscode.l10n.t('$(clock) ≈ {0}', formatSeconds(shot.seconds))
    : vscode.l10n.t('$(clock) {0} (measured)', formatSeconds(shot.seconds));
}

/** What an estimate counted, or where a measured duration comes from. */
function shotDetail(shot: ShotDuration): string {
  const { speech } = shot;
  const estimate = vscode.l10n.t('Estimated {0} from {1} Chinese characters, {2} English words, {3} digits and {4} breaks ({5} s of pauses) at speed {6}.',
    formatSeconds(shot.estimatedSeconds), speech.hanzi, speech.words, speech.digits, speech.breaks, speech.pauseSeconds.toFixed(1), shot.text.voice?.speed ?? 100);
  return shot.measuredSeconds === undefined
    ? estimate
    : `${vscode.l10n.t('Measured: the length of the cached preview of exactly this text, voice and settings.')} ${estimate}`;
}

/** `≈ 3 min 12 s · 12 shots, 2 measured` */
function totalText(duration: ScriptDuration): string {
  const shots = duration.shots.length === 1 ? vscode.l10n.t('1 shot') : vscode.l10n.t('{0} shots', duration.shots.length);
  const measured = duration.measured ? vscode.l10n.t(', {0} measured', duration.measured) : '';
  return vscode.l10n.t('≈ {0} · {1}{2}', formatSeconds(duration.seconds), shots, measured);
}

function totalDetail(duration: ScriptDuration, video: boolean): string {
  const characters = video
    ? vscode.l10n.t('{0} of {1} characters without tags.', count(duration.characters), count(maxTotalChars))
    : vscode.l10n.t('{0} characters without tags.', count(duration.characters));
  return `${vscode.l10n.t('Spoken duration of the script: shots with a cached preview count its real length, the others an estimate.')} ${characters}`;
}

/** Returns the durations it shows, for the features that repeat them (the storyboard). */
export function register(context: vscode.ExtensionContext, services: Omit<Services, 'durations'>): DurationService {
  const { analyses, languages } = services;
  const durations = new ScriptDurations(services);
  context.subscriptions.push(durations);
  const durationOf = (document: vscode.TextDocument) => durations.of(document);

  const lensesChanged = new vscode.EventEmitter<void>();
  const lenses: vscode.CodeLensProvider = {
    onDidChangeCodeLenses: lensesChanged.event,
    async provideCodeLenses(document) {
      const duration = await durationOf(document);
      if (!duration?.shots.length) return [];
      const top = new vscode.Range(0, 0, 0, 0);
      // A lens without a command is shown as plain text.
      return [
        new vscode.CodeLens(top, { title: vscode.l10n.t('$(clock) Total {0}', totalText(duration)), tooltip: totalDetail(duration, languages.scriptKindOf(document) === 'video'), command: '' }),
        ...duration.shots.map((shot) => {
          const at = document.positionAt(shot.text.start);
          return new vscode.CodeLens(new vscode.Range(at, at), { title: shotTitle(shot), tooltip: shotDetail(shot), command: '' });
        }),
      ];
    },
  };

  const hover: vscode.HoverProvider = {
    async provideHover(document, position) {
      const offset = document.offsetAt(position);
      const duration = await durationOf(document);
      const shot = duration?.shots.find((s) => offset > s.text.start && offset < s.text.end);
      if (!shot) return undefined;
      const title = shot.measuredSeconds === undefined
        ? vscode.l10n.t('Spoken duration ≈ {0}', formatSeconds(shot.seconds))
        : vscode.l10n.t('Spoken duration {0} (measured)', formatSeconds(shot.seconds));
      const markdown = new vscode.MarkdownString();
      markdown.appendMarkdown(`**${title}**\n\n`).appendText(shotDetail(shot));
      return new vscode.Hover(markdown, new vscode.Range(document.positionAt(shot.text.start), document.positionAt(shot.text.end)));
    },
  };

  const status = vscode.window.createStatusBarItem('metastudio.scriptDuration', vscode.StatusBarAlignment.Right, 100);
  status.name = vscode.l10n.t('MetaStudio Script Duration');
  const updateStatus = async () => {
    const document = vscode.window.activeTextEditor?.document;
    const duration = document && languages.scriptKindOf(document) ? await durationOf(document) : undefined;
    if (document !== vscode.window.activeTextEditor?.document) return; // another editor became active meanwhile
    if (!duration || !document) {
      status.hide();
      return;
    }
    status.text = `$(clock) ${totalText(duration)}`;
    status.tooltip = totalDetail(duration, languages.scriptKindOf(document) === 'video');
    status.accessibilityInformation = { label: status.tooltip };
    status.show();
  };
  // Lenses follow edits by themselves (VS Code asks again, and the analysis is redone when stale);
  // what a preview or another connection measures is news to them.
  const refresh = () => {
    lensesChanged.fire();
    void updateStatus();
  };

  context.subscriptions.push(
    lensesChanged,
    status,
    vscode.languages.registerCodeLensProvider(languages.scriptSelector, lenses),
    vscode.languages.registerHoverProvider(languages.scriptSelector, hover),
    vscode.window.onDidChangeActiveTextEditor(() => void updateStatus()),
    analyses.onDidChange((document) => {
      if (document === vscode.window.activeTextEditor?.document) void updateStatus();
    }),
    durations.onDidChange(refresh),
  );
  void updateStatus();
  return durations;
}
