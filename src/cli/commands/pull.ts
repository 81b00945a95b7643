import * as l10n from '@vscode/l10n';
import { lstat, mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { errorMessage, ExpectedError, isCancellation } from '../../core/errors';
import { readFileText } from '../../core/lint/fileText';
import { linkPulledFile, pulledText, requireScriptKind } from '../../core/remote/linkedFiles';
import { scriptFilePatterns, scriptKinds } from '../../core/scripts/kinds';
import { outputFormat, parseCommandArgs } from '../args';
import { connectionOptions, connectionUsage, withClient } from '../connection';
import { ExitCode, UsageError } from '../exitCodes';
import type { CliCommand } from '../io';
import { printResult, report } from '../output';
import { linkPlace } from './push';

const usage = () => l10n.t(`Usage: metastudio pull ID -o FILE [--format text|json]

Writes the remote object with this ID, of the kind FILE's name says ({1}), into FILE
as a request body (response-only fields and server defaults left out), and links FILE to it. An
existing FILE is replaced; its "$schema" is kept.

Options:
  -o, --output FILE   the script file to write
  --format text|json  json: {"file","kind","id"}

{0}

Exit codes: 0 pulled; 1 API error; 2 usage error; 3 no credentials.`, connectionUsage(), scriptFilePatterns);

export const pullCommand: CliCommand = {
  name: 'pull',
  get summary() { return l10n.t('write a remote video script or live room into a local script file'); },
  get usage() { return usage(); },
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { ...connectionOptions, output: { type: 'string', short: 'o' } });
    const format = outputFormat(values.format);
    const [id, ...extra] = positionals;
    if (!id || extra.length) throw new UsageError(l10n.t('give one ID'));
    if (!values.output) throw new UsageError(l10n.t('give the file to write with -o FILE'));
    const file = resolve(io.cwd, values.output);
    let kind;
    try {
      kind = requireScriptKind(file);
    } catch (err) {
      throw new UsageError(errorMessage(err), { cause: err });
    }
    // The old file keeps its "$schema"; anything there but a readable file (a FIFO would block the write) is refused.
    const old = await lstat(file).then(() => readFileText(file), () => undefined);
    if (old && !old.readable) throw new UsageError(l10n.t('cannot write {0}: {1}', values.output, old.problem.message));
    const previous = old?.text;
    return withClient('pull', values, io, async (client, connection) => {
      const text = await pulledText(client, kind, id, previous, { signal: io.signal });
      const place = await linkPlace(io, connection);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, text, 'utf8');
      try {
        await linkPulledFile(place, file, id, text);
      } catch (err) {
        if (!(err instanceof ExpectedError) || isCancellation(err)) throw err;
        report(io, 'pull', l10n.t('wrote {0} but did not link it: {1}', values.output!, errorMessage(err)));
      }
      const { label, remote } = scriptKinds[kind];
      printResult(io, format, { file: values.output, kind: remote.kind, id }, () => [l10n.t('pulled {0} {1} into {2}', label(), id, values.output!)]);
      return ExitCode.Ok;
    });
  },
};
