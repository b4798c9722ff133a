// Every cell of VEJ 9584/2025 Bilag 3 (000_140518b2c182b2de.txt, "Bilag 3 Refusionstabel for målgrupper omfattet
// af § 6 i LAB"), asked on 2025-07-01. The column "Alle øvrige omfattet af § 6" is asked for every other LAB group.
// 'no_rule' where Bilag 3 has "-" (not applicable) or the chart of accounts in the sources has no grouping for the cell;
// 'ambiguous' where the 2 A text and Bilag 3 disagree (§ 173 for alle øvrige; § 175 with § 198 for dagpenge).
import type { ExpenseType, OfferKind, TargetGroup } from '@app/domain';
import { costAccountOf, decide, expenseQuery, mentorQuery, summary } from './refund-query.test-helper';

const DATE = '2025-07-01';
const COLUMNS: TargetGroup[] = [
  'jobafklaring',
  'foertidspension',
  'ung_under_18',
  // "Alle øvrige omfattet af § 6":
  'dagpenge',
  'kontanthjaelp',
  'ung_kontanthjaelp',
  'sygedagpenge',
  'ressourceforloeb',
  'ledighedsydelse',
  'revalidering',
  'selvforsoergende',
];
type Cell = string;
type Row = [label: string, ask: { offerKind: OfferKind; expenseType: ExpenseType } | 'mentor', cells: Cell[]];

const R5 = 'rule:5000';
const R0 = 'rule:0';
const NO = 'no_rule';
const AMB = 'ambiguous';
// columns:                 JA  FTP U18  DP   KTH  UDH  SDP  RF   LY   REVAL SELV
const TABLE: Row[] = [
  [
    'Ordinær uddannelse § 90 (§ 195, nr. 1): 50 % - 50 % 0 %',
    { offerKind: 'ordinary_education', expenseType: 'course_fee' },
    [R5, NO, R5, R0, R0, R0, R0, NO, R0, R0, R0],
  ],
  [
    'Øvrig vejledning og opkvalificering § 91 (§ 195, nr. 1): 50 % 50 % 50 % 0 %',
    { offerKind: 'guidance_upskilling', expenseType: 'course_fee' },
    [R5, R5, R5, R0, R0, R0, R0, NO, R0, R0, R0],
  ],
  [
    'Partnerskabsaftaler § 15 (§ 195, nr. 2): 50 % 50 % 50 % 0 %',
    { offerKind: 'partnership', expenseType: 'other_operating' },
    [R5, R5, R5, R0, R0, R0, R0, NO, R0, R0, R0],
  ],
  [
    'Undervisningsmaterialer § 172 (§ 195, nr. 4): 50 % 50 % 50 % 0 %',
    { offerKind: 'guidance_upskilling', expenseType: 'teaching_material' },
    [R5, R5, R5, R0, R0, R0, R0, NO, R0, R0, R0],
  ],
  [
    'Merudgiftsgodtgørelse § 176 (§ 195, nr. 5): 50 % - 50 % 0 %',
    { offerKind: 'guidance_upskilling', expenseType: 'extra_cost_allowance' },
    [R5, NO, R5, NO, R0, R0, NO, NO, NO, NO, R0],
  ],
  [
    'Mentor kap. 26 (§ 197, nr. 1): 50 % 0 pct. 0 pct. 0 %',
    'mentor',
    [R5, R0, R0, R0, R0, R0, R0, R0, R0, R0, R0],
  ],
  [
    'Arbejdsredskaber §§ 172, 178, 179 (§ 197, nr. 3): 50 % 50 % 50 % 50 %',
    { offerKind: 'guidance_upskilling', expenseType: 'work_tools' },
    [R5, R5, R5, R5, R5, R5, R5, R5, R5, R5, R5],
  ],
  [
    'Særlige udgifter § 173 (§ 197, nr. 4): 50 % - - 50 % for revalidender',
    { offerKind: 'guidance_upskilling', expenseType: 'special_expenses' },
    [R5, NO, NO, AMB, AMB, AMB, AMB, AMB, AMB, R5, AMB],
  ],
  [
    'Befordringsgodtgørelse § 175, jf. dog § 198 (§ 197, nr. 5): 50 % - 50 % 50 %',
    { offerKind: 'guidance_upskilling', expenseType: 'transport_allowance' },
    [R5, NO, R5, AMB, R5, R5, R5, R5, R5, R5, R5],
  ],
];
// Row "Kortvarige kurser efter § 162 (§ 197, nr. 2): 50 % ved fleksjob" has no counterpart in the API vocabulary
// (no fleksjob target group, no § 162 offer kind); it is listed in the issue note.

const cases = TABLE.flatMap(([label, ask, cells]) =>
  COLUMNS.map((targetGroup, i) => ({ label, ask, targetGroup, expected: cells[i] })),
);

describe('Bilag 3 (VEJ 9584/2025), every cell on 2025-07-01', () => {
  it.each(cases)('$label — $targetGroup → $expected', ({ ask, targetGroup, expected }) => {
    const query =
      ask === 'mentor'
        ? mentorQuery(DATE, targetGroup, { withinMentorWindow: true })
        : expenseQuery(DATE, targetGroup, ask.offerKind, ask.expenseType, {
            attributes: { sickPayCategory: 2 },
          });
    expect(summary(decide(query))).toBe(expected);
  });

  it.each([
    // account of the cell (BRS 2020, 001_fcfd66b91da6fb8d.txt, function descriptions)
    [
      'jobafklaring § 91 → 5.68.90 grp 097',
      expenseQuery(DATE, 'jobafklaring', 'guidance_upskilling', 'course_fee'),
      '5.68.90/1/097',
    ],
    [
      'jobafklaring § 176 → grp 100',
      expenseQuery(DATE, 'jobafklaring', 'guidance_upskilling', 'extra_cost_allowance'),
      '5.68.90/1/100',
    ],
    [
      'jobafklaring mentor → grp 098',
      mentorQuery(DATE, 'jobafklaring', { withinMentorWindow: true }),
      '5.68.90/1/098',
    ],
    [
      'førtidspension § 91 → grp 094',
      expenseQuery(DATE, 'foertidspension', 'guidance_upskilling', 'course_fee'),
      '5.68.90/1/094',
    ],
    [
      'unge under 18 § 90 → 5.68.98 grp 015',
      expenseQuery(DATE, 'ung_under_18', 'ordinary_education', 'course_fee'),
      '5.68.98/1/015',
    ],
    [
      'kontanthjælp § 91 → grp 101 (0 %)',
      expenseQuery(DATE, 'kontanthjaelp', 'guidance_upskilling', 'course_fee'),
      '5.68.90/1/101',
    ],
    [
      'uddannelseshjælp § 90 → grp 102 (0 %)',
      expenseQuery(DATE, 'ung_kontanthjaelp', 'ordinary_education', 'course_fee'),
      '5.68.90/1/102',
    ],
    [
      'dagpenge § 90 → grp 109 (0 %)',
      expenseQuery(DATE, 'dagpenge', 'ordinary_education', 'course_fee'),
      '5.68.90/1/109',
    ],
    [
      'dagpenge work tools → 5.68.91 grp 006',
      expenseQuery(DATE, 'dagpenge', 'guidance_upskilling', 'work_tools'),
      '5.68.91/1/006',
    ],
    [
      'ledighedsydelse transport → 5.68.98 grp 109',
      expenseQuery(DATE, 'ledighedsydelse', 'guidance_upskilling', 'transport_allowance'),
      '5.68.98/1/109',
    ],
    ['mentor others → grp 106 (0 %)', mentorQuery(DATE, 'kontanthjaelp'), '5.68.90/1/106'],
    [
      'ressourceforløb mentor → grp 106 (0 %; 095 is "med 50 pct. refusion")',
      mentorQuery(DATE, 'ressourceforloeb'),
      '5.68.90/1/106',
    ],
  ])('%s', (_label, query, account) => {
    expect(costAccountOf(decide(query))).toBe(account);
  });

  it('a 0 % cell has no refund account and no cap; a 50 % cell refunds on dranst 2', () => {
    const zero = decide(expenseQuery(DATE, 'kontanthjaelp', 'guidance_upskilling', 'course_fee'));
    const fifty = decide(expenseQuery(DATE, 'jobafklaring', 'guidance_upskilling', 'course_fee'));
    expect(zero).toMatchObject({ outcome: 'rule', rateBasisPoints: 0, cap: null, refundAccount: null });
    expect(fifty).toMatchObject({
      outcome: 'rule',
      rateBasisPoints: 5000,
      cap: null,
      refundAccount: { function: '5.68.90', dranst: '2', grouping: '004' },
    });
  });
});
