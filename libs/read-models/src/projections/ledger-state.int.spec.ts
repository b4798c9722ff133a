// A person's ledger read back holds an offer's carve-outs in the order recorded — the order they come out of the
// offer's costs in (carve-outs-in-order.ts of @app/domain) — also when two were recorded at the same instant (one
// batch), whatever their share ids; each in its last state.
import { createTestDatabase, type TestDatabase } from '@app/platform/testing';
import type { DataSource } from 'typeorm';
import { openReadModels } from '../read-model-data-source';
import { loadPersonLedgers } from './ledger-state';

let db: TestDatabase;
let live: DataSource;
beforeAll(async () => {
  db = await createTestDatabase();
  live = await openReadModels(db.url);
});
afterAll(async () => {
  await live.destroy();
  await db.drop();
});

it('loads an offer’s carve-outs in the order of their first version’s position, each in its last state', async () => {
  const at = '2025-05-02T09:00:00.000Z';
  const version = (shareId: string, position: number, carvedOere: number) =>
    live.query(
      `INSERT INTO administrative_share_version
         (municipality, project_id, offer_id, person_id, share_id, position, event_id, recorded_at, state)
       VALUES ('101', NULL, 'o1', 'p1', $1, $2, gen_random_uuid(), $3, $4)`,
      [
        shareId,
        position,
        at,
        JSON.stringify({ shareId, offerId: 'o1', personId: 'p1', recordedAt: at, carvedOere }),
      ],
    );
  // "z" recorded first, "a" after it in the same batch; "z" deducted again later.
  await version('z', 10, 100);
  await version('a', 11, 200);
  await version('z', 20, 50);
  const ledgers = await loadPersonLedgers(live, [{ municipality: '101', personId: 'p1' }]);
  expect(ledgers.get('101/p1')!.offerCarveOuts.map((c) => [c.shareId, c.carvedOere])).toEqual([
    ['z', 50],
    ['a', 200],
  ]);
});

it('reads back a person stored only as a target-group change, and gives one stored nowhere an empty ledger', async () => {
  await live.query(
    `INSERT INTO target_group_change (municipality, change_command_id, person_id, target_group, attributes, effective_from, recorded_at, event_id)
     VALUES ('101', gen_random_uuid(), 'p2', 'jobafklaring', '{}', '2025-01-01', '2025-01-02T08:00:00.000Z', gen_random_uuid())`,
  );
  const ledgers = await loadPersonLedgers(live, [
    { municipality: '101', personId: 'p2' },
    { municipality: '101', personId: 'nobody' },
    { municipality: '102', personId: 'p2' },
  ]);
  expect(ledgers.get('101/p2')!.changes.map((c) => [c.targetGroup, c.effectiveFrom])).toEqual([
    ['jobafklaring', '2025-01-01'],
  ]);
  for (const key of ['101/nobody', '102/p2']) {
    const empty = ledgers.get(key)!;
    expect([
      empty.changes.length,
      empty.items.size,
      empty.postings.length,
      empty.offerCarveOuts.length,
    ]).toEqual([0, 0, 0, 0]);
  }
});

it('reads back a person stored only as a cancelled offer; an offer not cancelled is nothing a ledger reads', async () => {
  const offer = (personId: string, offerId: string, status: string) =>
    live.query(
      `INSERT INTO offer_version (municipality, offer_id, recorded_at, position, event_id, event_type, person_id, offer_kind, start_date, end_date, status, reason)
       VALUES ('101', $1, '2025-01-02T08:00:00.000Z', 1, gen_random_uuid(), 'OfferRecorded', $2, 'virksomhedspraktik', '2025-01-01', '2025-03-31', $3, $4)`,
      [offerId, personId, status, status === 'cancelled' ? 'entered twice' : null],
    );
  await offer('p3', 'o3', 'cancelled');
  await offer('p4', 'o4', 'active');
  const ledgers = await loadPersonLedgers(live, [
    { municipality: '101', personId: 'p3' },
    { municipality: '101', personId: 'p4' },
  ]);
  expect([...ledgers.get('101/p3')!.cancelledOffers]).toEqual([['o3', 'entered twice']]);
  expect(ledgers.get('101/p4')!.cancelledOffers.size).toBe(0);
});
