/**
 * Three tiers: unit (no I/O), integration (real PostgreSQL), end-to-end (whole services); and
 * the pages in a real browser (headless Debian Chromium, see libs/testing/src/browser).
 */
const common = {
  rootDir: '.',
  testEnvironment: 'node',
  setupFiles: ['reflect-metadata'],
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest'],
    // cookie@2 (loaded by Fastify's inject) ships ESM that Jest must transform.
    '^.+/node_modules/cookie/.+\\.js$': ['@swc/jest'],
  },
  transformIgnorePatterns: ['/node_modules/(?!cookie/)'],
  moduleNameMapper: {
    '^#libs/(.*)$': '<rootDir>/libs/$1/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
};

export default {
  // Integration and end-to-end tests start servers and wait for events; a test that needs longer is broken.
  testTimeout: 180_000,
  // Loaded by Jest outside its module system, hence from the build (`npm test` builds first).
  globalSetup: '<rootDir>/dist/libs/testing/src/global-setup.js',
  globalTeardown: '<rootDir>/dist/libs/testing/src/global-teardown.js',
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs,tools}/**/*.spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/apps/portal/'],
    },
    {
      // The portal's components in a DOM (jsdom), rendered as React renders them in a browser.
      ...common,
      displayName: 'portal',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/apps/portal/src/**/*.spec.{ts,tsx}'],
      extensionsToTreatAsEsm: ['.ts', '.tsx'],
      transform: {
        '^.+\\.tsx?$': [
          '@swc/jest',
          {
            jsc: {
              parser: { syntax: 'typescript', tsx: true },
              transform: { react: { runtime: 'automatic' } },
              target: 'es2022',
            },
            module: { type: 'es6' },
          },
        ],
      },
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs,tools}/**/*.int-spec.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
    },
    {
      ...common,
      displayName: 'browser',
      testMatch: ['<rootDir>/{apps,libs,test}/**/*.browser-spec.ts'],
    },
  ],
};
