import * as l10n from '@vscode/l10n';
import { resolve } from 'node:path';
import type { MetaStudioClient } from '../../core/cloud/client';
import type { CoreDiagnostic } from '../../core/diagnostics';
import { errorMessage, ExpectedError } from '../../core/errors';
import { readFileText } from '../../core/lint/fileText';
import { toReported } from '../../core/lint/lintPaths';
import { connectionKey } from '../../core/links/links';
import { findLinksRoot, LinkStore } from '../../core/links/linkStore';
import { pushFile, requireScriptKind, type FilePushResult, type LinkPlace } from '../../core/remote/linkedFiles';
import { PushDeclinedError } from '../../core/remote/push';
import { scriptFilePatterns, scriptKinds } from '../../core/scripts/kinds';
import { validateScript } from '../../core/scripts/validate';
import { outputFormat, parseCommandArgs } from '../args';
import { connectionOptions, connectionUsage, withClient, type Connection } from '../connection';
import { ExitCode, UsageError } from '../exitCodes';
import type { CliCommand, CliIo } from '../io';
import { fail, printResult, problemLine, report } from '../output';

const usage = () => l10n.t(`Usage: metastudio push FILE [--force] [--recreate] [--format text|json]

Creates or updates the remote object of a script file ({1}): the video script or
live room its kind makes. The file's JSON (minus "$schema", and the "$audio_file" of scenes) is the
request body; the audio file a scene with script_type AUDIO names in "$audio_file" (a path
relative to the script) is then uploaded for it. The link to the remote
ID is kept in .metastudio/links.json of the nearest folder holding .metastudio/ (else the current
folder), per endpoint and project.

Options:
  --force             push although the file has lint errors
  --recreate          create the object again when the linked one was deleted remotely
  --format text|json  json: {"file","kind","id","created"}

{0}

Exit codes: 0 pushed; 1 lint errors, API error or refused; 2 usage error or missing file; 3 no credentials.`, connectionUsage(), scriptFilePatterns);

/** A script file given on the command line: its absolute path, text and encoding problem; a usage error when it cannot be read. */
export async function readScriptArg(io: CliIo, given: string | undefined): Promise<{ file: string; text: string; problems: CoreDiagnostic[] }> {
  if (!given) throw new UsageError(l10n.t('give a script file'));
  const file = resolve(io.cwd, given);
  try {
    requireScriptKind(file);
  } catch (err) {
    throw new UsageError(errorMessage(err), { cause: err });
  }
  const read = await readFileText(file);
  if (!read.readable) throw new UsageError(read.missing ? l10n.t('no such file: {0}', given) : l10n.t('{0}: {1}', given, read.problem.message));
  return { file, text: read.text, problems: read.encodingProblem ? [read.encodingProblem] : [] };
}

export async function linkPlace(io: CliIo, connection: Connection): Promise<LinkPlace> {
  return { store: new LinkStore(await findLinksRoot(io.cwd)), connection: connectionKey(connection.endpoint, connection.projectId) };
}

/** Prints the file's lint errors (and `problems` found reading it) on stderr; true when there are any. */
export function reportLintErrors(io: CliIo, shown: string, file: string, text: string, problems: readonly CoreDiagnostic[] = []): boolean {
  const errors = toReported([...problems, ...validateScript(text, requireScriptKind(file))], text).filter((d) => d.severity === 'error');
  for (const d of errors) io.stderr(`${problemLine(shown, d.range.start, 'error', d.code, d.message)}\n`);
  return errors.length > 0;
}

/** The push of `metastudio push` and `metastudio render FILE`: a deleted remote object is created again only with --recreate. */
export async function pushForCli(
  io: CliIo, command: string, client: MetaStudioClient, place: LinkPlace, file: string, text: string, recreate: boolean,
): Promise<FilePushResult> {
  let result: FilePushResult;
  try {
    result = await pushFile(place, file, text, {
      client,
      signal: io.signal,
      confirmRecreate: async () => recreate,
      onRecovered: (message) => report(io, command, message),
    });
  } catch (err) {
    if (!(err instanceof PushDeclinedError)) throw err;
    throw new ExpectedError(l10n.t('{0} Run again with --recreate to create it again.', errorMessage(err)), { cause: err });
  }
  for (const path of result.differences) {
    report(io, command, l10n.t('warning: the {0} read back differs from what was sent at {1}', scriptKinds[result.kind].label(), path));
  }
  return result;
}

export const pushCommand: CliCommand = {
  name: 'push',
  get summary() { return l10n.t('create or update the video script or live room of a script file'); },
  get usage() { return usage(); },
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      ...connectionOptions,
      force: { type: 'boolean', default: false },
      recreate: { type: 'boolean', default: false },
    });
    const format = outputFormat(values.format);
    if (positionals.length > 1) throw new UsageError(l10n.t('push takes one file'));
    const { file, text, problems } = await readScriptArg(io, positionals[0]);
    if (reportLintErrors(io, positionals[0], file, text, problems) && !values.force) {
      return fail(io, 'push', l10n.t('the file has lint errors; nothing was pushed (--force pushes anyway)'));
    }
    return withClient('push', values, io, async (client, connection) => {
      const result = await pushForCli(io, 'push', client, await linkPlace(io, connection), file, text, values.recreate);
      printResult(io, format, { file: positionals[0], kind: result.link.kind, id: result.id, created: result.created },
        () => [result.created
          ? l10n.t('created {0} {1} from {2}', scriptKinds[result.kind].label(), result.id, positionals[0])
          : l10n.t('updated {0} {1} from {2}', scriptKinds[result.kind].label(), result.id, positionals[0])]);
      return ExitCode.Ok;
    });
  },
};
