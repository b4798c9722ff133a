import { z } from 'zod';
import type { EventEnvelope } from '../shared/domain-event';
import { clientId, isoDate, oere, text } from '../shared/field-schemas';
import { ADMINISTRATIVE_ACTIVITIES, CARVE_OUT_METHODS } from './administrative-share';

export const administrativeShareLineSchema = z.strictObject({
  activity: z.enum(ADMINISTRATIVE_ACTIVITIES),
  count: z.int().min(1),
  /** Hours each, canonical two decimals ("0.50"). */
  hoursEach: z.string(),
  hourlyRateOere: oere(),
  /** round(count × hoursEach × hourlyRate), whole øre, halves away from zero. */
  amountOere: oere(),
});

export const administrativeShareRecordedV1 = z.strictObject({
  shareId: clientId(),
  /** The project whose costs it comes out of; absent for an offer's (offerId). */
  projectId: clientId().optional(),
  /** An offer outside a project whose costs it comes out of, and its person (copied from the offer). */
  offerId: clientId().optional(),
  personId: clientId().optional(),
  activityFrom: isoDate(),
  activityTo: isoDate(),
  method: z.enum(CARVE_OUT_METHODS),
  /** standard_price: the lines; time_registration: empty. */
  lines: z.array(administrativeShareLineSchema),
  /** time_registration: the hours registered and the hourly cost; standard_price: null. */
  hours: z.string().nullable(),
  hourlyCostOere: oere().nullable(),
  /** area: the rent expense, its amount and the floor areas (m², canonical two decimals); else absent. */
  area: z
    .strictObject({
      expenseId: clientId(),
      expenseAmountOere: oere(),
      administration: z.string(),
      total: z.string(),
    })
    .optional(),
  amountOere: oere(),
  priceLevelYear: z.int(),
  methodReference: text(1000),
  /** The municipality's booking date the command gave (as an expense's): its postings are booked in that period. */
  bookingDate: isoDate().optional(),
});
export type AdministrativeShareRecordedData = z.output<typeof administrativeShareRecordedV1>;

/**
 * Stream project-{municipality}-{projectId}, or offer-{municipality}-{offerId} for an offer outside a project: the
 * administrative part carved out of the project's or the offer's costs of the period.
 */
export type AdministrativeShareRecorded = EventEnvelope<
  'AdministrativeShareRecorded',
  1,
  AdministrativeShareRecordedData
>;

export const administrativeShareRecorded = (
  data: AdministrativeShareRecordedData,
): AdministrativeShareRecorded => ({ type: 'AdministrativeShareRecorded', version: 1, data });
