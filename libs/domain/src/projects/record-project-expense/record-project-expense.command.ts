import type { z } from 'zod';
import { clientId } from '../../shared/field-schemas';
import { commandSchema } from '../../shared/parse-command';
import { expenseCommandFields } from '../../expenses/expense-command-fields';

/**
 * API.md RecordProjectExpense: a cost of the whole project, shared by the participants active in its period.
 * bookingDate: the municipality's booking date (default: when recorded), never in the future.
 * unemploymentMonthsAt: how the 2014-2018 9- and 24-month rules read the months of unemployment of each participant
 * (default 'activity_dates'; 'offer_start': on the participant's offer start date).
 */
export const recordProjectExpenseSchema = commandSchema('RecordProjectExpense', {
  expenseId: clientId(),
  projectId: clientId(),
  ...expenseCommandFields,
});
export type RecordProjectExpense = z.output<typeof recordProjectExpenseSchema>;
