/**
 * The one place the CLI maps failures to output and exit codes (docs/decisions/errors.md): each
 * class of error a command may throw, with the exit code of docs/decisions/cli-contract.md.
 */
import assert from 'node:assert/strict';
import { UsageError } from '../../../src/cli/exitCodes';
import type { CliCommand } from '../../../src/cli/io';
import { runCli } from '../../../src/cli/main';
import { NoCredentialsError } from '../../../src/core/cloud/connection';
import { EndpointError } from '../../../src/core/cloud/endpoint';
import {
  MetaStudioApiError, MetaStudioNetworkError, MetaStudioRedirectError, MetaStudioResponseError, MetaStudioTimeoutError,
} from '../../../src/core/cloud/errors';
import { DownloadError } from '../../../src/core/download/request';
import { CancelledError, ExpectedError } from '../../../src/core/errors';
import { FileLockTimeoutError } from '../../../src/core/files/fileLock';
import { UnsafeJsonKeyError } from '../../../src/core/json';
import { LinksFileError } from '../../../src/core/links/links';
import { PreviewTimeoutError, TtsJobFailedError } from '../../../src/core/preview/previewer';
import { JobWaitTimeoutError } from '../../../src/core/remote/followJob';
import { JobOutputError } from '../../../src/core/remote/jobOutcome';
import { ScriptFileError } from '../../../src/core/remote/scriptBody';
import { recordingIo } from '../../support/cliIo';

const USAGE = 'Usage: metastudio probe [--format text|json]';

async function runThrowing(thrown: unknown, env: NodeJS.ProcessEnv = {}) {
  const probe: CliCommand = { name: 'probe', summary: 'throws', usage: USAGE, run: () => Promise.reject(thrown) };
  const io = recordingIo({ env });
  const code = await runCli(['probe'], io, [probe]);
  return { code, out: io.out, err: io.err };
}

describe('CLI: one mapping of failures to output and exit codes', () => {
  it('prints an expected error as one line on stderr, without a stack, and exits with its code', async () => {
    const cases: [unknown, number, RegExp][] = [
      [new MetaStudioApiError('POST /v1/p/video-scripts', 400, 'MSS.20010070', 'field verify fail', 'req-1'), 1, /MSS\.20010070: field verify fail \(HTTP 400, request id req-1\)/],
      [new MetaStudioNetworkError('GET /x', 'ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:1', false), 1, /Cannot reach MetaStudio/],
      [new MetaStudioTimeoutError('GET /x', 30_000), 1, /did not answer within 30 s/],
      [new MetaStudioRedirectError('POST /x', 302, 'https://elsewhere.example'), 1, /never follow a redirect/],
      [new MetaStudioResponseError('GET /x', 200, 'req-2', 'not JSON'), 1, /request id req-2/],
      [new TtsJobFailedError('job-1', 'MSS.000000004', 'text too long'), 1, /job job-1\) failed: MSS\.000000004: text too long/],
      [new DownloadError('The download stalled.'), 1, /stalled/],
      [new JobOutputError('Video job j has not succeeded.'), 1, /not succeeded/],
      [new ScriptFileError('The file must hold one JSON object.'), 1, /one JSON object/],
      [new LinksFileError('The links file is not valid JSON.'), 1, /links file/],
      [new FileLockTimeoutError('/tmp/links.json.lock', { id: 'token', pid: 7, host: 'h', modifiedMs: 0 }, 10_000), 1, /stayed locked/],
      [new UnsafeJsonKeyError('__proto__', 'the answer'), 1, /__proto__/],
      [new ExpectedError('Something clear went wrong', { code: 'X1' }), 1, /Something clear went wrong \(code X1\)/],
      [new NoCredentialsError('no credentials: set HUAWEICLOUD_SDK_AK'), 3, /no credentials/],
      [new JobWaitTimeoutError('job-2', 'RUNNING', 60_000), 4, /still RUNNING after 60 s/],
      [new PreviewTimeoutError('job-3', 600_000), 4, /not ready within 600 s/],
    ];
    for (const [thrown, exitCode, shown] of cases) {
      const { code, out, err } = await runThrowing(thrown);
      const name = (thrown as Error).name;
      assert.equal(code, exitCode, name);
      assert.equal(out, '', name);
      assert.match(err, /^metastudio probe: [^\n]+\n$/, `${name}: one line: ${err}`);
      assert.match(err, shown, name);
    }
  });

  it('exits 2 for bad usage or a bad endpoint, in one line and a hint to --help', async () => {
    for (const thrown of [new UsageError('give one file'), new EndpointError('Plain http is allowed only for loopback endpoints')]) {
      const { code, err } = await runThrowing(thrown);
      assert.equal(code, 2);
      assert.equal(err, `metastudio probe: ${thrown.message}\nRun "metastudio probe --help" for its usage.\n`);
    }
  });

  it('says "cancelled" for Ctrl+C or a declined question, exit 1', async () => {
    const controller = new AbortController();
    controller.abort();
    for (const thrown of [controller.signal.reason, new CancelledError()]) {
      const { code, err } = await runThrowing(thrown);
      assert.equal(code, 1);
      assert.equal(err, 'metastudio probe: cancelled\n');
    }
  });

  it('prints an unexpected error\'s message in one line, and its stack only with METASTUDIO_DEBUG', async () => {
    const bug = new TypeError('Cannot read properties of undefined (reading \'id\')');
    const quiet = await runThrowing(bug);
    assert.equal(quiet.code, 1);
    assert.equal(quiet.err, 'metastudio probe: Cannot read properties of undefined (reading \'id\') (an unexpected error: run with METASTUDIO_DEBUG=1 for its stack trace)\n');
    assert.equal((await runThrowing(bug, { METASTUDIO_DEBUG: '0' })).err, quiet.err);
    assert.equal((await runThrowing('a thrown string')).err.split('\n').length, 2);

    const debug = await runThrowing(bug, { METASTUDIO_DEBUG: '1' });
    assert.equal(debug.code, 1);
    assert.ok(debug.err.startsWith('metastudio probe: TypeError: Cannot read properties'), debug.err);
    assert.match(debug.err, /\n +at .*failures\.test\.ts/);
  });
});
