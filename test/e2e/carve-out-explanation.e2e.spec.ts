// A carve-out's explanation and the project are as of an instant, like every other explanation: a
// later change (a participant cancelled) deducts the carve-out again, but the explanation of the
// posting made first shows the carve-out as it stood then, and the project as of then shows it so.
// Figures: VEJ 9584 3.1 (000_140518b2c182b2de.txt L479-L482, time registration; the DUT standard of
// 451 kr per hour at 2025-pl, L466-L469, given in the command), 6.45.53 (L706); the deduction in
// proportion to the shares by cumulative rounding (003_ba212cd929ee8ae7.txt L4210-L4213).
import { startTestSystem, type TestSystem } from '../support/test-system';
import { financeClient, type Entry } from './scenarios/finance-client';

let system: TestSystem;
let now = new Date('2025-04-10T09:00:00Z');
beforeAll(async () => {
  process.env.LOG_REQUESTS = '0';
  system = await startTestSystem({ clock: () => now });
});
afterAll(async () => {
  await system.close();
});
const { send, get, person, entries } = financeClient(() => system);

type CarveOut = { costsOfPeriod: string; carved: string; deductions: { offerId: string; amount: string }[] };
const standing = (c: CarveOut) => [c.costsOfPeriod, c.carved, c.deductions.map((d) => [d.offerId, d.amount])];

it('the explanation and the project show the carve-out as it stood at the posting and at asOf', async () => {
  const m = '309';
  const p1 = await person(m, 'jobafklaring', '2025-01-01');
  const p2 = await person(m, 'dagpenge', '2025-01-01');
  const march = { startDate: '2025-03-01', endDate: '2025-03-31' };
  await send(m, 'RegisterProject', {
    projectId: 'P',
    name: 'Lager',
    offerKind: 'ordinary_education',
    ...march,
  });
  for (const [offerId, personId] of [
    ['o1', p1],
    ['o2', p2],
  ])
    await send(m, 'RegisterOffer', {
      offerId,
      personId,
      offerKind: 'ordinary_education',
      projectId: 'P',
      ...march,
    });
  // 10,000.00 for March shared by 31 + 31 participant-days: 5,000.00 each.
  await send(m, 'RecordProjectExpense', {
    expenseId: 'inv1',
    projectId: 'P',
    expenseType: 'course_fee',
    amount: '10000.00',
    activityFrom: '2025-03-01',
    activityTo: '2025-03-31',
  });
  // 2.00 h × 451.00 = 902.00; K = 1,000,000 øre: d1 = round(90,200 × 500,000 / 1,000,000) = 45,100, d2 = 45,100.
  now = new Date('2025-05-02T09:00:00Z');
  await send(m, 'RecordAdministrativeShare', {
    shareId: 'as1',
    projectId: 'P',
    activityFrom: '2025-03-01',
    activityTo: '2025-03-31',
    method: 'time_registration',
    hours: '2.00',
    hourlyCost: '451.00',
    priceLevelYear: 2025,
    methodReference: 'Metode 2, notat 2025-01-15',
  });
  const first = [
    '10000.00',
    '902.00',
    [
      ['o1', '-451.00'],
      ['o2', '-451.00'],
    ],
  ];
  // o2 cancelled: o1 bears the whole invoice, and the whole carve-out: one deduction of 902.00.
  now = new Date('2025-06-02T09:00:00Z');
  await send(m, 'CancelOffer', { offerId: 'o2', projectId: 'P', reason: 'never took place' });
  const later = ['10000.00', '902.00', [['o1', '-902.00']]];

  const explained = async (e: Entry, asOf?: string) =>
    standing(
      (await get(m, `/ledger/entries/${e.entryId}/explanation`, asOf ? { asOf } : {})).body
        .administrativeShare,
    );
  const all = await entries(m);
  const administration = all.find((e) => e.account?.function === '6.45.53' && e.kind === 'original')!;
  expect(await explained(administration, '2025-05-03T00:00:00Z')).toEqual(first);
  expect(await explained(administration)).toEqual(first); // the posting was made from the first state
  const rebooked = all.find(
    (e) => e.kind !== 'reversal' && e.amount === '-902.00' && e.bookingPeriod === '2025-06',
  )!;
  expect(await explained(rebooked)).toEqual(later);

  const project = async (asOf: string) =>
    (await get(m, '/projects/P', { asOf })).body.administrativeShares.map(standing);
  expect(await project('2025-05-01T00:00:00Z')).toEqual([]);
  expect(await project('2025-05-03T00:00:00Z')).toEqual([first]);
  expect(await project('2025-06-03T00:00:00Z')).toEqual([later]);
});
