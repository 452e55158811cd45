// One lint for the whole repository: typescript-eslint's recommended rules, React's hook rules and
// Next's rules for the web, and the boundaries between the parts (the web never imports the
// server; the server's domain code never imports its GraphQL transport).
import js from '@eslint/js';
import nextPlugin from '@next/eslint-plugin-next';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/.next*/**',
      '**/dist/**',
      '**/.cache/**',
      '**/.data/**',
      'web/next-env.d.ts',
      'bench/results/**',
      'tests/e2e/screenshots/**',
      '**/*.d.ts',
      'web/public/**',
      'web/lib/api/graphql.generated.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Tests and benchmarks read untyped JSON answers and load the CommonJS builds of ES-module
    // packages: \`any\` and require() are at home there.
    files: ['tests/**/*.ts', 'bench/**/*.ts', '**/*.cjs'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { '@next/next': nextPlugin, 'react-hooks': reactHooks },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs['core-web-vitals'].rules,
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/server/**', '@nabz/server*'], message: 'The web talks to the server over GraphQL only.' }] },
      ],
    },
    settings: { next: { rootDir: 'web' } },
  },
  {
    // Domain code (services, entities, rules) never imports the transport: resolvers, loaders and
    // the access declarations are the GraphQL layer's, and only they may.
    files: ['server/src/modules/**/*.ts', 'server/src/common/**/*.ts', 'server/src/db/**/*.ts'],
    ignores: [
      'server/src/modules/**/*.resolver.ts',
      'server/src/modules/**/*.loader.ts',
      'server/src/modules/**/*.routes.ts',
      'server/src/modules/**/*.route.ts',
      'server/src/modules/**/*.module.ts',
      'server/src/modules/**/*.test.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/graphql/*'], message: 'Domain code does not import the GraphQL transport.' }] },
      ],
    },
  },
);
