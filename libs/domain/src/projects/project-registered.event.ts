import { z } from 'zod';
import type { EventEnvelope } from '../shared/domain-event';
import { clientId, isoDate, storedCodeListId, text } from '../shared/field-schemas';
import { OFFER_KINDS } from '../shared/vocabulary';
import { offerProviderSchema } from '../offers/offer-registered.event';

export const projectRegisteredV1 = z.strictObject({
  projectId: clientId(),
  name: text(200),
  /** The kind, category and frame every participant's offer takes from the project. */
  offerKind: z.enum(OFFER_KINDS),
  startDate: isoDate(),
  endDate: isoDate(),
  offerCategory: storedCodeListId().nullable(),
  fundingFrame: storedCodeListId().nullable(),
  provider: offerProviderSchema.nullable(),
  /** Danish date of the recorded time: the registration date the matrix was checked with. */
  registrationDate: isoDate(),
  validityCitations: z.array(z.unknown()),
});
export type ProjectRegisteredData = z.output<typeof projectRegisteredV1>;

/** Stream project-{municipality}-{projectId}. */
export type ProjectRegistered = EventEnvelope<'ProjectRegistered', 1, ProjectRegisteredData>;

export const projectRegistered = (data: ProjectRegisteredData): ProjectRegistered => ({
  type: 'ProjectRegistered',
  version: 1,
  data,
});
