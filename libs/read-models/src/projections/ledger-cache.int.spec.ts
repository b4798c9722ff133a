// The ledger projection keeps the ledgers of persons, projects and timesheets between batches only
// up to a budget and reads the others back when an event touches them again. On a real PostgreSQL:
// a projection that keeps nothing between batches of one event (every ledger read back for every
// event) gives the rows, row for row, of one that folds the whole log in one batch in memory.
// The log: a project of two participants in March 2025 with a 10.000,00 kr expense and a carve-out
// by time registration, 2.00 h × 451.00 kr = 902.00 kr (VEJ 9584 3.1, 000_140518b2c182b2de.txt
// L479-L482), deducted from the shares in proportion to them (003_ba212cd929ee8ae7.txt L4210-L4213);
// a Bilag 2 timesheet whose second revision moves hours from an offer of its own to the project;
// then a participant cancelled, so that the other bears the whole expense and the whole carve-out
// (−902.00 kr) — each step reading the project, the timesheet and the persons back.
import { randomUUID } from 'node:crypto';
import { PostgresEventStore } from '@app/event-store';
import type { TestDatabase } from '@app/platform/testing';
import { checkOfferValidity, rulebooks } from '@app/rules';
import type { DataSource } from 'typeorm';
import { compareSchemas } from '../rebuild/compare-schemas';
import { projectIntoSchema } from '../rebuild/rebuild';
import { DomainLog } from '../testing/domain-log';
import { closeLogAndReadModels, openLogAndReadModels } from '../testing/log-and-read-models';
import { EventTypeCountProjection } from './event-type-count.projection';
import { LedgerProjection } from './ledger.projection';

let db: TestDatabase;
let store: PostgresEventStore;
let live: DataSource;

beforeEach(async () => ({ db, store, live } = await openLogAndReadModels()));
afterEach(() => closeLogAndReadModels({ db, store, live }));

/**
 * A revision of the Bilag 2 timesheet ts1 for week 11 (Monday 10 March 2025, 3,000.00 kr salary): 7.5 h of which
 * 2.5 h administration, 3 h on the project and 2 h on p1's own offer (`onOffer`), or 5 h on the project. Appended
 * as the api decides it (DomainLog reads no timesheet's projects and offers).
 */
async function recordTimesheet(revision: number, onOffer: boolean): Promise<void> {
  const own = { offerId: 'own', personId: 'p1' };
  const data = {
    timesheetId: 'ts1',
    revision,
    staffId: 's1',
    staffCategory: 'Jobkonsulent',
    week: '2025-W11',
    weekFrom: '2025-03-10',
    weekTo: '2025-03-16',
    salaryCostOere: 300_000,
    days: [
      {
        date: '2025-03-10',
        hoursWorked: '7.50',
        offerHours: onOffer
          ? [
              { projectId: 'P', hours: '3.00' },
              { offerId: 'own', hours: '2.00' },
            ]
          : [{ projectId: 'P', hours: '5.00' }],
        administrationHours: '2.50',
      },
    ],
    approvedBy: { employee: 'Anne Jensen', manager: 'Lars Holm' },
    offers: onOffer ? [{ ...own, offerKind: 'ordinary_education', fundingFrame: null }] : [],
    replaces: revision === 1 ? null : { revision: 1, projectIds: ['P'], offers: [own] },
  };
  const id = randomUUID();
  const recordedAt = `2025-04-0${2 + revision}T09:00:00Z`;
  await store.append({
    stream: 'timesheet-101-s1',
    expectedRevision: 'any',
    events: [
      {
        id,
        type: 'StaffTimesheetRecorded',
        data,
        metadata: { recordedAt, commandId: id, actor: 'test', municipality: '101', schemaVersion: 1 },
      },
    ],
  });
}

async function buildLog(): Promise<void> {
  const log = new DomainLog(store, checkOfferValidity, '101');
  const march = { startDate: '2025-03-01', endDate: '2025-03-31' };
  for (const [personId, targetGroup] of [
    ['p1', 'jobafklaring'],
    ['p2', 'dagpenge'],
  ])
    await log.run(
      'ChangeTargetGroup',
      { personId, targetGroup, effectiveFrom: '2025-01-01' },
      '2025-02-01T09:00:00Z',
    );
  await log.run(
    'RegisterProject',
    { projectId: 'P', name: 'Lager', offerKind: 'ordinary_education', ...march },
    '2025-02-02T09:00:00Z',
  );
  for (const [offerId, personId] of [
    ['o1', 'p1'],
    ['o2', 'p2'],
  ])
    await log.run(
      'RegisterOffer',
      { offerId, personId, offerKind: 'ordinary_education', projectId: 'P', ...march },
      '2025-02-03T09:00:00Z',
    );
  await log.run(
    'RegisterOffer',
    { offerId: 'own', personId: 'p1', offerKind: 'ordinary_education', ...march },
    '2025-02-04T09:00:00Z',
  );
  await log.run(
    'RecordProjectExpense',
    {
      expenseId: 'inv1',
      projectId: 'P',
      expenseType: 'course_fee',
      amount: '10000.00',
      activityFrom: '2025-03-01',
      activityTo: '2025-03-31',
    },
    '2025-04-01T09:00:00Z',
  );
  await log.run(
    'RecordAdministrativeShare',
    {
      shareId: 'as1',
      projectId: 'P',
      activityFrom: '2025-03-01',
      activityTo: '2025-03-31',
      method: 'time_registration',
      hours: '2.00',
      hourlyCost: '451.00',
      priceLevelYear: 2025,
      methodReference: 'Metode 2',
    },
    '2025-04-02T09:00:00Z',
  );
  await recordTimesheet(1, true);
  await recordTimesheet(2, false);
  await log.run(
    'CancelOffer',
    { offerId: 'o2', projectId: 'P', reason: 'never took place' },
    '2025-06-02T09:00:00Z',
  );
}

it('keeping nothing between batches of one event, the projection reads every ledger back and writes the rows one batch in memory writes', async () => {
  await buildLog();
  const projections = (cacheBudget?: number) => [
    new EventTypeCountProjection(),
    new LedgerProjection(rulebooks, undefined, cacheBudget),
  ];
  await projectIntoSchema(db.url, 'in_memory', store, projections(), { batchSize: 1000 });
  await projectIntoSchema(db.url, 'read_back', store, projections(0), { batchSize: 1 });

  expect(await compareSchemas(db.url, 'in_memory', 'read_back')).toEqual([]);
  // The carve-out: −451.00 kr from each share and 902.00 kr on 6.45.53; with o2 cancelled, o1's deduction reversed
  // and rebooked as the whole −902.00 kr, o2's reversed.
  const carveOut: { offer_id: string | null; kind: string; amount: string }[] = await live.query(
    `SELECT offer_id, kind, amount_oere::text AS amount FROM read_back.ledger_entry
     WHERE cost_item_id LIKE '%as1%' ORDER BY position, ordinal`,
  );
  expect(carveOut.map(Object.values)).toEqual([
    ['o1', 'original', '-45100'],
    ['o2', 'original', '-45100'],
    [null, 'original', '90200'],
    ['o1', 'reversal', '45100'],
    ['o1', 'rebooking', '-90200'],
    ['o2', 'reversal', '45100'],
  ]);
});
