import { z } from 'zod';
import type { EventEnvelope } from '../shared/domain-event';
import { clientId, isoDate, text } from '../shared/field-schemas';
import { OFFER_KINDS } from '../shared/vocabulary';

export const offerCancelledV1 = z.strictObject({
  offerId: clientId(),
  personId: clientId(),
  offerKind: z.enum(OFFER_KINDS),
  /** The period the offer had when it was cancelled. */
  startDate: isoDate(),
  endDate: isoDate(),
  reason: text(),
  /** The offer's project, when it takes part in one (the event is on the project's stream). */
  projectId: clientId().optional(),
});
export type OfferCancelledData = z.output<typeof offerCancelledV1>;

/** Stream offer-{municipality}-{offerId}. The offer never took place: the ledger reverses its costs. */
export type OfferCancelled = EventEnvelope<'OfferCancelled', 1, OfferCancelledData>;

export const offerCancelled = (data: OfferCancelledData): OfferCancelled => ({
  type: 'OfferCancelled',
  version: 1,
  data,
});
