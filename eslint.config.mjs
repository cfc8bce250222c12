import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

/**
 * What each shared layer may not reach (ARCHITECTURE §3): the admin bundle and the shared code
 * never import the server, and the shared code never imports the admin.
 */
const forbidden = (layers, packages = []) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        ...layers.map((layer) => ({
          regex: `^(\\.{1,2}/)+${layer}(/|$)`,
          message: `Only the server imports ${layer}/: move what both sides need into contracts/, writers/ or analysis/.`,
        })),
        ...packages.map((regex) => ({
          regex,
          message:
            'analysis/ runs in the browser and on the server: no Node, Strapi or React imports.',
        })),
      ],
    },
  ],
});

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'playground/**',
      'coverage/**',
      '.ci-reports/**',
      'tests/e2e/screenshots/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ['admin/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  { files: ['admin/**/*.{ts,tsx}'], rules: forbidden(['server']) },
  {
    files: ['contracts/**/*.ts', 'writers/**/*.ts'],
    rules: forbidden(['server', 'admin']),
  },
  {
    files: ['analysis/**/*.ts'],
    rules: forbidden(
      ['server', 'admin'],
      [
        '^node:',
        '^(fs|path|os|crypto|http|https|net|url|stream|child_process)$',
        '^@strapi/',
        '^react(-dom)?(/|$)',
      ],
    ),
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
