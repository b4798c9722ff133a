import type { OfferState } from '../offers/offer.state';
import type { ProjectState } from '../projects/project.state';
import type { OfferValidityCheck } from '../offers/offer-validity';
import type { IsoDate } from './vocabulary';

/**
 * The folded states of other streams a decider needs (named by the registry's
 * `contextStreams`); the handler reads each stream and folds it with the aggregate's own
 * `initialState`/`evolve` from the aggregate registry.
 */
export interface RelatedStates {
  offer?: OfferState;
  /** By projectId and offerId: the projects and offers a timesheet's hours name. */
  projects?: Record<string, ProjectState>;
  offers?: Record<string, OfferState>;
}

/** An expense of an offer as the read models know it (not reversed): what a carve-out of the offer comes out of. */
export interface OfferCost {
  expenseId: string;
  activityFrom: IsoDate;
  activityTo: IsoDate;
  amountOere: number;
}

/** Everything a decider needs besides the command and its own state; injected, never read from a clock. */
export interface DecisionContext {
  /** Recorded time of the command: an ISO 8601 instant (UTC), e.g. '2025-03-01T10:00:00Z'. */
  now: string;
  /** The category × frame validity check (seed 002 matrix). */
  offerValidity: OfferValidityCheck;
  /** Folded states of the streams named by `contextStreams`. */
  related?: RelatedStates;
  /**
   * The expenses of the offer the registry's `projectedContext` names, as projected once the read models reached the
   * log's head: they lie on a stream each, so no one revision guards them (the ledger posts what a later change leaves
   * uncovered as unresolved).
   */
  offerCosts?: readonly OfferCost[];
}
