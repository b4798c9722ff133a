import { z } from 'zod';
import type { EventEnvelope } from '../shared/domain-event';
import { clientId, isoDate, storedCodeListId, text } from '../shared/field-schemas';
import { OFFER_KINDS, PROVIDER_KINDS } from '../shared/vocabulary';

export const offerProviderSchema = z.strictObject({
  kind: z.enum(PROVIDER_KINDS),
  name: text(200).nullable(),
});
export type OfferProvider = z.output<typeof offerProviderSchema>;

/** The terms OfferRegistered and ProjectRegistered record alike (a project's participants take them from it). */
export const registeredOfferTermsV1 = {
  offerKind: z.enum(OFFER_KINDS),
  /** The offer period, inclusive. */
  startDate: isoDate(),
  endDate: isoDate(),
  /** Afholdelseskategori id; required for guidance_upskilling, else null unless given. */
  offerCategory: storedCodeListId().nullable(),
  /** Bevillingsramme id; given together with offerCategory. */
  fundingFrame: storedCodeListId().nullable(),
  provider: offerProviderSchema.nullable(),
  /** Danish calendar date of the recorded time: the registration date the matrix was checked with. */
  registrationDate: isoDate(),
  /** Citations the category × frame check returned (empty when there was nothing to check), kept as recorded. */
  validityCitations: z.array(z.unknown()),
};

export const offerRegisteredV1 = z.strictObject({
  offerId: clientId(),
  personId: clientId(),
  ...registeredOfferTermsV1,
  /** The project the person takes part in: the event is on the project's stream (absent for an offer of its own). */
  projectId: clientId().optional(),
});
export type OfferRegisteredData = z.output<typeof offerRegisteredV1>;

/** Stream offer-{municipality}-{offerId}. */
export type OfferRegistered = EventEnvelope<'OfferRegistered', 1, OfferRegisteredData>;

export const offerRegistered = (data: OfferRegisteredData): OfferRegistered => ({
  type: 'OfferRegistered',
  version: 1,
  data,
});
