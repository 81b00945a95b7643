import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '../../..');

describe('the l10n bundle', () => {
  it('holds every string the code localises (run `npm run l10n` after changing one)', function () {
    this.timeout(60_000);
    const out = mkdtempSync(join(tmpdir(), 'l10n-'));
    const run = spawnSync(process.execPath, [join(root, 'node_modules/@vscode/l10n-dev/dist/cli.js'), 'export', '-o', out, 'src'], { cwd: root, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const fresh = JSON.parse(readFileSync(join(out, 'bundle.l10n.json'), 'utf8')) as Record<string, string>;
    const committed = JSON.parse(readFileSync(join(root, 'l10n/bundle.l10n.json'), 'utf8')) as Record<string, string>;
    assert.deepEqual(Object.keys(committed).sort(), Object.keys(fresh).sort());
  });
});
