// Rebuild: project the whole log (or a prefix of it) into a fresh schema, then, for a rebuild,
// swap it in for the live schema by renaming, so queries never stop. Read models are
// disposable: the log is the truth.
import type { EventStore, RecordedEvent } from '@app/event-store';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import type { Projection } from '../projections/projection';
import { assertSchemaName, LIVE_SCHEMA, openReadModels } from '../read-model-data-source';
import { ProjectionRunner, type CatchUpProgress } from '../runner/projection-runner';

export interface ProjectOptions {
  /** Stop at this log position (default: the head when called). */
  until?: bigint | null;
  /** Skip events (e.g. recorded after an audit instant). */
  accept?: (event: RecordedEvent) => boolean;
  batchSize?: number;
  onProgress?: (progress: CatchUpProgress) => void;
}

/** Events per batch of a rebuild: large batches, few statements and commits. */
export const REBUILD_BATCH_SIZE = 5000;

async function admin<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * The indexes a bulk load defers: per table, every index (and primary key or unique
 * constraint) except those the projections use while they apply a batch — the person lookups
 * that load a person's ledger, and the keys of UPDATE … FROM and ON CONFLICT. Tables not listed
 * keep all theirs (they are small, or the projections need their keys).
 */
const BULK_LOAD_KEEPS: Record<string, string[]> = {
  // The person index serves the loads; no other is read while projecting. Kept row by row, the
  // others cost the postings' COPY more than building them in one sort each at the end does.
  ledger_entry: ['ledger_entry_person'],
  cost_item: ['cost_item_pkey', 'cost_item_person'],
  // Not read while projecting: its key is cheaper built in one sort at the end than row by row.
  ledger_cause: [],
  offer_version: [],
  mentor_agreement: [],
  cap_computation: [],
  cap_parameters: [],
};

interface DeferredIndex {
  table: string;
  name: string;
  /** CREATE [UNIQUE] INDEX … as pg_get_indexdef gives it. */
  definition: string;
  /** A primary key or unique constraint on the index: its ALTER TABLE … ADD CONSTRAINT … USING INDEX. */
  constraint: string | null;
}

/** Drops the deferrable indexes of the schema's (empty) tables; returns how to build them again. */
async function dropDeferredIndexes(db: DataSource, schema: string): Promise<DeferredIndex[]> {
  const rows: { table: string; name: string; definition: string; contype: string | null }[] = await db.query(
    `SELECT t.relname AS table, i.relname AS name, pg_get_indexdef(x.indexrelid) AS definition, c.contype
     FROM pg_index x
     JOIN pg_class t ON t.oid = x.indrelid
     JOIN pg_class i ON i.oid = x.indexrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace
     LEFT JOIN pg_constraint c ON c.conindid = x.indexrelid AND c.conrelid = t.oid
     WHERE n.nspname = $1 AND t.relname = ANY($2)
     ORDER BY t.relname, i.relname`,
    [schema, Object.keys(BULK_LOAD_KEEPS)],
  );
  const deferred: DeferredIndex[] = [];
  for (const r of rows) {
    if (BULK_LOAD_KEEPS[r.table].includes(r.name)) continue;
    if (r.contype !== null && r.contype !== 'p' && r.contype !== 'u') continue; // e.g. an exclusion constraint: keep
    const kind = r.contype === 'p' ? 'PRIMARY KEY' : 'UNIQUE';
    deferred.push({
      table: r.table,
      name: r.name,
      definition: r.definition,
      constraint:
        r.contype === null
          ? null
          : `ALTER TABLE ${r.table} ADD CONSTRAINT ${r.name} ${kind} USING INDEX ${r.name}`,
    });
    await db.query(
      r.contype === null ? `DROP INDEX ${r.name}` : `ALTER TABLE ${r.table} DROP CONSTRAINT ${r.name}`,
    );
  }
  return deferred;
}

/**
 * Builds the deferred indexes (each in one sort instead of row by row), `parallel` at a time,
 * and as soon as a table's are built attaches its constraints to theirs and gathers its
 * statistics, while the other tables' indexes are being built: the schema ends exactly as the
 * migrations made it, its statistics gathered.
 * A duplicate key fails here as it would have failed the insert.
 */
async function buildDeferredIndexes(
  url: string,
  schema: string,
  deferred: DeferredIndex[],
  parallel = 2,
): Promise<void> {
  type Task = (c: Client) => Promise<unknown>;
  const left = new Map<string, DeferredIndex[]>();
  for (const d of deferred) left.set(d.table, [...(left.get(d.table) ?? []), d]);
  const finish =
    (table: string): Task =>
    async (c) => {
      for (const d of left.get(table)!) if (d.constraint) await c.query(d.constraint);
      // Vacuumed before the swap, the postings' pages are all-visible with their hint bits set:
      // neither the first reads on the live schema nor autovacuum write every page again then.
      await c.query(table === 'ledger_entry' ? 'VACUUM (ANALYZE) ledger_entry' : `ANALYZE ${table}`);
    };
  const building = new Map([...left].map(([table, indexes]) => [table, indexes.length]));
  const build =
    (d: DeferredIndex): Task =>
    async (c) => {
      await c.query(d.definition);
      building.set(d.table, building.get(d.table)! - 1);
      if (building.get(d.table) === 0) queue.unshift(finish(d.table));
    };
  // The postings first: the largest table, whose vacuum waits for all its indexes.
  const queue = [...deferred]
    .sort((a, b) => Number(b.table === 'ledger_entry') - Number(a.table === 'ledger_entry'))
    .map(build);
  const worker = () =>
    admin(url, async (c) => {
      // The builds run `parallel` at a time already: workers of their own would only share the cores.
      await c.query(
        `SET search_path = ${schema}; SET maintenance_work_mem = '256MB'; SET max_parallel_maintenance_workers = 0`,
      );
      for (let next = queue.shift(); next; next = queue.shift()) await next(c);
    });
  await Promise.all(Array.from({ length: Math.min(parallel, deferred.length) }, worker));
}

/**
 * Creates `schema` afresh and projects the log into it; returns the number of events applied.
 * A bulk load: the tables start empty and no one reads them until this returns, so the indexes
 * the projections do not need while applying are built once at the end.
 */
export async function projectIntoSchema(
  url: string,
  schema: string,
  store: EventStore,
  projections: Projection[],
  options: ProjectOptions = {},
): Promise<number> {
  assertSchemaName(schema);
  await admin(url, (c) => c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`));
  const readModels = await openReadModels(url, schema, 2);
  try {
    const deferred = await dropDeferredIndexes(readModels, schema);
    const runner = new ProjectionRunner(store, readModels, projections, {
      batchSize: options.batchSize ?? REBUILD_BATCH_SIZE,
      onProgress: options.onProgress,
    });
    for (const projection of projections) projection.startingEmpty?.();
    const applied = await runner.catchUp(options.until ?? null, options.accept);
    await Promise.all([
      ...projections.map((projection) => projection.bulkLoaded?.(readModels)),
      buildDeferredIndexes(url, schema, deferred),
    ]);
    return applied;
  } finally {
    await readModels.destroy();
  }
}

/**
 * Audit jobs are records, not projections of the log: the rebuilt schema takes the live ones over
 * (the lock holds back a running job's updates until the swap has committed).
 */
async function carryOverAuditJobs(c: Client, schema: string): Promise<void> {
  const [{ found }] = (await c.query(`SELECT to_regclass('${LIVE_SCHEMA}.audit_job') IS NOT NULL AS found`))
    .rows as { found: boolean }[];
  if (!found) return;
  await c.query(`LOCK TABLE ${LIVE_SCHEMA}.audit_job IN EXCLUSIVE MODE`);
  await c.query(`INSERT INTO ${schema}.audit_job SELECT * FROM ${LIVE_SCHEMA}.audit_job`);
}

/** Makes `schema` the live read models in one transaction; the old live schema is dropped. */
export async function swapIntoLive(url: string, schema: string): Promise<void> {
  assertSchemaName(schema);
  const retired = assertSchemaName(`${LIVE_SCHEMA}_retired_${Date.now()}`);
  await admin(url, async (c) => {
    await c.query('BEGIN');
    await carryOverAuditJobs(c, schema);
    await c.query(`ALTER SCHEMA ${LIVE_SCHEMA} RENAME TO ${retired}`);
    await c.query(`ALTER SCHEMA ${schema} RENAME TO ${LIVE_SCHEMA}`);
    await c.query('COMMIT');
    await c.query(`DROP SCHEMA ${retired} CASCADE`);
  });
}

/** Rebuilds the live read models from the whole log; the live projector then goes on from the rebuilt checkpoint. */
export async function rebuildLive(
  url: string,
  store: EventStore,
  projections: Projection[],
  options: Pick<ProjectOptions, 'onProgress'> = {},
): Promise<number> {
  const schema = `${LIVE_SCHEMA}_rebuild_${Date.now()}`;
  const applied = await projectIntoSchema(url, schema, store, projections, options);
  await swapIntoLive(url, schema);
  return applied;
}
