import { z } from 'zod';
import { clientId, isoDate } from '../../shared/field-schemas';
import { commandSchema } from '../../shared/parse-command';
import { maybe } from '../../shared/schema';

/** API.md ChangeOfferPeriod: correct or extend the period. */
export const changeOfferPeriodSchema = commandSchema('ChangeOfferPeriod', {
  offerId: clientId(),
  /** The offer's project, when it takes part in one: its offer lives on the project's stream. */
  projectId: maybe(clientId()),
  startDate: isoDate(),
  endDate: isoDate(),
});
export type ChangeOfferPeriod = z.output<typeof changeOfferPeriodSchema>;
