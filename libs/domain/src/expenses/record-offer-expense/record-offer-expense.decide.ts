import type { DecisionContext } from '../../shared/decision-context';
import { DomainRuleViolation } from '../../shared/domain-rule-violation.error';
import { isPeriodWithin } from '../../shared/calendar-date';
import { parseKroner } from '../../shared/money';
import { initialOfferState } from '../../offers/offer.state';
import { checkedBookingDate } from '../booking-date';
import { assertBookable, assertExpensePeriod } from '../expense-admissibility';
import type { ExpenseState } from '../expense.state';
import { offerExpenseRecorded, type OfferExpenseRecorded } from '../offer-expense-recorded.event';
import type { RecordOfferExpense } from './record-offer-expense.command';

/**
 * Needs the offer's folded state as context (`context.related.offer`, stream
 * offer-{municipality}-{offerId}): the offer must exist, not be cancelled, and its period must
 * contain the activity period. The expense copies personId, offerKind and fundingFrame from the offer (and its start
 * date when the months of unemployment are to be read on it); a booking date, when given, must not lie after today.
 */
export function decideRecordOfferExpense(
  cmd: RecordOfferExpense,
  state: ExpenseState,
  context: DecisionContext,
): [OfferExpenseRecorded] {
  if (state.status !== 'none') {
    throw new DomainRuleViolation(
      'expense.already_recorded',
      `Expense ${cmd.expenseId} is already recorded`,
      {
        expenseId: cmd.expenseId,
      },
    );
  }
  assertExpensePeriod(cmd.expenseId, cmd.activityFrom, cmd.activityTo);
  const offer = context.related?.offer ?? initialOfferState;
  if (offer.status === 'none') {
    throw new DomainRuleViolation('expense.offer_not_found', `Offer ${cmd.offerId} is not registered`, {
      expenseId: cmd.expenseId,
      offerId: cmd.offerId,
    });
  }
  if (offer.offerId !== cmd.offerId) {
    // A wiring error of the handler, not a client error.
    throw new Error(`Context offer ${offer.offerId} is not the command's offer ${cmd.offerId}`);
  }
  if (offer.status === 'cancelled') {
    throw new DomainRuleViolation(
      'expense.offer_cancelled',
      `Offer ${cmd.offerId} is cancelled; no expenses can be recorded on it`,
      {
        expenseId: cmd.expenseId,
        offerId: cmd.offerId,
      },
    );
  }
  assertBookable(cmd.expenseId, offer.offerKind, cmd.expenseType);
  if (!isPeriodWithin(cmd.activityFrom, cmd.activityTo, offer.startDate, offer.endDate)) {
    throw new DomainRuleViolation(
      'expense.outside_offer_period',
      `Expense ${cmd.expenseId}: activity period ${cmd.activityFrom}..${cmd.activityTo} is not within the period ${offer.startDate}..${offer.endDate} of offer ${cmd.offerId}`,
      {
        expenseId: cmd.expenseId,
        offerId: cmd.offerId,
        activityFrom: cmd.activityFrom,
        activityTo: cmd.activityTo,
        offerStartDate: offer.startDate,
        offerEndDate: offer.endDate,
      },
    );
  }
  const bookingDate = checkedBookingDate(cmd.bookingDate, context, { expenseId: cmd.expenseId });
  return [
    offerExpenseRecorded({
      expenseId: cmd.expenseId,
      offerId: offer.offerId,
      personId: offer.personId,
      offerKind: offer.offerKind,
      expenseType: cmd.expenseType,
      amountOere: parseKroner(cmd.amount),
      activityFrom: cmd.activityFrom,
      activityTo: cmd.activityTo,
      invoiceRef: cmd.invoiceRef ?? null,
      fundingFrame: offer.fundingFrame,
      ...(bookingDate && { bookingDate }),
      ...(cmd.unemploymentMonthsAt === 'offer_start' && { unemploymentMonthsOn: offer.startDate }),
    }),
  ];
}
