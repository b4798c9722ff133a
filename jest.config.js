// One jest run for every level: *.unit.spec.ts (pure), *.int.spec.ts (real PostgreSQL),
// test/e2e/*.e2e.spec.ts (whole system over HTTP). The embedded PostgreSQL server is started
// once per run by test/global-setup.ts; each integration suite creates its own database.
const { pathsToModuleNameMapper } = require('./test/jest-paths');

const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
    },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/{apps,libs,test}/**/*.spec.ts'],
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: pathsToModuleNameMapper(),
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  maxWorkers: 2,
  testTimeout: 60000,
};
