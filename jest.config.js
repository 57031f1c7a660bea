/**
 * One jest config, several projects:
 * - unit:      pure code (shared/, use-case helpers)            tests/unit
 * - functions: the real SDK against the in-process emulator    tests/functions, tests/emulator
 * - simulate:  miniprogram-simulate on the weapp build          tests/simulate
 * - e2e:       headless Chromium on the H5 build                tests/e2e
 * Benchmarks (tests/bench) are never run by jest.
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      target: 'es2020',
      transform: { react: { runtime: 'automatic' } },
    },
    module: { type: 'commonjs' },
  },
]
const base = {
  transform: { '^.+\\.(t|j)sx?$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(mingo|bson)/)'],
  moduleNameMapper: { '^@shared/(.*)$': '<rootDir>/shared/$1', '^@/(.*)$': '<rootDir>/miniprogram/src/$1' },
  testEnvironment: 'node',
  // refuse to run against anything but the local emulator
  setupFiles: ['<rootDir>/tests/helpers/localOnly.ts'],
}
module.exports = {
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'] },
    {
      ...base,
      displayName: 'functions',
      testMatch: ['<rootDir>/tests/functions/**/*.test.ts', '<rootDir>/tests/emulator/**/*.test.ts'],
    },
    {
      ...base,
      displayName: 'simulate',
      testMatch: ['<rootDir>/tests/simulate/**/*.test.ts'],
      testEnvironment: 'jsdom',
    },
    { ...base, displayName: 'e2e', testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'] },
  ],
}
