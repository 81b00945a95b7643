/**
 * Several `metastudio` processes at once against one sandbox and one links file or preview cache:
 * no link and no cache entry is lost, and one preview is synthesized once.
 */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCli, runCliProcess, type ProcessRun } from '../../support/bundledCli';
import { PROJECT, startSandboxClient, type SandboxClient } from '../../support/sandboxClient';
import { fileText, videoBody, VOICE_ID } from '../remote/support';

describe('parallel CLI processes', function () {
  this.timeout(120_000);
  let cloud: SandboxClient;
  let home: string;
  let cli: string;

  before(async () => {
    cloud = await startSandboxClient({ timings: { jobStepMs: 200, ttsDelayMs: 100 } });
    home = await mkdtemp(join(tmpdir(), 'cli-parallel-'));
    cli = await buildCli(home);
  });
  after(async () => {
    await cloud.close();
    await rm(home, { recursive: true, force: true });
  });

  function runAll(count: number, args: (i: number) => string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<ProcessRun[]> {
    return Promise.all(Array.from({ length: count }, (_, i) => runCliProcess(cli, [...args(i), '--format', 'json'], { cwd, env: { ...cloud.env, HOME: home, ...env } })));
  }

  it('8 pushes of 8 new files at once leave 8 links', async () => {
    const root = join(home, 'push');
    await mkdir(join(root, '.metastudio'), { recursive: true });
    for (let i = 0; i < 8; i++) await writeFile(join(root, `p${i}.video.json`), fileText(videoBody(`parallel push ${i}`)));
    const runs = await runAll(8, (i) => ['push', `p${i}.video.json`], root);
    for (const run of runs) assert.equal(run.code, 0, run.stderr);
    const links = JSON.parse(await readFile(join(root, '.metastudio/links.json'), 'utf8')).links[`${cloud.sandbox.url}|${PROJECT}`] ?? {};
    assert.equal(Object.keys(links).length, 8, `links kept: ${Object.keys(links).length} of 8`);
    for (const [i, run] of runs.entries()) assert.equal(links[`p${i}.video.json`]?.id, JSON.parse(run.stdout).id);
  });

  describe('tts', () => {
    const cacheHome = (name: string) => join(home, name);
    const audition = () => cloud.sandbox.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/ttsc/audition')).length;
    async function cacheEntries(name: string): Promise<number> {
      const index = JSON.parse(await readFile(join(cacheHome(name), 'metastudio/previews/index.json'), 'utf8')) as { entries: unknown[] };
      return index.entries.length;
    }

    it('10 previews of different texts at once leave 10 cache entries', async () => {
      const runs = await runAll(10, (i) => ['tts', `第${i}段文字。`, '--voice', VOICE_ID, '-o', `different-${i}.wav`], home, { XDG_CACHE_HOME: cacheHome('different') });
      for (const run of runs) assert.equal(run.code, 0, run.stderr);
      assert.equal(await cacheEntries('different'), 10);
      const audio = (await readdir(join(cacheHome('different'), 'metastudio/previews'))).filter((name) => name.endsWith('.wav'));
      assert.equal(audio.length, 10, 'no audio file left without its entry');
    });

    it('10 previews of the same text at once make one synthesis, and every process writes its file', async () => {
      const before = audition();
      const runs = await runAll(10, (i) => ['tts', '同一段文字。', '--voice', VOICE_ID, '-o', `same-${i}.wav`], home, { XDG_CACHE_HOME: cacheHome('same') });
      for (const run of runs) assert.equal(run.code, 0, run.stderr);
      assert.equal(audition() - before, 1, `syntheses: ${audition() - before}`);
      assert.equal(runs.filter((run) => JSON.parse(run.stdout).cached === false).length, 1);
      assert.equal(await cacheEntries('same'), 1);
      const first = await readFile(join(home, 'same-0.wav'));
      for (let i = 1; i < 10; i++) assert.deepEqual(await readFile(join(home, `same-${i}.wav`)), first);
    });
  });
});
