import type { OfferState } from '../offers/offer.state';
import type { ProjectState } from '../projects/project.state';
import type { OfferValidityCheck } from '../offers/offer-validity';

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

/** Everything a decider needs besides the command and its own state; injected, never read from a clock. */
export interface DecisionContext {
  /** Recorded time of the command: an ISO 8601 instant (UTC), e.g. '2025-03-01T10:00:00Z'. */
  now: string;
  /** The category × frame validity check (seed 002 matrix). */
  offerValidity: OfferValidityCheck;
  /** Folded states of the streams named by `contextStreams`. */
  related?: RelatedStates;
}
