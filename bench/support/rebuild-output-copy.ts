// A floor under a rebuild of the log: reading the log in the rebuild's pages and writing the rows
// it produced by COPY into tables of the same columns without any index or key. It takes the rows
// of the live read models (`rm`, as the last rebuild left them) as COPY text once, then times
// putting them back into index-less copies of their tables, one COPY per table fed in chunks of
// about 64 KB.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Client } from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { LIVE_SCHEMA, REBUILD_BATCH_SIZE } from '@app/read-models';

const CHUNK = 64 * 1024;

export interface RebuildOutput {
  rows: number;
  /** One round: the seconds reading the log and writing every row took. */
  time(): Promise<number>;
}

/** Whole lines of `data` in chunks of about CHUNK bytes. */
function chunksOf(data: Buffer): Buffer[] {
  const chunks: Buffer[] = [];
  for (let start = 0; start < data.length;) {
    let end = Math.min(data.length, start + CHUNK);
    while (end < data.length && data[end - 1] !== 0x0a) end++;
    chunks.push(data.subarray(start, end));
    start = end;
  }
  return chunks;
}

/** The live read models' rows of the database `client` is connected to, ready to be timed. */
export async function rebuildOutput(client: Client): Promise<RebuildOutput> {
  const { rows: tables } = await client.query<{ table: string; rows: string }>(
    `SELECT relname AS table, n_live_tup AS rows FROM pg_stat_user_tables WHERE schemaname = $1 AND n_live_tup > 0`,
    [LIVE_SCHEMA],
  );
  const dumps = new Map<string, Buffer[]>();
  for (const { table } of tables) {
    const parts: Buffer[] = [];
    for await (const part of client.query(copyTo(`COPY ${LIVE_SCHEMA}.${table} TO STDOUT`)))
      parts.push(part as Buffer);
    dumps.set(table, chunksOf(Buffer.concat(parts)));
  }
  return {
    rows: tables.reduce((sum, t) => sum + Number(t.rows), 0),
    async time() {
      for (const { table } of tables)
        await client.query(`CREATE TABLE output_${table} (LIKE ${LIVE_SCHEMA}.${table} INCLUDING DEFAULTS)`);
      const started = process.hrtime.bigint();
      for (let after = '0'; ;) {
        const { rows } = await client.query<{ position: string }>(
          'SELECT position, id, stream, revision, type, data, metadata FROM event_log WHERE position > $1 ORDER BY position LIMIT $2',
          [after, REBUILD_BATCH_SIZE],
        );
        if (rows.length === 0) break;
        after = rows[rows.length - 1].position;
      }
      for (const [table, chunks] of dumps)
        await pipeline(Readable.from(chunks), client.query(copyFrom(`COPY output_${table} FROM STDIN`)));
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      for (const { table } of tables) await client.query(`DROP TABLE output_${table}`);
      return seconds;
    },
  };
}
