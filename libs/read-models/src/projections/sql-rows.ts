// Set-based writes: a whole batch of rows in one statement. Inserts stream the rows with COPY
// (text format; values converted by the columns' own input functions, as an INSERT would), the
// updates and upserts take them as one JSON parameter shaped by the table's own row type
// (jsonb_populate_recordset), so the SQL names no column types twice. A write is built first
// (rows turned into text: a snapshot, however the rows' objects change afterwards) and run
// later in the batch's transaction, so a projection can prepare one batch while the previous
// one is being written.
import type { EntityManager } from 'typeorm';

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function columnsOf(rows: Record<string, unknown>[]): string[] {
  const columns = new Set<string>();
  for (const r of rows) for (const k in r) columns.add(k);
  for (const c of columns) if (!IDENTIFIER.test(c)) throw new Error(`bad column name ${c}`);
  return [...columns];
}

/** The part of a pg connection a COPY needs (pg's Connection: the protocol messages). */
interface CopyConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
}

/** A pg "submittable" that runs `COPY … FROM STDIN` and sends `payload` as its whole input. */
class CopyFromStdin {
  callback?: (error: Error | null, result?: unknown) => void;
  private failed = false;

  constructor(
    private readonly text: string,
    private readonly payload: Buffer,
  ) {}

  submit(connection: CopyConnection): null {
    connection.query(this.text);
    return null;
  }

  handleCopyInResponse(connection: CopyConnection): void {
    // One CopyData message per chunk: the protocol allows any split, pg frames each chunk.
    const CHUNK = 1 << 20;
    for (let at = 0; at < this.payload.length; at += CHUNK) connection.sendCopyFromChunk(this.payload.subarray(at, at + CHUNK));
    connection.endCopyFrom();
  }

  handleError(error: Error): void {
    this.failed = true;
    this.callback?.(error);
  }

  handleReadyForQuery(): void {
    if (!this.failed) this.callback?.(null);
  }

  handleCommandComplete(): void {}
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyData(): void {}
}

/** The pg client under the transaction's query runner. */
async function clientOf(tx: EntityManager): Promise<{ query(submittable: CopyFromStdin): unknown }> {
  const runner = tx.queryRunner as unknown as { connect(): Promise<{ query(submittable: CopyFromStdin): unknown }> } | undefined;
  if (!runner) throw new Error('COPY needs the entity manager of a transaction');
  return runner.connect();
}

// COPY text format: tab between columns, newline between rows, \N for null, and backslash,
// tab, newline and carriage return escaped with a backslash.
const SPECIAL = /[\\\t\n\r]/;
const SPECIAL_ALL = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
export const escapeCopy = (s: string) => (SPECIAL.test(s) ? s.replace(SPECIAL_ALL, (c) => ESCAPES[c]) : s);

/** Anything that runs a query: a data source, or a transaction's entity manager. */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/** A statement ready to run: SQL with its parameters, or a COPY with its whole input. */
export type Write = { sql: string; params: unknown[] } | { copy: string; payload: Buffer };

/** Runs the writes one after the other in the transaction. */
export async function runWrites(tx: EntityManager, writes: readonly Write[]): Promise<void> {
  for (const w of writes) {
    if ('sql' in w) {
      await tx.query(w.sql, w.params);
      continue;
    }
    const client = await clientOf(tx);
    await new Promise<void>((resolve, reject) => {
      const copy = new CopyFromStdin(w.copy, w.payload);
      copy.callback = (error) => (error ? reject(error) : resolve());
      client.query(copy);
    });
  }
}

/** Column types of a table (as search_path finds it), by name; the same for every schema the migrations create. */
const typeCache = new Map<string, Map<string, string>>();
async function columnTypes(db: Queryable, table: string): Promise<Map<string, string>> {
  let types = typeCache.get(table);
  if (!types) {
    const rows = (await db.query(
      `SELECT attname AS name, format_type(atttypid, atttypmod) AS type FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped`,
      [table],
    )) as { name: string; type: string }[];
    types = new Map(rows.map((r) => [r.name, r.type]));
    typeCache.set(table, types);
  }
  return types;
}

/** One value in COPY text form: json(b) columns take JSON text, the others the value's text. */
export function copyValue(value: unknown, json: boolean): string {
  if (value === null || value === undefined) return '\\N';
  if (json) return escapeCopy(JSON.stringify(value));
  if (typeof value === 'string') return escapeCopy(value);
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  return escapeCopy(JSON.stringify(value));
}

/**
 * Inserts the rows (a column missing from a row is null) with one COPY. Fails as an INSERT
 * would (constraints, types), and the failure aborts the transaction. `db` tells the column
 * types (read once per table).
 */
export async function insertWrite(db: Queryable, table: string, rows: Record<string, unknown>[]): Promise<Write | null> {
  if (rows.length === 0) return null;
  if (!IDENTIFIER.test(table)) throw new Error(`bad table name ${table}`);
  const columns = columnsOf(rows);
  const types = await columnTypes(db, table);
  const json = columns.map((c) => {
    const type = types.get(c);
    if (type === undefined) throw new Error(`insertRows(${table}): no column ${c}`);
    return type === 'jsonb' || type === 'json';
  });
  const lines: string[] = new Array<string>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    let line = '';
    for (let c = 0; c < columns.length; c++) line += (c === 0 ? '' : '\t') + copyValue(row[columns[c]], json[c]);
    lines[i] = line;
  }
  return copyWrite(table, columns, lines);
}

/** A COPY of rows already in COPY text form (one line per row, without its newline; see copyValue). */
export function copyWrite(table: string, columns: readonly string[], lines: string[]): Write | null {
  if (lines.length === 0) return null;
  if (!IDENTIFIER.test(table) || columns.some((c) => !IDENTIFIER.test(c))) throw new Error(`bad table or column name in ${table} (${columns.join(', ')})`);
  return { copy: `COPY ${table} (${columns.join(', ')}) FROM STDIN`, payload: Buffer.from(`${lines.join('\n')}\n`, 'utf8') };
}

/**
 * Updates the rows matched by `keys` with the other columns given, in one statement. Every row
 * must carry the same columns; of several rows for one key the last wins.
 */
export function updateWrite(table: string, keys: string[], rows: Record<string, unknown>[]): Write | null {
  if (rows.length === 0) return null;
  const columns = columnsOf(rows).filter((c) => !keys.includes(c));
  if (rows.some((r) => Object.keys(r).length !== columns.length + keys.length)) throw new Error(`updateRows(${table}): rows differ in their columns`);
  const lastPerKey = [...new Map(rows.map((r) => [JSON.stringify(keys.map((k) => r[k])), r])).values()];
  const set = columns.map((c) => `${c} = x.${c}`).join(', ');
  const match = keys.map((k) => `t.${k} = x.${k}`).join(' AND ');
  return { sql: `UPDATE ${table} t SET ${set} FROM jsonb_populate_recordset(null::${table}, $1::jsonb) x WHERE ${match}`, params: [JSON.stringify(lastPerKey)] };
}

/** Inserts the rows, or updates every other given column where `keys` match (a later row of the same key must not repeat in one call). */
export function upsertWrite(table: string, keys: string[], rows: Record<string, unknown>[]): Write | null {
  if (rows.length === 0) return null;
  const all = columnsOf(rows);
  const columns = all.join(', ');
  const set = all.filter((c) => !keys.includes(c)).map((c) => `${c} = excluded.${c}`).join(', ');
  return {
    sql: `INSERT INTO ${table} (${columns}) SELECT ${columns} FROM jsonb_populate_recordset(null::${table}, $1::jsonb) ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${set}`,
    params: [JSON.stringify(rows)],
  };
}

/** insertWrite, run at once. */
export async function insertRows(tx: EntityManager, table: string, rows: Record<string, unknown>[]): Promise<void> {
  const write = await insertWrite(tx, table, rows);
  if (write) await runWrites(tx, [write]);
}

/** updateWrite, run at once. */
export async function updateRows(tx: EntityManager, table: string, keys: string[], rows: Record<string, unknown>[]): Promise<void> {
  const write = updateWrite(table, keys, rows);
  if (write) await runWrites(tx, [write]);
}

/** upsertWrite, run at once. */
export async function upsertRows(tx: EntityManager, table: string, keys: string[], rows: Record<string, unknown>[]): Promise<void> {
  const write = upsertWrite(table, keys, rows);
  if (write) await runWrites(tx, [write]);
}
