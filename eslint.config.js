import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Layer zones (see STYLE.md): what each folder of src/ may import. */
const zone = (target, forbidden, message) => ({
  files: [`src/${target}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: forbidden.map((group) => ({ group: [group], message })),
      },
    ],
  },
});

export default tseslint.config(
  { ignores: ['dist', 'dist-single', 'node_modules', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "AssignmentExpression[left.property.name='innerHTML']",
          message: 'No innerHTML: build DOM nodes or use textContent.',
        },
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'No dangerouslySetInnerHTML.',
        },
      ],
    },
  },
  zone(
    'rl',
    [
      'react',
      'react-dom',
      'zustand',
      'd3-*',
      '**/worker/**',
      '**/store/**',
      '**/viz/**',
      '**/components/**',
      '**/app/**',
    ],
    'src/rl is pure TypeScript: no DOM, React, store or D3.',
  ),
  zone(
    'shared',
    [
      'react',
      'react-dom',
      'zustand',
      'zustand/*',
      'd3-*',
      '**/store/**',
      '**/viz/**',
      '**/components/**',
      '**/app/**',
    ],
    'src/shared is pure TypeScript over src/rl and the worker protocol types: no DOM, React, store or D3.',
  ),
  {
    // Only the worker's protocol types, never its code.
    files: ['src/shared/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/worker/*protocol'],
              allowTypeImports: true,
              message: 'src/shared imports only types from the worker protocol, never its code.',
            },
            {
              group: ['**/worker/**', '!**/worker/*protocol'],
              message: 'src/shared imports only the worker protocol types.',
            },
          ],
        },
      ],
      // The WebWorker lib gives it URLSearchParams; the page's and the worker's globals stay out.
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'self',
        'location',
        'history',
        'navigator',
        'localStorage',
        'postMessage',
      ],
    },
  },
  zone(
    'worker',
    [
      'react',
      'react-dom',
      'zustand',
      'd3-*',
      '**/store/**',
      '**/viz/**',
      '**/components/**',
      '**/app/**',
    ],
    'src/worker imports only src/rl.',
  ),
  zone(
    'viz',
    ['react', 'react-dom', 'zustand', '**/store/**', '**/components/**', '**/app/**'],
    'src/viz renders plain data with D3: no React, no store.',
  ),
  zone(
    'store',
    ['react-dom', 'd3-*', '**/viz/**', '**/components/**', '**/app/**'],
    'src/store holds state, not views.',
  ),
);
