import { z } from 'zod';
import type { EventEnvelope } from '../shared/domain-event';
import { clientId, isoDate } from '../shared/field-schemas';
import { OFFER_KINDS } from '../shared/vocabulary';

export const offerPeriodChangedV1 = z.strictObject({
  offerId: clientId(),
  personId: clientId(),
  offerKind: z.enum(OFFER_KINDS),
  /** The new period, inclusive. */
  startDate: isoDate(),
  endDate: isoDate(),
  /** The period before this change. */
  previousStartDate: isoDate(),
  previousEndDate: isoDate(),
  /** Citations of the category × frame re-check for the new start date (empty when not classified), kept as recorded. */
  validityCitations: z.array(z.unknown()),
  /** The offer's project, when it takes part in one (the event is on the project's stream). */
  projectId: clientId().optional(),
});
export type OfferPeriodChangedData = z.output<typeof offerPeriodChangedV1>;

/**
 * Stream offer-{municipality}-{offerId}. Expenses recorded earlier may now lie outside the
 * period: that is accepted (the ledger flags it), not refused.
 */
export type OfferPeriodChanged = EventEnvelope<'OfferPeriodChanged', 1, OfferPeriodChangedData>;

export const offerPeriodChanged = (data: OfferPeriodChangedData): OfferPeriodChanged => ({
  type: 'OfferPeriodChanged',
  version: 1,
  data,
});
