// A rebuild defers most of its tables' indexes and constraints to one build at the end
// (rebuild.ts): the schema it ends with has every index and constraint the migrations give the
// live one, with the same definitions. A ledger of one person with one expense gives the
// postings, cost items, causes, changes and offers rows to build theirs over; the other tables'
// indexes are built empty.
import { PostgresEventStore } from '@app/event-store';
import type { TestDatabase } from '@app/platform/testing';
import { rulebooks } from '@app/rules';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { allProjections } from '../projections/all-projections';
import { closeLogAndReadModels, openLogAndReadModels } from '../testing/log-and-read-models';
import { programmeCourse } from '../testing/programme-course';
import { projectIntoSchema } from './rebuild';

let db: TestDatabase;
let store: PostgresEventStore;
let live: DataSource;

beforeEach(async () => ({ db, store, live } = await openLogAndReadModels()));
afterEach(() => closeLogAndReadModels({ db, store, live }));

/** Every index and constraint of the schema's tables, its own name left out of their definitions. */
async function structureOf(schema: string): Promise<string[]> {
  const client = new Client({ connectionString: db.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ line: string }>(
      `SELECT 'index ' || t.relname || ' ' || replace(pg_get_indexdef(x.indexrelid), $1 || '.', '') AS line
       FROM pg_index x JOIN pg_class t ON t.oid = x.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
       WHERE n.nspname = $1
       UNION ALL
       SELECT 'constraint ' || t.relname || ' ' || c.conname || ' ' || pg_get_constraintdef(c.oid)
       FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
       WHERE n.nspname = $1
       ORDER BY 1`,
      [schema],
    );
    return rows.map((r) => r.line);
  } finally {
    await client.end();
  }
}

it('a rebuilt schema has every index and constraint of the migrated one, with the same definitions', async () => {
  await programmeCourse(store, '101');

  expect(await projectIntoSchema(db.url, 'rm_rebuilt', store, allProjections(rulebooks))).toBe(3);

  const rebuilt = await structureOf('rm_rebuilt');
  expect(rebuilt).toEqual(await structureOf('rm'));
  // the comparison is over the bulk load's tables, the postings' deferred key among them
  expect(rebuilt).toContainEqual(
    'constraint ledger_entry ledger_entry_position_municipality_ordinal_key UNIQUE ("position", municipality, ordinal)',
  );
});
