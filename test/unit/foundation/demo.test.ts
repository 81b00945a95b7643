import assert from 'node:assert/strict';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { commands } from '../../../src/cli/commands';
import { runCli } from '../../../src/cli/main';
import { demoWorkspace, terminalInstructions } from '../../../scripts/demoSetup';
import { AK, PROJECT, SK, startSandboxClient } from '../../support/sandboxClient';
import { recordingIo } from '../../support/cliIo';

const examples = join(__dirname, '../../../examples');

describe('npm run demo', () => {
  it('works on a copy of examples/ outside the repository', async () => {
    const folder = await demoWorkspace(examples);
    try {
      assert.ok(!folder.startsWith(join(__dirname, '../../..')), folder);
      assert.deepEqual(readdirSync(folder).sort(), readdirSync(examples).sort());
      const file = join(folder, 'welcome.ssml');
      writeFileSync(file, '<speak>changed</speak>');
      assert.notEqual(readFileSync(join(examples, 'welcome.ssml'), 'utf8'), '<speak>changed</speak>');
    } finally {
      rmSync(dirname(folder), { recursive: true, force: true });
    }
  });

  it('prints the export lines the CLI needs to reach the sandbox', async () => {
    const cloud = await startSandboxClient();
    try {
      const text = terminalInstructions({ endpoint: cloud.sandbox.url, projectId: PROJECT, ak: AK, sk: SK });
      assert.ok(text.includes(cloud.sandbox.url) && text.includes(AK) && text.includes(SK));
      const env = Object.fromEntries([...text.matchAll(/^ {2}export (\w+)=(\S+)$/gm)].map((m) => [m[1], m[2]]));
      assert.deepEqual(Object.keys(env).sort(), ['HUAWEICLOUD_SDK_AK', 'HUAWEICLOUD_SDK_PROJECT_ID', 'HUAWEICLOUD_SDK_SK', 'METASTUDIO_ENDPOINT']);
      const io = recordingIo({ env });
      assert.equal(await runCli(['assets', 'list', '--type', 'VOICE_MODEL', '--limit', '3'], io, commands), 0, io.err);
      assert.equal(io.out.trimEnd().split('\n').length, 4);
    } finally {
      await cloud.close();
    }
  });
});
