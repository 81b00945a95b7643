import * as l10n from '@vscode/l10n';
import { resolve } from 'node:path';
import { SANDBOX_PROJECT_ID } from '../../core/sandboxProcess';
import { startSandbox } from '../../sandbox';
import { errorMessage, ExpectedError } from '../../core/errors';
import { integerOption, outputFormat, parseCommandArgs } from '../args';
import { ExitCode } from '../exitCodes';
import type { CliCommand } from '../io';
import { printResult } from '../output';

/** The sandbox's own test pair, printed on start: it is a local emulator, not a cloud credential. */
export const DEFAULT_SANDBOX_AK = 'SANDBOXACCESSKEY0001';
export const DEFAULT_SANDBOX_SK = 'sandbox-secret-key-for-local-testing-only';

const usage = () => l10n.t(`Usage: metastudio sandbox [--port P] [--data DIR] [--ak AK] [--sk SK] [--format text|json]

Starts a local MetaStudio emulator on 127.0.0.1 and runs until Ctrl+C. It accepts requests
signed with one AK/SK pair, for any project ID, and answers like MetaStudio for assets, video
scripts, video jobs, live rooms and TTS previews.

Options:
  --port P     port to listen on (default: any free port)
  --data DIR   keep the sandbox's state in DIR and load it on start (default: in memory)
  --ak AK      access key it accepts (default: $HUAWEICLOUD_SDK_AK, else {0})
  --sk SK      secret key it accepts (default: $HUAWEICLOUD_SDK_SK, else a fixed test key)
  --format F   text (default), or json: one object {url, ak, sk, projectId} on stdout

A secret key taken from $HUAWEICLOUD_SDK_SK may be a real one: it is accepted but never printed
(sk is null in the JSON).

Exit codes: 0 stopped by Ctrl+C; 1 could not start; 2 usage error.`, DEFAULT_SANDBOX_AK);

export const sandboxCommand: CliCommand = {
  name: 'sandbox',
  get summary() { return l10n.t('run a local MetaStudio emulator to try the extension and CLI offline'); },
  get usage() { return usage(); },
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
    const sandbox = await startSandbox({
      port: integerOption(values.port, '--port', 0, 65535) ?? 0,
      ak,
      sk,
      dataDir: values.data === undefined ? undefined : resolve(io.cwd, values.data),
      log: (line) => io.stderr(`${line}\n`),
    }).catch((err: unknown) => {
      // A port in use or an unreadable state folder: the machine's state, not a bug.
      throw new ExpectedError(l10n.t('could not start: {0}', errorMessage(err)), { cause: err });
    });
    printResult(io, format, { url: sandbox.url, ak, sk: shownSk ?? null, projectId: SANDBOX_PROJECT_ID }, () => [
      l10n.t('MetaStudio sandbox listening on {0}', sandbox.url),
      l10n.t('It accepts the AK/SK pair  AK: {0}  SK: {1}', ak, shownSk ?? l10n.t('the value of HUAWEICLOUD_SDK_SK')),
      values.data ? l10n.t('State is kept in {0}', values.data) : l10n.t('State is kept in memory only.'),
      '',
      l10n.t('Point the CLI at it with:'),
      `  export METASTUDIO_ENDPOINT=${sandbox.url} HUAWEICLOUD_SDK_PROJECT_ID=${SANDBOX_PROJECT_ID} HUAWEICLOUD_SDK_AK=${ak}${shownSk === undefined ? '' : ` HUAWEICLOUD_SDK_SK=${shownSk}`}`,
      '',
      l10n.t('Press Ctrl+C to stop.'),
    ]);
    if (!io.signal.aborted) await new Promise((resolve) => io.signal.addEventListener('abort', resolve, { once: true }));
    await sandbox.close();
    return ExitCode.Ok;
  },
};
