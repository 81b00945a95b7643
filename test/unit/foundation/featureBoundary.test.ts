import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { ESLint } from 'eslint';

const root = join(__dirname, '../../..');

describe('the boundaries between feature folders', () => {
  const eslint = new ESLint({ cwd: root });
  const lint = async (file: string, code: string, rule: string) =>
    (await eslint.lintText(code, { filePath: join(root, file) }))[0].messages.filter((m) => m.ruleId === rule);
  const imports = (file: string, code: string) => lint(file, code, 'no-restricted-imports');

  it('fails the lint when a feature imports from a sibling feature\'s folder, types included', async () => {
    for (const [file, code] of [
      ['src/jobs/probe.ts', "import { pushDocument } from '../push/pushDocument';\nexport const x = pushDocument;\n"],
      ['src/jobs/probe.ts', "export * from '../push';\n"],
      ['src/preview/probe.ts', "import type { ConnectionService } from '../connections/connectionService';\nexport type X = ConnectionService;\n"],
    ]) {
      const messages = await imports(file, code);
      assert.equal(messages.length, 1, code);
      assert.equal(messages[0].severity, 2);
      assert.match(messages[0].message, /through the services/);
    }
  });

  it('lets a feature import the core, the services, the shared folders and its own modules', async () => {
    const code = [
      "import type { Services } from '../services';",
      "import { settings } from '../settings';",
      "import { registerCommand } from '../commands/registerCommand';",
      "import { log } from '../logging/log';",
      "import type { AssetCatalog } from '../core/assets/catalog';",
      "import { previewCodeLenses } from './codeLens';",
      'export const x: unknown[] = [settings, registerCommand, log, previewCodeLenses];',
      'export type X = [Services, AssetCatalog];',
    ].join('\n');
    assert.deepEqual(await imports('src/preview/probe.ts', `${code}\n`), []);
  });

  it('fails the lint when a shared folder imports a feature', async () => {
    const messages = await imports('src/commands/probe.ts', "import { register } from '../preview/register';\nexport const x = register;\n");
    assert.equal(messages.length, 1);
  });

  it('keeps questions in the prompts service and setting reads in the settings module', async () => {
    const syntax = (file: string, code: string) => lint(file, code, 'no-restricted-syntax');
    const quickPick = "import * as vscode from 'vscode';\nexport const x = vscode.window.showQuickPick(['a']);\n";
    assert.equal((await syntax('src/assets/probe.ts', quickPick)).length, 1);
    assert.deepEqual(await syntax('src/prompts.ts', quickPick), []);
    const modal = "import * as vscode from 'vscode';\nexport const x = vscode.window.showWarningMessage('?', { modal: true }, 'Yes');\n";
    assert.equal((await syntax('src/push/probe.ts', modal)).length, 1);
    const setting = "import * as vscode from 'vscode';\nexport const x = vscode.workspace.getConfiguration('metastudio').get('region');\n";
    assert.equal((await syntax('src/connections/probe.ts', setting)).length, 1);
    assert.deepEqual(await syntax('src/settings.ts', setting), []);
  });
});
