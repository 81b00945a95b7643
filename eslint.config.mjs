// @ts-check
import tseslint from 'typescript-eslint';

const toolkit = { name: '@vscode/webview-ui-toolkit', message: 'The webview toolkit belongs in webview/ only.' };
const editor = { name: 'vscode', message: 'src/core is editor-free (CLI, sandbox, plain-Node tests): put VS Code code in a feature folder.' };

// The extension's feature folders reach each other only through the services (src/services.ts);
// the shared folders serve every feature and import none.
const features = ['assets', 'connections', 'durations', 'jobs', 'layout', 'localSandbox', 'preview', 'push', 'scripts', 'ssml', 'walkthrough'];
const shared = ['commands', 'diagnostics', 'documents', 'logging', 'webviews'];
// The sandbox plays the server: the CLI, the demo and the tests run it; the extension's bundle never holds it.
const sandbox = { regex: '^(\\.\\.?/)+sandbox(/|$)', message: 'The sandbox runs beside the extension, never inside its bundle: only src/cli and src/sandbox import it.' };
const folders = (names, message) => ({ regex: `^(\\.\\./)+(${names.join('|')})(/|$)`, message });
const viaServices = 'Features talk through the services (src/services.ts), not through each other\'s folders.';

// Questions and settings each have one home, so that tests answer every question and each setting has one default.
const oneHome = [
  { selector: "MemberExpression[property.name=/^(showInputBox|showQuickPick|showSaveDialog|showOpenDialog|createInputBox|createQuickPick)$/]", message: 'Ask through services.prompts (src/prompts.ts).' },
  { selector: "Property[key.name='modal']", message: 'A modal confirmation goes through services.prompts.confirm (src/prompts.ts).' },
  { selector: "MemberExpression[property.name='getConfiguration']", message: 'Read settings through src/settings.ts.' },
];
// One error model (docs/decisions/errors.md): a failure the user may see extends ExpectedError, so that every adapter shows it the same way.
const errorModel = { selector: ":matches(ClassDeclaration, ClassExpression)[superClass.name='Error']", message: 'Extend ExpectedError (src/core/errors.ts), not Error: the command wrapper and the CLI show it without a stack trace.' };

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
  { files: ['src/**/*.ts'], ignores: ['src/cli/**', 'src/sandbox/**'], rules: { 'no-restricted-imports': ['error', { paths: [toolkit], patterns: [sandbox] }] } },
  { files: ['src/core/**/*.ts'], rules: { 'no-restricted-imports': ['error', { paths: [toolkit, editor], patterns: [sandbox] }] } },
  ...features.map((feature) => ({
    files: [`src/${feature}/**/*.ts`],
    rules: { 'no-restricted-imports': ['error', { paths: [toolkit], patterns: [sandbox, folders(features.filter((f) => f !== feature), viaServices)] }] },
  })),
  {
    files: shared.map((folder) => `src/${folder}/**/*.ts`),
    rules: { 'no-restricted-imports': ['error', { paths: [toolkit], patterns: [sandbox, folders(features, 'A shared folder serves the features and imports none of them.')] }] },
  },
  { files: ['src/**/*.ts'], ignores: ['src/core/errors.ts'], rules: { 'no-restricted-syntax': ['error', errorModel] } },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/core/**', 'src/cli/**', 'src/prompts.ts', 'src/settings.ts'],
    rules: { 'no-restricted-syntax': ['error', ...oneHome, errorModel] },
  },
);
