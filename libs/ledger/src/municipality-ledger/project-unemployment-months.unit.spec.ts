// A project expense's shares under the 2014-2018 9-month rule for jobparate kontanthjælpsmodtagere (no refund of
// ordinary education in the first 9 months of unemployment, 003 L1638-L1641; from the 9th month 50 % within
// driftsloft A on 5.68.90 grouping 003): by default each share is split by days at its participant's monthly
// anniversary; with unemploymentMonthsAt 'offer_start' the months on each participant's offer start date classify
// the whole share (the sources leave the choice open, 003 L4216-L4219: "hvor langt borgeren er i ledighedsforløbet,
// når tilbuddet startes op og afsluttes").
// The project: 6.200,00 kr of course fees for October 2016 (31 days), two participants all month: 31 + 31
// participant-days, C(31) = round(620.000 × 31 / 62) = 310.000 øre, so 3.100,00 kr each (project-ledger.ts).
// p1's spell began 2016-01-15 and her offer 2016-09-01: 7 months on the offer's start; p2's spell began
// 2015-12-01: 9 months on 2016-09-01.
import { givenEvents, ledgerEvents } from '../testing/given-ledger-events';

const l = ledgerEvents();
const august = l.at('2016-08-20T09:00:00Z');
const P = { projectId: 'P' };
const jobparat = (unemploymentSpellStart: string) => ({
  attributes: { readiness: 'jobparat' as const, unemploymentSpellStart },
});
const project = [
  august.targetGroupChanged('p1', 'kontanthjaelp', '2016-01-15', jobparat('2016-01-15')),
  august.targetGroupChanged('p2', 'kontanthjaelp', '2015-12-01', jobparat('2015-12-01')),
  august.projectRegistered('P', '2016-09-01', '2016-12-31'),
  august.offerRegistered('p1', 'o1', '2016-09-01', '2016-12-31', P),
  august.offerRegistered('p2', 'o2', '2016-09-01', '2016-12-31', P),
];
const november = l.at('2016-11-02T09:00:00Z');
const october = (o: { unemploymentMonthsAt?: 'offer_start' } = {}) =>
  november.projectExpenseRecorded('P', 'inv1', '6200.00', '2016-10-01', '2016-10-31', o);

it('read on each activity date: p1 is split at 2016-10-15 (9 months), p2 is past 9 months all October', () => {
  // p1: C(14) = round(310.000 × 14 / 31) = 140.000 øre at 0 % on 013; 170.000 øre × 50 % = 85.000 øre on 003.
  // p2: 3.100,00 × 50 % = 1.550,00 kr on 003.
  const { postings } = givenEvents(project).when(october());
  expect(
    postings.map((p) => [p.personId, p.activityFrom, p.activityTo, p.amountOere, p.refundOere, p.ruleId]),
  ).toEqual([
    ['p1', '2016-10-01', '2016-10-14', 140_000, 0, 'KTH-ORD-JP-LT9'],
    ['p1', '2016-10-15', '2016-10-31', 170_000, 85_000, 'KTH-ORD-JP-GE9'],
    ['p2', '2016-10-01', '2016-10-31', 310_000, 155_000, 'KTH-ORD-JP-GE9'],
  ]);
});

it("read on each participant's offer start: p1's 7 months leave her whole share at 0 %, p2's 9 months give 50 %", () => {
  // p1: 3.100,00 × 0 % = 0,00 kr on 013 (not split); p2: 3.100,00 × 50 % = 1.550,00 kr on 003 within driftsloft A.
  const { postings } = givenEvents(project).when(october({ unemploymentMonthsAt: 'offer_start' }));
  expect(
    postings.map((p) => [
      p.personId,
      p.activityFrom,
      p.activityTo,
      p.amountOere,
      p.refundOere,
      p.account?.grouping,
      p.cap,
      p.ruleId,
    ]),
  ).toEqual([
    ['p1', '2016-10-01', '2016-10-31', 310_000, 0, '013', null, 'KTH-ORD-JP-LT9'],
    [
      'p2',
      '2016-10-01',
      '2016-10-31',
      310_000,
      155_000,
      '003',
      'driftsloft_dagpenge_kontanthjaelp',
      'KTH-ORD-JP-GE9',
    ],
  ]);
});

it("a participant's offer moved to start 2016-10-15 (9 months into p1's spell): her share is judged again on that day", () => {
  // p1 now takes part 2016-10-15..10-31 (17 days), p2 all October (31): D = 48, in the order they joined
  // C(17) = round(620.000 × 17 / 48) = round(219.583,33) = 219.583 øre for p1, at 50 % = 109.791,5 → 109.792 øre
  // (half away from zero); p2 620.000 − 219.583 = 400.417 øre, at 50 % = 200.208,5 → 200.209 øre.
  const moved = l.at('2016-11-03T09:00:00Z');
  const { postings } = givenEvents([...project, october({ unemploymentMonthsAt: 'offer_start' })]).when(
    moved.offerPeriodChanged('p1', 'o1', ['2016-09-01', '2016-12-31'], ['2016-10-15', '2016-12-31'], P),
  );
  expect(
    postings.map((p) => [p.kind, p.personId, p.activityFrom, p.activityTo, p.amountOere, p.refundOere]),
  ).toEqual([
    ['reversal', 'p1', '2016-10-01', '2016-10-31', -310_000, 0],
    ['rebooking', 'p1', '2016-10-15', '2016-10-31', 219_583, 109_792],
    ['reversal', 'p2', '2016-10-01', '2016-10-31', -310_000, -155_000],
    ['rebooking', 'p2', '2016-10-01', '2016-10-31', 400_417, 200_209],
  ]);
});
