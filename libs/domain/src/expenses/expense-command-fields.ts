import { z } from 'zod';
import { isoDate, kroner, text } from '../shared/field-schemas';
import { maybe } from '../shared/schema';
import { EXPENSE_TYPES, UNEMPLOYMENT_MONTHS_READINGS } from '../shared/vocabulary';

/**
 * The fields RecordOfferExpense and RecordProjectExpense give alike: the expense, its activity period, its
 * invoice and booking date, and how the 2014-2018 rules read the months of unemployment.
 */
export const expenseCommandFields = {
  expenseType: z.enum(EXPENSE_TYPES),
  amount: kroner(),
  activityFrom: isoDate(),
  activityTo: isoDate(),
  invoiceRef: maybe(text(200)),
  bookingDate: maybe(isoDate()),
  unemploymentMonthsAt: maybe(
    z.enum(UNEMPLOYMENT_MONTHS_READINGS).meta({
      description:
        "how the 2014-2018 9- and 24-month rules read the months of unemployment: activity_dates (default) splits the cost by calendar days at the spell's monthly anniversary; offer_start classifies the whole cost (a project expense: each participant's share) by the months on the offer's start date (the sources leave it open, seed 003 L4216-L4219)",
    }),
  ),
};
