import { lintPaths, type LintReport } from '../../core/lint/lintPaths';
import { outputFormat, parseCommandArgs } from '../args';
import { ExitCode, UsageError } from '../exitCodes';
import type { CliCommand } from '../io';

const usage = `Usage: metastudio lint [paths…] [--format text|json]

Checks video scripts (*.video.json), live scripts (*.live.json) and SSML files (*.ssml), offline.
A folder is searched recursively (node_modules and dot-folders are skipped); no path means ".".

Options:
  --format text|json  text: "path:line:col: severity code message" per problem (default);
                      json: one array of {"file", "diagnostics"} with 0-based ranges

Exit codes: 0 no errors (warnings allowed); 1 errors found; 2 usage error or missing path.`;

function summary(report: LintReport): string {
  const all = report.files.flatMap((f) => f.diagnostics);
  const errors = all.filter((d) => d.severity === 'error').length;
  const warnings = all.filter((d) => d.severity === 'warning').length;
  const files = report.files.length;
  return `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}\n`;
}

export const lintCommand: CliCommand = {
  name: 'lint',
  summary: 'check video scripts, live scripts and SSML files',
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {});
    const format = outputFormat(values.format);
    const report = await lintPaths(positionals, io.cwd);
    const problems = [
      ...report.missing.map((p) => `no such file or folder: ${p}`),
      ...report.unsupported.map((p) => `not a script or SSML file (*.video.json, *.live.json, *.ssml): ${p}`),
    ];
    if (problems.length) throw new UsageError(problems.join('\n'));
    if (format === 'json') {
      io.stdout(JSON.stringify(report.files, null, 2) + '\n');
    } else {
      for (const { file, diagnostics } of report.files) {
        for (const d of diagnostics) io.stdout(`${file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code} ${d.message}\n`);
      }
    }
    io.stderr(summary(report));
    return report.files.some((f) => f.diagnostics.some((d) => d.severity === 'error')) ? ExitCode.Failed : ExitCode.Ok;
  },
};
