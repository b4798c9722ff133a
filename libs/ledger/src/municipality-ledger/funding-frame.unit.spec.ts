// The offer's bevillingsramme, copied into its expenses, reaches the refund decision (seed 002 section 4).
import { givenEvents, ledgerEvents } from '../testing/given-ledger-events';

const l = ledgerEvents();
const march = l.at('2025-03-05T09:00:00Z');

it('an education of a dagpengemodtager financed from frame 17 is the § 97 a scheme: 40 000,00 kr × 80 % = 32 000,00 kr on 5.68.98 grp 113 (000 L178-L179)', () => {
  const { postings } = givenEvents([march.targetGroupChanged('p1', 'dagpenge', '2024-01-01')]).when(
    march.expenseRecorded('p1', 'o1', 'e1', '40000.00', '2025-02-01', '2025-02-28', { fundingFrame: '17' }),
  );
  expect(
    postings.map((p) => [p.account?.grouping, p.amountOere, p.refundRateBasisPoints, p.refundOere, p.ruleId]),
  ).toEqual([['113', 4_000_000, 8000, 3_200_000, '97A-2023H2']]);
});

it('an expense event from before the frame was copied is judged by its offer kind: ordinary education of a dagpengemodtager, 0 % on grp 109', () => {
  const { postings } = givenEvents([march.targetGroupChanged('p1', 'dagpenge', '2024-01-01')]).when(
    march.expenseRecorded('p1', 'o1', 'e1', '40000.00', '2025-02-01', '2025-02-28'),
  );
  expect(postings.map((p) => [p.account?.grouping, p.refundOere, p.ruleId])).toEqual([
    ['109', 0, 'DP-OPS-2019H2'],
  ]);
});
