// Starts one embedded PostgreSQL server for the whole jest run (see libs/platform testing helpers).
import { rmSync } from 'node:fs';
import { startEmbeddedPostgres } from '../libs/platform/src';

export default async function globalSetup(): Promise<void> {
  if (process.env.TEST_DATABASE_URL) return; // an external server was given
  const dir = `${__dirname}/../.test-data/${process.pid}`;
  rmSync(dir, { recursive: true, force: true });
  const db = await startEmbeddedPostgres(dir);
  process.env.TEST_DATABASE_URL = db.url;
  (globalThis as { __embeddedDb?: unknown }).__embeddedDb = { ...db, dir };
}
