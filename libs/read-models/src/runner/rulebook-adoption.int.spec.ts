// A rulebook version adopted by a ledger that already exists, on a real PostgreSQL with the real projections: the
// adoption is appended once however many processes start at once; every worker re-judges its municipalities' open
// cost items under it, posting the differences caused by it; events before it keep the postings of their version, so
// a rebuild with this code reproduces the live read models row for row, with one worker or three.
// The correction: 2026.12-2 booked every integration-programme offer on 5.46.60 grouping 001 (ydelsesmodtagere);
// 2026.12-3 and the versions after it withhold the refund until the change says ydelsesmodtager (001) or
// selvforsørgende (005), 000 L1541-L1559.
import { danishBookingPeriodOf } from '@app/domain';
import { PostgresEventStore } from '@app/event-store';
import type { TestDatabase } from '@app/platform/testing';
import { checkOfferValidity, rulebooks } from '@app/rules';
import type { DataSource } from 'typeorm';
import { allProjections } from '../projections/all-projections';
import { openReadModels } from '../read-model-data-source';
import { compareSchemas } from '../rebuild/compare-schemas';
import { projectIntoSchema } from '../rebuild/rebuild';
import { DomainLog } from '../testing/domain-log';
import { decideOnParked, plantUnreadable } from '../testing/planted-events';
import { programmeCourse } from '../testing/programme-course';
import { ownerOf } from './partition';
import { parkedEvents } from './progress';
import { ProjectionRunner } from './projection-runner';
import { adoptRulebook, RULEBOOK_STREAM } from './rulebook-adoption';
import { closeLogAndReadModels, openLogAndReadModels } from '../testing/log-and-read-models';

const A = '101';
const B = '147';

let db: TestDatabase;
let store: PostgresEventStore;
let live: DataSource;

beforeEach(async () => ({ db, store, live } = await openLogAndReadModels()));
afterEach(() => closeLogAndReadModels({ db, store, live }));

type Row = { kind: string; refund_oere: string | null; rulebook_version: string; booking_period: string };
const postings = async (readModels: DataSource, municipality: string) =>
  (
    (await readModels.query(
      `SELECT kind, refund_oere::text, rulebook_version, booking_period, caused_by_command FROM ledger_entry
       WHERE municipality = $1 ORDER BY position, ordinal`,
      [municipality],
    )) as (Row & { caused_by_command: string })[]
  ).map((r) => [r.kind, r.refund_oere, r.rulebook_version, r.booking_period, r.caused_by_command]);

it('processes starting at once append the adoption once; a later start appends nothing; older code refuses to adopt over it', async () => {
  const results = await Promise.all([1, 2, 3, 4].map(() => adoptRulebook(store, rulebooks)));
  expect(results.filter((r) => r.appended)).toHaveLength(1);
  const stream = await store.readStream(RULEBOOK_STREAM);
  expect(stream.map((e) => e.data)).toEqual([{ version: rulebooks.current, previous: '2026.12-2' }]);
  expect(await adoptRulebook(store, rulebooks)).toEqual({ appended: false, position: stream[0].position });

  const older = { current: '2026.12-2', genesis: '2026.12-2', versions: ['2026.12-2'] };
  await expect(adoptRulebook(store, older)).rejects.toThrow(
    new RegExp(`adopted rulebook ${rulebooks.current}, which this code does not know`),
  );
  expect(await store.readStream(RULEBOOK_STREAM)).toHaveLength(1);
});

it('the adoption re-judges both municipalities caused by it, in its booking period; a rebuild and three workers give the same rows', async () => {
  expect(ownerOf(A, 3)).not.toBe(ownerOf(B, 3));
  await programmeCourse(store, A);
  await programmeCourse(store, B);
  await new ProjectionRunner(store, live, allProjections(rulebooks), { batchSize: 2 }).catchUp();
  // Under 2026.12-2 (no adoption yet): 2,000.00 × 50 % = 1,000.00 kr. on grouping 001.
  const [originalA] = await postings(live, A);
  expect(originalA.slice(0, 4)).toEqual(['original', '100000', '2026.12-2', '2025-06']);

  const { position } = await adoptRulebook(store, rulebooks);
  const [adoption] = await store.readStream(RULEBOOK_STREAM);
  await new ProjectionRunner(store, live, allProjections(rulebooks), { batchSize: 2 }).catchUp();
  const adoptedIn = danishBookingPeriodOf(adoption.metadata.recordedAt);
  for (const municipality of [A, B])
    expect((await postings(live, municipality)).slice(1)).toEqual([
      ['reversal', '-100000', rulebooks.current, adoptedIn, adoption.id],
      ['rebooking', null, rulebooks.current, adoptedIn, adoption.id],
    ]);
  expect(await live.query('SELECT position::text, version, previous FROM rulebook_adoption')).toEqual([
    { position: position!.toString(), version: rulebooks.current, previous: '2026.12-2' },
  ]);

  // An event after the adoption is judged under the adopted version: the participant stated selvforsørgende → 005, 1,000.00 kr.
  await new DomainLog(store, checkOfferValidity, A).run(
    'ChangeTargetGroup',
    {
      personId: 'P1',
      targetGroup: 'integration_programme',
      effectiveFrom: '2025-01-01',
      attributes: { selfSupporting: true },
    },
    new Date().toISOString(),
  );
  await new ProjectionRunner(store, live, allProjections(rulebooks)).catchUp();
  const [rebooked] = (await live.query(
    `SELECT refund_oere::text, account->>'grouping' AS grouping, rulebook_version FROM ledger_entry
     WHERE municipality = $1 AND kind = 'rebooking' ORDER BY position DESC LIMIT 1`,
    [A],
  )) as { refund_oere: string; grouping: string; rulebook_version: string }[];
  expect(rebooked).toEqual({ refund_oere: '100000', grouping: '005', rulebook_version: rulebooks.current });

  await projectIntoSchema(db.url, 'rm_rebuilt', store, allProjections(rulebooks));
  expect(await compareSchemas(db.url, 'rm', 'rm_rebuilt')).toEqual([]);
  const three = await openReadModels(db.url, 'rm_three', 6);
  try {
    const workers = [0, 1, 2].map(
      (index) =>
        new ProjectionRunner(store, three, allProjections(rulebooks), {
          worker: { index, workers: 3 },
          batchSize: 3,
        }),
    );
    await Promise.all(workers.map((w) => w.catchUp()));
    expect(await compareSchemas(db.url, 'rm', 'rm_three')).toEqual([
      { table: 'projection_checkpoint', left: 1, right: 3, firstDifferentRow: 0 },
    ]);
  } finally {
    await three.destroy();
  }
});

it('a municipality parked when the adoption comes is re-judged once its parked event is decided', async () => {
  await programmeCourse(store, A);
  const planted = await plantUnreadable(store, A, '2025-06-02T08:00:00Z');
  await adoptRulebook(store, rulebooks);
  await new ProjectionRunner(store, live, allProjections(rulebooks)).catchUp();
  const [parked] = await parkedEvents(live);
  expect(parked.eventId).toBe(planted.id);
  expect((await postings(live, A)).map((p) => p[0])).toEqual(['original']);

  await decideOnParked(store, 'skip', planted, 'unreadable');
  await new ProjectionRunner(store, live, allProjections(rulebooks)).catchUp();
  expect((await postings(live, A)).map((p) => p.slice(0, 3))).toEqual([
    ['original', '100000', '2026.12-2'],
    ['reversal', '-100000', rulebooks.current],
    ['rebooking', null, rulebooks.current],
  ]);
  await projectIntoSchema(db.url, 'rm_rebuilt', store, allProjections(rulebooks));
  expect(await compareSchemas(db.url, 'rm', 'rm_rebuilt')).toEqual([]);
});

it("an expense whose months of unemployment are read on the offer's start date is re-judged on that day again, read back from cost_item", async () => {
  // Spell from 2016-01-15, education 2016-09-01..10-31 of 6,100.00 kr. (unemploymentMonthsAt 'offer_start'): 7 months on
  // its start, so all of it is in "de første 9 måneder" at 0 % on grouping 013 (003 L1638-L1641); read by days it
  // would split at 2016-10-15 and the adoption would rebook it.
  const log = new DomainLog(store, checkOfferValidity, A);
  const jobparat = {
    personId: 'P1',
    targetGroup: 'kontanthjaelp',
    effectiveFrom: '2016-01-15',
    attributes: { readiness: 'jobparat', unemploymentSpellStart: '2016-01-15' },
  };
  await log.run('ChangeTargetGroup', jobparat, '2016-08-01T09:00:00Z');
  const offer = { offerId: 'O1', personId: 'P1', offerKind: 'ordinary_education' };
  await log.run(
    'RegisterOffer',
    { ...offer, startDate: '2016-09-01', endDate: '2016-10-31' },
    '2016-08-20T09:00:00Z',
  );
  const expense = { expenseId: 'E1', offerId: 'O1', expenseType: 'course_fee', amount: '6100.00' };
  await log.run(
    'RecordOfferExpense',
    { ...expense, activityFrom: '2016-09-01', activityTo: '2016-10-31', unemploymentMonthsAt: 'offer_start' },
    '2016-11-01T09:00:00Z',
  );
  await new ProjectionRunner(store, live, allProjections(rulebooks)).catchUp();
  await adoptRulebook(store, rulebooks);
  await new ProjectionRunner(store, live, allProjections(rulebooks)).catchUp();

  const rows = (await live.query(
    `SELECT kind, activity_from, activity_to, amount_oere::text, refund_oere::text, account->>'grouping' AS grouping
       FROM ledger_entry ORDER BY position, ordinal`,
  )) as Record<string, string>[];
  expect(rows.map(Object.values)).toEqual([['original', '2016-09-01', '2016-10-31', '610000', '0', '013']]);
  expect(await live.query('SELECT unemployment_months_on FROM cost_item')).toEqual([
    { unemployment_months_on: '2016-09-01' },
  ]);
});

it("a project expense whose shares read the months on each participant's offer start is re-judged on that day again, read back from cost_item", async () => {
  // As above, for a project's share: the participant's offer 2016-09-01..10-31 (7 months into the spell from
  // 2016-01-15), the project's 6,100.00 kr for the same 61 days all hers: 0 % on 013, not split at 2016-10-15.
  const log = new DomainLog(store, checkOfferValidity, A);
  await log.run(
    'ChangeTargetGroup',
    {
      personId: 'P1',
      targetGroup: 'kontanthjaelp',
      effectiveFrom: '2016-01-15',
      attributes: { readiness: 'jobparat', unemploymentSpellStart: '2016-01-15' },
    },
    '2016-08-01T09:00:00Z',
  );
  const period = { startDate: '2016-09-01', endDate: '2016-10-31' };
  await log.run(
    'RegisterProject',
    { projectId: 'PR1', name: 'Uddannelse', offerKind: 'ordinary_education', ...period },
    '2016-08-20T09:00:00Z',
  );
  await log.run(
    'RegisterOffer',
    { offerId: 'O1', personId: 'P1', offerKind: 'ordinary_education', projectId: 'PR1', ...period },
    '2016-08-20T09:01:00Z',
  );
  await log.run(
    'RecordProjectExpense',
    {
      expenseId: 'E1',
      projectId: 'PR1',
      expenseType: 'course_fee',
      amount: '6100.00',
      activityFrom: '2016-09-01',
      activityTo: '2016-10-31',
      unemploymentMonthsAt: 'offer_start',
    },
    '2016-11-01T09:00:00Z',
  );
  await new ProjectionRunner(store, live, allProjections(rulebooks)).catchUp();
  await adoptRulebook(store, rulebooks);
  await new ProjectionRunner(store, live, allProjections(rulebooks)).catchUp();

  const rows = (await live.query(
    `SELECT kind, activity_from, activity_to, amount_oere::text, refund_oere::text, account->>'grouping' AS grouping
       FROM ledger_entry ORDER BY position, ordinal`,
  )) as Record<string, string>[];
  expect(rows.map(Object.values)).toEqual([['original', '2016-09-01', '2016-10-31', '610000', '0', '013']]);
  expect(await live.query('SELECT cost_item_id, unemployment_months_on FROM cost_item')).toEqual([
    { cost_item_id: 'project:PR1:E1:O1', unemployment_months_on: '2016-09-01' },
  ]);
});
