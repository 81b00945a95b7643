/**
 * The CLI speaks Chinese with a Chinese POSIX locale or `--lang zh-cn`, English otherwise; the
 * bundled CLI (as dist/cli.js is built) carries its Chinese bundle.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commands } from '../../../src/cli/commands';
import { cliLocale, useLocale } from '../../../src/cli/locale';
import { runCli } from '../../../src/cli/main';
import { buildCli } from '../../support/bundledCli';
import { recordingIo } from '../../support/cliIo';

const badVideo = '{\n  "script_name": "x",\n  "shoot_scripts": [{"shoot_script": {"script_type": "TXT"}}]\n}\n';

describe('CLI language', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'metastudio-cli-locale-'));
    writeFileSync(join(dir, 'bad.video.json'), badVideo);
  });
  // The core's l10n is one per process: leave it English for the other tests.
  after(() => {
    useLocale('en');
    rmSync(dir, { recursive: true, force: true });
  });

  it('picks zh-cn from --lang, else LC_ALL, LC_MESSAGES, LANG in that order', () => {
    assert.deepEqual(cliLocale(['lint', '--lang', 'zh-cn', 'a'], {}), { locale: 'zh-cn', rest: ['lint', 'a'] });
    assert.deepEqual(cliLocale(['--lang=en', 'lint'], { LANG: 'zh_CN.UTF-8' }), { locale: 'en', rest: ['lint'] });
    assert.equal(cliLocale([], { LANG: 'zh_CN.UTF-8' }).locale, 'zh-cn');
    assert.equal(cliLocale([], { LANG: 'zh_CN.UTF-8', LC_MESSAGES: 'en_US.UTF-8' }).locale, 'en');
    assert.equal(cliLocale([], { LANG: 'en_US.UTF-8', LC_ALL: 'zh_CN.GB18030' }).locale, 'zh-cn');
    assert.equal(cliLocale([], { LANG: 'C.UTF-8' }).locale, 'en');
    assert.equal(cliLocale([], { LANG: 'zh_TW.UTF-8' }).locale, 'en', 'no traditional Chinese bundle');
    assert.equal(cliLocale([], {}).locale, 'en');
    assert.deepEqual(cliLocale(['lint', '--', '--lang', 'zh-cn'], {}), { locale: 'en', rest: ['lint', '--', '--lang', 'zh-cn'] });
    assert.deepEqual(cliLocale(['--lang', 'fr'], { LANG: 'zh_CN' }), { locale: 'zh-cn', rest: [], unknown: 'fr' });
  });

  it('passes on any number of arguments after --, as a shell glob may give', () => {
    const files = Array.from({ length: 300_000 }, (_, i) => `f${i}.ssml`);
    const { rest } = cliLocale(['lint', '--', ...files], {});
    assert.equal(rest.length, files.length + 2);
    assert.equal(rest[rest.length - 1], 'f299999.ssml');
  });

  it('prints help, diagnostics and the summary in Chinese under LANG=zh_CN.UTF-8', async () => {
    const help = recordingIo({ env: { LANG: 'zh_CN.UTF-8' } });
    assert.equal(await runCli(['lint', '--help'], help, commands), 0);
    assert.match(help.out, /^用法：metastudio lint/);
    assert.match(help.out, /--online/);

    const io = recordingIo({ cwd: dir, env: { LANG: 'zh_CN.UTF-8' } });
    assert.equal(await runCli(['lint', 'bad.video.json'], io, commands), 1);
    assert.match(io.out, /^bad\.video\.json:3:\d+: error script\/invalid-enum "TXT" 不是“script_type”的有效值/m);
    assert.match(io.err, /1 个文件/);
  });

  it('stays English without a Chinese locale, and refuses an unknown --lang', async () => {
    const io = recordingIo({ cwd: dir, env: { LANG: 'C.UTF-8' } });
    assert.equal(await runCli(['lint', 'bad.video.json'], io, commands), 1);
    assert.match(io.out, /"TXT" is not a valid value of "script_type"/);
    assert.match(io.err, /in 1 file\n/);
    const bad = recordingIo({ env: {} });
    assert.equal(await runCli(['--lang', 'fr', 'lint'], bad, commands), 2);
    assert.match(bad.err, /^metastudio: --lang takes en, zh-cn, not "fr"\n$/);
  });

  it('speaks Chinese from the bundled CLI with --lang zh-cn', async function () {
    this.timeout(60_000);
    const cli = await buildCli(dir);
    const run = spawnSync(process.execPath, [cli, '--lang', 'zh-cn', 'lint', 'bad.video.json'], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH } });
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stdout, /不是“script_type”的有效值/);
    const help = spawnSync(process.execPath, [cli, '--help'], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH, LC_ALL: 'zh_CN.UTF-8' } });
    assert.match(help.stdout, /^用法：metastudio <命令>/);
  });
});
