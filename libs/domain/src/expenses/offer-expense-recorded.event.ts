import type { EventEnvelope } from '../shared/domain-event';
import { oere } from '../shared/field-schemas';
import { clientId } from '../shared/ids';
import { isoDate, nullable, object, oneOf, text, type Schema } from '../shared/schema';
import { EXPENSE_TYPES, OFFER_KINDS, type ExpenseType, type IsoDate, type OfferKind } from '../shared/vocabulary';

export interface OfferExpenseRecordedData {
  expenseId: string;
  offerId: string;
  /** Copied from the offer: the person whose target group decides the refund. */
  personId: string;
  /** Copied from the offer. */
  offerKind: OfferKind;
  expenseType: ExpenseType;
  /** Integer øre; negative for operating income that nets against the offer's costs. */
  amountOere: number;
  /** The activity period the expense relates to, inclusive; it lay within the offer period when recorded. */
  activityFrom: IsoDate;
  activityTo: IsoDate;
  invoiceRef: string | null;
}

/** Stream expense-{municipality}-{expenseId}. */
export type OfferExpenseRecorded = EventEnvelope<'OfferExpenseRecorded', 1, OfferExpenseRecordedData>;

export const offerExpenseRecordedV1: Schema<OfferExpenseRecordedData> = object(
  {
    expenseId: clientId(),
    offerId: clientId(),
    personId: clientId(),
    offerKind: oneOf(OFFER_KINDS),
    expenseType: oneOf(EXPENSE_TYPES),
    amountOere: oere(),
    activityFrom: isoDate(),
    activityTo: isoDate(),
    invoiceRef: nullable(text(200)),
  },
  { strict: true },
);

export const offerExpenseRecorded = (data: OfferExpenseRecordedData): OfferExpenseRecorded => ({
  type: 'OfferExpenseRecorded',
  version: 1,
  data,
});
