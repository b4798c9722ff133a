import type { EventEnvelope } from '../shared/domain-event';
import { clientId } from '../shared/ids';
import { array, isoDate, json, nullable, object, oneOf, string, text, type Schema } from '../shared/schema';
import { OFFER_KINDS, PROVIDER_KINDS, type IsoDate, type OfferKind, type ProviderKind } from '../shared/vocabulary';

export interface OfferProvider {
  kind: ProviderKind;
  name: string | null;
}

export interface OfferRegisteredData {
  offerId: string;
  personId: string;
  offerKind: OfferKind;
  /** The offer period, inclusive. */
  startDate: IsoDate;
  endDate: IsoDate;
  /** Afholdelseskategori id; required for guidance_upskilling, else null unless given. */
  offerCategory: string | null;
  /** Bevillingsramme id; given together with offerCategory. */
  fundingFrame: string | null;
  provider: OfferProvider | null;
  /** Danish calendar date of the recorded time: the registration date the matrix was checked with. */
  registrationDate: IsoDate;
  /** Citations the category × frame check returned (empty when there was nothing to check). */
  validityCitations: unknown[];
}

/** Stream offer-{municipality}-{offerId}. */
export type OfferRegistered = EventEnvelope<'OfferRegistered', 1, OfferRegisteredData>;

export const offerCode = () => string({ min: 1, max: 64 });

export const offerProviderSchema: Schema<OfferProvider> = object(
  { kind: oneOf(PROVIDER_KINDS), name: nullable(text(200)) },
  { strict: true },
);

export const offerRegisteredV1: Schema<OfferRegisteredData> = object(
  {
    offerId: clientId(),
    personId: clientId(),
    offerKind: oneOf(OFFER_KINDS),
    startDate: isoDate(),
    endDate: isoDate(),
    offerCategory: nullable(offerCode()),
    fundingFrame: nullable(offerCode()),
    provider: nullable(offerProviderSchema),
    registrationDate: isoDate(),
    validityCitations: array(json()),
  },
  { strict: true },
);

export const offerRegistered = (data: OfferRegisteredData): OfferRegistered => ({ type: 'OfferRegistered', version: 1, data });
