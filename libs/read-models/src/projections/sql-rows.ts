// Set-based writes: a whole batch of rows in one statement. Inserts stream the rows with COPY
// (text format; values converted by the columns' own input functions, as an INSERT would), the
// updates and upserts take them as one JSON parameter shaped by the table's own row type
// (jsonb_populate_recordset), so the SQL names no column types twice. A write is built first
// (rows turned into text: a snapshot, however the rows' objects change afterwards; a COPY's rows
// as they are added) and run later in the batch's transaction, so a projection can prepare one
// batch while the previous one is being written.
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
export type Write = { sql: string; params: unknown[] } | { copy: string; payload: readonly Buffer[] };

/** Lines kept as text before they are turned into bytes: the text of a few rows at a time is alive. */
const LINES_PER_CHUNK = 256;

/**
 * The input of a COPY that inserts rows (one statement; it fails as an INSERT would: constraints,
 * types, aborting the transaction), each row turned into COPY text as it is added, and the text of
 * every few rows into bytes: a batch's rows and their text are garbage at once instead of living,
 * and being copied by the garbage collector, until the batch is written.
 */
export class CopyInput<Row> {
  private readonly json: boolean[];
  private readonly values: string[];
  private readonly chunks: Buffer[] = [];
  private lines: string[] = [];

  constructor(private readonly t: TableColumns<Row>) {
    this.json = t.columns.map((c) => t.json.has(c));
    this.values = new Array<string>(t.columns.length);
  }

  add(row: Row): void {
    const { columns } = this.t;
    for (let i = 0; i < columns.length; i++) this.values[i] = copyValue(row[columns[i]], this.json[i]);
    this.addLine(this.values.join('\t'));
  }

  /** A row already in COPY text form (without its newline; see copyValue). */
  addLine(line: string): void {
    this.lines.push(line);
    if (this.lines.length === LINES_PER_CHUNK) this.flush();
  }

  /** The COPY of the rows added, none: null. */
  write(): Write | null {
    this.flush();
    if (this.chunks.length === 0) return null;
    return {
      copy: `COPY ${this.t.table} (${this.t.columns.join(', ')}) FROM STDIN`,
      payload: this.chunks.slice(),
    };
  }

  private flush(): void {
    if (this.lines.length === 0) return;
    this.chunks.push(Buffer.from(`${this.lines.join('\n')}\n`, 'utf8'));
    this.lines = [];
  }
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
