// A cancelled offer's costs are reversed and not rebooked; a reversed expense likewise; later
// regroupings leave them alone.
import { givenEvents, ledgerEvents } from '../testing/given-ledger-events';

const l = ledgerEvents();
const april = l.at('2025-04-10T09:00:00Z');
const history = [
  april.targetGroupChanged('p1', 'jobafklaring', '2025-01-01'),
  april.offerRegistered('p1', 'o1', '2025-03-01', '2025-03-31'),
  april.expenseRecorded('p1', 'o1', 'e1', '800.00', '2025-03-01', '2025-03-31'),
  april.offerRegistered('p1', 'o2', '2025-03-01', '2025-03-31'),
  april.expenseRecorded('p1', 'o2', 'e2', '100.00', '2025-03-01', '2025-03-31'),
];

it('cancelling an offer reverses its costs (and only its), with the item marked reversed', () => {
  const cancelled = givenEvents(history).when(
    l.at('2025-05-02T09:00:00Z').offerCancelled('p1', 'o1', '2025-03-01', '2025-03-31'),
  );
  cancelled.thenPostings([
    ['reversal', 'jobafklaring', '2025-03-01', '2025-03-31', '-800.00', '50', '-400.00', '2025-05'],
  ]);
  expect(cancelled.outcomes[0].facts.filter((f) => f.type === 'cost_item_reversed')).toEqual([
    { type: 'cost_item_reversed', costItemId: 'expense:e1', reason: 'offer cancelled: never took place' },
  ]);
});

it('a regrouping after the cancellation does not rebook the cancelled offer’s costs', () => {
  givenEvents([
    ...history,
    l.at('2025-05-02T09:00:00Z').offerCancelled('p1', 'o1', '2025-03-01', '2025-03-31'),
  ])
    .when(l.at('2025-06-02T09:00:00Z').targetGroupChanged('p1', 'dagpenge', '2025-03-16'))
    .thenPostings([
      ['reversal', 'jobafklaring', '2025-03-01', '2025-03-31', '-100.00', '50', '-50.00', '2025-06'],
      ['rebooking', 'jobafklaring', '2025-03-01', '2025-03-15', '48.39', '50', '24.20', '2025-06'],
      ['rebooking', 'dagpenge', '2025-03-16', '2025-03-31', '51.61', '0', '0.00', '2025-06'],
    ]);
});

it('reversing an expense reverses its postings; reversing an unknown expense posts nothing', () => {
  givenEvents(history)
    .when(
      l.at('2025-05-02T09:00:00Z').expenseReversed('p1', 'o2', 'e2', '100.00', '2025-03-01', '2025-03-31'),
      l.at('2025-05-02T09:00:00Z').expenseReversed('p1', 'o2', 'e9', '1.00', '2025-03-01', '2025-03-31'),
    )
    .thenPostings([
      ['reversal', 'jobafklaring', '2025-03-01', '2025-03-31', '-100.00', '50', '-50.00', '2025-05'],
    ]);
});

it('an expense decided before the cancellation and logged after it is reversed as it arrives, as if logged before', () => {
  // The expense's command read o1 active; CancelOffer was appended before it. The cancellation's rule holds either way:
  // o1's costs are not posted (the other order posts 800.00 and reverses it, test above).
  const cancelled = l.at('2025-05-02T09:00:00Z').offerCancelled('p1', 'o1', '2025-03-01', '2025-03-31');
  const late = givenEvents([...history, cancelled]).when(
    l.at('2025-05-02T09:05:00Z').expenseRecorded('p1', 'o1', 'e3', '500.00', '2025-03-01', '2025-03-31'),
  );
  late.thenPostings([]);
  expect(late.outcomes[0].facts.filter((f) => f.type === 'cost_item_reversed')).toEqual([
    { type: 'cost_item_reversed', costItemId: 'expense:e3', reason: 'offer cancelled: never took place' },
  ]);
});
