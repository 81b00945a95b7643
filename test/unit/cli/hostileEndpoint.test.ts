/**
 * The CLI against an endpoint that misbehaves on purpose: a redirect elsewhere is refused before
 * anything is sent there, and a 300 MB answer is given up at the client's cap with bounded memory.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commands } from '../../../src/cli/commands';
import { runCli } from '../../../src/cli/main';
import { buildCli } from '../../support/bundledCli';
import { recordingIo } from '../../support/cliIo';
import { fileText, videoBody } from '../remote/support';
import { json, startLocalServer, streamJson, type LocalServer } from '../cloud/support';

const SK = 'hostile-SECRET-sk-0123456789';

describe('CLI against a hostile endpoint', function () {
  this.timeout(120_000);
  let endpoint: LocalServer;
  let elsewhere: LocalServer;
  let root: string;
  let env: NodeJS.ProcessEnv;
  before(async () => {
    endpoint = await startLocalServer();
    elsewhere = await startLocalServer();
    // Answers as MetaStudio would: following the redirect would look like a created script.
    elsewhere.handle((_req, res) => json(res, 200, { script_id: 'elsewhere-1' }));
    root = await mkdtemp(join(tmpdir(), 'cli-hostile-'));
    await mkdir(join(root, '.metastudio'));
    env = { METASTUDIO_ENDPOINT: endpoint.url, HUAWEICLOUD_SDK_PROJECT_ID: 'p1', HUAWEICLOUD_SDK_AK: 'AKHOSTILETEST0000001', HUAWEICLOUD_SDK_SK: SK };
  });
  after(async () => {
    await endpoint.close();
    await elsewhere.close();
    await rm(root, { recursive: true, force: true });
  });

  it('push to a redirecting endpoint exits 1, names the status and origin, and creates nothing anywhere', async () => {
    await writeFile(join(root, 'intro.video.json'), fileText(videoBody('redirected intro')));
    for (const status of [301, 302, 303, 307, 308]) {
      endpoint.handle((_req, res) => void res.writeHead(status, { Location: `${elsewhere.url}/v1/p1/digital-human-video-scripts?Signature=SECRET-QUERY` }).end());
      const io = recordingIo({ env, cwd: root });
      assert.equal(await runCli(['push', 'intro.video.json'], io, commands), 1, `${status}: ${io.err}`);
      assert.equal(io.out, '', `${status}: no created script printed`);
      assert.equal(io.err, `metastudio push: MetaStudio redirected POST /digital-human-video-scripts (HTTP ${status}) to ${elsewhere.url}; signed calls never follow a redirect, so nothing was sent there.\n`);
      assert.ok(!io.err.includes(SK) && !io.err.includes('SECRET-QUERY'));
    }
    assert.equal(endpoint.requests.length, 5, 'one request per push');
    assert.equal(elsewhere.requests.length, 0, 'the other origin never heard of it');
    assert.ok(!existsSync(join(root, '.metastudio/links.json')) || !(await readFile(join(root, '.metastudio/links.json'), 'utf8')).includes('elsewhere-1'));
  });

  it('gives up a 300 MB answer at the cap: exit 1, one line, memory well below the answer', async () => {
    const cli = await buildCli(root);
    // Writes the process's peak resident memory (KiB) to a file as it exits.
    const peakFile = join(root, 'peak-rss');
    await writeFile(join(root, 'peak.cjs'), `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(peakFile)}, String(process.resourceUsage().maxRSS)));\n`);
    const run = async () => {
      const started = Date.now();
      const child = spawn(process.execPath, ['--require', join(root, 'peak.cjs'), cli, 'assets', 'list'], { cwd: root, env: { ...env, PATH: process.env.PATH }, timeout: 60_000 });
      let out = '';
      let err = '';
      child.stdout.on('data', (chunk: Buffer) => { out += chunk.toString(); });
      child.stderr.on('data', (chunk: Buffer) => { err += chunk.toString(); });
      const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
      return { code, out, err, seconds: (Date.now() - started) / 1000, peakMiB: Number(await readFile(peakFile, 'utf8')) / 1024 };
    };

    endpoint.handle((_req, res) => json(res, 200, { count: 0, assets: [] }));
    const baseline = await run();
    assert.equal(baseline.code, 0, baseline.err);

    const total = 300 * 1024 * 1024;
    let sent: Promise<number> = Promise.resolve(0);
    endpoint.handle((_req, res) => { sent = streamJson(res, total); });
    const huge = await run();
    const written = await sent;
    console.log(`      300 MB answer: exit ${huge.code} after ${huge.seconds.toFixed(1)} s, peak RSS ${huge.peakMiB.toFixed(0)} MiB`
      + ` (${baseline.peakMiB.toFixed(0)} MiB for an empty list), ${(written / 1024 / 1024).toFixed(0)} MiB written by the server`);
    assert.equal(huge.code, 1, huge.err);
    assert.equal(huge.out, '');
    assert.equal(huge.err, 'metastudio assets: MetaStudio sent an unreadable answer to GET /digital-assets (HTTP 200): the answer is larger than 32 MiB, so it was not read to the end\n');
    assert.ok(huge.peakMiB < 150, `peak RSS ${huge.peakMiB.toFixed(0)} MiB`);
    assert.ok(huge.peakMiB - baseline.peakMiB < 64, `${(huge.peakMiB - baseline.peakMiB).toFixed(0)} MiB more than for an empty list`);
    assert.ok(written < total / 2, `the server wrote ${written} bytes before the CLI let go`);
  });
});
