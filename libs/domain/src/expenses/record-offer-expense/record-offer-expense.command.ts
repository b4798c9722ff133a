import { z } from 'zod';
import { clientId, isoDate, kroner, text } from '../../shared/field-schemas';
import { commandSchema } from '../../shared/parse-command';
import { maybe } from '../../shared/schema';
import { EXPENSE_TYPES } from '../../shared/vocabulary';
import { unemploymentMonthsAt } from '../unemployment-months-at';

/**
 * API.md RecordOfferExpense: an operating expense of the offer relating to the activity period; a negative amount for
 * operating income. bookingDate: the municipality's booking date (default: when recorded), never in the future.
 * unemploymentMonthsAt: how the 2014-2018 9- and 24-month rules read the months of unemployment (default
 * 'activity_dates'; see UNEMPLOYMENT_MONTHS_READINGS).
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
  unemploymentMonthsAt: unemploymentMonthsAt(),
});
export type RecordOfferExpense = z.output<typeof recordOfferExpenseSchema>;
