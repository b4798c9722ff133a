import { z } from 'zod';
import { clientId, isoDate, kroner, text } from '../../shared/field-schemas';
import { commandSchema } from '../../shared/parse-command';
import { maybe } from '../../shared/schema';
import { EXPENSE_TYPES } from '../../shared/vocabulary';
import { unemploymentMonthsAt } from '../../expenses/unemployment-months-at';

/**
 * API.md RecordProjectExpense: a cost of the whole project, shared by the participants active in its period.
 * bookingDate: the municipality's booking date (default: when recorded), never in the future.
 * unemploymentMonthsAt: how the 2014-2018 9- and 24-month rules read the months of unemployment of each participant
 * (default 'activity_dates'; 'offer_start': on the participant's offer start date).
 */
export const recordProjectExpenseSchema = commandSchema('RecordProjectExpense', {
  expenseId: clientId(),
  projectId: clientId(),
  expenseType: z.enum(EXPENSE_TYPES),
  amount: kroner(),
  activityFrom: isoDate(),
  activityTo: isoDate(),
  invoiceRef: maybe(text(200)),
  bookingDate: maybe(isoDate()),
  unemploymentMonthsAt: unemploymentMonthsAt(),
});
export type RecordProjectExpense = z.output<typeof recordProjectExpenseSchema>;
