// Finance and audit from the command line (issue 6):
//   statement --municipality 101 --year 2025 [--quarter 1-4] [--as-of <instant>] --format xlsx|csv|json [--out file]
//   changes   --municipality 101 --from <instant> [--to <instant>]
//   replay    --until <instant|position> [--schema replay]
//   verify    [--until <instant|position>] [--schema replay]
// They read the read models of the configured system (embedded default under DATA_DIR, or DATABASE_URL).
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { formatOere } from '@app/domain';
import { loadConfig } from '@app/platform/config/app-config';
import { DEFAULT_REPLAY_SCHEMA, parseUntil, replayInto, verifyReplay } from '@app/read-models/audit/replay';
import { AuditQueries } from '@app/read-models/queries/audit.queries';
import { StatementQueries } from '@app/read-models/queries/statement.queries';
import { openReadModels } from '@app/read-models/read-model-data-source';
import { readCheckpoint } from '@app/read-models/runner/projection-runner';
import { statementCsvText, statementJson, statementXlsx } from '@app/read-models/statements/statement-formats';
import { decideRefund } from '@app/rules';
import { openSystem, type System } from '../system/open-system';
import { UsageError } from './usage-error';

const MUNICIPALITY = /^\d{3}$/;

function instant(value: string | undefined, name: string, fallback?: string): string {
  if (value === undefined) {
    if (fallback !== undefined) return fallback;
    throw new UsageError(`--${name} is required`);
  }
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new UsageError(`--${name} must be an ISO 8601 instant`);
  return new Date(ms).toISOString();
}

async function withSystem<T>(run: (system: System) => Promise<T>): Promise<T> {
  const system = await openSystem(loadConfig());
  try {
    const [checkpoint, head] = await Promise.all([readCheckpoint(system.readModels), system.store.headPosition()]);
    const behind = Number((head ?? 0n) - (checkpoint ?? 0n));
    if (behind > 0) console.error(`note: the read models are ${behind} events behind the log (start the projector to catch up)`);
    return await run(system);
  } finally {
    await system.close();
  }
}

export async function statementCommand(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { municipality: { type: 'string' }, year: { type: 'string' }, quarter: { type: 'string' }, 'as-of': { type: 'string' }, format: { type: 'string', default: 'json' }, out: { type: 'string' } },
  });
  if (!values.municipality || !MUNICIPALITY.test(values.municipality)) throw new UsageError('--municipality must be a three-digit kommunekode');
  if (!values.year || !/^\d{4}$/.test(values.year)) throw new UsageError('--year must be four digits');
  if (values.quarter !== undefined && !/^[1-4]$/.test(values.quarter)) throw new UsageError('--quarter must be 1-4');
  const format = values.format!;
  if (!['json', 'csv', 'xlsx'].includes(format)) throw new UsageError('--format must be json, csv or xlsx');
  if (format === 'xlsx' && !values.out) throw new UsageError('--format xlsx needs --out <file>');
  await withSystem(async (system) => {
    const statement = await new StatementQueries(system.readModels).statement({
      municipality: values.municipality!,
      year: Number(values.year),
      quarter: values.quarter ? (Number(values.quarter) as 1 | 2 | 3 | 4) : null,
      asOf: instant(values['as-of'], 'as-of', new Date().toISOString()),
    });
    const output = format === 'xlsx' ? await statementXlsx(statement) : format === 'csv' ? statementCsvText(statement) : `${JSON.stringify(statementJson(statement), null, 2)}\n`;
    if (values.out) {
      writeFileSync(values.out, output);
      console.log(`wrote ${values.out}`);
    } else process.stdout.write(output);
  });
}

export async function changesCommand(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { municipality: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, json: { type: 'boolean', default: false } } });
  if (!values.municipality || !MUNICIPALITY.test(values.municipality)) throw new UsageError('--municipality must be a three-digit kommunekode');
  const from = instant(values.from, 'from');
  const to = instant(values.to, 'to', new Date().toISOString());
  await withSystem(async (system) => {
    const changes = await new AuditQueries(system.readModels).changes(values.municipality!, from, to);
    if (values.json) return void console.log(JSON.stringify(changes, null, 2));
    console.log(`postings of ${values.municipality} recorded after ${from} and at or before ${to}, by causing command:`);
    for (const c of changes.commands) {
      console.log(`${c.recordedAt}  ${(c.commandType ?? '?').padEnd(24)} ${c.commandId}  ${String(c.entries).padStart(5)} postings  amount ${formatOere(c.amountOere).padStart(14)}  refund ${formatOere(c.refundOere).padStart(14)}`);
    }
    const t = changes.totals;
    console.log(`total: ${t.commands} commands, ${t.entries} postings, amount ${formatOere(t.amountOere)}, refund ${formatOere(t.refundOere)}`);
  });
}

export async function replayCommand(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { until: { type: 'string' }, schema: { type: 'string', default: DEFAULT_REPLAY_SCHEMA } } });
  if (!values.until) throw new UsageError('--until <instant or position> is required');
  const target = parseUntil(values.until);
  await withSystem(async (system) => {
    const started = Date.now();
    const result = await replayInto(system.store, system.databaseUrl, target, decideRefund, values.schema);
    console.log(
      `replayed ${result.applied} events (log through position ${result.throughPosition ?? '-'}) into schema ${result.schema} as of ${result.asOf} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  });
}

export async function verifyCommand(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { until: { type: 'string' }, schema: { type: 'string', default: DEFAULT_REPLAY_SCHEMA } } });
  await withSystem(async (system) => {
    if (values.until) await replayInto(system.store, system.databaseUrl, parseUntil(values.until), decideRefund, values.schema);
    const replayed = await openReadModels(system.databaseUrl, values.schema, 2);
    try {
      const verdict = await verifyReplay(system.readModels, replayed);
      if (verdict.differences.length === 0) {
        console.log(`identical (${verdict.compared} statements and summaries as of ${verdict.asOf})`);
      } else {
        console.log(`${verdict.differences.length} differences as of ${verdict.asOf} (live vs replay of schema ${values.schema}):`);
        for (const d of verdict.differences) console.log(`  ${d}`);
        process.exitCode = 1;
      }
    } finally {
      await replayed.destroy();
    }
  });
}
