// A carve-out's explanation and the project are as of an instant, like every other explanation: a
// later change (a participant cancelled) deducts the carve-out again, but the explanation of the
// posting made first shows the carve-out as it stood then, and the project as of then shows it so.
// Figures: VEJ 9584 3.1 (000_140518b2c182b2de.txt L479-L482, time registration; the DUT standard of
// 451 kr per hour at 2025-pl, L466-L469, given in the command), 6.45.53 (L706); the deduction in
// proportion to the shares by cumulative rounding (003_ba212cd929ee8ae7.txt L4210-L4213). An offer's carve-out in a
// batch counts the expenses the batch records before it; the excess an expense's reversal leaves names that reversal.
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { startTestSystem, type TestSystem } from '../support/test-system';
import { financeClient, type Entry } from './scenarios/finance-client';

let system: TestSystem;
let now = new Date('2025-04-10T09:00:00Z');
beforeAll(async () => (system = await startTestSystem({ clock: () => now })));
afterAll(() => system.close());
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

it('ids with colons (the command schemas allow them) are explained, each under its own project', async () => {
  // Project "P:1" and project "P" with ids that start alike: read back by splitting the keys at ':' they gave project
  // "P", share "1" for both; with each id's colons escaped in the keys every part reads back as given. Each share is
  // its project's whole 1,000.00 (one participant).
  const m = '310';
  const p1 = await person(m, 'jobafklaring', '2025-01-01');
  const march = { startDate: '2025-03-01', endDate: '2025-03-31' };
  const setUp = [
    { projectId: 'P:1', offerId: 'o:1', expenseId: 'a:b', shareId: 's:1' },
    { projectId: 'P', offerId: '1:a', expenseId: '1:a:b', shareId: '1:s:1' },
  ];
  for (const s of setUp) {
    await send(m, 'RegisterProject', {
      projectId: s.projectId,
      name: 'Kursus',
      offerKind: 'ordinary_education',
      ...march,
    });
    await send(m, 'RegisterOffer', {
      offerId: s.offerId,
      personId: p1,
      offerKind: 'ordinary_education',
      projectId: s.projectId,
      ...march,
    });
    await send(m, 'RecordProjectExpense', {
      expenseId: s.expenseId,
      projectId: s.projectId,
      expenseType: 'course_fee',
      amount: '1000.00',
      activityFrom: '2025-03-01',
      activityTo: '2025-03-31',
    });
    // 1.00 h × 100.00 = 100.00 carved out of the 1,000.00 (VEJ 9584 3.1, L479-L482).
    await send(m, 'RecordAdministrativeShare', {
      shareId: s.shareId,
      projectId: s.projectId,
      activityFrom: '2025-03-01',
      activityTo: '2025-03-31',
      method: 'time_registration',
      hours: '1.00',
      hourlyCost: '100.00',
      priceLevelYear: 2025,
      methodReference: 'tidsregistrering',
    });
  }
  // An offer of its own with expense "e:1".
  await send(m, 'RegisterOffer', {
    offerId: 'own:1',
    personId: p1,
    offerKind: 'ordinary_education',
    ...march,
  });
  await send(m, 'RecordOfferExpense', {
    expenseId: 'e:1',
    offerId: 'own:1',
    expenseType: 'course_fee',
    amount: '400.00',
    activityFrom: '2025-03-01',
    activityTo: '2025-03-31',
  });
  const all = await entries(m);
  // Per project: the share 1,000.00, its deduction −100.00, and 100.00 on 6.45.53; and the own offer's 400.00.
  expect(all.map((e) => e.amount).sort()).toEqual(
    ['-100.00', '-100.00', '100.00', '100.00', '1000.00', '1000.00', '400.00'].sort(),
  );
  const explain = async (e: Entry) =>
    (await get(m, `/ledger/entries/${encodeURIComponent(e.entryId)}/explanation`)).body;
  for (const s of setUp) {
    const ofProject = (await get(m, '/ledger/entries', { projectId: s.projectId })).body.entries as Entry[];
    expect(ofProject.map((e) => e.amount).sort()).toEqual(['-100.00', '1000.00']);
    const share = ofProject.find((e) => e.amount === '1000.00')!;
    expect((await explain(share)).projectShare).toMatchObject({
      projectId: s.projectId,
      expenseId: s.expenseId,
      offerId: s.offerId,
    });
    const deduction = await explain(ofProject.find((e) => e.amount === '-100.00')!);
    expect(deduction.administrativeShare).toMatchObject({ shareId: s.shareId, carved: '100.00' });
    expect(deduction.events.map((e: { stream: string }) => e.stream)).toContain(
      `project-${m}-${s.projectId}`,
    );
  }
  const administration = all.filter((e) => e.account?.function === '6.45.53');
  const shown = await Promise.all(
    administration.map(async (e) => (await explain(e)).administrativeShare.shareId),
  );
  expect(shown.sort()).toEqual(setUp.map((s) => s.shareId).sort());
  const own = await explain(all.find((e) => e.amount === '400.00')!);
  expect(own.events.map((e: { type: string }) => e.type)).toContain('OfferExpenseRecorded');
});

it('an offer’s carve-out in one batch after its expense is decided with that expense, and not with one reversed', async () => {
  const m = '311';
  const p1 = await person(m, 'jobafklaring', '2025-01-01');
  const batch = async (commands: object[]) => {
    const res = await request(system.http)
      .post('/v1/commands')
      .set('authorization', `Bearer ${system.token('jobcentre', m)}`)
      .send({ commands: commands.map((c) => ({ commandId: randomUUID(), municipality: m, ...c })) });
    expect(res.status).toBe(200);
    return res.body.results as { status: number; position?: string; problem?: { code?: string } }[];
  };
  const march = { activityFrom: '2025-03-01', activityTo: '2025-03-31' };
  const expense = (expenseId: string, offerId: string) => ({
    type: 'RecordOfferExpense',
    expenseId,
    offerId,
    expenseType: 'course_fee',
    amount: '1000.00',
    ...march,
  });
  // 1.00 h × 100.00 = 100.00 (VEJ 9584 3.1, L479-L482) out of the 1,000.00 the same batch records before it.
  const share = (shareId: string, offerId: string) => ({
    type: 'RecordAdministrativeShare',
    shareId,
    offerId,
    ...march,
    method: 'time_registration',
    hours: '1.00',
    hourlyCost: '100.00',
    priceLevelYear: 2025,
    methodReference: 'tidsregistrering',
  });
  const offer = (offerId: string) => ({
    type: 'RegisterOffer',
    offerId,
    personId: p1,
    offerKind: 'ordinary_education',
    startDate: '2025-03-01',
    endDate: '2025-03-31',
  });
  const accepted = await batch([offer('ob1'), expense('eb1', 'ob1'), share('sb1', 'ob1')]);
  expect(accepted.map((r) => r.status)).toEqual([201, 201, 201]);
  const reversed = await batch([
    offer('ob2'),
    expense('eb2', 'ob2'),
    { type: 'ReverseOfferExpense', expenseId: 'eb2', reason: 'booked in error' },
    share('sb2', 'ob2'),
  ]);
  expect(reversed.map((r) => r.status)).toEqual([201, 201, 201, 422]);
  expect(reversed[3].problem).toMatchObject({ code: 'administrative_share.exceeds_costs' });
  const ofOffer = await entries(m, { offerId: 'ob1', minPosition: accepted[2].position! });
  expect(ofOffer.map((e) => [e.amount, e.account?.function ?? null]).sort()).toEqual(
    [
      ['-100.00', '5.68.90'],
      ['1000.00', '5.68.90'],
      ['100.00', '6.45.53'],
    ].sort(),
  );
});

it('the excess an expense’s reversal leaves an offer’s carve-out names the reversal among its events', async () => {
  const m = '312';
  const p1 = await person(m, 'jobafklaring', '2025-01-01');
  const march = { activityFrom: '2025-03-01', activityTo: '2025-03-31' };
  await send(m, 'RegisterOffer', {
    offerId: 'o1',
    personId: p1,
    offerKind: 'ordinary_education',
    startDate: '2025-03-01',
    endDate: '2025-03-31',
  });
  await send(m, 'RecordOfferExpense', {
    expenseId: 'e1',
    offerId: 'o1',
    expenseType: 'course_fee',
    amount: '1000.00',
    ...march,
  });
  await get(m, '/ledger/entries'); // the carve-out's decision reads the expense as projected
  // 1.00 h × 100.00 = 100.00 (VEJ 9584 3.1, L479-L482); e1 reversed, March holds no cost: 100.00 unresolved.
  await send(m, 'RecordAdministrativeShare', {
    shareId: 's1',
    offerId: 'o1',
    ...march,
    method: 'time_registration',
    hours: '1.00',
    hourlyCost: '100.00',
    priceLevelYear: 2025,
    methodReference: 'tidsregistrering',
  });
  const reversal = await send(m, 'ReverseOfferExpense', { expenseId: 'e1', reason: 'booked in error' });
  const excess = (await entries(m)).find((e) => e.account === null && e.amount === '100.00')!;
  expect(excess.causedBy.commandId).toBe(reversal);
  const explained = (await get(m, `/ledger/entries/${encodeURIComponent(excess.entryId)}/explanation`)).body;
  expect(explained.administrativeShare).toMatchObject({ shareId: 's1', role: 'excess', excess: '100.00' });
  expect(explained.events.map((e: { type: string; stream: string }) => [e.type, e.stream])).toEqual([
    ['OfferExpenseReversed', `expense-${m}-e1`],
  ]);
});
