import type { EventEnvelope } from '../shared/domain-event';
import { object, text, type Schema } from '../shared/schema';
import { expenseFactsShape, type ExpenseFacts } from './expense-facts';

export interface OfferExpenseReversedData extends ExpenseFacts {
  reason: string;
}

/** Stream expense-{municipality}-{expenseId}. The expense was booked in error: the ledger reverses its postings. */
export type OfferExpenseReversed = EventEnvelope<'OfferExpenseReversed', 1, OfferExpenseReversedData>;

export const offerExpenseReversedV1: Schema<OfferExpenseReversedData> = object(
  {
    ...expenseFactsShape,
    reason: text(),
  },
  { strict: true },
);

export const offerExpenseReversed = (data: OfferExpenseReversedData): OfferExpenseReversed => ({
  type: 'OfferExpenseReversed',
  version: 1,
  data,
});
