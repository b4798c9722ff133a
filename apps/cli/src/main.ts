// The operator tool: `npm run cli -- <command> [options]`.
import 'reflect-metadata';
import { UsageError } from './commands/usage-error';

type Run = (argv: string[]) => Promise<void>;

/** Loads a command's module only when it runs, so `start` does not carry every command's dependencies. */
function lazy<M>(load: () => Promise<M>, name: keyof M): Run {
  return async (argv) => ((await load())[name] as Run)(argv);
}

const COMMANDS: Record<string, { run: Run; help: string }> = {
  start: { run: lazy(() => import('./commands/start.command'), 'startCommand'), help: '[--only api|projector]: run api and projector (embedded PostgreSQL unless DATABASE_URL)' },
  rebuild: { run: lazy(() => import('./commands/rebuild.command'), 'rebuildCommand'), help: 'replay the whole log into fresh read models and swap them in' },
  token: { run: lazy(() => import('./commands/token.command'), 'tokenCommand'), help: '--role <jobcentre|finance|auditor|admin> --municipality <kommunekode>: print a JWT' },
  'migrate-log': { run: lazy(() => import('./commands/migrate-log.command'), 'migrateLogCommand'), help: '[--from postgres://…] [--to esdb://…] [--batch-size n]: copy the PostgreSQL log into EventStoreDB (resumable)' },
  rulebook: { run: lazy(() => import('./commands/rulebook.command'), 'rulebookCommand'), help: '--date <YYYY-MM-DD> [--target-group <group>]: the refund rules in force on a date, as a table' },
  statement: { run: lazy(() => import('./commands/finance.command'), 'statementCommand'), help: '--municipality <m> --year <yyyy> [--quarter 1-4] [--as-of <instant>] [--format json|csv|xlsx] [--out file]: the refund statement' },
  changes: { run: lazy(() => import('./commands/finance.command'), 'changesCommand'), help: '--municipality <m> --from <instant> [--to <instant>] [--json]: postings recorded in between, by causing command' },
  replay: { run: lazy(() => import('./commands/finance.command'), 'replayCommand'), help: '--until <instant|position> [--schema replay]: rebuild all read models up to then into a separate schema' },
  verify: { run: lazy(() => import('./commands/finance.command'), 'verifyCommand'), help: '[--until <instant|position>] [--schema replay]: compare the replayed statements and summaries with the live as-of queries' },
  explain: { run: lazy(() => import('./commands/explain.command'), 'explainCommand'), help: '--date <d> --target-group <g> --offer-kind <k> (--expense-type <t> | --mentor) [--readiness, --sick-pay-category, --months-unemployed, --within-mentor-window true|false, --mentor-agreement-target-group <g>, --scheme igu]: one refund decision with its citations' },
};

function usage(): string {
  return ['usage: npm run cli -- <command> [options]', ...Object.entries(COMMANDS).map(([n, c]) => `  ${n.padEnd(12)} ${c.help}`)].join('\n');
}

async function main(): Promise<void> {
  const [name, ...argv] = process.argv.slice(2);
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    console.error(usage());
    process.exit(name ? 2 : 0);
  }
  await command.run(argv);
}

main().catch((error: unknown) => {
  if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    console.error(`${(error as Error).message}\n${usage()}`);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
});
