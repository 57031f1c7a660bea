// Flat ESLint config (typescript-eslint). Pragmatic: correctness rules plus the architecture rules of
// docs/adr/0015 — shared/ stays pure (no Taro, CloudBase or Node imports), only miniprogram/src/services/
// touches Taro.cloud, only repositories and _core call db(), no function imports another's repositories.
const tseslint = require('typescript-eslint')
const globals = require('globals')

const NODE_BUILTINS = [
  'assert',
  'buffer',
  'child_process',
  'cluster',
  'crypto',
  'dgram',
  'dns',
  'events',
  'fs',
  'fs/promises',
  'http',
  'http2',
  'https',
  'net',
  'os',
  'path',
  'perf_hooks',
  'process',
  'querystring',
  'readline',
  'stream',
  'string_decoder',
  'timers',
  'tls',
  'url',
  'util',
  'v8',
  'vm',
  'worker_threads',
  'zlib',
]

module.exports = tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      '**/dist/**',
      '.data/**',
      '.build/**',
      'coverage/**',
      'test-output/**',
      '.swc/**',
      'miniprogram/.temp/**',
      '**/*.min.js',
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,cjs,mjs}'],
    languageOptions: { globals: { ...globals.node, ...globals.es2021 } },
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': [
        'warn',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/ban-ts-comment': 'off',
      '@typescript-eslint/no-empty-object-type': 'off',
      '@typescript-eslint/no-unused-expressions': 'off',
      'no-empty': ['error', { allowEmptyCatch: true }],
      'prefer-const': 'error',
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // CommonJS scripts and configs may use require().
    files: ['**/*.{js,cjs}', 'mock/**/*.ts', 'tests/**/*.ts', 'scripts/**/*.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['miniprogram/**/*.{ts,tsx,js}'],
    plugins: { 'react-hooks': require('eslint-plugin-react-hooks') },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
    languageOptions: {
      globals: {
        ...globals.browser,
        wx: 'readonly',
        getApp: 'readonly',
        getCurrentPages: 'readonly',
        definePageConfig: 'readonly',
        defineAppConfig: 'readonly',
      },
    },
  },
  {
    // shared/ is pure: used by the mini-program and the functions alike.
    files: ['shared/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: NODE_BUILTINS.map((name) => ({ name, message: 'shared/ must stay pure: no Node built-ins.' })),
          patterns: [
            { group: ['@tarojs/*'], message: 'shared/ must not import Taro.' },
            {
              group: ['@cloudbase/*', 'wx-server-sdk', 'tcb-admin-node'],
              message: 'shared/ must not import CloudBase.',
            },
            { group: ['node:*'], message: 'shared/ must stay pure: no Node built-ins.' },
            {
              group: ['**/cloudfunctions/**', '**/miniprogram/**', '**/mock/**'],
              message: 'shared/ must not depend on the function, app or mock code.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'shared/ must stay pure: no process.' },
        { name: 'require', message: 'Use imports.' },
      ],
    },
  },
  {
    // Taro.cloud only inside the services layer.
    files: ['miniprogram/**/*.{ts,tsx,js}'],
    ignores: ['miniprogram/src/services/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='Taro'][property.name='cloud']",
          message:
            'Call functions through miniprogram/src/services/ only (no Taro.cloud in pages, stores or components).',
        },
        {
          selector: "MemberExpression[object.name='wx'][property.name='cloud']",
          message: 'Call functions through miniprogram/src/services/ only.',
        },
        {
          // pages and components reach a function through their module's store, the store through its service
          selector:
            'ImportDeclaration[source.value=/services\\/cloud$/] > ImportSpecifier[imported.name=/^(callFunction|callAction)$/]',
          message: "Call actions through the module's service (and a store), not callFunction / callAction directly.",
        },
      ],
    },
  },
  {
    // Only repositories (and _core, the platform code) touch the database; no function imports another
    // function's repositories: share through shared/ or a documented _core producer (docs/adr/0015).
    files: ['cloudfunctions/**/*.ts'],
    ignores: ['cloudfunctions/**/repositories/**', 'cloudfunctions/_core/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportDeclaration[source.value=/_core\\/app$/] > ImportSpecifier[imported.name='db']",
          message: 'Only repositories (*/repositories/*.repository.ts) and _core/ call db().',
        },
        {
          selector: 'ImportDeclaration[source.value=/(^|\\/)\\.\\.\\/[^./][^/]*\\/repositories\\//]',
          message:
            "A function does not import another function's repositories: share through shared/ or a _core producer.",
        },
      ],
    },
  },
  {
    // Action outputs are declared once, in shared/<module>/views.ts maps that ActionOutputs extends and each
    // function's index.ts is held to (docs/adr/0002): no service file adds its own by declaration merging.
    files: ['miniprogram/src/services/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'TSModuleDeclaration',
          message: "Declare the action's output in shared/<module>/views.ts (its <Module>ActionOutputs map).",
        },
      ],
    },
  },
  {
    // A use case does not import another use case: what two use cases share lives in the function's helpers/
    // (docs/adr/0014), so usecases/ holds entry points only.
    files: ['cloudfunctions/*/usecases/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^\\./|/usecases/).*\\.usecase$',
              message: "A use case does not import another use case: move what they share to the function's helpers/.",
            },
          ],
        },
      ],
    },
  },
)
