/** What `npm run demo` prepares and prints, apart from the servers it starts. */
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh copy of `examples` in a temporary folder: edits, links and downloads of the demo land there, never in the repository. */
export async function demoWorkspace(examples: string): Promise<string> {
  const folder = join(await mkdtemp(join(tmpdir(), 'metastudio-demo-')), 'examples');
  await cp(examples, folder, { recursive: true });
  return folder;
}

export interface DemoConnection {
  readonly endpoint: string;
  readonly projectId: string;
  readonly ak: string;
  readonly sk: string;
}

/** What a user needs to use the sandbox from a terminal: its URL, the AK/SK, and the CLI's `export` lines. */
export function terminalInstructions(c: DemoConnection): string {
  return [
    `MetaStudio sandbox: ${c.endpoint} (project ${c.projectId}, AK ${c.ak}, SK ${c.sk}: local demo credentials, not a cloud account)`,
    'To use it from a terminal (e.g. `node dist/cli.js assets list`), first run:',
    '',
    `  export METASTUDIO_ENDPOINT=${c.endpoint}`,
    `  export HUAWEICLOUD_SDK_PROJECT_ID=${c.projectId}`,
    `  export HUAWEICLOUD_SDK_AK=${c.ak}`,
    `  export HUAWEICLOUD_SDK_SK=${c.sk}`,
  ].join('\n');
}
