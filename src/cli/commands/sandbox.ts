import { resolve } from 'node:path';
import { SANDBOX_PROJECT_ID } from '../../core/sandboxProcess';
import { startSandbox } from '../../sandbox';
import { integerOption, outputFormat, parseCommandArgs } from '../args';
import { ExitCode, UsageError } from '../exitCodes';
import type { CliCommand } from '../io';
import { fail, printResult } from '../output';

/** The sandbox's own test pair, printed on start: it is a local emulator, not a cloud credential. */
export const DEFAULT_SANDBOX_AK = 'SANDBOXACCESSKEY0001';
export const DEFAULT_SANDBOX_SK = 'sandbox-secret-key-for-local-testing-only';

const usage = `Usage: metastudio sandbox [--port P] [--data DIR] [--ak AK] [--sk SK] [--format text|json]

Starts a local MetaStudio emulator on 127.0.0.1 and runs until Ctrl+C. It accepts requests
signed with one AK/SK pair, for any project ID, and answers like MetaStudio for assets, video
scripts, video jobs, live rooms and TTS previews.

Options:
  --port P     port to listen on (default: any free port)
  --data DIR   keep the sandbox's state in DIR and load it on start (default: in memory)
  --ak AK      access key it accepts (default: $HUAWEICLOUD_SDK_AK, else ${DEFAULT_SANDBOX_AK})
  --sk SK      secret key it accepts (default: $HUAWEICLOUD_SDK_SK, else a fixed test key)
  --format F   text (default), or json: one object {url, ak, sk, projectId} on stdout

A secret key taken from $HUAWEICLOUD_SDK_SK may be a real one: it is accepted but never printed
(sk is null in the JSON).

Exit codes: 0 stopped by Ctrl+C; 1 could not start; 2 usage error.`;

export const sandboxCommand: CliCommand = {
  name: 'sandbox',
  summary: 'run a local MetaStudio emulator to try the extension and CLI offline',
  usage,
  async run(args, io) {
    const { values } = parseCommandArgs(args, {
      port: { type: 'string' },
      data: { type: 'string' },
      ak: { type: 'string' },
      sk: { type: 'string' },
    }, false);
    const format = outputFormat(values.format);
    const ak = values.ak ?? io.env.HUAWEICLOUD_SDK_AK ?? DEFAULT_SANDBOX_AK;
    const sk = values.sk ?? io.env.HUAWEICLOUD_SDK_SK ?? DEFAULT_SANDBOX_SK;
    const shownSk = values.sk === undefined && io.env.HUAWEICLOUD_SDK_SK !== undefined ? undefined : sk;
    let sandbox;
    try {
      sandbox = await startSandbox({
        port: integerOption(values.port, '--port', 0, 65535) ?? 0,
        ak,
        sk,
        dataDir: values.data === undefined ? undefined : resolve(io.cwd, values.data),
        log: (line) => io.stderr(`${line}\n`),
      });
    } catch (err) {
      if (err instanceof UsageError) throw err;
      return fail(io, 'sandbox', `could not start: ${err instanceof Error ? err.message : String(err)}`);
    }
    printResult(io, format, { url: sandbox.url, ak, sk: shownSk ?? null, projectId: SANDBOX_PROJECT_ID }, () => [
      `MetaStudio sandbox listening on ${sandbox.url}`,
      `It accepts the AK/SK pair  AK: ${ak}  SK: ${shownSk ?? 'the value of HUAWEICLOUD_SDK_SK'}`,
      values.data ? `State is kept in ${values.data}` : 'State is kept in memory only.',
      '',
      'Point the CLI at it with:',
      `  export METASTUDIO_ENDPOINT=${sandbox.url} HUAWEICLOUD_SDK_PROJECT_ID=${SANDBOX_PROJECT_ID} HUAWEICLOUD_SDK_AK=${ak}${shownSk === undefined ? '' : ` HUAWEICLOUD_SDK_SK=${shownSk}`}`,
      '',
      'Press Ctrl+C to stop.',
    ]);
    if (!io.signal.aborted) await new Promise((resolve) => io.signal.addEventListener('abort', resolve, { once: true }));
    await sandbox.close();
    return ExitCode.Ok;
  },
};
