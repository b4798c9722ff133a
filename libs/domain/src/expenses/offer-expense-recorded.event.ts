import type { EventEnvelope } from '../shared/domain-event';
import { nullable, object, text, type Schema } from '../shared/schema';
import { expenseFactsShape, type ExpenseFacts } from './expense-facts';

export interface OfferExpenseRecordedData extends ExpenseFacts {
  invoiceRef: string | null;
}

/** Stream expense-{municipality}-{expenseId}. */
export type OfferExpenseRecorded = EventEnvelope<'OfferExpenseRecorded', 1, OfferExpenseRecordedData>;

export const offerExpenseRecordedV1: Schema<OfferExpenseRecordedData> = object(
  {
    ...expenseFactsShape,
    invoiceRef: nullable(text(200)),
  },
  { strict: true },
);

export const offerExpenseRecorded = (data: OfferExpenseRecordedData): OfferExpenseRecorded => ({
  type: 'OfferExpenseRecorded',
  version: 1,
  data,
});
