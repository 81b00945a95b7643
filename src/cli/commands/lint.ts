import * as l10n from '@vscode/l10n';
import { AssetCatalog } from '../../core/assets/catalog';
import { checkAssetReferencesOnline } from '../../core/assets/checks';
import type { MetaStudioClient } from '../../core/cloud/client';
import { connectionKey } from '../../core/links/links';
import { lintedFilePatterns } from '../../core/lint/lintFile';
import { lintPaths, type LintReport, type OnlineAssetChecks } from '../../core/lint/lintPaths';
import { outputFormat, parseCommandArgs } from '../args';
import { connectionOptions, connectionUsage, withClient } from '../connection';
import { ExitCode, UsageError } from '../exitCodes';
import type { CliCommand, CliIo } from '../io';
import { printResult, problemLine } from '../output';

const usage = () => l10n.t(`Usage: metastudio lint [paths…] [--format text|json] [--online] [--polyphones]

Checks script files and SSML files ({1}), offline.
A folder is searched recursively (node_modules and dot-folders are skipped); no path means ".".

Options:
  --format text|json  text: "path:line:col: severity code message" per problem (default);
                      json: one array of {"file", "diagnostics"} with 0-based ranges
  --online            also look up the assets scripts reference (missing, not ACTIVED, wrong type,
                      live voice not real-time) and check SSML against each voice's capabilities
  --polyphones        also mark Chinese characters with more than one reading that no <phoneme>
                      marks (hint ssml/polyphone)

{0}

Exit codes: 0 no errors (warnings allowed); 1 errors found or an API error; 2 usage error or missing
path; 3 no credentials (with --online).`, connectionUsage(), lintedFilePatterns);

function onlineChecks(client: MetaStudioClient): OnlineAssetChecks {
  const catalog = new AssetCatalog({ connection: () => ({ key: connectionKey(client.endpoint, client.projectId), client: async () => client }) });
  return {
    check: (text, kind) => checkAssetReferencesOnline(text, kind, catalog),
    voiceCapability: (id) => catalog.voiceCapability(id),
  };
}

function summary(report: LintReport): string {
  const all = report.files.flatMap((f) => f.diagnostics);
  const errors = all.filter((d) => d.severity === 'error').length;
  const warnings = all.filter((d) => d.severity === 'warning').length;
  const hints = all.filter((d) => d.severity === 'hint').length;
  const files = report.files.length;
  const count = (n: number, one: string, many: string) => (n === 1 ? one : many);
  const errorCount = count(errors, l10n.t('1 error'), l10n.t('{0} errors', errors));
  const warningCount = count(warnings, l10n.t('1 warning'), l10n.t('{0} warnings', warnings));
  const fileCount = count(files, l10n.t('1 file'), l10n.t('{0} files', files));
  if (!hints) return `${l10n.t('{0}, {1} in {2}', errorCount, warningCount, fileCount)}\n`;
  const hintCount = count(hints, l10n.t('1 hint'), l10n.t('{0} hints', hints));
  return `${l10n.t('{0}, {1}, {2} in {3}', errorCount, warningCount, hintCount, fileCount)}\n`;
}

export const lintCommand: CliCommand = {
  name: 'lint',
  get summary() { return l10n.t('check video scripts, live scripts and SSML files'); },
  get usage() { return usage(); },
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { online: { type: 'boolean', default: false }, polyphones: { type: 'boolean', default: false }, ...connectionOptions });
    const format = outputFormat(values.format);
    const polyphones = values.polyphones ? 'hint' : undefined;
    if (values.online) return withClient('lint', values, io, async (client) => printReport(await lintPaths(positionals, io.cwd, onlineChecks(client), polyphones), format, io));
    return printReport(await lintPaths(positionals, io.cwd, undefined, polyphones), format, io);
  },
};

function printReport(report: LintReport, format: 'text' | 'json', io: CliIo): number {
  const problems = [
    ...report.missing.map((p) => l10n.t('no such file or folder: {0}', p)),
    ...report.unsupported.map((p) => l10n.t('not a script or SSML file ({0}): {1}', lintedFilePatterns, p)),
  ];
  if (problems.length) throw new UsageError(problems.join('\n'));
  printResult(io, format, report.files,
    () => report.files.flatMap(({ file, diagnostics }) => diagnostics.map((d) => problemLine(file, d.range.start, d.severity, d.code, d.message))));
  io.stderr(summary(report));
  return report.files.some((f) => f.diagnostics.some((d) => d.severity === 'error')) ? ExitCode.Failed : ExitCode.Ok;
}
