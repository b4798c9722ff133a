// Set-based writes: a whole batch of rows as one JSON parameter, shaped by the table's own row
// type (jsonb_populate_recordset), so the SQL names no column types twice.
import type { EntityManager } from 'typeorm';

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function columnsOf(rows: Record<string, unknown>[]): string[] {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  for (const c of columns) if (!IDENTIFIER.test(c)) throw new Error(`bad column name ${c}`);
  return columns;
}

export async function insertRows(tx: EntityManager, table: string, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = columnsOf(rows).join(', ');
  await tx.query(`INSERT INTO ${table} (${columns}) SELECT ${columns} FROM jsonb_populate_recordset(null::${table}, $1::jsonb)`, [JSON.stringify(rows)]);
}

/**
 * Updates the rows matched by `keys` with the other columns given, in one statement. Every row
 * must carry the same columns; of several rows for one key the last wins.
 */
export async function updateRows(tx: EntityManager, table: string, keys: string[], rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = columnsOf(rows).filter((c) => !keys.includes(c));
  if (rows.some((r) => Object.keys(r).length !== columns.length + keys.length)) throw new Error(`updateRows(${table}): rows differ in their columns`);
  const lastPerKey = [...new Map(rows.map((r) => [JSON.stringify(keys.map((k) => r[k])), r])).values()];
  const set = columns.map((c) => `${c} = x.${c}`).join(', ');
  const match = keys.map((k) => `t.${k} = x.${k}`).join(' AND ');
  await tx.query(`UPDATE ${table} t SET ${set} FROM jsonb_populate_recordset(null::${table}, $1::jsonb) x WHERE ${match}`, [JSON.stringify(lastPerKey)]);
}

/** Inserts the rows, or updates every other given column where `keys` match (a later row of the same key must not repeat in one call). */
export async function upsertRows(tx: EntityManager, table: string, keys: string[], rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const all = columnsOf(rows);
  const columns = all.join(', ');
  const set = all.filter((c) => !keys.includes(c)).map((c) => `${c} = excluded.${c}`).join(', ');
  await tx.query(
    `INSERT INTO ${table} (${columns}) SELECT ${columns} FROM jsonb_populate_recordset(null::${table}, $1::jsonb) ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${set}`,
    [JSON.stringify(rows)],
  );
}
