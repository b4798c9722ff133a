// A rulebook adoption re-judged in batches of persons (ledger-adoption.ts) on a real PostgreSQL: batches of two
// persons give exactly the rows one batch gives, the cap years are restated once after the last person, and a crash
// midway leaves nothing of the adoption; the restarted projector re-judges it whole, once.
// The ledger, built under 2026.12-2 (the genesis version): five integration-programme participants with a § 23 a
// course of 2.000,00 kr in May 2025, each refunded 1.000,00 kr on 5.46.60 grouping 001, which 2026.12-3 and later
// withhold until the support is stated (000 L1541-L1559): the adoption reverses 1.000,00 kr and rebooks the cost
// unresolved, for each. And the 2015 mentorramme of libs/ledger cap-accounts.unit.spec.ts: p1 selvforsørgende
// 10 h × 200,00 kr (refund 1.000,00 kr, 5.68.90.2.001), p2 revalidend 5 h × 200,00 kr (500,00 kr, .002), capped at
// 500,00 kr (1.000,00 kr × 1 helårsperson × 50 %, seed003 §2.1): under 2026.12-2 the −1.000,00 kr adjustment is on
// .001 alone; from 2026.12-5 it is shared by 1.000,00 : 500,00 (001 L183-L188, L1971-L2015), so the adoption moves
// +333,33 kr off .001 and −333,33 kr onto .002, in 2015's last period (the adoption's own is a later year).
import { PostgresEventStore } from '@app/event-store';
import type { TestDatabase } from '@app/platform/testing';
import { checkOfferValidity, rulebooks } from '@app/rules';
import type { DataSource } from 'typeorm';
import { compareSchemas } from '../rebuild/compare-schemas';
import { projectIntoSchema } from '../rebuild/rebuild';
import { ProjectionRunner } from '../runner/projection-runner';
import { adoptRulebook, RULEBOOK_STREAM } from '../runner/rulebook-adoption';
import { DomainLog } from '../testing/domain-log';
import { EventTypeCountProjection } from './event-type-count.projection';
import { LedgerProjection } from './ledger.projection';
import { closeLogAndReadModels, openLogAndReadModels } from '../testing/log-and-read-models';

let db: TestDatabase;
let store: PostgresEventStore;
let live: DataSource;

beforeEach(async () => ({ db, store, live } = await openLogAndReadModels()));
afterEach(() => closeLogAndReadModels({ db, store, live }));

/** The projections with an adoption re-judging `batchPersons` persons at a time. */
const projections = (batchPersons: number) => [
  new EventTypeCountProjection(),
  new LedgerProjection(rulebooks, batchPersons),
];

async function buildLedger(): Promise<void> {
  const log = new DomainLog(store, checkOfferValidity, '101');
  for (const p of ['P1', 'P2', 'P3', 'P4', 'P5']) {
    await log.run(
      'ChangeTargetGroup',
      { personId: p, targetGroup: 'integration_programme', effectiveFrom: '2025-01-01' },
      '2025-04-01T09:00:00Z',
    );
    const offer = { offerId: `O-${p}`, personId: p, offerKind: 'ordinary_education' };
    await log.run(
      'RegisterOffer',
      { ...offer, startDate: '2025-05-01', endDate: '2025-05-31' },
      '2025-04-02T09:00:00Z',
    );
    await log.run(
      'RecordOfferExpense',
      {
        expenseId: `E-${p}`,
        offerId: offer.offerId,
        expenseType: 'course_fee',
        amount: '2000.00',
        activityFrom: '2025-05-01',
        activityTo: '2025-05-31',
      },
      '2025-06-01T09:00:00Z',
    );
  }
  const mentored = [
    ['p1', 'selvforsoergende', '10.00'],
    ['p2', 'revalidering', '5.00'],
  ];
  for (const [personId, targetGroup, contactHours] of mentored) {
    await log.run(
      'ChangeTargetGroup',
      { personId, targetGroup, effectiveFrom: '2015-01-01' },
      '2015-06-10T09:00:00Z',
    );
    const agreementId = `a-${personId}`;
    await log.run(
      'RegisterMentorAgreement',
      {
        agreementId,
        personId,
        mentorType: 'company',
        mentorKind: 'employee',
        startDate: '2015-01-01',
        endDate: '2015-12-31',
      },
      '2015-06-10T09:01:00Z',
    );
    await log.run(
      'RecordMentorHours',
      { agreementId, date: '2015-03-10', contactHours, hourlyCost: '200.00' },
      '2015-06-10T09:02:00Z',
    );
  }
  await new DomainLog(store, checkOfferValidity, '101').run(
    'SetCapParameters',
    { year: 2015, cap: 'mentorramme', amountPerFullYearPerson: '1000.00', fullYearPersons: '1' },
    '2015-07-01T09:00:00Z',
  );
}

const adoptionRows = async (readModels: DataSource, adoptionId: string) =>
  (
    (await readModels.query(
      `SELECT ordinal, kind, person_id, refund_oere::text AS refund, refund_account->>'grouping' AS refund_account, booking_period
         FROM ledger_entry WHERE caused_by_command = $1 ORDER BY ordinal`,
      [adoptionId],
    )) as Record<string, unknown>[]
  ).map(Object.values);

it('re-judged two persons at a time, the adoption posts every difference once, then restates the cap year; one batch gives the same rows', async () => {
  await buildLedger();
  await new ProjectionRunner(store, live, projections(2)).catchUp();
  await adoptRulebook(store, rulebooks);
  const [adoption] = await store.readStream(RULEBOOK_STREAM);
  await new ProjectionRunner(store, live, projections(2), { batchSize: 3 }).catchUp();

  const period = (await adoptionRows(live, adoption.id))[0][5];
  const programme = (p: string, ordinal: number) => [
    [ordinal, 'reversal', p, '-100000', null, period],
    [ordinal + 1, 'rebooking', p, null, null, period],
  ];
  expect(await adoptionRows(live, adoption.id)).toEqual([
    ...programme('P1', 0),
    ...programme('P2', 2),
    ...programme('P3', 4),
    ...programme('P4', 6),
    ...programme('P5', 8),
    [10, 'cap_adjustment', null, '33333', '001', '2015-12'],
    [11, 'cap_adjustment', null, '-33333', '002', '2015-12'],
  ]);
  // one cause for the adoption, of several persons
  expect(
    await live.query('SELECT person_id, command_type FROM ledger_cause WHERE command_id = $1', [adoption.id]),
  ).toEqual([{ person_id: null, command_type: 'RulebookAdopted' }]);

  await projectIntoSchema(db.url, 'rm_whole', store, projections(1000));
  expect(await compareSchemas(db.url, 'rm', 'rm_whole')).toEqual([]);
});

it('a crash after the first batches leaves nothing of the adoption; the restarted projector re-judges it whole, once', async () => {
  await buildLedger();
  await new ProjectionRunner(store, live, projections(2)).catchUp();
  await adoptRulebook(store, rulebooks);
  const [adoption] = await store.readStream(RULEBOOK_STREAM);
  const before = await live.query('SELECT municipality, position::text FROM municipality_checkpoint');
  // The server goes away while P3's postings — of the second batch, after the first was written — go in.
  await live.query(`
    CREATE FUNCTION rm.crash_on_p3() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.person_id = 'P3' AND NEW.caused_by_command = '${adoption.id}' THEN
        RAISE EXCEPTION 'server closed the connection' USING ERRCODE = '57P01';
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER crash_on_p3 BEFORE INSERT ON rm.ledger_entry FOR EACH ROW EXECUTE FUNCTION rm.crash_on_p3()`);
  await expect(new ProjectionRunner(store, live, projections(2)).catchUp()).rejects.toThrow(
    /server closed the connection/,
  );
  expect(await adoptionRows(live, adoption.id)).toEqual([]);
  expect(await live.query('SELECT municipality, position::text FROM municipality_checkpoint')).toEqual(
    before,
  );

  await live.query('DROP TRIGGER crash_on_p3 ON rm.ledger_entry; DROP FUNCTION rm.crash_on_p3()');
  await new ProjectionRunner(store, live, projections(2)).catchUp();
  const rows = await adoptionRows(live, adoption.id);
  expect(rows.map((r) => r.slice(1, 4))).toEqual([
    ...['P1', 'P2', 'P3', 'P4', 'P5'].flatMap((p) => [
      ['reversal', p, '-100000'],
      ['rebooking', p, null],
    ]),
    ['cap_adjustment', null, '33333'],
    ['cap_adjustment', null, '-33333'],
  ]);
  await projectIntoSchema(db.url, 'rm_rebuilt', store, projections(2));
  expect(await compareSchemas(db.url, 'rm', 'rm_rebuilt')).toEqual([]);
});
