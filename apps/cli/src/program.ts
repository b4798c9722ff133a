// The operator tool's commands, options and help (commander). Each command's module is loaded
// only when it runs, so `start` and `--help` do not carry every command's dependencies.
import { TARGET_GROUPS, EXPENSE_TYPES, OFFER_KINDS, READINESS } from '@app/domain';
import { Argument, Command, CommanderError, Option } from 'commander';
import { describeError } from './cli-error';
import { UsageError } from './commands/usage-error';

export const EXIT_CODES = `
Exit codes:
  0  done (verify: identical)
  1  failed: the cause is printed in one sentence (LOG_LEVEL=debug adds the stack); verify: differences found
  2  usage: an unknown command or option, a missing or bad value`;

const CONNECTION = `
The commands that read or write the read models use, in this order: DATABASE_URL; the running
\`npm start\` of DATA_DIR (its connection file); else they start the embedded PostgreSQL of DATA_DIR.`;

type Run = (options: never) => Promise<unknown>;

/** The command's function, from a module loaded only when it runs. */
const RUNS: Record<string, () => Promise<Run>> = {
  start: async () => (await import('./commands/start.command')).startCommand,
  token: async () => (await import('./commands/token.command')).tokenCommand,
  rebuild: async () => (await import('./commands/rebuild.command')).rebuildCommand,
  'migrate-log': async () => (await import('./commands/migrate-log.command')).migrateLogCommand,
  rulebook: async () => (await import('./commands/rulebook.command')).rulebookCommand,
  explain: async () => (await import('./commands/explain.command')).explainCommand,
  statement: async () => (await import('./commands/finance.command')).statementCommand,
  changes: async () => (await import('./commands/finance.command')).changesCommand,
  replay: async () => (await import('./commands/finance.command')).replayCommand,
  verify: async () => (await import('./commands/finance.command')).verifyCommand,
  parked: async () => (await import('./commands/parked.command')).parkedCommand,
  import: async () => (await import('./commands/import.command')).importCommand,
};

const municipality = () =>
  new Option('--municipality <kommunekode>', 'three-digit kommunekode, e.g. 101').makeOptionMandatory();
const instantOption = (flag: string, description: string) =>
  new Option(`--${flag} <instant>`, `${description} (ISO 8601, e.g. 2025-06-30T23:59:59Z)`);

function buildProgram(): Command {
  const program = new Command('npm run cli --')
    .description('Operator tool of the refund ledger.')
    .showHelpAfterError('(add --help for the options)')
    .addHelpText('after', `${EXIT_CODES}\n${CONNECTION}`);

  program
    .command('start')
    .description(
      'run the api and the projector (embedded PostgreSQL in DATA_DIR unless DATABASE_URL) until Ctrl-C',
    )
    .addOption(new Option('--only <part>', 'run one part only (containers)').choices(['api', 'projector']));

  program
    .command('token')
    .description(
      'print a development JWT signed with AUTH_JWT_SECRET (or the development secret of DATA_DIR)',
    )
    .addOption(
      new Option('--role <role>', 'the role claim')
        .choices(['jobcentre', 'finance', 'auditor', 'admin'])
        .makeOptionMandatory(),
    )
    .option(
      '--municipality <kommunekode>',
      'the municipality claim: a three-digit kommunekode, or "*" (admin only; the default for admin)',
    )
    .option('--sub <subject>', 'the subject claim (default: <role>:<municipality>)')
    .option(
      '--expires <duration>',
      'lifetime in hours or days, e.g. 12h or 7d (at most AUTH_MAX_TOKEN_LIFETIME, default 24h)',
      '12h',
    );

  program
    .command('rebuild')
    .description('replay the whole log into fresh read models and swap them in; queries go on answering')
    .addHelpText('after', CONNECTION);

  program
    .command('migrate-log')
    .description(
      'copy the PostgreSQL event log into EventStoreDB (resumable: run it again after an interruption)',
    )
    .option(
      '--from <postgres-url>',
      'the source log (default: DATABASE_URL, else the embedded PostgreSQL of DATA_DIR)',
    )
    .option('--to <esdb-url>', 'the target EventStoreDB (default: EVENTSTORE_URL)')
    .option('--batch-size <n>', 'events per read and append, 1 to 10000', '1000');

  program
    .command('rulebook')
    .description('the refund rules in force on a date, as a table')
    .requiredOption('--date <YYYY-MM-DD>', 'the date')
    .addOption(
      new Option('--target-group <group>', 'only the rules of this target group').choices(TARGET_GROUPS),
    );

  program
    .command('explain')
    .description('one refund decision of the rulebook with its citations')
    .requiredOption('--date <YYYY-MM-DD>', 'the activity date')
    .addOption(
      new Option('--target-group <group>', 'the target group').choices(TARGET_GROUPS).makeOptionMandatory(),
    )
    .addOption(new Option('--offer-kind <kind>', 'the offer kind').choices(OFFER_KINDS).makeOptionMandatory())
    .addOption(
      new Option('--expense-type <type>', 'an expense of this type (or --mentor)').choices(EXPENSE_TYPES),
    )
    .option('--mentor', 'mentor support (or --expense-type)')
    .addOption(new Option('--readiness <readiness>', 'the readiness attribute').choices(READINESS))
    .addOption(new Option('--sick-pay-category <n>', 'the sick-pay category').choices(['1', '2', '3']))
    .option('--months-unemployed <n>', 'months of unemployment before the offer')
    .addOption(
      new Option('--within-mentor-window <bool>', 'whether the date lies in the mentor window').choices([
        'true',
        'false',
      ]),
    )
    .addOption(
      new Option(
        '--mentor-agreement-target-group <group>',
        'the target group when the mentor agreement was made',
      ).choices(TARGET_GROUPS),
    )
    .addOption(new Option('--scheme <scheme>', 'a special scheme').choices(['igu']));

  program
    .command('statement')
    .description('the refund statement of a municipality and accounting year')
    .addOption(municipality())
    .requiredOption('--year <yyyy>', 'the accounting (booking) year')
    .addOption(
      new Option('--quarter <q>', 'only the booking periods of this quarter').choices(['1', '2', '3', '4']),
    )
    .addOption(instantOption('as-of', 'the statement as it stood then (default: now)'))
    .addOption(
      new Option('--format <format>', 'output format').choices(['json', 'csv', 'xlsx']).default('json'),
    )
    .option('--out <file>', 'write to this file (required for xlsx; default: standard output)')
    .addHelpText('after', CONNECTION);

  program
    .command('changes')
    .description('the postings recorded in (from, to], grouped by the command that caused them')
    .addOption(municipality())
    .addOption(instantOption('from', 'after this instant').makeOptionMandatory())
    .addOption(instantOption('to', 'up to and including this instant (default: now)'))
    .option('--json', 'print JSON instead of lines')
    .addHelpText('after', CONNECTION);

  program
    .command('replay')
    .description('rebuild every read model from the log up to an instant or position into a separate schema')
    .requiredOption(
      '--until <instant|position>',
      'an ISO 8601 instant (events recorded at or before it) or a log position',
    )
    .option('--schema <name>', 'the schema to replay into', 'replay')
    .addHelpText('after', CONNECTION);

  program
    .command('verify')
    .description(
      'compare the replayed statements and summaries with the live as-of queries (exit 1 on differences)',
    )
    .option(
      '--until <instant|position>',
      'replay up to here first (default: compare the replay already in --schema)',
    )
    .option('--schema <name>', 'the schema of the replay', 'replay')
    .addHelpText('after', CONNECTION);

  program
    .command('parked')
    .description(
      'the events the projector could not apply (parked with their municipality), and the decision on one, recorded in the log',
    )
    .addArgument(
      new Argument(
        '<action>',
        'list them; resume one (apply it again, after a fix); or skip one for good',
      ).choices(['list', 'resume', 'skip']),
    )
    .option('--municipality <kommunekode>', 'resume, skip: the parked municipality')
    .option('--reason <text>', 'why (required for skip)')
    .option('--actor <who>', 'who decides (default: operator:<login name>)')
    .option('--json', 'list: print JSON')
    .addHelpText('after', CONNECTION);

  program
    .command('import')
    .description(
      "send a municipality's history (a JSON-lines file of commands) to the running api in batches; a second run appends nothing",
    )
    .addOption(municipality())
    .requiredOption(
      '--file <file>',
      'the history: one command a line (README "Importing a municipality\'s history")',
    )
    .option('--api <url>', "the api's base URL (default: http://127.0.0.1:$PORT, PORT default 3000)")
    .option(
      '--token <jwt>',
      "a jobcentre token of the municipality (default: LEDGER_TOKEN, else one signed with AUTH_JWT_SECRET or DATA_DIR's development secret)",
    )
    .option('--batch-size <n>', 'commands a request, 1 to 5000', '1000')
    .option(
      '--refused <file>',
      'where the refused lines go with their reasons (default: <file>.refused.jsonl)',
    );

  return program;
}

export interface CliOutput {
  out: (text: string) => void;
  err: (text: string) => void;
}

const processOutput: CliOutput = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** What a command line asks for: a command with its options, or an exit code (help shown, usage error printed). */
export type ParsedCommandLine = { command: string; options: Record<string, unknown> } | { exitCode: number };

/** Parses the command line without running anything: help goes to `out`, usage errors to `err` (exit 2). */
export function parseCommandLine(argv: string[], output: CliOutput = processOutput): ParsedCommandLine {
  const program = buildProgram();
  program.exitOverride().configureOutput({ writeOut: output.out, writeErr: output.err });
  if (argv.length === 0) {
    program.outputHelp();
    return { exitCode: 0 };
  }
  let parsed: ParsedCommandLine = { exitCode: 2 };
  for (const command of program.commands) {
    command
      .exitOverride()
      .configureOutput({ writeOut: output.out, writeErr: output.err })
      // commander passes the arguments, the options, then the command: arguments go with the options as `arguments`.
      .action((...args: unknown[]) => {
        const self = args[args.length - 1] as Command;
        parsed = {
          command: command.name(),
          options: self.processedArgs.length
            ? { ...self.opts(), arguments: self.processedArgs }
            : self.opts(),
        };
      });
  }
  try {
    program.parse(argv, { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    return { exitCode: error.exitCode === 0 ? 0 : 2 };
  }
  return parsed;
}

/**
 * Runs the command line; resolves with the exit code (verify sets process.exitCode for
 * differences). Help goes to standard output with 0; usage errors print the message to standard
 * error with 2; failures print their cause in one sentence with 1.
 */
export async function runCli(
  argv: string[],
  output: CliOutput = processOutput,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const parsed = parseCommandLine(argv, output);
  if ('exitCode' in parsed) return parsed.exitCode;
  try {
    const run = await RUNS[parsed.command]();
    await run(parsed.options as never);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      output.err(`error: ${error.message}\n(add --help for the options)\n`);
      return 2;
    }
    output.err(`error: ${describeError(error)}\n`);
    if (env.LOG_LEVEL === 'debug' || env.LOG_LEVEL === 'trace')
      output.err(`${(error as Error | undefined)?.stack ?? String(error)}\n`);
    return 1;
  }
}
