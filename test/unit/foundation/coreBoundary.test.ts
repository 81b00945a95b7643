import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { ESLint } from 'eslint';

const root = join(__dirname, '../../..');

describe('the src/core boundary', () => {
  const eslint = new ESLint({ cwd: root });
  const lint = async (file: string, code: string) =>
    (await eslint.lintText(code, { filePath: join(root, file) }))[0].messages.filter((m) => m.ruleId === 'no-restricted-imports');

  it('fails the lint when core code imports vscode', async () => {
    const messages = await lint('src/core/probe.ts', "import * as vscode from 'vscode';\nexport const x = vscode;\n");
    assert.equal(messages.length, 1);
    assert.equal(messages[0].severity, 2);
  });

  it('lets a feature adapter import vscode', async () => {
    assert.deepEqual(await lint('src/scripts/probe.ts', "import * as vscode from 'vscode';\nexport const x = vscode;\n"), []);
  });

  it('keeps the webview toolkit out of extension code', async () => {
    const messages = await lint('src/preview/probe.ts', "import '@vscode/webview-ui-toolkit';\n");
    assert.equal(messages.length, 1);
  });

  it('keeps the sandbox out of the extension and the core: only the CLI runs it', async () => {
    for (const [file, from] of [['src/extension.ts', './sandbox'], ['src/preview/probe.ts', '../sandbox'], ['src/core/remote/probe.ts', '../../sandbox/store']]) {
      const messages = await lint(file, `import { startSandbox } from '${from}';\nexport const x = startSandbox;\n`);
      assert.equal(messages.length, 1, `${file} importing ${from}`);
    }
    assert.deepEqual(await lint('src/cli/commands/probe.ts', "import { startSandbox } from '../../sandbox';\nexport const x = startSandbox;\n"), []);
  });
});
