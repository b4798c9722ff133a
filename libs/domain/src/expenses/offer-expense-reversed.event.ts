import { z } from 'zod';
import type { EventEnvelope } from '../shared/domain-event';
import { text } from '../shared/field-schemas';
import { expenseFactsShape } from './expense-facts';

export const offerExpenseReversedV1 = z.strictObject({
  ...expenseFactsShape,
  reason: text(),
});
export type OfferExpenseReversedData = z.output<typeof offerExpenseReversedV1>;

/** Stream expense-{municipality}-{expenseId}. The expense was booked in error: the ledger reverses its postings. */
export type OfferExpenseReversed = EventEnvelope<'OfferExpenseReversed', 1, OfferExpenseReversedData>;

export const offerExpenseReversed = (data: OfferExpenseReversedData): OfferExpenseReversed => ({
  type: 'OfferExpenseReversed',
  version: 1,
  data,
});
