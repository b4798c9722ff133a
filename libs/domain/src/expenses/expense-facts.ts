import { z } from 'zod';
import { clientId, isoDate, oere } from '../shared/field-schemas';
import { EXPENSE_TYPES, OFFER_KINDS } from '../shared/vocabulary';

/**
 * What an expense's events all carry, so a projection needs no other stream: the offer's
 * person and kind (copied from the offer), the amount in integer øre with its sign (negative
 * for operating income that nets against the offer's costs) and the activity period, inclusive
 * (it lay within the offer period when recorded).
 */
export const expenseFactsShape = {
  expenseId: clientId(),
  offerId: clientId(),
  personId: clientId(),
  offerKind: z.enum(OFFER_KINDS),
  expenseType: z.enum(EXPENSE_TYPES),
  amountOere: oere(),
  activityFrom: isoDate(),
  activityTo: isoDate(),
};

export type ExpenseFacts = z.output<z.ZodObject<typeof expenseFactsShape>>;
