// @ts-check
import tseslint from 'typescript-eslint';

const toolkit = { name: '@vscode/webview-ui-toolkit', message: 'The webview toolkit belongs in webview/ only.' };
const editor = { name: 'vscode', message: 'src/core is editor-free (CLI, sandbox, plain-Node tests): put VS Code code in a feature folder.' };

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', '.tools/**', 'node_modules/**', 'test-results/**', '**/*.cjs', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  { files: ['src/**/*.ts'], rules: { 'no-restricted-imports': ['error', { paths: [toolkit] }] } },
  { files: ['src/core/**/*.ts'], rules: { 'no-restricted-imports': ['error', { paths: [toolkit, editor] }] } },
);
