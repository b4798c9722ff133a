// Named prepared statements on the connection of a data source or of a transaction. PostgreSQL
// parses and plans a named statement once per connection; TypeORM's query() sends unnamed ones,
// planned at every call, which costs more than running a look-up of a few keys by an index.
// A schema renamed (a rebuild swapped in) makes PostgreSQL plan its statements anew.
import type { PoolClient } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';

/** Where read-model queries run: a data source (a connection of its pool) or a transaction's entity manager. */
export type Reader = DataSource | EntityManager;

/** The pg client of `reader`'s connection for `work`: the transaction's, or one taken from the pool until `work` ends. */
export async function withClient<T>(reader: Reader, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const manager = 'createQueryRunner' in reader ? reader.manager : reader;
  const own = manager.queryRunner;
  if (own && !own.isReleased) return work((await own.connect()) as PoolClient);
  const runner = manager.connection.createQueryRunner();
  try {
    return await work((await runner.connect()) as PoolClient);
  } finally {
    await runner.release();
  }
}

/** The rows of the statement `name` (one text per name, always). */
export async function preparedRows<Row>(
  client: PoolClient,
  name: string,
  text: string,
  values: unknown[],
): Promise<Row[]> {
  return (await client.query({ name, text, values })).rows as Row[];
}

/** The rows of the statement `name`, run on `reader`'s connection. */
export function preparedQuery<Row>(
  reader: Reader,
  name: string,
  text: string,
  values: unknown[],
): Promise<Row[]> {
  return withClient(reader, (client) => preparedRows<Row>(client, name, text, values));
}
