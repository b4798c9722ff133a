// Finance and audit from the command line (options: apps/cli/src/program.ts):
//   statement --municipality 101 --year 2025 [--quarter 1-4] [--as-of <instant>] --format xlsx|csv|json [--out file]
//   changes   --municipality 101 --from <instant> [--to <instant>]
//   replay    --until <instant|position> [--schema replay]
//   verify    [--until <instant|position>] [--schema replay]
// They read the read models of the configured system: DATABASE_URL, the running `npm start` of
// DATA_DIR, or the embedded default under DATA_DIR.
import { createWriteStream, writeFileSync } from 'node:fs';
import { finished } from 'node:stream/promises';
import { formatOere } from '@app/domain';
import { loadConfig } from '@app/platform';
import {
  parseUntil,
  replayInto,
  verifyReplay,
  type ReplayResult,
  type ReplayTarget,
  AuditQueries,
  STATEMENT_STEPS,
  StatementQueries,
  openReadModels,
  projectionLag,
  statementCsvText,
  statementJson,
  writeStatementXlsx,
} from '@app/read-models';
import { rulebooks } from '@app/rules';
import { catchUpProgress, progress } from '../progress';
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
    const lag = await projectionLag(system.store, system.readModels);
    const behind =
      lag.eventsBehind === null ? `${lag.positionDistance} log positions` : `${lag.eventsBehind} events`;
    if (lag.positionDistance !== '0')
      console.error(`note: the read models are ${behind} behind the log (start the projector to catch up)`);
    return await run(system);
  } finally {
    await system.close();
  }
}

export interface StatementOptions {
  municipality: string;
  year: string;
  quarter?: '1' | '2' | '3' | '4';
  asOf?: string;
  format: 'json' | 'csv' | 'xlsx';
  out?: string;
}

export async function statementCommand(values: StatementOptions): Promise<void> {
  if (!MUNICIPALITY.test(values.municipality))
    throw new UsageError('--municipality must be a three-digit kommunekode');
  if (!/^\d{4}$/.test(values.year)) throw new UsageError('--year must be four digits');
  const format = values.format;
  if (format === 'xlsx' && !values.out) throw new UsageError('--format xlsx needs --out <file>');
  const asOf = instant(values.asOf, 'as-of', new Date().toISOString());
  await withSystem(async (system) => {
    // The reads, then rendering the chosen format (the workbook is the slow one on a large year).
    const steps = STATEMENT_STEPS + 2;
    const bar = progress('statement', process.stderr, 'steps');
    const request = {
      municipality: values.municipality,
      year: Number(values.year),
      quarter: values.quarter ? (Number(values.quarter) as 1 | 2 | 3 | 4) : null,
      asOf,
    };
    const queries = new StatementQueries(system.readModels);
    try {
      const statement = await queries.statement(request, (done) => bar.update(done, steps, done));
      bar.update(steps - 1, steps, steps - 1);
      // the files carry the postings behind the statement; JSON links to them instead. The workbook
      // is written to its file as the postings are read.
      if (format === 'xlsx') {
        const file = createWriteStream(values.out!);
        await Promise.all([
          finished(file),
          writeStatementXlsx(statement, queries.postings(request), file).catch((error: Error) => {
            file.destroy(error);
            throw error;
          }),
        ]);
      } else {
        const rendered =
          format === 'csv'
            ? await statementCsvText(statement, queries.postings(request))
            : `${JSON.stringify(statementJson(statement), null, 2)}\n`;
        if (values.out) writeFileSync(values.out, rendered);
        else process.stdout.write(rendered);
      }
      bar.update(steps, steps, steps);
    } finally {
      bar.stop();
    }
    if (values.out) console.log(`wrote ${values.out}`);
  });
}

export interface ChangesOptions {
  municipality: string;
  from: string;
  to?: string;
  json?: boolean;
}

/** Commands read per query: the CLI prints every one of the span. */
const CHANGES_PAGE = 1000;

export async function changesCommand(values: ChangesOptions): Promise<void> {
  if (!MUNICIPALITY.test(values.municipality))
    throw new UsageError('--municipality must be a three-digit kommunekode');
  const from = instant(values.from, 'from');
  const to = instant(values.to, 'to', new Date().toISOString());
  await withSystem(async (system) => {
    const audit = new AuditQueries(system.readModels);
    const changes = await audit.changes(values.municipality, from, to, CHANGES_PAGE);
    for (let next = changes.nextCursor; next !== null;) {
      const page = await audit.changes(values.municipality, from, to, CHANGES_PAGE, BigInt(next));
      changes.commands.push(...page.commands);
      next = page.nextCursor;
    }
    changes.nextCursor = null;
    // øre sums are exact bigints: printed as decimal strings
    if (values.json)
      return void console.log(
        JSON.stringify(changes, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2),
      );
    console.log(
      `postings of ${values.municipality} recorded after ${from} and at or before ${to}, by causing command:`,
    );
    for (const c of changes.commands) {
      console.log(
        `${c.recordedAt}  ${(c.commandType ?? '?').padEnd(24)} ${c.commandId}  ${String(c.entries).padStart(5)} postings  amount ${formatOere(c.amountOere).padStart(14)}  refund ${formatOere(c.refundOere).padStart(14)}`,
      );
    }
    const t = changes.totals;
    console.log(
      `total: ${t.commands} commands, ${t.entries} postings, amount ${formatOere(t.amountOere)}, refund ${formatOere(t.refundOere)}`,
    );
  });
}

export interface ReplayOptions {
  until: string;
  schema: string;
}

/** The replay target of --until (a usage error when it is neither a position nor an instant). */
function untilOption(value: string): ReplayTarget {
  try {
    return parseUntil(value);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Replays with a progress bar on standard error. */
async function replayShowingProgress(
  system: System,
  target: ReplayTarget,
  schema: string,
): Promise<ReplayResult> {
  const progress = catchUpProgress('replay');
  try {
    return await replayInto(system.store, system.databaseUrl, target, rulebooks, schema, progress.onProgress);
  } finally {
    progress.stop();
  }
}

export async function replayCommand(values: ReplayOptions): Promise<void> {
  const target = untilOption(values.until);
  await withSystem(async (system) => {
    const started = Date.now();
    const result = await replayShowingProgress(system, target, values.schema);
    console.log(
      `replayed ${result.applied} events (log through position ${result.throughPosition ?? '-'}) into schema ${result.schema} as of ${result.asOf} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  });
}

export interface VerifyOptions {
  until?: string;
  schema: string;
}

export async function verifyCommand(values: VerifyOptions): Promise<void> {
  const target = values.until === undefined ? null : untilOption(values.until);
  await withSystem(async (system) => {
    if (target) await replayShowingProgress(system, target, values.schema);
    const replayed = await openReadModels(system.databaseUrl, values.schema, 2);
    try {
      const verdict = await verifyReplay(system.readModels, replayed);
      if (verdict.differences.length === 0) {
        console.log(`identical (${verdict.compared} statements and summaries as of ${verdict.asOf})`);
      } else {
        console.log(
          `${verdict.differences.length} differences as of ${verdict.asOf} (live vs replay of schema ${values.schema}):`,
        );
        for (const d of verdict.differences) console.log(`  ${d}`);
        process.exitCode = 1;
      }
    } finally {
      await replayed.destroy();
    }
  });
}
