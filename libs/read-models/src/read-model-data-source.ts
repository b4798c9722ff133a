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

export async function openReadModels(url: string, schema = LIVE_SCHEMA, poolSize = 10): Promise<DataSource> {
  assertSchemaName(schema);
  const bootstrap = new DataSource({ type: 'postgres', url });
  await bootstrap.initialize();
  await bootstrap.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  await bootstrap.destroy();
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    schema,
    migrations: READ_MODEL_MIGRATIONS,
    migrationsTableName: 'read_model_migrations',
    extra: { max: poolSize, options: `-c search_path=${schema}` },
  });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'all' });
  return dataSource;
}
