// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NODE_ONLY = {
  group: ['node:*', 'fs', 'path', 'os', 'child_process', 'net', 'http', 'https', 'better-sqlite3', 'pg'],
  message: 'Pure core: receive I/O through a port instead (see STYLE.md §1).',
};
const NO_CLI = { group: ['**/cli/**'], message: 'Only the CLI may import the CLI.' };

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'bench/.work/**', 'examples/**', 'test/fixtures/**', '**/__fixtures__/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-control-regex': 'off',
    },
  },
  {
    // Layer rule: the pure core never touches node:*, stores, HTTP or the CLI.
    files: ['src/catalog/**/*.ts', 'src/signatures/**/*.ts', 'src/discover/scanners/**/*.ts', 'src/discover/model.ts', 'src/guard/**/*.ts', 'src/assess/**/*.ts', 'src/core/**/*.ts'],
    ignores: ['**/*.test.ts', '**/adapters/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NODE_ONLY, NO_CLI] }] },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/cli/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_CLI] }] },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
