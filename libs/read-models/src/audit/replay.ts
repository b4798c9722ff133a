// Replay to any date: rebuild every read model from the log up to a position
// or a recorded instant into a schema of its own, and compare what it says with the as-of
// queries of the live read models for the same instant.
import type { EventStore, RecordedEvent } from '@app/event-store';
import type { Rulebooks } from '@app/rules';
import type { DataSource } from 'typeorm';
import { allProjections } from '../projections/all-projections';
import { LedgerQueries, type SummaryKey } from '../queries/ledger.queries';
import { StatementQueries } from '../queries/statement.queries';
import { assertSchemaName, LIVE_SCHEMA, openReadModels } from '../read-model-data-source';
import { ProjectionRunner, type CatchUpProgress } from '../runner/projection-runner';
import { adoptionOf } from '../runner/rulebook-adoption';
import { statementJson } from '../statements/statement-formats';

export type ReplayTarget =
  { position: bigint; instant?: undefined } | { instant: string; position?: undefined };

/** `--until`: digits are a log position, anything else an ISO 8601 instant. */
export function parseUntil(value: string): ReplayTarget {
  if (/^\d{1,19}$/.test(value)) return { position: BigInt(value) };
  const ms = Date.parse(value);
  if (Number.isNaN(ms) || !/^\d{4}-\d{2}-\d{2}/.test(value))
    throw new Error(`--until takes a log position or an ISO 8601 instant, got ${JSON.stringify(value)}`);
  return { instant: new Date(ms).toISOString() };
}

export interface ReplayResult {
  schema: string;
  /** Events applied (those recorded after an instant target are skipped). */
  applied: number;
  /** The log position the replay read to. */
  throughPosition: string | null;
  /** The instant the replayed read models stand for: the target instant, or the recorded time of the target position's event. */
  asOf: string;
}

export const DEFAULT_REPLAY_SCHEMA = 'replay';

/** A rulebook adoption as every worker is given it (the version in force from it on belongs to every municipality). */
const isAdoptionAnnouncement = (e: RecordedEvent) => adoptionOf(e) !== null && e.metadata.municipality === '';

/**
 * Rebuilds all read models from the log up to `target` into `schema` (dropped and created
 * afresh), with the same projections as the projector. An instant target applies every event
 * recorded at or before it, in log order; a position target every event up to it.
 */
export async function replayInto(
  store: EventStore,
  databaseUrl: string,
  target: ReplayTarget,
  rulebooks: Rulebooks,
  schema = DEFAULT_REPLAY_SCHEMA,
  onProgress?: (progress: CatchUpProgress) => void,
  /** Replay only this municipality's events (every stream belongs to one municipality). */
  municipality?: string,
): Promise<ReplayResult> {
  assertSchemaName(schema);
  if (schema === LIVE_SCHEMA || schema === 'public')
    throw new Error(`refusing to replay into the ${schema} schema`);
  const bootstrap = await openReadModels(databaseUrl, schema, 1);
  await bootstrap.query(`DROP SCHEMA ${schema} CASCADE`);
  await bootstrap.destroy();
  const db = await openReadModels(databaseUrl, schema, 4);
  try {
    let until: bigint | null;
    let asOf: string;
    let accept: (e: RecordedEvent) => boolean = () => true;
    if (target.position !== undefined) {
      until = target.position;
      const [event] = target.position > 0n ? await store.readAll(target.position - 1n, 1) : [];
      if (!event || event.position !== target.position)
        throw new Error(`no event at log position ${target.position}`);
      asOf = new Date(event.metadata.recordedAt).toISOString();
    } else {
      until = await store.headPosition();
      asOf = target.instant;
      const limit = Date.parse(target.instant);
      accept = (e) => Date.parse(e.metadata.recordedAt) <= limit;
    }
    const runner = new ProjectionRunner(store, db, allProjections(rulebooks), {
      batchSize: 2000,
      onProgress,
    });
    const inScope =
      municipality === undefined
        ? accept
        : (e: RecordedEvent) =>
            (e.metadata.municipality === municipality || isAdoptionAnnouncement(e)) && accept(e);
    const applied = until === null ? 0 : await runner.catchUp(until, inScope);
    await db.query(
      'CREATE TABLE replay_info (as_of timestamptz NOT NULL, through_position bigint, replayed_at timestamptz NOT NULL DEFAULT now())',
    );
    await db.query('INSERT INTO replay_info (as_of, through_position) VALUES ($1, $2)', [
      asOf,
      until?.toString() ?? null,
    ]);
    return { schema, applied, throughPosition: until?.toString() ?? null, asOf };
  } finally {
    await db.destroy();
  }
}

/** The instant a replayed schema stands for (written by replayInto). */
export async function replayedAsOf(replayed: DataSource): Promise<string> {
  const [{ found, schema }]: { found: string | null; schema: string }[] = await replayed.query(
    `SELECT to_regclass('replay_info') AS found, current_schema() AS schema`,
  );
  const rows: { as_of: Date }[] = found ? await replayed.query('SELECT as_of FROM replay_info') : [];
  if (!rows.length)
    throw new Error(
      `schema ${schema} holds no replay yet: run replay --until <instant> first, or verify --until <instant>`,
    );
  return rows[0].as_of.toISOString();
}

const SUMMARY_KEYS: SummaryKey[] = ['account', 'targetGroup', 'bookingPeriod', 'activityYear'];

/** Everything verify compares for one instant: per municipality and booking year the statement, per municipality the summary. */
async function auditView(db: DataSource, asOf: string, scopes: { municipality: string; year: number }[]) {
  const statements = new StatementQueries(db);
  const ledger = new LedgerQueries(db);
  const view: Record<string, unknown> = {};
  for (const { municipality, year } of scopes) {
    view[`${municipality}/${year} statement`] = statementJson(
      await statements.statement({ municipality, year, quarter: null, asOf }),
    );
  }
  for (const municipality of [...new Set(scopes.map((s) => s.municipality))]) {
    const lines = await ledger.summary({ municipality, asOf }, SUMMARY_KEYS);
    view[`${municipality} summary`] = lines.map((l) => ({
      ...l,
      amountOere: l.amountOere.toString(),
      refundOere: l.refundOere.toString(),
    }));
  }
  return view;
}

/** Paths where two JSON values differ, with both values. */
export function differences(live: unknown, replayed: unknown, path = ''): string[] {
  if (JSON.stringify(live) === JSON.stringify(replayed)) return [];
  if (
    typeof live === 'object' &&
    live !== null &&
    typeof replayed === 'object' &&
    replayed !== null &&
    Array.isArray(live) === Array.isArray(replayed)
  ) {
    const keys = Array.isArray(live)
      ? [...Array(Math.max(live.length, (replayed as unknown[]).length)).keys()].map(String)
      : [...new Set([...Object.keys(live), ...Object.keys(replayed)])];
    return keys.flatMap((k) =>
      differences(
        (live as Record<string, unknown>)[k],
        (replayed as Record<string, unknown>)[k],
        path ? `${path}.${k}` : k,
      ),
    );
  }
  return [
    `${path}: live ${JSON.stringify(live) ?? 'absent'}, replay ${JSON.stringify(replayed) ?? 'absent'}`,
  ];
}

/**
 * Compares the statements (every municipality × booking year either side knows, or only those of
 * `municipality`) and the summaries of the replayed schema with the live read models as of the
 * replay's instant.
 * Returns the differences; none means identical.
 */
export async function verifyReplay(
  live: DataSource,
  replayed: DataSource,
  asOf?: string,
  municipality?: string,
): Promise<{ asOf: string; compared: number; differences: string[] }> {
  const instant = asOf ?? (await replayedAsOf(replayed));
  const scopes = new Map<string, { municipality: string; year: number }>();
  for (const db of [live, replayed]) {
    for (const s of await new StatementQueries(db).bookingYears(instant))
      if (municipality === undefined || s.municipality === municipality)
        scopes.set(`${s.municipality}/${s.year}`, s);
  }
  const sorted = [...scopes.values()].sort((a, b) =>
    a.municipality + a.year < b.municipality + b.year ? -1 : 1,
  );
  const [l, r] = await Promise.all([auditView(live, instant, sorted), auditView(replayed, instant, sorted)]);
  return { asOf: instant, compared: Object.keys(l).length, differences: differences(l, r) };
}
