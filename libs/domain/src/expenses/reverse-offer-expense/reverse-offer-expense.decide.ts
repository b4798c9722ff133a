import type { DecisionContext } from '../../shared/decision-context';
import { DomainRuleViolation } from '../../shared/domain-rule-violation.error';
import type { ExpenseState } from '../expense.state';
import { offerExpenseReversed, type OfferExpenseReversed } from '../offer-expense-reversed.event';
import type { ReverseOfferExpense } from './reverse-offer-expense.command';

/** Accepted also when the offer was cancelled or its period changed meanwhile. */
export function decideReverseOfferExpense(
  cmd: ReverseOfferExpense,
  state: ExpenseState,
  _context: DecisionContext,
): [OfferExpenseReversed] {
  if (state.status === 'none') {
    throw new DomainRuleViolation('expense.not_found', `Expense ${cmd.expenseId} is not recorded`, {
      expenseId: cmd.expenseId,
    });
  }
  if (state.status === 'reversed') {
    throw new DomainRuleViolation(
      'expense.already_reversed',
      `Expense ${cmd.expenseId} is already reversed`,
      {
        expenseId: cmd.expenseId,
      },
    );
  }
  return [
    offerExpenseReversed({
      expenseId: state.expenseId,
      offerId: state.offerId,
      personId: state.personId,
      offerKind: state.offerKind,
      expenseType: state.expenseType,
      amountOere: state.amountOere,
      activityFrom: state.activityFrom,
      activityTo: state.activityTo,
      reason: cmd.reason,
    }),
  ];
}
