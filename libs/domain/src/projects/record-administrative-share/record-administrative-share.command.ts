import { z } from 'zod';
import { clientId, hours, isoDate, kroner, squareMetres, text } from '../../shared/field-schemas';
import { commandSchema } from '../../shared/parse-command';
import { maybe } from '../../shared/schema';
import { ADMINISTRATIVE_ACTIVITIES, CARVE_OUT_METHODS } from '../administrative-share';

/**
 * API.md RecordAdministrativeShare: the administrative part carved out of a project's or an offer's
 * costs of the period (projectId, or offerId for an offer outside a project). standard_price: `lines` (count × hoursEach × hourlyRate each); time_registration:
 * `hours` × `hourlyCost`; area: the `expenseId` of a rent × `areas.administration` / `areas.total`. priceLevelYear and methodReference (the municipality's written method) are kept
 * for the auditor. bookingDate: the municipality's booking date (default: when recorded), never in the future.
 */
export const recordAdministrativeShareSchema = commandSchema('RecordAdministrativeShare', {
  shareId: clientId(),
  projectId: maybe(clientId()),
  offerId: maybe(clientId()),
  activityFrom: isoDate(),
  activityTo: isoDate(),
  bookingDate: maybe(isoDate()),
  method: z.enum(CARVE_OUT_METHODS),
  lines: maybe(
    z
      .array(
        z.strictObject({
          activity: z.enum(ADMINISTRATIVE_ACTIVITIES),
          count: z.int().min(1).max(1_000_000),
          hoursEach: hours(),
          hourlyRate: kroner(),
        }),
      )
      .min(1)
      .max(100),
  ),
  hours: maybe(hours()),
  /** area: the rent expense of the project whose administrative part is carved out, and the floor areas. */
  expenseId: maybe(clientId()),
  areas: maybe(z.strictObject({ administration: squareMetres(), total: squareMetres() })),
  hourlyCost: maybe(kroner()),
  priceLevelYear: z.int().min(2000).max(2099),
  methodReference: text(1000),
});
export type RecordAdministrativeShare = z.output<typeof recordAdministrativeShareSchema>;
