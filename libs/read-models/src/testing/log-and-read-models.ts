// For integration tests: a database of the test's own with the PostgreSQL event log and the live read models on it.
import { PostgresEventStore } from '@app/event-store';
import { createTestDatabase, type TestDatabase } from '@app/platform/testing';
import type { DataSource } from 'typeorm';
import { openReadModels } from '../read-model-data-source';

export interface LogAndReadModels {
  db: TestDatabase;
  store: PostgresEventStore;
  live: DataSource;
}

export async function openLogAndReadModels(): Promise<LogAndReadModels> {
  const db = await createTestDatabase();
  const store = await PostgresEventStore.connect(db.url);
  const live = await openReadModels(db.url);
  return { db, store, live };
}

/** Closes what openLogAndReadModels opened and drops its database. */
export async function closeLogAndReadModels({ db, store, live }: LogAndReadModels): Promise<void> {
  await store.close();
  await live.destroy();
  await db.drop();
}
