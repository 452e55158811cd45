/**
 * Integration and end-to-end tests: the real app in-process against real PostgreSQL, spoken to
 * over real HTTP. Each file gets a fresh database (on a server, a copy of the run's migrated and
 * seeded template: helpers/templates.ts), so on a server files run side by side in two workers
 * (run.mjs, TEST_WORKERS), with faults/, which restarts the server, alone after them; the embedded
 * fallback serves one connection at a time, and there they run one after another (--runInBand).
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
  },
];

module.exports = {
  testEnvironment: 'node',
  rootDir: __dirname,
  roots: ['<rootDir>/integration', '<rootDir>/security', '<rootDir>/faults', '<rootDir>/e2e'],
  testMatch: ['**/*.test.ts'],
  // blindrsa-ts (the client side of blind signatures, as browsers and partner apps run it) ships ES
  // modules only, and so do otplib's hashing and base32 (@noble/hashes, @scure/base): Node loads them
  // with require() as they are, Jest's module system needs them compiled.
  transform: { '^.+\\.ts$': swc, '/(@cloudflare/blindrsa-ts|@noble/hashes|@scure/base)/.+\\.js$': swc },
  // The server's source is compiled on the fly, exactly as it runs in development.
  transformIgnorePatterns: ['/node_modules/(?!(@cloudflare/blindrsa-ts|@noble/hashes|@scure/base)/)'],
  testSequencer: '<rootDir>/helpers/sequencer.mjs',
  // Each test file leaves its copy of the server's modules behind in its worker (reachable from
  // something process-wide), and collecting an ever larger heap made the last files of a run much
  // slower than the first: a worker past this after a file is replaced by a fresh one.
  workerIdleMemoryLimit: '700MB',
  globalSetup: '<rootDir>/helpers/global-setup.ts',
  globalTeardown: '<rootDir>/helpers/global-teardown.ts',
  testTimeout: 30_000,
};
