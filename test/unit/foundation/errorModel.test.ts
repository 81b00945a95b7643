/** One error model (docs/decisions/errors.md): the lint refuses an error class that bypasses ExpectedError. */
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { ESLint } from 'eslint';

const root = join(__dirname, '../../..');

describe('the error model', () => {
  const eslint = new ESLint({ cwd: root });
  const restricted = async (file: string, code: string) =>
    (await eslint.lintText(code, { filePath: join(root, file) }))[0].messages.filter((m) => m.ruleId === 'no-restricted-syntax');

  it('fails the lint for an error class that extends Error directly, in the core, the CLI and the features', async () => {
    for (const [file, code] of [
      ['src/core/upload/probe.ts', 'export class UploadError extends Error {}\n'],
      ['src/cli/probe.ts', 'export const ProbeError = class extends Error {};\n'],
      ['src/jobs/probe.ts', 'export class ProbeError extends Error {}\n'],
    ]) {
      const messages = await restricted(file, code);
      assert.equal(messages.length, 1, `${file}: ${code}`);
      assert.match(messages[0].message, /Extend ExpectedError/);
    }
  });

  it('lets error classes extend ExpectedError or one of its subclasses', async () => {
    const code = [
      "import { ExpectedError } from '../errors';",
      "import { MetaStudioError } from '../cloud/errors';",
      'export class UploadError extends ExpectedError {}',
      'export abstract class UploadApiError extends MetaStudioError {}',
    ].join('\n');
    assert.deepEqual(await restricted('src/core/upload/probe.ts', `${code}\n`), []);
  });
});
