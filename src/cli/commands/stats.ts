import { findFiles, readText } from '../../core/lint/lintPaths';
import { lintFileKind, type LintFileKind } from '../../core/lint/lintFile';
import { cliCacheFolder } from '../../core/preview/cacheFolder';
import { MeasuredDurations } from '../../core/preview/measuredDurations';
import { PreviewCache } from '../../core/preview/previewCache';
import { formatSeconds, previewRequestOf, scriptDuration, shotLabel, type ScriptDuration, type ShotSpeech } from '../../core/scripts/durations';
import { maxSceneChars, maxScenes, maxTotalChars } from '../../core/scripts/rules';
import { analyzeScript } from '../../core/scripts/validate';
import { analyzeSsml } from '../../core/ssml/lint';
import { outputFormat, parseCommandArgs } from '../args';
import { resolvePlace, type ConnectionFlags } from '../connection';
import { ExitCode, UsageError } from '../exitCodes';
import type { CliCommand, CliIo } from '../io';
import { printResult } from '../output';

const usage = `Usage: metastudio stats [paths…] [--format text|json] [--endpoint URL|--region REGION] [--project-id ID]

Estimates how long every shot text of video and live scripts (and every SSML file) takes to speak,
and counts its characters without tags against MetaStudio's video production limits: ${maxSceneChars.toLocaleString('en')}
characters per scene, ${maxTotalChars.toLocaleString('en')} in all, ${maxScenes} scenes. The estimate counts Chinese characters,
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

Exit codes: 0 printed; 2 usage error or missing path.`;

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
  const over = (yes: boolean) => (yes ? '  OVER THE LIMIT' : '');
  const lines = [`${file} (${kind})`];
  for (const d of duration.shots) {
    const time = d.measuredSeconds === undefined ? `≈ ${formatSeconds(d.seconds)}` : `${formatSeconds(d.seconds)} (measured)`;
    lines.push(`  ${(shotLabel(d.text) || 'text').padEnd(36)} ${time.padEnd(22)} ${d.characters.toLocaleString('en')} characters${over(video && d.characters > maxSceneChars)}`);
  }
  const measured = duration.measured ? `, ${duration.measured} of ${duration.shots.length} measured` : '';
  const characters = video
    ? `${duration.characters.toLocaleString('en')} of ${maxTotalChars.toLocaleString('en')} characters${over(duration.characters > maxTotalChars)}, ${duration.shots.length} of ${maxScenes} scenes${over(duration.shots.length > maxScenes)}`
    : `${duration.characters.toLocaleString('en')} characters`;
  lines.push(`  ${'total'.padEnd(36)} ${`≈ ${formatSeconds(duration.seconds)}`.padEnd(22)} ${characters}${measured}`);
  return lines;
}

/** The cached previews' real lengths, when the flags or environment name where previews were made. */
function measurer(flags: ConnectionFlags, io: CliIo) {
  const place = resolvePlace(flags, io.env);
  return place && { place, durations: new MeasuredDurations(new PreviewCache(cliCacheFolder(io.env))) };
}

export const statsCommand: CliCommand = {
  name: 'stats',
  summary: 'estimate how long scripts speak, and count their characters against the limits',
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      endpoint: { type: 'string' },
      region: { type: 'string' },
      'project-id': { type: 'string' },
    });
    const format = outputFormat(values.format);
    const found = await findFiles(positionals, io.cwd);
    const problems = [
      ...found.missing.map((p) => `no such file or folder: ${p}`),
      ...found.unsupported.map((p) => `not a script or SSML file (*.video.json, *.live.json, *.ssml): ${p}`),
    ];
    if (problems.length) throw new UsageError(problems.join('\n'));
    const measure = measurer(values, io);
    const stats: FileStats[] = [];
    for (const { file, path } of found.files) {
      const kind = lintFileKind(file)!;
      const shots = shotsOf(kind, await readText(path));
      const measured = measure ? await measure.durations.of(shots.map((s) => previewRequestOf(s.text)), measure.place) : undefined;
      stats.push({ file, kind, duration: scriptDuration(shots, measured) });
    }
    printResult(io, format, stats.map(toJson), () => stats.flatMap(toLines));
    return ExitCode.Ok;
  },
};
