// Set-based writes: a whole batch of rows in one statement. Inserts stream the rows with COPY
// (text format; values converted by the columns' own input functions, as an INSERT would), the
// updates and upserts take them as one JSON parameter shaped by the table's own row type
// (jsonb_populate_recordset), so the SQL names no column types twice. A write is built first
// (rows turned into text: a snapshot, however the rows' objects change afterwards) and run
// later in the batch's transaction, so a projection can prepare one batch while the previous
// one is being written.
import { copyIn, copyValue as storeCopyValue } from '@app/event-store';
import type { PoolClient } from 'pg';
import type { EntityManager } from 'typeorm';

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;
/** Bound once: called for every column of every row, and each call through the library's compiled index would go through its re-export getter. */
const copyValue = storeCopyValue;

/** A table's name and columns, in the order its COPY lists them; `json` names the json(b) ones. */
interface TableColumns<Row> {
  table: string;
  columns: readonly (keyof Row & string)[];
  json: ReadonlySet<keyof Row & string>;
}

export function tableColumns<Row>(
  table: string,
  columns: readonly (keyof Row & string)[],
  json: readonly (keyof Row & string)[] = [],
): TableColumns<Row> {
  if (!IDENTIFIER.test(table) || columns.some((c) => !IDENTIFIER.test(c)))
    throw new Error(`bad table or column name in ${table} (${columns.join(', ')})`);
  return { table, columns, json: new Set(json) };
}

/** A statement ready to run: SQL with its parameters, or a COPY with its whole input. */
export type Write = { sql: string; params: unknown[] } | { copy: string; payload: Buffer };

/** Inserts the rows with one COPY; fails as an INSERT would (constraints, types), aborting the transaction. */
export function copyRows<Row>(t: TableColumns<Row>, rows: readonly Row[]): Write | null {
  const json = t.columns.map((c) => t.json.has(c));
  const lines = rows.map((row) => t.columns.map((c, i) => copyValue(row[c], json[i])).join('\t'));
  return copyLines(t, lines);
}

/** A COPY of rows already in COPY text form (one line per row, without its newline; see copyValue). */
export function copyLines<Row>(t: TableColumns<Row>, lines: readonly string[]): Write | null {
  if (lines.length === 0) return null;
  return {
    copy: `COPY ${t.table} (${t.columns.join(', ')}) FROM STDIN`,
    payload: Buffer.from(`${lines.join('\n')}\n`, 'utf8'),
  };
}

/** The pg client under the transaction's query runner (TypeORM has no COPY of its own). */
async function clientOf(tx: EntityManager): Promise<PoolClient> {
  const runner = tx.queryRunner as unknown as { connect(): Promise<PoolClient> } | undefined;
  if (!runner) throw new Error('COPY needs the entity manager of a transaction');
  return runner.connect();
}

/** Runs the writes one after the other in the transaction. */
export async function runWrites(tx: EntityManager, writes: readonly Write[]): Promise<void> {
  for (const w of writes) {
    if ('sql' in w) await tx.query(w.sql, w.params);
    else await copyIn(await clientOf(tx), w.copy, w.payload);
  }
}

/**
 * Updates the rows matched by `keys` with the other columns given, in one statement. Every row
 * must carry the same columns; of several rows for one key the last wins.
 */
export function updateWrite<Row extends object>(
  table: string,
  keys: (keyof Row & string)[],
  rows: readonly Row[],
): Write | null {
  if (rows.length === 0) return null;
  const columns = Object.keys(rows[0]).filter((c) => !keys.includes(c as keyof Row & string));
  const lastPerKey = [...new Map(rows.map((r) => [JSON.stringify(keys.map((k) => r[k])), r])).values()];
  const set = columns.map((c) => `${c} = x.${c}`).join(', ');
  const match = keys.map((k) => `t.${k} = x.${k}`).join(' AND ');
  return {
    sql: `UPDATE ${table} t SET ${set} FROM jsonb_populate_recordset(null::${table}, $1::jsonb) x WHERE ${match}`,
    params: [JSON.stringify(lastPerKey)],
  };
}

/** Inserts the rows, or updates every other column where `keys` match; of several rows for one key the last wins. */
export function upsertWrite<Row extends object>(
  table: string,
  keys: (keyof Row & string)[],
  rows: readonly Row[],
): Write | null {
  if (rows.length === 0) return null;
  const all = Object.keys(rows[0]);
  const lastPerKey = [...new Map(rows.map((r) => [JSON.stringify(keys.map((k) => r[k])), r])).values()];
  const columns = all.join(', ');
  const set = all
    .filter((c) => !keys.includes(c as keyof Row & string))
    .map((c) => `${c} = excluded.${c}`)
    .join(', ');
  return {
    sql: `INSERT INTO ${table} (${columns}) SELECT ${columns} FROM jsonb_populate_recordset(null::${table}, $1::jsonb) ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${set}`,
    params: [JSON.stringify(lastPerKey)],
  };
}
