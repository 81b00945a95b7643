import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodingProblem } from '../../../src/core/lint/fileText';
import { isLintedFile, lintFile } from '../../../src/core/lint/lintFile';
import { lintPaths, type LintReport } from '../../../src/core/lint/lintPaths';
import { kindOfFile } from '../../../src/core/scripts/kinds';
import { liveScriptTemplate, videoScriptTemplate } from '../../../src/core/scripts/templates';

describe('lint dispatch', () => {
  let dir: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'metastudio-lint-'));
    const files: Record<string, string> = {
      'b.video.json': videoScriptTemplate,
      'a.live.json': '{\n  "room_nam": "x"\n}\n',
      'docs/hello.ssml': '<speak>Hello</speak>',
      'docs/notes.json': '{ not ours }',
      'docs/deeper/c.VIDEO.JSON': '{"script_name": 1, "shoot_scripts": []}',
      'node_modules/pkg/x.video.json': '{',
      '.hidden/y.live.json': '{',
      'bom.live.json': '\uFEFF' + liveScriptTemplate,
    };
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('picks the linter by file name', () => {
    assert.equal(kindOfFile('x/y.video.json'), 'video');
    assert.equal(kindOfFile('Y.Live.Json'), 'live');
    assert.equal(kindOfFile('a.ssml'), undefined);
    assert.equal(kindOfFile('video.json'), undefined);
    assert.deepEqual(['x/y.video.json', 'Y.Live.Json', 'a.ssml', 'B.SSML', 'video.json', 'a.json', 'a.ssml.json'].filter(isLintedFile),
      ['x/y.video.json', 'Y.Live.Json', 'a.ssml', 'B.SSML']);
    assert.deepEqual(lintFile('a.json', '{'), []);
    assert.deepEqual(lintFile('B.SSML', '<speak><foo/></speak>').map((d) => d.code), ['ssml/unknown-element']);
    assert.deepEqual(lintFile('a.video.json', '{').map((d) => d.code), ['script/json-syntax']);
    assert.deepEqual(lintFile('a.live.json', '{}').map((d) => d.code), ['script/missing-property']);
  });

  it('walks folders, skipping node_modules and dot-folders, sorted by path, every file listed', async () => {
    const report = await lintPaths([], dir);
    assert.deepEqual(report.files.map((f) => f.file), ['a.live.json', 'b.video.json', 'bom.live.json', 'docs/deeper/c.VIDEO.JSON', 'docs/hello.ssml']);
    assert.deepEqual(report.missing, []);
    const a = report.files[0].diagnostics;
    assert.deepEqual(a.map((d) => [d.code, d.severity, d.range]), [
      ['script/missing-property', 'error', { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }],
      ['script/unknown-property', 'warning', { start: { line: 1, character: 2 }, end: { line: 1, character: 12 } }],
    ]);
    assert.match(a[1].message, /Did you mean "room_name"\?/);
    assert.deepEqual(report.files[1].diagnostics, []);
    assert.deepEqual(report.files[2].diagnostics, [], 'a byte order mark is not content');
  });

  it('labels files by the path given, joined with what is found under it', async () => {
    const report = await lintPaths(['docs', 'b.video.json', 'missing.video.json', 'docs/notes.json'], dir);
    assert.deepEqual(report.files.map((f) => f.file), ['b.video.json', 'docs/deeper/c.VIDEO.JSON', 'docs/hello.ssml']);
    assert.deepEqual(report.missing, ['missing.video.json']);
    assert.deepEqual(report.unsupported, ['docs/notes.json']);
    const absolute = await lintPaths([join(dir, 'docs', 'deeper')], '/');
    assert.deepEqual(absolute.files.map((f) => f.file), [join(dir, 'docs', 'deeper', 'c.VIDEO.JSON')]);
  });
});

describe('lint of bad folder entries', () => {
  let dir: string;
  let server: Server;
  const root = process.getuid?.() === 0;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'metastudio-lint-bad-'));
    mkdirSync(join(dir, 'folder'));
    writeFileSync(join(dir, 'folder', 'inner.ssml'), '<speak>in a linked folder</speak>');
    writeFileSync(join(dir, 'good.ssml'), '<speak>Hello</speak>');
    symlinkSync(join(dir, 'nowhere.ssml'), join(dir, 'dangling.ssml'));
    symlinkSync(join(dir, 'folder'), join(dir, 'linked-folder.video.json'));
    symlinkSync(join(dir, 'folder'), join(dir, 'linked-folder'));
    execFileSync('mkfifo', [join(dir, 'pipe.ssml')]);
    writeFileSync(join(dir, 'locked.live.json'), '{}');
    chmodSync(join(dir, 'locked.live.json'), 0o000);
    // Latin-1 "é" (0xE9) is not UTF-8; the file is otherwise clean.
    writeFileSync(join(dir, 'latin1.ssml'), Buffer.concat([Buffer.from('<speak>caf'), Buffer.from([0xe9]), Buffer.from(' crème</speak>')]));
    server = createServer();
    await new Promise<void>((resolve) => server.listen(join(dir, 'socket.ssml'), resolve));
  });

  after(async () => {
    await new Promise((resolve) => server.close(resolve));
    chmodSync(join(dir, 'locked.live.json'), 0o644);
    rmSync(dir, { recursive: true, force: true });
  });

  const codes = (report: LintReport) => Object.fromEntries(report.files.map((f) => [f.file, f.diagnostics.map((d) => `${d.code}: ${d.message}`)]));

  it('reports each entry that cannot be read on its path, with the reason, and lints the rest', async function () {
    // A FIFO read as a file would wait for a writer for ever: the mocha timeout catches that.
    this.timeout(10_000);
    const report = await lintPaths([], dir);
    const found = codes(report);
    assert.deepEqual(found['dangling.ssml'], ['file/unreadable: The file cannot be read: a link whose target does not exist.']);
    assert.deepEqual(found['linked-folder.video.json'], ['file/unreadable: The file cannot be read: a link to a folder, not a file.']);
    assert.deepEqual(found['pipe.ssml'], ['file/unreadable: The file cannot be read: a FIFO (named pipe), not a regular file.']);
    assert.deepEqual(found['socket.ssml'], ['file/unreadable: The file cannot be read: a socket, not a regular file.']);
    assert.deepEqual(found['good.ssml'], []);
    assert.deepEqual(found['folder/inner.ssml'], []);
    // Links to folders are not followed (no loops, nothing outside the folder given).
    assert.equal(found['linked-folder/inner.ssml'], undefined);
    // chmod 000 does not stop root, who reads the file like any other.
    assert.deepEqual(found['locked.live.json'], root
      ? ['script/missing-property: Missing mandatory property "room_name".']
      : ['file/unreadable: The file cannot be read: permission denied.']);
    assert.equal(report.files.find((f) => f.file === 'dangling.ssml')?.diagnostics[0].severity, 'error');
  });

  it('reports bytes that are not UTF-8 where the first one is, and still lints the text', async () => {
    const report = await lintPaths(['latin1.ssml'], dir);
    const [d] = report.files[0].diagnostics;
    assert.equal(d.code, 'file/not-utf8');
    assert.deepEqual(d.range, { start: { line: 0, character: 10 }, end: { line: 0, character: 11 } });
    assert.match(d.message, /U\+FFFD.*\(1 in the file\)/);
    assert.equal(report.files[0].diagnostics.length, 1);
  });

  it('reports a special file given by name instead of blocking on it or calling it missing', async function () {
    this.timeout(10_000);
    const report = await lintPaths(['pipe.ssml', 'dangling.ssml', 'nothing.ssml'], dir);
    assert.deepEqual(report.files.map((f) => [f.file, f.diagnostics[0]?.code]), [['dangling.ssml', 'file/unreadable'], ['pipe.ssml', 'file/unreadable']]);
    assert.deepEqual(report.missing, ['nothing.ssml']);
  });

  it('reports a folder it cannot list', async function () {
    if (root) this.skip(); // root lists any folder
    const locked = join(dir, 'locked-folder');
    mkdirSync(locked);
    chmodSync(locked, 0o000);
    try {
      const found = codes(await lintPaths(['locked-folder'], dir));
      assert.deepEqual(found['locked-folder'], ['file/unreadable: The folder cannot be read: permission denied.']);
    } finally {
      chmodSync(locked, 0o755);
    }
  });
});

describe('encodingProblem', () => {
  it('flags a document VS Code saves in another encoding, or one holding U+FFFD, and nothing else', () => {
    assert.equal(encodingProblem('<speak>ok</speak>', 'utf8'), undefined);
    assert.equal(encodingProblem('<speak>ok</speak>', 'utf8bom'), undefined);
    assert.equal(encodingProblem('<speak>ok</speak>'), undefined);
    assert.match(encodingProblem('ok', 'gbk')!.message, /saved as gbk, not UTF-8/);
    const d = encodingProblem('ab\uFFFDc\uFFFD')!;
    assert.deepEqual([d.code, d.severity, d.start, d.end], ['file/not-utf8', 'error', 2, 3]);
    assert.match(d.message, /\(2 in the file\)/);
  });
});
