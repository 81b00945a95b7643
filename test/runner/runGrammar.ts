/**
 * `npm run test:grammar`: the TextMate grammar tests (vscode-tmgrammar-test), with the closing line
 * "grammar: N passed, N failed" that every test layer prints.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../..');
const cases = readdirSync(join(root, 'test/grammar/cases')).map((f) => join('test/grammar/cases', f));
const run = spawnSync(process.execPath, [join(root, 'node_modules/vscode-tmgrammar-test/dist/unit.js'), '--config', 'test/grammar/grammars.json', ...cases],
  { cwd: root, encoding: 'utf8' });
process.stdout.write(run.stdout);
process.stderr.write(run.stderr);
const passed = (run.stdout.match(/^✓/gm) ?? []).length;
const failed = cases.length - passed;
console.log(`grammar: ${passed} passed, ${failed} failed`);
process.exitCode = run.status === 0 && failed === 0 ? 0 : 1;
