// Administrative shares carved out of a project's costs (VEJ 9584, 000_140518b2c182b2de.txt 3.1 L440-L451 and
// ch. 4, L706): posted on 6.45.53 with no refund and deducted from the hovedkonto 5 costs of the same period
// in proportion to them (cumulative rounding: d_i = round(X × K_through / K) − round(X × K_before / K)), so each
// participant and rate carries its part. The project's shares are those of project-shares.unit.spec.ts:
// 10000.00 for March shared 3734.94 (jobafklaring, 50 %, JA-OPS), 3734.94 (dagpenge, 0 %, DP-OPS-2019H2),
// 2530.12 (under 18, from 11 March, 50 %, U18-OPS: 000_140518b2c182b2de.txt Bilag 3).
import { givenEvents, ledgerEvents } from '../testing/given-ledger-events';

const l = ledgerEvents();
const april = l.at('2025-04-10T09:00:00Z');
const P = { projectId: 'P' };
const project = [
  april.targetGroupChanged('p1', 'jobafklaring', '2025-01-01'),
  april.targetGroupChanged('p2', 'dagpenge', '2025-01-01'),
  april.targetGroupChanged('p3', 'ung_under_18', '2025-01-01'),
  april.projectRegistered('P', '2025-03-01', '2025-03-31'),
  april.offerRegistered('p1', 'o1', '2025-03-01', '2025-03-31', P),
  april.offerRegistered('p2', 'o2', '2025-03-01', '2025-03-31', P),
  april.offerRegistered('p3', 'o3', '2025-03-11', '2025-03-31', P),
  april.projectExpenseRecorded('P', 'inv1', '10000.00', '2025-03-01', '2025-03-31'),
];
const may = l.at('2025-05-02T09:00:00Z');

it('a carve-out by standard price: count × hours × the DUT price, on 6.45.53, deducted from every share', () => {
  // Metode 1a (L466-L469): a job interview of ½ hour at the DUT standard of 451 kr per hour (2025-pl) — given by
  // the municipality in the command: 4 × 0.50 × 451.00 = 902.00; 2 job plans × 1.00 × 451.00 = 902.00; X = 1804.00.
  // K = 1,000,000 øre (the whole month): d1 = round(180,400 × 373,494 / 1,000,000) = round(67,378.32) = 67,378;
  // d1+d2 = round(180,400 × 746,988 / 1,000,000) = round(134,756.64) = 134,757 → d2 = 67,379; d3 = 45,643.
  const carved = givenEvents(project).when(
    may.administrativeShareRecorded('P', 'as1', '2025-03-01', '2025-03-31', {
      lines: [
        { activity: 'job_interview', count: 4, hoursEach: '0.50', hourlyRate: '451.00', amount: '902.00' },
        { activity: 'job_plan', count: 2, hoursEach: '1.00', hourlyRate: '451.00', amount: '902.00' },
      ],
    }),
  );
  carved.thenPostings([
    ['original', 'jobafklaring', '2025-03-01', '2025-03-31', '-673.78', '50', '-336.89', '2025-05'],
    ['original', 'dagpenge', '2025-03-01', '2025-03-31', '-673.79', '0', '0.00', '2025-05'],
    ['original', 'ung_under_18', '2025-03-11', '2025-03-31', '-456.43', '50', '-228.22', '2025-05'],
    ['original', null, '2025-03-01', '2025-03-31', '1804.00', '0', '0.00', '2025-05'],
  ]);
  expect(carved.postings[3].account).toEqual({ function: '6.45.53', dranst: '1', grouping: '-' });
  expect(carved.postings.reduce((sum, p) => sum + p.amountOere, 0)).toBe(0);
});

it('a carve-out by time registration over half the period takes from the days it covers', () => {
  // 3.25 h × 412.80 kr = 1341.60 (hours × hourly cost, L479-L482). 16–31 March of each share:
  // o1, o2: C(31) − C(15) of 373,494 over 31 days = 373,494 − 180,723 = 192,771; o3: of 253,012 over 21 days
  // from 11 March, C(21) − C(5) = 253,012 − round(60,240.95) = 192,771. K = 578,313:
  // round(134,160 × 192,771 / 578,313) = round(44,720) = 44,720; round(134,160 × 385,542 / 578,313) = 89,440.
  givenEvents(project)
    .when(
      may.administrativeShareRecorded('P', 'as2', '2025-03-16', '2025-03-31', {
        hours: '3.25',
        hourlyCost: '412.80',
        amount: '1341.60',
      }),
    )
    .thenPostings([
      ['original', 'jobafklaring', '2025-03-16', '2025-03-31', '-447.20', '50', '-223.60', '2025-05'],
      ['original', 'dagpenge', '2025-03-16', '2025-03-31', '-447.20', '0', '0.00', '2025-05'],
      ['original', 'ung_under_18', '2025-03-16', '2025-03-31', '-447.20', '50', '-223.60', '2025-05'],
      ['original', null, '2025-03-16', '2025-03-31', '1341.60', '0', '0.00', '2025-05'],
    ]);
});

it('when later changes leave less cost in the period than the carve-out, the excess is posted unresolved', () => {
  // 1–10 March is borne by o1 and o2 only. Both cancelled: the invoice is o3's alone (11–31 March), the period
  // holds no cost, so 6.45.53 carries nothing and the 902.00 is an unresolved excess.
  const share = may.administrativeShareRecorded('P', 'as3', '2025-03-01', '2025-03-10', {
    hours: '2.00',
    hourlyCost: '451.00',
    amount: '902.00',
  });
  const june = l.at('2025-06-02T09:00:00Z');
  const { postings } = givenEvents([
    ...project,
    share,
    june.offerCancelled('p1', 'o1', '2025-03-01', '2025-03-31', 'never took place', P),
  ]).when(june.offerCancelled('p2', 'o2', '2025-03-01', '2025-03-31', 'never took place', P));
  const own = postings.filter((p) => p.personId === null);
  expect(
    own.map((p) => [p.kind, p.amountOere, p.account?.function ?? null, p.unresolved?.outcome ?? null]),
  ).toEqual([
    ['reversal', -90200, '6.45.53', null],
    ['original', 90200, null, 'no_rule'],
  ]);
});

it('a rent shared by floor area: the administration’s part comes out of the rent alone', () => {
  // VEJ 9584 6.9 (L1414-L1417): the project's rent is divided between hovedkonto 5 and 6 by floor area:
  // 30 of 120 m² of a rent of 8000.00 = 2000.00 (the decider's round(A × 3000 / 12000)). The rent is shared like
  // the invoice (D = 83: C(31) = round(800,000 × 31/83) = 298,795, C(62) = 597,590); the deduction follows the
  // rent's shares alone: round(200,000 × 298,795 / 800,000) = round(74,698.75) = 74,699,
  // round(200,000 × 597,590 / 800,000) = round(149,397.5) = 149,398 → 74,699, 74,699, 50,602.
  const rent = april.projectExpenseRecorded('P', 'rent1', '8000.00', '2025-03-01', '2025-03-31', {
    expenseType: 'rent',
  });
  const carved = givenEvents([...project, rent]).when(
    may.administrativeShareRecorded('P', 'as4', '2025-03-01', '2025-03-31', {
      area: { expenseId: 'rent1', expenseAmount: '8000.00', administration: '30.00', total: '120.00' },
      amount: '2000.00',
    }),
  );
  expect(carved.postings.map((p) => [p.targetGroup, p.amountOere, p.account?.function])).toEqual([
    ['jobafklaring', -74699, '5.68.90'],
    ['dagpenge', -74699, '5.68.90'],
    ['ung_under_18', -50602, '5.68.98'],
    [null, 200000, '6.45.53'],
  ]);
});
