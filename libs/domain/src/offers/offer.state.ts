import type { DomainEvent } from '../events/domain-events';
import type { IsoDate, OfferKind } from '../shared/vocabulary';
import type { OfferProvider } from './offer-registered.event';

export interface RegisteredOffer {
  status: 'active' | 'cancelled';
  offerId: string;
  personId: string;
  offerKind: OfferKind;
  startDate: IsoDate;
  endDate: IsoDate;
  offerCategory: string | null;
  fundingFrame: string | null;
  provider: OfferProvider | null;
  registrationDate: IsoDate;
  /** The project the offer takes part in (its stream is the project's), or null. */
  projectId: string | null;
}

/** Aggregate "offer", stream offer-{municipality}-{offerId}. */
export type OfferState = { status: 'none' } | RegisteredOffer;

export const initialOfferState: OfferState = { status: 'none' };

export function evolveOffer(state: OfferState, event: DomainEvent): OfferState {
  switch (event.type) {
    case 'OfferRegistered': {
      const d = event.data;
      return {
        status: 'active',
        offerId: d.offerId,
        personId: d.personId,
        offerKind: d.offerKind,
        startDate: d.startDate,
        endDate: d.endDate,
        offerCategory: d.offerCategory,
        fundingFrame: d.fundingFrame,
        provider: d.provider,
        registrationDate: d.registrationDate,
        projectId: d.projectId ?? null,
      };
    }
    case 'OfferPeriodChanged':
      return state.status === 'none'
        ? state
        : { ...state, startDate: event.data.startDate, endDate: event.data.endDate };
    case 'OfferCancelled':
      return state.status === 'none' ? state : { ...state, status: 'cancelled' };
    default:
      return state;
  }
}
