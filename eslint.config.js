// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Import boundaries (see README, "Architecture"): dependencies point one way.
 * - engine imports nothing else of ours (it only knows BPMN, FEEL and Camunda's protocols);
 * - app and workers reach the engine only through Camunda's clients, never its files;
 * - lib is shared by all and imports none of them;
 * - shared (src/shared) is imported by the browser app as well: it imports nothing else of ours and nothing of Node;
 * - the browser app (web/) reaches the server's code only through src/shared (API contracts, dates, messages).
 */
const boundary = (files, patterns, message) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group: [group], message })) }],
  },
});

const ENGINE_OUTSIDE = ['**/app/**', '**/workers/**', '**/lib/**', '**/web/**'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'data/**', 'coverage/**', 'test-artifacts/**', 'web/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
    },
  },
  boundary(['src/engine/**'], ENGINE_OUTSIDE, 'the engine imports nothing else of ours'),
  // One writer of engine state: outside state/ and the composition root it is read as EngineStateView and changed
  // through StateWriter. (Same rule name as the boundary above, so its patterns are repeated: the later config wins.)
  {
    files: ['src/engine/**'],
    ignores: ['src/engine/state/**', 'src/engine/processing/engine-core.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...ENGINE_OUTSIDE.map((group) => ({
              group: [group],
              message: 'the engine imports nothing else of ours',
            })),
            {
              group: ['**/state/engine-state.js', '**/state/store.js'],
              importNames: ['EngineState', 'Store'],
              message: 'engine state changes only through StateWriter; read it as EngineStateView',
            },
          ],
        },
      ],
    },
  },
  boundary(['src/app/**', 'src/workers/**'], ['**/engine/**'], 'reach the engine only through @camunda8/sdk'),
  boundary(
    ['src/lib/**'],
    ['**/app/**', '**/workers/**', '**/engine/**'],
    'lib is shared and depends on nothing else of ours',
  ),
  boundary(
    ['src/shared/**'],
    ['**/app/**', '**/workers/**', '**/engine/**', '**/lib/**', 'node:*'],
    'src/shared runs in the browser too: it depends on nothing else of ours and nothing of Node',
  ),
  boundary(
    ['web/**'],
    ['**/src/app/**', '**/src/engine/**', '**/src/workers/**', '**/src/lib/**', '**/src/main*'],
    'the browser app shares only src/shared with the server (API contracts, dates, messages)',
  ),
);
