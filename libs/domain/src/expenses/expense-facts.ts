import { oere } from '../shared/field-schemas';
import { clientId } from '../shared/ids';
import { isoDate, oneOf } from '../shared/schema';
import { EXPENSE_TYPES, OFFER_KINDS, type ExpenseType, type IsoDate, type OfferKind } from '../shared/vocabulary';

/** What an expense's events all carry, so a projection needs no other stream. */
export interface ExpenseFacts {
  expenseId: string;
  offerId: string;
  /** Copied from the offer: the person whose target group decides the refund. */
  personId: string;
  /** Copied from the offer. */
  offerKind: OfferKind;
  expenseType: ExpenseType;
  /** Integer øre, with its sign; negative for operating income that nets against the offer's costs. */
  amountOere: number;
  /** The activity period the expense relates to, inclusive; it lay within the offer period when recorded. */
  activityFrom: IsoDate;
  activityTo: IsoDate;
}

/** The stored schema of ExpenseFacts' fields. */
export const expenseFactsShape = {
  expenseId: clientId(),
  offerId: clientId(),
  personId: clientId(),
  offerKind: oneOf(OFFER_KINDS),
  expenseType: oneOf(EXPENSE_TYPES),
  amountOere: oere(),
  activityFrom: isoDate(),
  activityTo: isoDate(),
};
