// The migration that keys ledger_cause by municipality, instant and position, on a real
// PostgreSQL: causes stored the way before (event id as key, command id as text) keep every
// other value, an adoption's copies at one position stay apart, a second cause of one event is
// refused, and going back gives each cause its event's id again from its postings.
import { createTestDatabase, type TestDatabase } from '@app/platform/testing';
import type { DataSource } from 'typeorm';
import { openReadModels } from '../read-model-data-source';
import { LedgerCauseKeyedByPosition1796182880005 as Migration } from './1796182880005-ledger-cause-keyed-by-position';

let db: TestDatabase;
let rm: DataSource;
beforeAll(async () => {
  db = await createTestDatabase();
  rm = await openReadModels(db.url, 'rm', 1);
});
afterAll(async () => {
  await rm.destroy();
  await db.drop();
});

const E1 = '11111111-1111-4111-8111-111111111111';
const E2 = '22222222-2222-4222-8222-222222222222';
const E3 = 'dddddddd-dddd-4ddd-8ddd-dddddddddddd';
const C1 = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const ADOPTION = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc';
const AT = '2025-01-02T03:04:05.000Z';

async function migrate(direction: 'up' | 'down'): Promise<void> {
  const runner = rm.createQueryRunner();
  try {
    await new Migration()[direction](runner);
  } finally {
    await runner.release();
  }
}

/** A posting of an event, as far as the migration back reads it (its position, municipality and event). */
async function posting(position: number, municipality: string, event: string): Promise<void> {
  await rm.query(
    `INSERT INTO ledger_entry (entry_id, position, ordinal, kind, municipality, cost_item_id, activity_from, activity_to,
       booking_period, amount_oere, citations_id, caused_by_event, caused_by_command, recorded_at)
     VALUES ($1, $2, 0, 'original', $3, 'item', '2025-01-01', '2025-01-31', '2025-01', 100, $4, $5, $6, $7)`,
    [`${event}:${municipality}`, position, municipality, E1, event, C1, AT],
  );
}

it('keeps every cause with its values, keyed by municipality, instant and position, and back', async () => {
  await migrate('down');
  await rm.query(
    `INSERT INTO ledger_cause (event_id, position, municipality, command_id, command_type, actor, reason, person_id, recorded_at)
     VALUES ($1, 7, '101', $2, 'RecordOfferExpense', 'ann', 'booked in error', 'p1', $5),
            ($3, 9, '101', $4, 'RulebookAdopted', 'bob', NULL, NULL, $5),
            ($6, 9, '147', $4, 'RulebookAdopted', 'bob', NULL, NULL, $5)`,
    [E1, C1, E2, ADOPTION, AT, E3],
  );
  await posting(7, '101', E1);
  await posting(9, '101', E2);
  await posting(9, '147', E3);

  await migrate('up');
  expect(
    await rm.query(
      `SELECT position::text, municipality, command_id, pg_typeof(command_id)::text AS command_id_type, command_type, actor, reason,
              person_id, recorded_at FROM ledger_cause ORDER BY municipality, position`,
    ),
  ).toEqual([
    {
      position: '7',
      municipality: '101',
      command_id: C1,
      command_id_type: 'uuid',
      command_type: 'RecordOfferExpense',
      actor: 'ann',
      reason: 'booked in error',
      person_id: 'p1',
      recorded_at: new Date(AT),
    },
    {
      position: '9',
      municipality: '101',
      command_id: ADOPTION,
      command_id_type: 'uuid',
      command_type: 'RulebookAdopted',
      actor: 'bob',
      reason: null,
      person_id: null,
      recorded_at: new Date(AT),
    },
    {
      position: '9',
      municipality: '147',
      command_id: ADOPTION,
      command_id_type: 'uuid',
      command_type: 'RulebookAdopted',
      actor: 'bob',
      reason: null,
      person_id: null,
      recorded_at: new Date(AT),
    },
  ]);
  await expect(
    rm.query(
      `INSERT INTO ledger_cause (position, municipality, command_id, actor, recorded_at) VALUES (7, '101', $1, 'eve', $2)`,
      [C1, AT],
    ),
  ).rejects.toThrow(/ledger_cause_pkey/);

  await migrate('down');
  expect(
    await rm.query(
      'SELECT event_id, position::text, municipality, command_id FROM ledger_cause ORDER BY event_id',
    ),
  ).toEqual([
    { event_id: E1, position: '7', municipality: '101', command_id: C1 },
    { event_id: E2, position: '9', municipality: '101', command_id: ADOPTION },
    { event_id: E3, position: '9', municipality: '147', command_id: ADOPTION },
  ]);
  await migrate('up');
});
