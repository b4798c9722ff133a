import { z } from 'zod';
import type { EventEnvelope } from '../shared/domain-event';
import { isoDate, storedCodeListId, text } from '../shared/field-schemas';
import { expenseFactsShape } from './expense-facts';

export const offerExpenseRecordedV1 = z.strictObject({
  ...expenseFactsShape,
  invoiceRef: text(200).nullable(),
  /** The offer's bevillingsramme when the expense was recorded (it decides some refunds, seed 002 section 4); absent in events written before it was copied. */
  fundingFrame: storedCodeListId().nullable().optional(),
  /** The municipality's booking date, when the command gave one: its postings are booked in its period while that year is open. */
  bookingDate: isoDate().optional(),
  /**
   * The offer's start date, when the command asked the 9- and 24-month rules to read the months of unemployment on it
   * (unemploymentMonthsAt 'offer_start'); absent: they read them on each activity date.
   */
  unemploymentMonthsOn: isoDate().optional(),
});
export type OfferExpenseRecordedData = z.output<typeof offerExpenseRecordedV1>;

/** Stream expense-{municipality}-{expenseId}. */
export type OfferExpenseRecorded = EventEnvelope<'OfferExpenseRecorded', 1, OfferExpenseRecordedData>;

export const offerExpenseRecorded = (data: OfferExpenseRecordedData): OfferExpenseRecorded => ({
  type: 'OfferExpenseRecorded',
  version: 1,
  data,
});
