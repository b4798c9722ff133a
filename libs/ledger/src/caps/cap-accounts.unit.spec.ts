// A cap's adjustment on the dranst-2 accounts its capped postings refund on (rulebook 2026.12-5,
// capAdjustmentAccounts): each dranst-2 grouping refunds the dranst-1 groupings it names under its
// cap (seed 001, 5.68.90 dranst 2, L183-L188; groupings 001-002, L1971-L2015), so the 2014-2015
// mentorramme, whose grouping 017 refunds on 5.68.90.2.001 and 019 on .002, takes its adjustment
// off both, shared by their refunds before the cap with cumulative rounding.
// The costs: p1 selvforsørgende (SELV-MENTOR-2015, 50 %, 017 → 2.001), 10 h × 200,00 kr = 2.000,00 kr,
// refund 1.000,00 kr; p2 revalidend (CAPB-MENTOR-2014, 50 %, 019 → 2.002), 5 h × 200,00 kr =
// 1.000,00 kr, refund 500,00 kr. The frame: 1.000,00 kr × 1 helårsperson; limit = round(min(3.000,00,
// 1.000,00) × 50 %) = 500,00 kr, so the adjustment is 500,00 − 1.500,00 = −1.000,00 kr (seed003 §2.1).
import type { Posting } from '../posting.types';
import { givenEvents, ledgerEvents } from '../testing/given-ledger-events';
import { splitByWeights } from './cap-accounts';

const l = ledgerEvents();
const june2015 = l.at('2015-06-10T09:00:00Z');
const agreement = (agreementId: string) => ({
  agreementId,
  mentorType: 'company' as const,
  startDate: '2015-01-01',
  endDate: '2015-12-31',
});
const hours = (contactHours: string, cost: string) => ({ contactHours, hourlyCost: '200.00', cost });
const costs = [
  june2015.targetGroupChanged('p1', 'selvforsoergende', '2015-01-01'),
  june2015.targetGroupChanged('p2', 'revalidering', '2015-01-01'),
  june2015.mentorHoursRecorded('p1', agreement('a1'), '2015-03-10', hours('10.00', '2000.00')),
  june2015.mentorHoursRecorded('p2', agreement('a2'), '2015-03-11', hours('5.00', '1000.00')),
];
const frame = l.at('2015-07-01T09:00:00Z', { eventId: 'params' });
const adjustments = (postings: Posting[]) =>
  postings
    .filter((p) => p.kind === 'cap_adjustment')
    .map((p) => [
      p.entryId,
      p.refundAccount && `${p.refundAccount.function}.${p.refundAccount.dranst}.${p.refundAccount.grouping}`,
      p.refundOere,
      p.bookingPeriod,
    ]);

it('the capped postings: 1.000,00 kr on 5.68.90.2.001 and 500,00 kr on .002', () => {
  const { postings } = givenEvents([]).when(...costs);
  expect(postings.map((p) => [p.ruleId, p.refundOere, p.refundAccount?.grouping, p.cap])).toEqual([
    ['SELV-MENTOR-2015', 100000, '001', 'mentorramme'],
    ['CAPB-MENTOR-2014', 50000, '002', 'mentorramme'],
  ]);
});

it('shares the −1.000,00 kr over .001 and .002 by 1.000,00 : 500,00 kr, to the øre: −666,67 and −333,33 kr', () => {
  // .001: round(−100000 × 100000 / 150000) = round(−66666,67) = −66667 øre; .002: −100000 − (−66667) = −33333 øre
  const { postings, outcomes } = givenEvents(costs).when(
    frame.capParametersSet(2015, 'mentorramme', '1000.00', '1.00'),
  );
  expect(adjustments(postings)).toEqual([
    ['params:cap:2015:mentorramme:5.68.90.2.001', '5.68.90.2.001', -66667, '2015-07'],
    ['params:cap:2015:mentorramme:5.68.90.2.002', '5.68.90.2.002', -33333, '2015-07'],
  ]);
  const restated = outcomes[0].facts.flatMap((f) => (f.type === 'cap_restated' ? [f.computation] : []));
  expect(restated.map((c) => [c.deltaOere, c.account?.adjustmentOere, c.account?.deltaOere])).toEqual([
    [-100000n, -66667n, -66667n],
    [-100000n, -33333n, -33333n],
  ]);
});

it('a further capped cost posts only the difference on each account', () => {
  // p2 3 h × 200,00 = 600,00 kr, refund 300,00 kr on .002: refunds before the cap 1.000,00 : 800,00 kr, the
  // adjustment 500,00 − 1.800,00 = −1.300,00 kr; .001 round(−130000 × 100000 / 180000) = −72222 øre (was −66667),
  // .002 −130000 + 72222 = −57778 øre (was −33333): −5.555 and −24.445 øre, together −300,00 kr
  const { postings } = givenEvents([
    ...costs,
    frame.capParametersSet(2015, 'mentorramme', '1000.00', '1.00'),
  ]).when(
    l
      .at('2015-08-03T09:00:00Z', { eventId: 'more' })
      .mentorHoursRecorded('p2', agreement('a2'), '2015-08-03', hours('3.00', '600.00')),
  );
  expect(adjustments(postings)).toEqual([
    ['more:cap:2015:mentorramme:5.68.90.2.001', '5.68.90.2.001', -5555, '2015-08'],
    ['more:cap:2015:mentorramme:5.68.90.2.002', '5.68.90.2.002', -24445, '2015-08'],
  ]);
});

it('under 2026.12-4 the whole adjustment took the first posting’s account; adopting 2026.12-5 moves −333,33 kr to .002', () => {
  const built = [...costs, frame.capParametersSet(2015, 'mentorramme', '1000.00', '1.00')];
  const before = givenEvents([], { rulebook: '2026.12-4' }).when(...built);
  expect(adjustments(before.postings)).toEqual([
    ['params:cap:2015:mentorramme', '5.68.90.2.001', -100000, '2015-07'],
  ]);
  // the adoption after the year: its differences are booked in the year's last period, caused by it
  const { postings } = givenEvents(built, { rulebook: '2026.12-4' }).when(
    l.at('2026-12-01T06:00:00Z', { eventId: 'adoption' }).rulebookAdopted('2026.12-5'),
  );
  expect(adjustments(postings)).toEqual([
    ['adoption:cap:2015:mentorramme:5.68.90.2.001', '5.68.90.2.001', 33333, '2015-12'],
    ['adoption:cap:2015:mentorramme:5.68.90.2.002', '5.68.90.2.002', -33333, '2015-12'],
  ]);
  expect(postings.every((p) => p.rulebookVersion === '2026.12-5')).toBe(true);
});

it('keeps a closed year as it was posted when 2026.12-5 is adopted', () => {
  const built = [
    ...costs,
    frame.capParametersSet(2015, 'mentorramme', '1000.00', '1.00'),
    l.at('2016-03-01T09:00:00Z').accountingYearClosed(2015),
  ];
  const { postings } = givenEvents(built, { rulebook: '2026.12-4' }).when(
    l.at('2026-12-01T06:00:00Z', { eventId: 'adoption' }).rulebookAdopted('2026.12-5'),
  );
  expect(postings).toEqual([]);
});

it('splitByWeights: the parts add up to the amount', () => {
  expect(splitByWeights(100n, [1n, 1n, 1n])).toEqual([33n, 34n, 33n]);
  expect(splitByWeights(-1n, [1n, 1n])).toEqual([-1n, 0n]);
  expect(splitByWeights(-100000n, [100000n, 50000n])).toEqual([-66667n, -33333n]);
});
