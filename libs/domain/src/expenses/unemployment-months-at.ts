import { z } from 'zod';
import { maybe } from '../shared/schema';
import { UNEMPLOYMENT_MONTHS_READINGS } from '../shared/vocabulary';

/** The unemploymentMonthsAt field of RecordOfferExpense and RecordProjectExpense. */
export const unemploymentMonthsAt = () =>
  maybe(
    z.enum(UNEMPLOYMENT_MONTHS_READINGS).meta({
      description:
        "how the 2014-2018 9- and 24-month rules read the months of unemployment: activity_dates (default) splits the cost by calendar days at the spell's monthly anniversary; offer_start classifies the whole cost (a project expense: each participant's share) by the months on the offer's start date (the sources leave it open, seed 003 L4216-L4219)",
    }),
  );
