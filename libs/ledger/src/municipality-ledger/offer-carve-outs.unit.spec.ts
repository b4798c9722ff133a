// An administrative share carved out of an offer outside a project (VEJ 9584, 000_140518b2c182b2de.txt 3.1 L440-L451:
// the administrative part separated from the offer's costs by a time registration, L479-L482; 4 L706: on 6.45.53 with
// no refund): deducted from the offer's expenses in the overlapping days in proportion to them, by cumulative
// rounding d_i = round(X × K_through / K) − round(X × K_before / K), the expenses in the order of their ids.
// The offer: ordinary education 1 March–30 April 2025 of a person in jobafklaring, 50 % (JA-OPS, 000_… Bilag 3);
// e1 3100.00 for March, e2 4880.00 for 1 March–30 April (61 days): its March part round(488,000 × 31 / 61) = 248,000.
// The carve-out: 4.00 h × 451.00 kr (the DUT standard, 2025-pl, L466-L469, given in the command) = 1804.00 for March.
import { givenEvents, ledgerEvents } from '../testing/given-ledger-events';

const l = ledgerEvents();
const april = l.at('2025-04-10T09:00:00Z');
const e1 = april.expenseRecorded('p1', 'o1', 'e1', '3100.00', '2025-03-01', '2025-03-31');
const e2 = april.expenseRecorded('p1', 'o1', 'e2', '4880.00', '2025-03-01', '2025-04-30');
const history = [
  april.targetGroupChanged('p1', 'jobafklaring', '2025-01-01'),
  april.offerRegistered('p1', 'o1', '2025-03-01', '2025-04-30'),
];
const may = l.at('2025-05-02T09:00:00Z');
const june = l.at('2025-06-02T09:00:00Z');
const carveOut = may.administrativeShareRecorded(
  { offerId: 'o1', personId: 'p1' },
  'as1',
  '2025-03-01',
  '2025-03-31',
  { hours: '4.00', hourlyCost: '451.00', amount: '1804.00' },
);

it('carved out of the offer’s expenses in proportion to their March parts, the amount on 6.45.53 with the offer', () => {
  // K = 310,000 + 248,000 = 558,000 øre: d1 = round(180,400 × 310,000 / 558,000) = round(100,222.22) = 100,222;
  // d2 = 180,400 − 100,222 = 80,178. Each at the expense's 50 %: 501.11 and 400.89 less refund.
  const carved = givenEvents([...history, e1, e2]).when(carveOut);
  carved.thenPostings([
    ['original', 'jobafklaring', '2025-03-01', '2025-03-31', '-1002.22', '50', '-501.11', '2025-05'],
    ['original', 'jobafklaring', '2025-03-01', '2025-03-31', '-801.78', '50', '-400.89', '2025-05'],
    ['original', null, '2025-03-01', '2025-03-31', '1804.00', '0', '0.00', '2025-05'],
  ]);
  const [, , administration] = carved.postings;
  expect(administration).toMatchObject({
    account: { function: '6.45.53', dranst: '1', grouping: '-' },
    personId: 'p1',
    offerId: 'o1',
    costItemId: 'admin-offer:o1:as1',
  });
  expect(carved.ledger.persons.get('p1')!.offerCarveOuts).toMatchObject([
    {
      shareId: 'as1',
      offerId: 'o1',
      costsOere: 558000,
      carvedOere: 180400,
      deductions: [
        {
          costItemId: 'admin-offer:o1:as1:expense:e1',
          costOere: 310000,
          costBeforeOere: 0,
          amountOere: -100222,
        },
        {
          costItemId: 'admin-offer:o1:as1:expense:e2',
          costOere: 248000,
          costBeforeOere: 310000,
          amountOere: -80178,
        },
      ],
    },
  ]);
});

it('an expense recorded later in the period spreads the carve-out again: exactly the differences', () => {
  // Before e2: d1 = 1804.00 alone. With e2: d1 −1002.22, d2 −801.78 (as above); e2 itself 4880.00 at 50 %.
  givenEvents([...history, e1, carveOut])
    .when(june.expenseRecorded('p1', 'o1', 'e2', '4880.00', '2025-03-01', '2025-04-30'))
    .thenPostings([
      ['original', 'jobafklaring', '2025-03-01', '2025-04-30', '4880.00', '50', '2440.00', '2025-06'],
      ['reversal', 'jobafklaring', '2025-03-01', '2025-03-31', '1804.00', '50', '902.00', '2025-06'],
      ['rebooking', 'jobafklaring', '2025-03-01', '2025-03-31', '-1002.22', '50', '-501.11', '2025-06'],
      ['original', 'jobafklaring', '2025-03-01', '2025-03-31', '-801.78', '50', '-400.89', '2025-06'],
    ]);
});

it('an expense reversed after it: the rest carries the whole carve-out; what none carries is unresolved', () => {
  // e1 reversed: March's costs are e2's 2480.00, which carries all 1804.00 (d2 = −1804.00, d1 gone).
  const reversed = givenEvents([...history, e1, e2, carveOut]).when(
    june.expenseReversed('p1', 'o1', 'e1', '3100.00', '2025-03-01', '2025-03-31'),
  );
  reversed.thenPostings([
    ['reversal', 'jobafklaring', '2025-03-01', '2025-03-31', '-3100.00', '50', '-1550.00', '2025-06'],
    ['reversal', 'jobafklaring', '2025-03-01', '2025-03-31', '1002.22', '50', '501.11', '2025-06'],
    ['reversal', 'jobafklaring', '2025-03-01', '2025-03-31', '801.78', '50', '400.89', '2025-06'],
    ['rebooking', 'jobafklaring', '2025-03-01', '2025-03-31', '-1804.00', '50', '-902.00', '2025-06'],
  ]);
  // Then e2 reversed too (a race the decision could not see, or a later correction): no cost left in March, so the
  // 1804.00 on 6.45.53 is reversed and posted as unresolved, with the reason — never dropped.
  const none = givenEvents([...history, e1, e2, carveOut]).when(
    june.expenseReversed('p1', 'o1', 'e1', '3100.00', '2025-03-01', '2025-03-31'),
    june.expenseReversed('p1', 'o1', 'e2', '4880.00', '2025-03-01', '2025-04-30'),
  );
  const last = none.outcomes[1].postings.map((p) => p.posting);
  expect(
    last.map((p) => [p.kind, p.amountOere, p.account?.function ?? null, p.unresolved?.reason ?? null]),
  ).toEqual([
    ['reversal', -488000, '5.68.90', null],
    ['reversal', 180400, '5.68.90', null],
    ['reversal', -180400, '6.45.53', null],
    [
      'original',
      180400,
      null,
      'the administrative share exceeds the hovedkonto 5 costs of its period: the excess cannot be carved out of them (offer o1)',
    ],
  ]);
});

it('the offer cancelled: its costs reversed, the carve-out unresolved; an expense arriving after adds nothing', () => {
  const cancelled = givenEvents([...history, e1, e2, carveOut]).when(
    june.offerCancelled('p1', 'o1', '2025-03-01', '2025-04-30'),
    l.at('2025-06-02T09:05:00Z').expenseRecorded('p1', 'o1', 'e3', '500.00', '2025-03-01', '2025-03-31'),
  );
  expect(cancelled.outcomes[1].postings).toEqual([]);
  const brief = cancelled.outcomes[0].postings.map((p) => [p.posting.kind, p.posting.amountOere]);
  // The cancellation reverses every cost of the offer, the deductions with them (VEJ 9584: no refund for an offer
  // that did not take place); the carve-out then has no cost to come out of.
  expect(brief).toEqual([
    ['reversal', 100222],
    ['reversal', 80178],
    ['reversal', -310000],
    ['reversal', -488000],
    ['reversal', -180400],
    ['original', 180400],
  ]);
  expect(cancelled.outcomes[0].postings[5].posting.unresolved).toMatchObject({ outcome: 'no_rule' });
});
