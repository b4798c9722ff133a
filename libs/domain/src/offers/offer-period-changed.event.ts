import type { EventEnvelope } from '../shared/domain-event';
import { clientId } from '../shared/ids';
import { array, isoDate, json, object, oneOf, type Schema } from '../shared/schema';
import { OFFER_KINDS, type IsoDate, type OfferKind } from '../shared/vocabulary';

export interface OfferPeriodChangedData {
  offerId: string;
  personId: string;
  offerKind: OfferKind;
  /** The new period, inclusive. */
  startDate: IsoDate;
  endDate: IsoDate;
  /** The period before this change. */
  previousStartDate: IsoDate;
  previousEndDate: IsoDate;
  /** Citations of the category × frame re-check for the new start date (empty when not classified). */
  validityCitations: unknown[];
}

/**
 * Stream offer-{municipality}-{offerId}. Expenses recorded earlier may now lie outside the
 * period: that is accepted (the ledger flags it), not refused.
 */
export type OfferPeriodChanged = EventEnvelope<'OfferPeriodChanged', 1, OfferPeriodChangedData>;

export const offerPeriodChangedV1: Schema<OfferPeriodChangedData> = object(
  {
    offerId: clientId(),
    personId: clientId(),
    offerKind: oneOf(OFFER_KINDS),
    startDate: isoDate(),
    endDate: isoDate(),
    previousStartDate: isoDate(),
    previousEndDate: isoDate(),
    validityCitations: array(json()),
  },
  { strict: true },
);

export const offerPeriodChanged = (data: OfferPeriodChangedData): OfferPeriodChanged => ({
  type: 'OfferPeriodChanged',
  version: 1,
  data,
});
