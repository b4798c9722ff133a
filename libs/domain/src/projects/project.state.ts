// Aggregate "project": the stream an offer lives on — its own (offer-{m}-{offerId}) or, for a
// participant of a project, the project's (project-{m}-{projectId}) — folded into the project
// (when registered), its offers and its shared expenses. Participation and the project's costs
// share one stream, so "someone takes part in the period" is checked against one revision, on
// EventStoreDB too.
import type { DomainEvent } from '../events/domain-events';
import { evolveOffer, initialOfferState, type OfferState, type RegisteredOffer } from '../offers/offer.state';
import type { ProjectRegisteredData } from './project-registered.event';
import type { IsoDate } from '../shared/vocabulary';

export type RegisteredProject = Omit<ProjectRegisteredData, 'validityCitations'>;

export interface ProjectState {
  /** null on an offer's own stream, or before RegisterProject. */
  project: RegisteredProject | null;
  offers: Readonly<Record<string, RegisteredOffer>>;
  /** The offers' ids in the order registered here: the order a project's participants share its costs in. */
  offerOrder: readonly string[];
  expenses: Readonly<Record<string, { activityFrom: IsoDate; activityTo: IsoDate; amountOere: number }>>;
  /** The expenses' ids in the order recorded. */
  expenseOrder: readonly string[];
  /** In the order recorded (the order they come out of the costs in); an area share's rent `expenseId`. */
  carveOuts: readonly RecordedCarveOut[];
}

export interface RecordedCarveOut {
  shareId: string;
  activityFrom: IsoDate;
  activityTo: IsoDate;
  amountOere: number;
  expenseId: string | null;
}

export const initialProjectState: ProjectState = {
  project: null,
  offers: {},
  offerOrder: [],
  expenses: {},
  expenseOrder: [],
  carveOuts: [],
};

export function evolveProject(state: ProjectState, event: DomainEvent): ProjectState {
  switch (event.type) {
    case 'ProjectRegistered': {
      const { validityCitations: _citations, ...project } = event.data;
      return { ...state, project };
    }
    case 'OfferRegistered':
    case 'OfferPeriodChanged':
    case 'OfferCancelled': {
      const offer = evolveOffer(offerOf(state, event.data.offerId), event);
      if (offer.status === 'none') return state;
      const known = Object.prototype.hasOwnProperty.call(state.offers, offer.offerId);
      return {
        ...state,
        offers: { ...state.offers, [offer.offerId]: offer },
        offerOrder: known ? state.offerOrder : [...state.offerOrder, offer.offerId],
      };
    }
    case 'ProjectExpenseRecorded': {
      const { expenseId, activityFrom, activityTo, amountOere } = event.data;
      return {
        ...state,
        expenses: { ...state.expenses, [expenseId]: { activityFrom, activityTo, amountOere } },
        expenseOrder: [...state.expenseOrder, expenseId],
      };
    }
    case 'AdministrativeShareRecorded': {
      const { shareId, activityFrom, activityTo, amountOere, area } = event.data;
      return {
        ...state,
        carveOuts: [
          ...state.carveOuts,
          { shareId, activityFrom, activityTo, amountOere, expenseId: area?.expenseId ?? null },
        ],
      };
    }
    default:
      return state;
  }
}

/** The offer's state on this stream. */
export const offerOf = (state: ProjectState, offerId: string): OfferState =>
  Object.prototype.hasOwnProperty.call(state.offers, offerId) ? state.offers[offerId] : initialOfferState;

/** The offers not cancelled whose period overlaps from..to: the participants who share a cost of that period. */
export function participantsIn(state: ProjectState, from: IsoDate, to: IsoDate): RegisteredOffer[] {
  return Object.values(state.offers).filter(
    (o) => o.status === 'active' && o.startDate <= to && o.endDate >= from,
  );
}
