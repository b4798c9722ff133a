import { z } from 'zod';
import { clientId, text } from '../../shared/field-schemas';
import { commandSchema } from '../../shared/parse-command';

/** API.md ReverseOfferExpense: the expense was booked in error. */
export const reverseOfferExpenseSchema = commandSchema('ReverseOfferExpense', {
  expenseId: clientId(),
  reason: text(),
});
export type ReverseOfferExpense = z.output<typeof reverseOfferExpenseSchema>;
