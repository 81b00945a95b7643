import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commands } from '../../../src/cli/commands';
import { runCli } from '../../../src/cli/main';
import { formatSeconds, scriptDuration } from '../../../src/core/scripts/durations';
import { analyzeScript } from '../../../src/core/scripts/validate';
import { recordingIo } from '../../support/cliIo';
import { startSandboxClient, type SandboxClient } from '../../support/sandboxClient';
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

describe('metastudio storyboard --online (against the sandbox)', () => {
  let cloud: SandboxClient;
  let dir: string;
  let avatar: string;
  let background: string;
  before(async () => {
    cloud = await startSandboxClient();
    const client = cloud.client();
    [avatar] = (await client.listAssets({ asset_type: 'HUMAN_MODEL_2D', asset_source: 'SYSTEM', limit: 1 })).assets.map((a) => a.asset_id);
    [background] = (await client.listAssets({ asset_type: 'IMAGE', asset_source: 'SYSTEM', limit: 1 })).assets.map((a) => a.asset_id);
  });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'storyboard-online-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  after(() => cloud.close());

  async function run(env: NodeJS.ProcessEnv, ...args: string[]) {
    const io = recordingIo({ cwd: dir, env });
    const code = await runCli(['storyboard', ...args], io, commands);
    return { code, out: io.out, err: io.err };
  }

  const script = () => videoScript([{
    background_config: [{ background_type: 'IMAGE', background_asset_id: background }],
    layer_config: [
      { layer_type: 'HUMAN', position: { dx: 600, dy: 100, layer_index: 1 }, size: { width: 700, height: 980 } },
      { layer_type: 'IMAGE', asset_id: 'f'.repeat(32), position: { dx: 0, dy: 0, layer_index: 2 }, size: { width: 100, height: 100 } },
    ],
  }], { model_asset_id: avatar });

  it('embeds the avatar\'s cover and the background as data: URIs through the configured connection; a missing asset stays a placeholder', async () => {
    writeFileSync(join(dir, 'a.video.json'), script());
    const { code, err } = await run(cloud.env, 'a.video.json', '--online', '--out', 'out');
    assert.equal(code, 0, err);
    const svg = readFileSync(join(dir, 'out', 'shot-01.svg'), 'utf8');
    assert.match(svg, /data-layer="background"[^>]*><rect[^>]*\/><image href="data:image\/png;base64,iVBORw0KGgo/);
    assert.match(svg, /data-layer-type="HUMAN"[^>]*><rect[^>]*\/><image href="data:image\/png;base64,iVBORw0KGgo/);
    assert.match(svg, />Image: f{32}<\/text>/);
    assert.ok(!svg.includes(cloud.sandbox.url), 'nothing in the SVG loads from elsewhere');
    assert.match(err, /^metastudio storyboard: no image for asset f{32}: MSS\.\d+: .*request id [\w-]+\)\n$/, 'one line with the API\'s code, message and request id');
    assert.deepEqual(readdirSync(dir).sort(), ['a.video.json', 'out']);
  });

  it('stays offline without --online, and exits 3 writing nothing when --online has no credentials', async () => {
    writeFileSync(join(dir, 'a.video.json'), script());
    const before = cloud.sandbox.requests.length;
    assert.equal((await run(cloud.env, 'a.video.json')).code, 0);
    assert.equal(cloud.sandbox.requests.length, before, 'no request without --online');
    assert.doesNotMatch(readFileSync(join(dir, 'a.video-storyboard', 'shot-01.svg'), 'utf8'), /<image/);
    rmSync(join(dir, 'a.video-storyboard'), { recursive: true });
    const { code, err } = await run({ METASTUDIO_ENDPOINT: cloud.sandbox.url, HUAWEICLOUD_SDK_PROJECT_ID: 'p' }, 'a.video.json', '--online');
    assert.equal(code, 3);
    assert.match(err, /^metastudio storyboard: no credentials: give --ak and --sk/);
    assert.deepEqual(readdirSync(dir), ['a.video.json'], 'nothing written');
  });
});
