// Migrations on a real PostgreSQL: many processes opening the read models of a fresh database
// at the same moment (api and projector started together) all succeed, and each migration runs once.
import { createTestDatabase, type TestDatabase } from '@app/platform/testing';
import type { DataSource } from 'typeorm';
import { READ_MODEL_MIGRATIONS } from './migrations';
import { openReadModels } from './read-model-data-source';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

it('eight data sources migrating a fresh database at once all open, and every migration ran once', async () => {
  const opened: DataSource[] = await Promise.all(
    Array.from({ length: 8 }, () => openReadModels(db.url, 'rm', 2)),
  );
  try {
    const rows: { name: string }[] = await opened[0].query(
      'SELECT name FROM rm.read_model_migrations ORDER BY id',
    );
    expect(rows.map((r) => r.name)).toEqual(READ_MODEL_MIGRATIONS.map((m) => m.name));
  } finally {
    await Promise.all(opened.map((d) => d.destroy()));
  }
});
