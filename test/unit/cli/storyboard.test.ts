import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commands } from '../../../src/cli/commands';
import { runCli } from '../../../src/cli/main';
import { formatSeconds, scriptDuration } from '../../../src/core/scripts/durations';
import { analyzeScript } from '../../../src/core/scripts/validate';
import { recordingIo } from '../../support/cliIo';
import { videoScript } from '../layout/support';

describe('metastudio storyboard', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'storyboard-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function run(...args: string[]) {
    const io = recordingIo({ cwd: dir });
    const code = await runCli(['storyboard', ...args], io, commands);
    return { code, out: io.out, err: io.err };
  }

  const script = videoScript([
    { text_config: { text: '<speak>Hello <break time="1s"/>there</speak>' }, layer_config: [{ layer_type: 'IMAGE', position: { dx: 2000, dy: 0, layer_index: 1 }, size: { width: 10, height: 10 } }] },
    { text_config: { text: 'Second shot.' } },
  ]);

  it('writes shot-NN.svg per shot and an index.html beside the file, and exits 0', async () => {
    writeFileSync(join(dir, 'launch.video.json'), script);
    const { code, out, err } = await run('launch.video.json');
    assert.equal(code, 0, err);
    assert.deepEqual(readdirSync(join(dir, 'launch.video-storyboard')).sort(), ['index.html', 'shot-01.svg', 'shot-02.svg']);
    assert.deepEqual(out.trim().split('\n'), ['shot-01.svg', 'shot-02.svg', 'index.html'].map((f) => join('launch.video-storyboard', f)));
    const svg = readFileSync(join(dir, 'launch.video-storyboard', 'shot-01.svg'), 'utf8');
    assert.match(svg, /viewBox="0 0 1920 1080"/);
    assert.match(svg, /data-layer="\/shoot_scripts\/0\/shoot_script\/layer_config\/0"/);
    const html = readFileSync(join(dir, 'launch.video-storyboard', 'index.html'), 'utf8');
    assert.ok(html.indexOf('shot-01.svg') < html.indexOf('shot-02.svg'));
    // Each shot's duration is the estimate `metastudio stats` and the editor's duration lens give.
    const [first, second] = scriptDuration(analyzeScript(script, 'video').shots).shots.map((d) => formatSeconds(d.seconds));
    assert.ok(html.includes(`Shot 1</strong> · ≈ ${first} · 1 error<br>Hello there`), html);
    assert.ok(html.includes(`Shot 2</strong> · ≈ ${second} · no problems<br>Second shot.`), html);
    assert.doesNotMatch(html, /<script|https?:/);
  });

  it('names scenes for a live room and prints JSON with --format json', async () => {
    writeFileSync(join(dir, 'room.live.json'), JSON.stringify({ room_name: 'r', scene_scripts: [{}, {}, {}] }));
    const { code, out } = await run('room.live.json', '--out', 'sheets', '--format', 'json');
    assert.equal(code, 0);
    assert.deepEqual(JSON.parse(out), { out: 'sheets', files: ['scene-01.svg', 'scene-02.svg', 'scene-03.svg', 'index.html'].map((f) => join('sheets', f)) });
    assert.match(readFileSync(join(dir, 'sheets', 'scene-01.svg'), 'utf8'), /viewBox="0 0 1080 1920"/);
  });

  it('replaces only its own files in --out: a user\'s files stay, even one named as a drawing; a shorter script\'s leftovers go', async () => {
    mkdirSync(join(dir, 'out'));
    writeFileSync(join(dir, 'out', 'notes.txt'), 'mine');
    writeFileSync(join(dir, 'out', 'shot-08.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><circle r="1"/></svg>');
    writeFileSync(join(dir, 'longer.video.json'), videoScript([{}, {}, {}, {}, {}, {}, {}, {}, {}]));
    assert.equal((await run('longer.video.json', '--out', 'out')).code, 0);
    assert.ok(readFileSync(join(dir, 'out', 'shot-09.svg'), 'utf8').includes('data-generator="metastudio storyboard"'));
    assert.match(readFileSync(join(dir, 'out', 'shot-08.svg'), 'utf8'), /data-generator/, 'a drawing replaces a file of its name');
    writeFileSync(join(dir, 'out', 'shot-07.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><circle r="1"/></svg>');
    writeFileSync(join(dir, 'a.video.json'), script);
    assert.equal((await run('a.video.json', '--out', 'out')).code, 0);
    assert.deepEqual(readdirSync(join(dir, 'out')).sort(), ['index.html', 'notes.txt', 'shot-01.svg', 'shot-02.svg', 'shot-07.svg']);
    assert.equal(readFileSync(join(dir, 'out', 'notes.txt'), 'utf8'), 'mine');
    rmSync(join(dir, 'longer.video.json'));
    assert.deepEqual(readdirSync(dir).sort(), ['a.video.json', 'out'], 'nothing written outside --out');
  });

  it('exits 1 with one line naming file and position for a file that is not a script', async () => {
    writeFileSync(join(dir, 'broken.video.json'), '{\n  "shoot_scripts": [,]\n}');
    const broken = await run('broken.video.json');
    assert.equal(broken.code, 1);
    assert.equal(broken.err, 'metastudio storyboard: broken.video.json:2:21: not a script: Value expected.\n');
    writeFileSync(join(dir, 'notes.json'), '{}');
    const other = await run('notes.json');
    assert.equal(other.code, 1);
    assert.match(other.err, /^metastudio storyboard: notes\.json:1:1: not a script file \(\*\.video\.json, \*\.live\.json\)\n$/);
    assert.deepEqual(readdirSync(dir).sort(), ['broken.video.json', 'notes.json'], 'nothing written');
  });

  it('exits 2 for usage errors and a missing file', async () => {
    assert.equal((await run()).code, 2);
    assert.equal((await run('missing.video.json')).code, 2);
    assert.equal((await run('a', 'b')).code, 2);
    assert.equal((await run('--bogus')).code, 2);
  });
});
