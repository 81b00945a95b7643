import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isLintedFile, lintFile } from '../../../src/core/lint/lintFile';
import { lintPaths } from '../../../src/core/lint/lintPaths';
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
