/** Three suites: pure unit tests, a booted Strapi (integration) and the built admin in Chromium (e2e). */
const transform = { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022' } }] };
const common = {
  testEnvironment: 'node',
  transform,
  setupFiles: ['<rootDir>/tests/helpers/jest-setup.ts'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  // ESM-only packages the SEO engine uses: transformed like our own code.
  transformIgnorePatterns: ['/node_modules/(?!syllable/)'],
};

module.exports = {
  reporters: ['default', '<rootDir>/tests/helpers/json-report.js'],
  // Booting Strapi and hashing test users' passwords outlasts Jest's 5 s default.
  testTimeout: 60_000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/helpers/global-setup.js',
    },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'] },
  ],
};
