/**
 * Two projects: fast unit tests beside the code, and e2e tests against real PostgreSQL (the server in
 * DATABASE_URL, or an embedded one started by the global setup), one database per test file.
 * Jest runs ES modules here, so `npm test` builds first: the global setup imports the built code.
 */
const common = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }] },
};

export default {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/bench/**/*.spec.ts', '<rootDir>/scripts/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/global-setup.mjs',
      globalTeardown: '<rootDir>/test/global-teardown.mjs',
      slowTestThreshold: 20,
    },
  ],
  maxWorkers: process.env.JEST_MAX_WORKERS ?? 3,
  testTimeout: 60000,
};
