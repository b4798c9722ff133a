import { z } from 'zod';
import { clientId, isoDate, kroner, text } from '../../shared/field-schemas';
import { commandSchema } from '../../shared/parse-command';
import { maybe } from '../../shared/schema';
import { EXPENSE_TYPES } from '../../shared/vocabulary';

/**
 * API.md RecordProjectExpense: a cost of the whole project, shared by the participants active in its period.
 * bookingDate: the municipality's booking date (default: when recorded), never in the future.
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
});
export type RecordProjectExpense = z.output<typeof recordProjectExpenseSchema>;
