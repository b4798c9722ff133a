import type { EventEnvelope } from '../shared/domain-event';
import { oere } from '../shared/field-schemas';
import { clientId } from '../shared/ids';
import { isoDate, object, oneOf, text, type Schema } from '../shared/schema';
import { EXPENSE_TYPES, OFFER_KINDS, type ExpenseType, type IsoDate, type OfferKind } from '../shared/vocabulary';

export interface OfferExpenseReversedData {
  expenseId: string;
  offerId: string;
  personId: string;
  offerKind: OfferKind;
  expenseType: ExpenseType;
  /** The amount of the expense being reversed, integer øre, with its original sign. */
  amountOere: number;
  activityFrom: IsoDate;
  activityTo: IsoDate;
  reason: string;
}

/** Stream expense-{municipality}-{expenseId}. The expense was booked in error: the ledger reverses its postings. */
export type OfferExpenseReversed = EventEnvelope<'OfferExpenseReversed', 1, OfferExpenseReversedData>;

export const offerExpenseReversedV1: Schema<OfferExpenseReversedData> = object(
  {
    expenseId: clientId(),
    offerId: clientId(),
    personId: clientId(),
    offerKind: oneOf(OFFER_KINDS),
    expenseType: oneOf(EXPENSE_TYPES),
    amountOere: oere(),
    activityFrom: isoDate(),
    activityTo: isoDate(),
    reason: text(),
  },
  { strict: true },
);

export const offerExpenseReversed = (data: OfferExpenseReversedData): OfferExpenseReversed => ({
  type: 'OfferExpenseReversed',
  version: 1,
  data,
});
