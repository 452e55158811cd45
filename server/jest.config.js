/** Unit tests that live beside the code: pure functions, no database. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src'],
  testMatch: ['**/*.test.ts'],
  // type-graphql's decorators need the Reflect metadata polyfill before any module loads.
  setupFiles: ['reflect-metadata'],
  // otplib's hashing and base32 (@noble/hashes, @scure/base) ship ES modules only: compiled for Jest.
  transformIgnorePatterns: ['/node_modules/(?!(@noble/hashes|@scure/base)/)'],
  transform: {
    '/(@noble/hashes|@scure/base)/.+\\.js$': ['@swc/jest', { jsc: { target: 'es2022' } }],
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
      },
    ],
  },
};
