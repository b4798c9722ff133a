import { z } from 'zod';
import { clientId, isoDate, kroner, text } from '../../shared/field-schemas';
import { commandParser, commandSchema } from '../../shared/parse-command';
import { maybe } from '../../shared/schema';
import { EXPENSE_TYPES } from '../../shared/vocabulary';

/**
 * API.md RecordOfferExpense: an operating expense of the offer relating to the activity period; a negative amount for
 * operating income. bookingDate: the municipality's booking date (default: when recorded), never in the future.
 */
export const recordOfferExpenseSchema = commandSchema('RecordOfferExpense', {
  expenseId: clientId(),
  offerId: clientId(),
  expenseType: z.enum(EXPENSE_TYPES),
  amount: kroner(),
  activityFrom: isoDate(),
  activityTo: isoDate(),
  invoiceRef: maybe(text(200)),
  bookingDate: maybe(isoDate()),
});
export type RecordOfferExpense = z.output<typeof recordOfferExpenseSchema>;

export const parseRecordOfferExpense = commandParser('RecordOfferExpense', recordOfferExpenseSchema);
