import type { z } from 'zod';
import { clientId } from '../../shared/field-schemas';
import { commandSchema } from '../../shared/parse-command';
import { expenseCommandFields } from '../expense-command-fields';

/**
 * API.md RecordOfferExpense: an operating expense of the offer relating to the activity period; a negative amount for
 * operating income. bookingDate: the municipality's booking date (default: when recorded), never in the future.
 * unemploymentMonthsAt: how the 2014-2018 9- and 24-month rules read the months of unemployment (default
 * 'activity_dates'; see UNEMPLOYMENT_MONTHS_READINGS).
 */
export const recordOfferExpenseSchema = commandSchema('RecordOfferExpense', {
  expenseId: clientId(),
  offerId: clientId(),
  ...expenseCommandFields,
});
export type RecordOfferExpense = z.output<typeof recordOfferExpenseSchema>;
