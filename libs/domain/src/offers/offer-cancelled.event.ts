import type { EventEnvelope } from '../shared/domain-event';
import { clientId } from '../shared/ids';
import { isoDate, object, oneOf, text, type Schema } from '../shared/schema';
import { OFFER_KINDS, type IsoDate, type OfferKind } from '../shared/vocabulary';

export interface OfferCancelledData {
  offerId: string;
  personId: string;
  offerKind: OfferKind;
  /** The period the offer had when it was cancelled. */
  startDate: IsoDate;
  endDate: IsoDate;
  reason: string;
}

/** Stream offer-{municipality}-{offerId}. The offer never took place: the ledger reverses its costs. */
export type OfferCancelled = EventEnvelope<'OfferCancelled', 1, OfferCancelledData>;

export const offerCancelledV1: Schema<OfferCancelledData> = object(
  {
    offerId: clientId(),
    personId: clientId(),
    offerKind: oneOf(OFFER_KINDS),
    startDate: isoDate(),
    endDate: isoDate(),
    reason: text(),
  },
  { strict: true },
);

export const offerCancelled = (data: OfferCancelledData): OfferCancelled => ({ type: 'OfferCancelled', version: 1, data });
