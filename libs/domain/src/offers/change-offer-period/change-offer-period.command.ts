import { z } from 'zod';
import { clientId, isoDate } from '../../shared/field-schemas';
import { commandParser, commandSchema } from '../../shared/parse-command';

/** API.md ChangeOfferPeriod: correct or extend the period. */
export const changeOfferPeriodSchema = commandSchema('ChangeOfferPeriod', {
  offerId: clientId(),
  startDate: isoDate(),
  endDate: isoDate(),
});
export type ChangeOfferPeriod = z.output<typeof changeOfferPeriodSchema>;

export const parseChangeOfferPeriod = commandParser('ChangeOfferPeriod', changeOfferPeriodSchema);
