import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../../src/cli/main';
import type { CliCommand } from '../../../src/cli/io';
import { UsageError } from '../../../src/cli/exitCodes';
import { recordingIo } from '../../support/cliIo';

const echo: CliCommand = {
  name: 'echo', summary: 'prints its arguments', usage: 'Usage: metastudio echo WORDS',
  run: async (args, cli) => {
    if (args.length === 0) throw new UsageError('nothing to echo');
    cli.stdout(args.join(' '));
    return 0;
  },
};

describe('CLI frame', () => {
  it('lists commands in --help and exits 0', async () => {
    const cli = recordingIo();
    assert.equal(await runCli(['--help'], cli, [echo]), 0);
    assert.match(cli.out, /Usage: metastudio <command>/);
    assert.match(cli.out, /echo\s+prints its arguments/);
  });

  it('exits 2 on an unknown command and on a usage error, with one line and a hint to --help', async () => {
    const unknown = recordingIo();
    assert.equal(await runCli(['nope'], unknown, [echo]), 2);
    assert.equal(unknown.err, 'metastudio: unknown command \'nope\'\nRun "metastudio --help" for the commands.\n');
    const usage = recordingIo();
    assert.equal(await runCli(['echo'], usage, [echo]), 2);
    assert.equal(usage.err, 'metastudio echo: nothing to echo\nRun "metastudio echo --help" for its usage.\n');
  });

  it('shows a command\'s usage for `<command> --help`', async () => {
    const cli = recordingIo();
    assert.equal(await runCli(['echo', '--help'], cli, [echo]), 0);
    assert.equal(cli.out.trim(), echo.usage);
  });

  it('the bundled dist/cli.js prints its version and help', function () {
    const cli = join(__dirname, '../../../dist/cli.js');
    if (!existsSync(cli)) this.skip();
    const { version } = JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8')) as { version: string };
    assert.equal(execFileSync(process.execPath, [cli, '--version'], { encoding: 'utf8' }).trim(), version);
    const help = spawnSync(process.execPath, [cli, '--help'], { encoding: 'utf8' });
    assert.equal(help.status, 0);
    assert.match(help.stdout, /Usage: metastudio/);
  });
});
