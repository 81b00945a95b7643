import * as l10n from '@vscode/l10n';
import { resolvePlace, type ConnectionFlags } from '../../core/cloud/connection';
import { readFileText } from '../../core/lint/fileText';
import { findFiles } from '../../core/lint/lintPaths';
import { lintedFilePatterns, lintFileKind, type LintFileKind } from '../../core/lint/lintFile';
import { cliCacheFolder } from '../../core/preview/cacheFolder';
import { MeasuredDurations } from '../../core/preview/measuredDurations';
import { PreviewCache } from '../../core/preview/previewCache';
import { formatSeconds, previewRequestOf, scriptDuration, shotLabel, type ScriptDuration, type ShotSpeech } from '../../core/scripts/durations';
import { maxSceneChars, maxScenes, maxTotalChars } from '../../core/scripts/rules';
import { analyzeScript } from '../../core/scripts/validate';
import { analyzeSsml } from '../../core/ssml/lint';
import { outputFormat, parseCommandArgs } from '../args';
import { ExitCode, UsageError } from '../exitCodes';
import type { CliCommand, CliIo } from '../io';
import { printResult } from '../output';

const usage = () => l10n.t(`Usage: metastudio stats [paths…] [--format text|json] [--endpoint URL|--region REGION] [--project-id ID]

Estimates how long every shot text of the script and SSML files ({0}) takes to speak,
and counts its characters without tags against MetaStudio's video production limits: {1}
characters per scene, {2} in all, {3} scenes. The estimate counts Chinese characters,
English words and digits, each at its own rate, the voice's speed, prosody rates and breaks
(docs/duration.md). When the preview cache ($XDG_CACHE_HOME/metastudio) holds a preview of exactly a
shot's text, voice and settings made at the endpoint and project given, its real length counts
instead (marked measured). A folder is searched recursively; no path means ".".

Options:
  --format text|json  text: a line per shot and a total per file (default);
                      json: one array of {"file", "kind", "shots", "total", "limits"}
  --endpoint URL, --region REGION, --project-id ID
                      where the cached previews were made (also METASTUDIO_ENDPOINT,
                      METASTUDIO_REGION, HUAWEICLOUD_SDK_PROJECT_ID); no credentials needed

Exit codes: 0 printed; 2 usage error or missing path.`, lintedFilePatterns, maxSceneChars.toLocaleString('en'), maxTotalChars.toLocaleString('en'), maxScenes);

function shotsOf(kind: LintFileKind, text: string): readonly ShotSpeech[] {
  if (kind !== 'ssml') return analyzeScript(text, kind).shots;
  return [{ text: { value: text, start: 0, end: text.length, path: [] }, speech: analyzeSsml(text, { where: 'standalone' }).speech }];
}

interface FileStats {
  readonly file: string;
  readonly kind: LintFileKind;
  readonly duration: ScriptDuration;
}

const round = (seconds: number) => Math.round(seconds * 10) / 10;

function toJson({ file, kind, duration }: FileStats) {
  return {
    file,
    kind,
    shots: duration.shots.map((d) => ({
      shot: shotLabel(d.text) || null,
      characters: d.characters,
      seconds: round(d.seconds),
      estimated_seconds: round(d.estimatedSeconds),
      measured_seconds: d.measuredSeconds === undefined ? null : round(d.measuredSeconds),
      hanzi: d.speech.hanzi,
      words: d.speech.words,
      digits: d.speech.digits,
      breaks: d.speech.breaks,
      pause_seconds: round(d.speech.pauseSeconds),
    })),
    total: { characters: duration.characters, seconds: round(duration.seconds), shots: duration.shots.length, measured: duration.measured },
    // The user guide's limits are for video production.
    limits: kind === 'video' ? { scene_characters: maxSceneChars, total_characters: maxTotalChars, scenes: maxScenes } : null,
  };
}

function toLines({ file, kind, duration }: FileStats): string[] {
  const video = kind === 'video';
  const count = (n: number) => n.toLocaleString('en');
  const over = (yes: boolean) => (yes ? `  ${l10n.t('OVER THE LIMIT')}` : '');
  const lines = [`${file} (${kind})`];
  for (const d of duration.shots) {
    const time = d.measuredSeconds === undefined ? `≈ ${formatSeconds(d.seconds)}` : l10n.t('{0} (measured)', formatSeconds(d.seconds));
    lines.push(`  ${(shotLabel(d.text) || l10n.t('text')).padEnd(36)} ${time.padEnd(22)} ${l10n.t('{0} characters', count(d.characters))}${over(video && d.characters > maxSceneChars)}`);
  }
  const measured = duration.measured ? l10n.t(', {0} of {1} measured', duration.measured, duration.shots.length) : '';
  const characters = video
    ? l10n.t('{0} of {1} characters', count(duration.characters), count(maxTotalChars)) + over(duration.characters > maxTotalChars)
      + l10n.t(', {0} of {1} scenes', duration.shots.length, maxScenes) + over(duration.shots.length > maxScenes)
    : l10n.t('{0} characters', count(duration.characters));
  lines.push(`  ${l10n.t('total').padEnd(36)} ${`≈ ${formatSeconds(duration.seconds)}`.padEnd(22)} ${characters}${measured}`);
  return lines;
}

/** The cached previews' real lengths, when the flags or environment name where previews were made. */
function measurer(flags: ConnectionFlags, io: CliIo) {
  const place = resolvePlace(flags, io.env);
  return place && { place, durations: new MeasuredDurations(new PreviewCache(cliCacheFolder(io.env))) };
}

export const statsCommand: CliCommand = {
  name: 'stats',
  get summary() { return l10n.t('estimate how long scripts speak, and count their characters against the limits'); },
  get usage() { return usage(); },
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      endpoint: { type: 'string' },
      region: { type: 'string' },
      'project-id': { type: 'string' },
    });
    const format = outputFormat(values.format);
    const found = await findFiles(positionals, io.cwd);
    const problems = [
      ...found.missing.map((p) => l10n.t('no such file or folder: {0}', p)),
      ...found.unsupported.map((p) => l10n.t('not a script or SSML file ({0}): {1}', lintedFilePatterns, p)),
    ];
    if (problems.length) throw new UsageError(problems.join('\n'));
    const measure = measurer(values, io);
    const stats: FileStats[] = [];
    for (const { file, entry } of found.files) {
      const read = 'problem' in entry ? undefined : await readFileText(entry.path);
      if (!read?.readable) throw new UsageError(`${file}: ${(read ?? entry as { problem: { message: string } }).problem.message}`);
      const kind = lintFileKind(file)!;
      const shots = shotsOf(kind, read.text);
      const measured = measure ? await measure.durations.of(shots.map((s) => previewRequestOf(s.text)), measure.place) : undefined;
      stats.push({ file, kind, duration: scriptDuration(shots, measured) });
    }
    printResult(io, format, stats.map(toJson), () => stats.flatMap(toLines));
    return ExitCode.Ok;
  },
};
