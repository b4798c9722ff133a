// A project expense shared by its participants (003_ba212cd929ee8ae7.txt L4210-L4213: costs of a project for
// several target groups "skal fordeles/opdeles til flere målgrupper"): shares in proportion to participant-days,
// cumulative rounding C(d) = round(A × d / D) (day-split.ts), each share split by the participant's own timeline
// and judged by the rulebook like an offer expense; every later change posts exactly the differences.
//
// Rates of ordinary education (course_fee) in March 2025 (libs/rules/src/data/refund-rules.json):
// jobafklaring 50 % (JA-OPS, 000_140518b2c182b2de.txt Bilag 3), dagpenge 0 % (DP-OPS-2019H2, 000_… 2 A),
// integration programme 50 % (INT-PROG-OFFER, 000_… 2 B).
import { givenEvents, ledgerEvents } from '../testing/given-ledger-events';

const l = ledgerEvents();
const april = l.at('2025-04-10T09:00:00Z');
const P = { projectId: 'P' };
const project = [
  april.targetGroupChanged('p1', 'jobafklaring', '2025-01-01'),
  april.targetGroupChanged('p2', 'dagpenge', '2025-01-01'),
  april.targetGroupChanged('p3', 'integration_programme', '2025-01-01', {
    attributes: { selfSupporting: false },
  }),
  april.targetGroupChanged('p4', 'jobafklaring', '2025-01-01'),
  april.projectRegistered('P', '2025-03-01', '2025-03-31'),
  april.offerRegistered('p1', 'o1', '2025-03-01', '2025-03-31', P),
  april.offerRegistered('p2', 'o2', '2025-03-01', '2025-03-31', P),
];
const withThird = [...project, april.offerRegistered('p3', 'o3', '2025-03-11', '2025-03-31', P)];
const invoice = l
  .at('2025-04-11T09:00:00Z')
  .projectExpenseRecorded('P', 'inv1', '10000.00', '2025-03-01', '2025-03-31');
const may = l.at('2025-05-02T09:00:00Z');

it('three participants of three target groups share one invoice by participant-days, to the øre', () => {
  // D = 31 + 31 + 21 = 83 participant-days; C(31) = round(1,000,000 × 31/83) = 373,494 øre,
  // C(62) = round(746,987.95) = 746,988, C(83) = 1,000,000: shares 3734.94 + 3734.94 + 2530.12 = 10000.00.
  const shared = givenEvents(withThird).when(invoice);
  shared.thenPostings([
    ['original', 'jobafklaring', '2025-03-01', '2025-03-31', '3734.94', '50', '1867.47', '2025-04'],
    ['original', 'dagpenge', '2025-03-01', '2025-03-31', '3734.94', '0', '0.00', '2025-04'],
    ['original', 'integration_programme', '2025-03-11', '2025-03-31', '2530.12', '50', '1265.06', '2025-04'],
  ]);
  const shares = shared.outcomes[0].facts.flatMap((f) => (f.type === 'project_share_set' ? [f.share] : []));
  expect(shares.map((s) => [s?.offerId, s?.participantDays, s?.daysBefore, s?.amountOere])).toEqual([
    ['o1', 31, 0, 373494],
    ['o2', 31, 31, 373494],
    ['o3', 21, 62, 253012],
  ]);
});

it('a participant cancelled after the invoice: the others bear it all, and only the differences are posted', () => {
  // D = 62: C(31) = round(1,000,000 × 31/62) = 500,000 → 5000.00 each; p3's 2530.12 is reversed.
  givenEvents([...withThird, invoice])
    .when(may.offerCancelled('p3', 'o3', '2025-03-11', '2025-03-31', 'never took place', P))
    .thenPostings([
      ['reversal', 'jobafklaring', '2025-03-01', '2025-03-31', '-3734.94', '50', '-1867.47', '2025-05'],
      ['rebooking', 'jobafklaring', '2025-03-01', '2025-03-31', '5000.00', '50', '2500.00', '2025-05'],
      ['reversal', 'dagpenge', '2025-03-01', '2025-03-31', '-3734.94', '0', '0.00', '2025-05'],
      ['rebooking', 'dagpenge', '2025-03-01', '2025-03-31', '5000.00', '0', '0.00', '2025-05'],
      [
        'reversal',
        'integration_programme',
        '2025-03-11',
        '2025-03-31',
        '-2530.12',
        '50',
        '-1265.06',
        '2025-05',
      ],
    ]);
});

it('a retroactive regrouping of one participant reposts only that participant’s share', () => {
  // p2's 3734.94 split at 16 March over 31 days: C(15) = round(373,494 × 15/31) = round(180,722.9) = 180,723 →
  // 1807.23 at 0 %, 1927.71 at 50 % = 963.855 → 963.86 (half away from zero).
  givenEvents([...withThird, invoice])
    .when(may.targetGroupChanged('p2', 'jobafklaring', '2025-03-16'))
    .thenPostings([
      ['reversal', 'dagpenge', '2025-03-01', '2025-03-31', '-3734.94', '0', '0.00', '2025-05'],
      ['rebooking', 'dagpenge', '2025-03-01', '2025-03-15', '1807.23', '0', '0.00', '2025-05'],
      ['rebooking', 'jobafklaring', '2025-03-16', '2025-03-31', '1927.71', '50', '963.86', '2025-05'],
    ]);
});

it('a late joiner reallocates both invoices of the period, to the øre', () => {
  const inv1 = l
    .at('2025-04-11T09:00:00Z')
    .projectExpenseRecorded('P', 'inv1', '6000.00', '2025-03-01', '2025-03-31');
  const inv2 = l
    .at('2025-04-11T09:00:00Z')
    .projectExpenseRecorded('P', 'inv2', '3000.00', '2025-03-16', '2025-03-31');
  // inv1: D = 31 + 31 + 16 = 78; C(31) = round(600,000 × 31/78) = round(238,461.54) = 238,462,
  //   C(62) = round(476,923.08) = 476,923: 2384.62, 2384.61, 1230.77 (was 3000.00 each).
  // inv2: D = 16 + 16 + 16 = 48: 1000.00 each (was 1500.00 each).
  const joined = givenEvents([...project, inv1, inv2]).when(
    may.offerRegistered('p4', 'o4', '2025-03-16', '2025-03-31', P),
  );
  joined.thenPostings([
    ['reversal', 'jobafklaring', '2025-03-01', '2025-03-31', '-3000.00', '50', '-1500.00', '2025-05'],
    ['rebooking', 'jobafklaring', '2025-03-01', '2025-03-31', '2384.62', '50', '1192.31', '2025-05'],
    ['reversal', 'jobafklaring', '2025-03-16', '2025-03-31', '-1500.00', '50', '-750.00', '2025-05'],
    ['rebooking', 'jobafklaring', '2025-03-16', '2025-03-31', '1000.00', '50', '500.00', '2025-05'],
    ['reversal', 'dagpenge', '2025-03-01', '2025-03-31', '-3000.00', '0', '0.00', '2025-05'],
    ['rebooking', 'dagpenge', '2025-03-01', '2025-03-31', '2384.61', '0', '0.00', '2025-05'],
    ['reversal', 'dagpenge', '2025-03-16', '2025-03-31', '-1500.00', '0', '0.00', '2025-05'],
    ['rebooking', 'dagpenge', '2025-03-16', '2025-03-31', '1000.00', '0', '0.00', '2025-05'],
    ['original', 'jobafklaring', '2025-03-16', '2025-03-31', '1230.77', '50', '615.39', '2025-05'],
    ['original', 'jobafklaring', '2025-03-16', '2025-03-31', '1000.00', '50', '500.00', '2025-05'],
  ]);
  // The joiner's shares are cost items new to p4 (the read side inserts them); the others' changed.
  const items = joined.outcomes[0].facts.flatMap((f) =>
    f.type === 'project_share_set' ? [[f.item.personId, f.expenseId, f.created]] : [],
  );
  expect(items).toEqual([
    ['p1', 'inv1', false],
    ['p2', 'inv1', false],
    ['p4', 'inv1', true],
    ['p1', 'inv2', false],
    ['p2', 'inv2', false],
    ['p4', 'inv2', true],
  ]);
});

it('a corrected offer period moves days between participants', () => {
  // o2 shortened to 1-10 March: D = 31 + 10 = 41; C(31) = round(1,000,000 × 31/41) = round(756,097.56) = 756,098.
  givenEvents([...project, invoice])
    .when(may.offerPeriodChanged('p2', 'o2', ['2025-03-01', '2025-03-31'], ['2025-03-01', '2025-03-10'], P))
    .thenPostings([
      ['reversal', 'jobafklaring', '2025-03-01', '2025-03-31', '-5000.00', '50', '-2500.00', '2025-05'],
      ['rebooking', 'jobafklaring', '2025-03-01', '2025-03-31', '7560.98', '50', '3780.49', '2025-05'],
      ['reversal', 'dagpenge', '2025-03-01', '2025-03-31', '-5000.00', '0', '0.00', '2025-05'],
      ['rebooking', 'dagpenge', '2025-03-01', '2025-03-10', '2439.02', '0', '0.00', '2025-05'],
    ]);
});

it('the last participants cancelled: the cost is posted whole as unresolved, and shared again when someone joins', () => {
  const cancelled = [
    may.offerCancelled('p1', 'o1', '2025-03-01', '2025-03-31', 'never took place', P),
    may.offerCancelled('p2', 'o2', '2025-03-01', '2025-03-31', 'never took place', P),
  ];
  const { postings } = givenEvents([...project, invoice]).when(...cancelled);
  expect(
    postings.filter((p) => p.personId === null).map((p) => [p.kind, p.amountOere, p.unresolved]),
  ).toEqual([
    [
      'original',
      1000000,
      {
        outcome: 'no_rule',
        reason: 'no participant of the project takes part in the period of the expense (project P)',
      },
    ],
  ]);
  givenEvents([...project, invoice, ...cancelled])
    .when(l.at('2025-06-02T09:00:00Z').offerRegistered('p4', 'o4', '2025-03-16', '2025-03-31', P))
    .thenPostings([
      ['original', 'jobafklaring', '2025-03-16', '2025-03-31', '10000.00', '50', '5000.00', '2025-06'],
      ['reversal', null, '2025-03-01', '2025-03-31', '-10000.00', null, null, '2025-06'],
    ]);
});

it('a project is created by its registration (the read side inserts it) and changed by its participants', () => {
  const { outcomes } = givenEvents(project.slice(0, 4)).when(...project.slice(4));
  expect(
    outcomes.flatMap((o) => o.facts.flatMap((f) => (f.type === 'project_changed' ? [f.created] : []))),
  ).toEqual([true, false, false]);
});
