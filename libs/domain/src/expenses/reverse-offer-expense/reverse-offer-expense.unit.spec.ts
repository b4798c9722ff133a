import { given } from '../../testing/given-when-then';
import { anExpenseRecorded, CMD_3, M } from '../../testing/fixtures';
import { offerExpenseReversed } from '../offer-expense-reversed.event';
import type { CommandInput } from '../../commands/domain-commands';

const reverse = (
  over: Partial<CommandInput<'ReverseOfferExpense'>> = {},
): CommandInput<'ReverseOfferExpense'> => ({
  type: 'ReverseOfferExpense',
  commandId: CMD_3,
  municipality: M,
  expenseId: 'E1',
  reason: 'booked on the wrong offer',
  ...over,
});

const reversed = offerExpenseReversed({
  expenseId: 'E1',
  offerId: 'O1',
  personId: 'P1',
  offerKind: 'guidance_upskilling',
  expenseType: 'operating_income',
  amountOere: -12550,
  activityFrom: '2025-02-01',
  activityTo: '2025-02-28',
  reason: 'booked on the wrong offer',
});

describe('ReverseOfferExpense', () => {
  it('reverses with everything the ledger needs, amount with its original sign', () => {
    given([anExpenseRecorded({ expenseType: 'operating_income', amountOere: -12550 })])
      .when(reverse())
      .then([reversed]);
  });

  it('refuses an unknown expense', () => {
    given([]).when(reverse()).thenFails('expense.not_found');
  });

  it('refuses an expense already reversed', () => {
    given([anExpenseRecorded({ expenseType: 'operating_income', amountOere: -12550 }), reversed])
      .when(reverse())
      .thenFails('expense.already_reversed');
  });

  it('refuses a malformed expenseId', () => {
    given([])
      .when(reverse({ expenseId: 'E 1' }))
      .thenFails('command.invalid');
  });
});
