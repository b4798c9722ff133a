// The read models live in one PostgreSQL schema (default "rm"); the event log stays in "public".
// Binding a data source to a schema through search_path lets a rebuild or a replay project into
// a fresh schema with the very same SQL, and a rebuild swap the schemas by renaming them.
import { types } from 'pg';
import { DataSource } from 'typeorm';
import { READ_MODEL_MIGRATIONS } from './migrations';

export const LIVE_SCHEMA = 'rm';

// Calendar dates stay 'YYYY-MM-DD' strings: a JS Date would shift them by the time zone.
const PG_DATE_OID = 1082;
types.setTypeParser(PG_DATE_OID, (value) => value);
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function assertSchemaName(schema: string): string {
  if (!SCHEMA_NAME.test(schema)) throw new Error(`invalid schema name ${schema}`);
  return schema;
}

/** Key class of the session advisory lock under which read-model migrations run (one key per schema). */
const MIGRATION_LOCK_CLASS = 7_461_002;

/** A connection to a server that does not answer fails after this long (then 503 / a retry), instead of hanging. */
const CONNECT_TIMEOUT_MS = 5000;

/**
 * Opens the read models of `schema`, creating the schema and running the migrations first.
 * api, projector and CLI may start at the same moment on a fresh database: the schema and the
 * migrations are made under a session advisory lock, so one process migrates and the others
 * wait and then find nothing left to do.
 */
export async function openReadModels(url: string, schema = LIVE_SCHEMA, poolSize = 10): Promise<DataSource> {
  assertSchemaName(schema);
  const lock = new DataSource({
    type: 'postgres',
    url,
    extra: { max: 1, connectionTimeoutMillis: CONNECT_TIMEOUT_MS },
  });
  await lock.initialize();
  try {
    await lock.query('SELECT pg_advisory_lock($1, hashtext($2))', [MIGRATION_LOCK_CLASS, schema]);
    await lock.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    const dataSource = new DataSource({
      type: 'postgres',
      url,
      schema,
      migrations: READ_MODEL_MIGRATIONS,
      migrationsTableName: 'read_model_migrations',
      extra: {
        max: poolSize,
        options: `-c search_path=${schema}`,
        connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      },
    });
    await dataSource.initialize();
    try {
      await dataSource.runMigrations({ transaction: 'all' });
    } catch (error) {
      await dataSource.destroy();
      throw error;
    }
    return dataSource;
  } finally {
    // Closing the session releases the lock, also when a migration failed.
    await lock.destroy();
  }
}
