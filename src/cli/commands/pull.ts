import { lstat, mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { readFileText } from '../../core/lint/fileText';
import { linkPulledFile, pulledText, requireScriptKind } from '../../core/remote/linkedFiles';
import { kindLabel, linkKindOf, ScriptFileError } from '../../core/remote/scriptBody';
import { outputFormat, parseCommandArgs } from '../args';
import { connectionOptions, connectionUsage, withClient } from '../connection';
import { ExitCode, UsageError } from '../exitCodes';
import type { CliCommand } from '../io';
import { printResult, report } from '../output';
import { linkPlace } from './push';

const usage = `Usage: metastudio pull ID -o FILE [--format text|json]

Writes the video script (FILE *.video.json) or live room (FILE *.live.json) with this ID into FILE
as a request body (response-only fields and server defaults left out), and links FILE to it. An
existing FILE is replaced; its "$schema" is kept.

Options:
  -o, --output FILE   the script file to write
  --format text|json  json: {"file","kind","id"}

${connectionUsage}

Exit codes: 0 pulled; 1 API error; 2 usage error; 3 no credentials.`;

export const pullCommand: CliCommand = {
  name: 'pull',
  summary: 'write a remote video script or live room into a local script file',
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { ...connectionOptions, output: { type: 'string', short: 'o' } });
    const format = outputFormat(values.format);
    const [id, ...extra] = positionals;
    if (!id || extra.length) throw new UsageError('give one ID');
    if (!values.output) throw new UsageError('give the file to write with -o FILE');
    const file = resolve(io.cwd, values.output);
    let kind;
    try {
      kind = requireScriptKind(file);
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
    // The old file keeps its "$schema"; anything there but a readable file (a FIFO would block the write) is refused.
    const old = await lstat(file).then(() => readFileText(file), () => undefined);
    if (old && !old.readable) throw new UsageError(`cannot write ${values.output}: ${old.problem.message}`);
    const previous = old?.text;
    return withClient('pull', values, io, async (client, connection) => {
      const text = await pulledText(client, kind, id, previous, { signal: io.signal });
      const place = await linkPlace(io, connection);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, text, 'utf8');
      try {
        await linkPulledFile(place, file, id, text);
      } catch (err) {
        if (!(err instanceof ScriptFileError)) throw err;
        report(io, 'pull', `wrote ${values.output} but did not link it: ${err.message}`);
      }
      printResult(io, format, { file: values.output, kind: linkKindOf(kind), id }, () => [`pulled ${kindLabel(kind)} ${id} into ${values.output}`]);
      return ExitCode.Ok;
    });
  },
};
