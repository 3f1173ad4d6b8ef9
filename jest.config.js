/** Jest: unit tests beside the code (pure logic, no I/O), e2e tests in test/ on real PostgreSQL and Redis. */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      keepClassNames: true,
      target: 'es2023',
    },
    module: { type: 'commonjs' },
  },
];
const common = {
  transform: { '^.+\\.(t|j)s$': swc },
  // NestJS 12 and a few of its dependencies ship ESM only; swc turns them into CommonJS for Jest.
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs|content-disposition|glob|minimatch|path-scurry|lru-cache|@isaacs|minipass|jackspeak|package-json-from-dist|foreground-child|signal-exit|intl-messageformat|@formatjs)/)',
  ],
  testEnvironment: 'node',
};
module.exports = {
  // Sign-ups hash with argon2id (19 MiB, 2 passes): e2e tests that make dozens of accounts need time.
  testTimeout: 30_000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/src/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
    },
    {
      // Real processes, PostgreSQL and Redis of the suites' own, killed and restarted on purpose.
      ...common,
      displayName: 'faults',
      testMatch: ['<rootDir>/test/faults/**/*.fault-spec.ts'],
    },
  ],
};
