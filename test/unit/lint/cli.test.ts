import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commands } from '../../../src/cli/commands';
import { runCli } from '../../../src/cli/main';
import { buildCli } from '../../support/bundledCli';
import { recordingIo } from '../../support/cliIo';

const repo = join(__dirname, '../../..');

describe('metastudio lint', () => {
  let dir: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'metastudio-cli-'));
    cpSync(join(repo, 'examples'), join(dir, 'examples'), { recursive: true });
    writeFileSync(join(dir, 'warn.live.json'), '{"room_name": "r", "video_config": {"codec": "H264", "bitrate": 4000, "width": 1920, "height": 1080}}');
    writeFileSync(join(dir, 'bad.video.json'), '{\n  "script_name": "x",\n  "shoot_scripts": [{"shoot_script": {"script_type": "TXT"}}]\n}\n');
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 0 on clean files, listing each one in JSON', async () => {
    const io = recordingIo({ cwd: dir });
    assert.equal(await runCli(['lint', 'examples', '--format', 'json'], io, commands), 0);
    assert.deepEqual(JSON.parse(io.out), [
      { file: 'examples/product-launch.video.json', diagnostics: [] },
      { file: 'examples/store-live.live.json', diagnostics: [] },
      { file: 'examples/welcome.ssml', diagnostics: [] },
    ]);
    assert.match(io.err, /0 errors, 0 warnings in 3 files/);
  });

  it('exits 0 with warnings only, 1 with an error; text lines are 1-based', async () => {
    const warn = recordingIo({ cwd: dir });
    assert.equal(await runCli(['lint', 'warn.live.json'], warn, commands), 0);
    assert.match(warn.out, /^warn\.live\.json:1:\d+: warning script\/live-resolution /);
    const all = recordingIo({ cwd: dir });
    assert.equal(await runCli(['lint'], all, commands), 1);
    assert.equal(all.out.split('\n')[0], 'bad.video.json:3:54: error script/invalid-enum "TXT" is not a valid value of "script_type". Valid values: "TEXT", "AUDIO".');
    assert.match(all.err, /1 error, 1 warning in 5 files/);
  });

  it('prints its JSON report: 0-based ranges, sorted by path (docs/decisions/cli-contract.md)', async () => {
    const io = recordingIo({ cwd: dir });
    assert.equal(await runCli(['lint', '--format', 'json', 'warn.live.json', 'bad.video.json'], io, commands), 1);
    const report = JSON.parse(io.out) as { file: string; diagnostics: { range: unknown; code: string; severity: string; message: string }[] }[];
    assert.deepEqual(report.map((f) => f.file), ['bad.video.json', 'warn.live.json']);
    assert.deepEqual(Object.keys(report[0].diagnostics[0]), ['severity', 'code', 'message', 'range']);
    assert.deepEqual(report[0].diagnostics[0].range, { start: { line: 2, character: 53 }, end: { line: 2, character: 58 } });
  });

  it('marks polyphones only with --polyphones, as hints that do not fail the run', async () => {
    writeFileSync(join(dir, 'poly.ssml'), '<speak>重庆<phoneme ph="yin2 hang2">银行</phoneme></speak>');
    const quiet = recordingIo({ cwd: dir });
    assert.equal(await runCli(['lint', 'poly.ssml', '--format', 'json'], quiet, commands), 0);
    assert.deepEqual(JSON.parse(quiet.out), [{ file: 'poly.ssml', diagnostics: [] }]);
    const marked = recordingIo({ cwd: dir });
    assert.equal(await runCli(['lint', 'poly.ssml', 'examples/store-live.live.json', '--polyphones'], marked, commands), 0);
    const lines = marked.out.trim().split('\n');
    assert.equal(lines[0], 'examples/store-live.live.json:32:63: hint ssml/polyphone "间" has more than one reading (jian1, jian4): mark the one meant with <phoneme>');
    assert.equal(lines.at(-1), 'poly.ssml:1:8: hint ssml/polyphone "重" has more than one reading (zhong4, chong2): mark the one meant with <phoneme>');
    assert.match(marked.err, /0 errors, 0 warnings, \d+ hints in 2 files/);
  });

  it('exits 2 on a missing path, an unsupported file or a bad option', async () => {
    for (const args of [['lint', 'nowhere'], ['lint', 'examples/../package.json'], ['lint', '--format', 'xml'], ['lint', '--fix']]) {
      const io = recordingIo({ cwd: dir });
      writeFileSync(join(dir, 'package.json'), '{}');
      assert.equal(await runCli(args, io, commands), 2, args.join(' '));
      assert.match(io.err, /^metastudio lint: .+\nRun "metastudio lint --help" for its usage\.\n$/);
      assert.equal(io.out, '');
    }
  });

  it('exits 1 with a diagnostic on each bad entry (a dangling link, a FIFO), and lints the rest', async function () {
    this.timeout(10_000);
    const bad = join(dir, 'bad-entries');
    mkdirSync(bad);
    writeFileSync(join(bad, 'ok.ssml'), '<speak>fine</speak>');
    symlinkSync(join(bad, 'gone.ssml'), join(bad, 'dangling.ssml'));
    execFileSync('mkfifo', [join(bad, 'pipe.ssml')]);
    const io = recordingIo({ cwd: bad });
    assert.equal(await runCli(['lint'], io, commands), 1);
    assert.equal(io.out, [
      'dangling.ssml:1:1: error file/unreadable The file cannot be read: a link whose target does not exist.',
      'pipe.ssml:1:1: error file/unreadable The file cannot be read: a FIFO (named pipe), not a regular file.',
      '',
    ].join('\n'));
    assert.match(io.err, /2 errors, 0 warnings in 3 files/);
  });

  it('lists the first 1,000 problems of a code and counts the rest on one line', async () => {
    mkdirSync(join(dir, 'cap'));
    writeFileSync(join(dir, 'cap', 'many.ssml'), '<'.repeat(5000));
    const io = recordingIo({ cwd: join(dir, 'cap') });
    assert.equal(await runCli(['lint', 'many.ssml'], io, commands), 1);
    const lines = io.out.trimEnd().split('\n');
    assert.equal(lines.length, 1001);
    assert.equal(lines[1000], 'many.ssml:1:1001: info lint/more-problems 4000 more ssml/stray-less-than problems (only the first 1000 of each code are listed)');
  });

  it('prints names from a file with their control characters escaped, in text and in JSON', async () => {
    const cwd = join(dir, 'control');
    mkdirSync(cwd);
    // U+009B (CSI) may be part of an XML name; ESC may be part of a file name.
    writeFileSync(join(cwd, 'control\u001b[31m.ssml'), '<speak><a\u009b>x</a\u009b></speak>');
    const text = recordingIo({ cwd });
    await runCli(['lint', 'control\u001b[31m.ssml'], text, commands);
    assert.doesNotMatch(text.out + text.err, /[\u001b\u009b]/);
    assert.match(text.out, /^control\\u001b\[31m\.ssml:1:9: error ssml\/unknown-element Unknown element <a\\u009b>/);
    const json = recordingIo({ cwd });
    await runCli(['lint', '--format', 'json', 'control\u001b[31m.ssml'], json, commands);
    assert.doesNotMatch(json.out, /[\u001b\u009b]/);
    assert.equal(JSON.parse(json.out)[0].file, 'control\u001b[31m.ssml');
  });

  it('runs the same from the bundled CLI', async function () {
    this.timeout(60000);
    const outfile = await buildCli(dir);
    const clean = spawnSync(process.execPath, [outfile, 'lint', 'examples', '--format', 'json'], { cwd: dir, encoding: 'utf8' });
    assert.equal(clean.status, 0, clean.stderr);
    assert.equal(JSON.parse(clean.stdout).length, 3);
    const failing = spawnSync(process.execPath, [outfile, 'lint', 'bad.video.json'], { cwd: dir, encoding: 'utf8' });
    assert.equal(failing.status, 1);
    assert.match(failing.stdout, /^bad\.video\.json:3:54: error script\/invalid-enum/);
  });
});
