import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { MetaStudioClient } from '../../core/cloud/client';
import { toReported } from '../../core/lint/lintPaths';
import { connectionKey } from '../../core/links/links';
import { findLinksRoot, LinkStore } from '../../core/links/linkStore';
import { pushFile, requireScriptKind, type FilePushResult, type LinkPlace } from '../../core/remote/linkedFiles';
import { PushDeclinedError } from '../../core/remote/push';
import { kindLabel, ScriptFileError } from '../../core/remote/scriptBody';
import { validateScript } from '../../core/scripts/validate';
import { UploadRefusedError, UploadTransferError } from '../../core/upload/errors';
import { outputFormat, parseCommandArgs } from '../args';
import { connectionOptions, connectionUsage, withClient, type Connection } from '../connection';
import { ExitCode, UsageError } from '../exitCodes';
import type { CliCommand, CliIo } from '../io';
import { fail, printResult, problemLine, report } from '../output';

const usage = `Usage: metastudio push FILE [--force] [--recreate] [--format text|json]

Creates or updates the remote object of a script file: a video script for *.video.json, a live
room for *.live.json. The file's JSON (minus "$schema", and the "$audio_file" of scenes) is the
request body; the audio file a scene with script_type AUDIO names in "$audio_file" (a path
relative to the script) is then uploaded for it. The link to the remote
ID is kept in .metastudio/links.json of the nearest folder holding .metastudio/ (else the current
folder), per endpoint and project.

Options:
  --force             push although the file has lint errors
  --recreate          create the object again when the linked one was deleted remotely
  --format text|json  json: {"file","kind","id","created"}

${connectionUsage}

Exit codes: 0 pushed; 1 lint errors, API error or refused; 2 usage error or missing file; 3 no credentials.`;

/** A script file given on the command line: its absolute path and text; a usage error when it cannot be read. */
export async function readScriptArg(io: CliIo, given: string | undefined): Promise<{ file: string; text: string }> {
  if (!given) throw new UsageError('give a script file');
  const file = resolve(io.cwd, given);
  try {
    requireScriptKind(file);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  try {
    return { file, text: (await readFile(file, 'utf8')).replace(/^\uFEFF/, '') };
  } catch {
    throw new UsageError(`no such file: ${given}`);
  }
}

export async function linkPlace(io: CliIo, connection: Connection): Promise<LinkPlace> {
  return { store: new LinkStore(await findLinksRoot(io.cwd)), connection: connectionKey(connection.endpoint, connection.projectId) };
}

/** Prints the file's lint errors on stderr; true when there are any. */
export function reportLintErrors(io: CliIo, shown: string, file: string, text: string): boolean {
  const errors = toReported(validateScript(text, requireScriptKind(file)), text).filter((d) => d.severity === 'error');
  for (const d of errors) io.stderr(`${problemLine(shown, d.range.start, 'error', d.code, d.message)}\n`);
  return errors.length > 0;
}

/**
 * The push of `metastudio push` and `metastudio render FILE`: refusals (a deleted remote object
 * without --recreate, a file outside the links root) become a message and undefined.
 */
export async function pushForCli(
  io: CliIo, command: string, client: MetaStudioClient, place: LinkPlace, file: string, text: string, recreate: boolean,
): Promise<FilePushResult | undefined> {
  try {
    const result = await pushFile(place, file, text, {
      client,
      signal: io.signal,
      confirmRecreate: async () => recreate,
      onRecovered: (message) => report(io, command, message),
    });
    for (const path of result.differences) {
      report(io, command, `warning: the ${kindLabel(result.kind)} read back differs from what was sent at ${path}`);
    }
    return result;
  } catch (err) {
    if (err instanceof PushDeclinedError) {
      report(io, command, `${err.message} Run again with --recreate to create it again.`);
      return undefined;
    }
    if (err instanceof ScriptFileError || err instanceof UploadTransferError || err instanceof UploadRefusedError) {
      report(io, command, err.message);
      return undefined;
    }
    throw err;
  }
}

export const pushCommand: CliCommand = {
  name: 'push',
  summary: 'create or update the video script or live room of a script file',
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      ...connectionOptions,
      force: { type: 'boolean', default: false },
      recreate: { type: 'boolean', default: false },
    });
    const format = outputFormat(values.format);
    if (positionals.length > 1) throw new UsageError('push takes one file');
    const { file, text } = await readScriptArg(io, positionals[0]);
    if (reportLintErrors(io, positionals[0], file, text) && !values.force) {
      return fail(io, 'push', 'the file has lint errors; nothing was pushed (--force pushes anyway)');
    }
    return withClient('push', values, io, async (client, connection) => {
      const result = await pushForCli(io, 'push', client, await linkPlace(io, connection), file, text, values.recreate);
      if (!result) return ExitCode.Failed;
      printResult(io, format, { file: positionals[0], kind: result.link.kind, id: result.id, created: result.created },
        () => [`${result.created ? 'created' : 'updated'} ${kindLabel(result.kind)} ${result.id} from ${positionals[0]}`]);
      return ExitCode.Ok;
    });
  },
};
