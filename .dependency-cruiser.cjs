/** Layer rules, checked in CI (`npm run depcruise`). */
module.exports = {
  forbidden: [
    {
      name: 'app-imports-other-app',
      comment:
        'Services talk through events and federation, never through code. Only the standalone launcher composes the apps.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/', pathNot: '^apps/standalone/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'lib-imports-app',
      comment: 'Libraries (contracts included) are shared by every app and know none of them.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'domain-imports-infrastructure',
      comment: 'Domain rules are plain TypeScript: no framework, database, transport or GraphQL.',
      severity: 'error',
      from: { path: '/domain/' },
      to: {
        path: [
          '/(application|infrastructure|graphql)/',
          'node_modules/(@nestjs|typeorm|pg|kafkajs|fastify|graphql|@apollo)/',
        ],
      },
    },
    {
      name: 'matching-is-plain',
      comment:
        'The matcher is a library with no framework: every service (and a benchmark) uses it the same way.',
      severity: 'error',
      from: { path: '^libs/matching/', pathNot: '\\.int-spec\\.ts$' },
      to: {
        path: ['^libs/(?!matching/)', 'node_modules/(@nestjs|typeorm|pg|fastify|graphql|@apollo)/'],
      },
    },
    {
      name: 'portal-stays-in-the-browser',
      comment:
        'The portal talks to the public API only: it imports no service, library or tool of the back end.',
      severity: 'error',
      from: { path: '^apps/portal/src/' },
      to: { path: '^(apps/(?!portal/)|libs/|tools/)' },
    },
    {
      name: 'portal-feature-imports-other-feature',
      comment:
        'Portal features stand alone (bulletproof-react): shared pieces live in components, lib and i18n.',
      severity: 'error',
      from: { path: '^apps/portal/src/features/([^/]+)/' },
      to: { path: '^apps/portal/src/features/', pathNot: '^apps/portal/src/features/$1/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      // A package of types only (no code to resolve), named by the portal's generated operations.
      to: { couldNotResolve: true, pathNot: '^@graphql-typed-document-node/core$' },
    },
    {
      name: 'production-imports-dev-dependency',
      comment: 'Running code may only use production dependencies.',
      severity: 'error',
      from: {
        path: '^(apps|libs)/',
        pathNot: '\\.(spec|int-spec|e2e-spec|browser-spec)\\.ts$|^libs/testing/',
      },
      to: { dependencyTypes: ['npm-dev'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules|coverage)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      conditionNames: ['source', 'import', 'require', 'node', 'default'],
      exportsFields: ['exports'],
      extensions: ['.ts', '.tsx', '.js', '.json'],
    },
  },
};
